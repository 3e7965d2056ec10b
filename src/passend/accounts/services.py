"""Every write about people: accounts, roles, second factors, koppelingen."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from passend.accounts.models import Gebruiker, Koppeling, Rol, token_hash
from passend.core.perioden import perioden_overlappen


def gebruiker_aanmaken(
    *,
    gebruikersnaam: str,
    voornaam: str,
    achternaam: str,
    email: str = "",
    wachtwoord: str | None = None,
) -> Gebruiker:
    """A person. Without a password the account cannot log in (e.g. a parent without portal)."""
    gebruiker = Gebruiker(
        username=gebruikersnaam.strip().lower(),
        first_name=voornaam.strip(),
        last_name=achternaam.strip(),
        email=email.strip(),
    )
    if wachtwoord:
        gebruiker.set_password(wachtwoord)
    else:
        gebruiker.set_unusable_password()
    gebruiker.full_clean(exclude=["password"])
    gebruiker.save()
    return gebruiker


def rol_toekennen(
    *,
    gebruiker: Gebruiker,
    rolsoort: str,
    organisatie: Any = None,
    van: date,
    tot: date | None = None,
) -> Rol:
    """Give a person a role in an organisation. The same role twice at once is refused."""
    from passend.accounts.rules import organisatieveld

    veld = organisatieveld(rolsoort)
    rol = Rol(gebruiker=gebruiker, rolsoort=rolsoort, van=van, tot=tot)
    if veld:
        setattr(rol, veld, organisatie)
    rol.full_clean()
    with transaction.atomic():
        bestaande = Rol.objects.select_for_update().filter(
            gebruiker=gebruiker, rolsoort=rolsoort, **({f"{veld}": organisatie} if veld else {})
        )
        if any(perioden_overlappen(r.van, r.tot, van, tot) for r in bestaande):
            raise ValidationError({"rolsoort": "Deze persoon heeft deze rol in deze periode al."})
        rol.save()
    return rol


def totp_apparaat_toevoegen(
    *, gebruiker: Gebruiker, sleutel_hex: str, naam: str = "default"
) -> TOTPDevice:
    """Register a confirmed TOTP device (an authenticator app) for a person."""
    apparaat = TOTPDevice(user=gebruiker, name=naam, key=sleutel_hex, confirmed=True)
    apparaat.full_clean()
    apparaat.save()
    return apparaat


def koppeling_aanmaken(*, naam: str, rol: Rol, token: str | None = None) -> tuple[Koppeling, str]:
    """Issue a token to an application acting with one role; returns the token once."""
    token = token or Koppeling.nieuw_token()
    koppeling = Koppeling(
        naam=naam.strip(), rol=rol, token_prefix=token[:8], token_hash=token_hash(token)
    )
    koppeling.full_clean()
    koppeling.save()
    return koppeling, token


def koppeling_intrekken(*, koppeling: Koppeling) -> Koppeling:
    koppeling.actief = False
    koppeling.save(update_fields=["actief", "gewijzigd_op"])
    return koppeling
