"""The demo's log-ins as people need them: a table to read and JSON for scripts.

The rows are read back from the database (the user, its role, its TOTP device), so what
is printed is what works, also when the region was built earlier.
"""

import base64
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from passend.accounts.models import Gebruiker, Koppeling, Rol, token_hash
from passend.demo.bouwer.inlogplan import WACHTWOORD
from passend.demo.bouwer.plan import DemoPlan


@dataclass(frozen=True)
class Inloggegeven:
    gebruikersnaam: str
    wachtwoord: str | None
    rol: str
    rol_label: str
    organisatie: str
    totp_sleutel_hex: str | None
    api_token: str | None = None

    @property
    def totp_sleutel_base32(self) -> str | None:
        """The key as authenticator apps want it (20 bytes: 32 characters, no padding)."""
        if self.totp_sleutel_hex is None:
            return None
        return base64.b32encode(bytes.fromhex(self.totp_sleutel_hex)).decode().rstrip("=")

    def totp_code(self, tijdstip: float | None = None) -> str | None:
        if self.totp_sleutel_hex is None:
            return None
        totp = TOTP(bytes.fromhex(self.totp_sleutel_hex))
        if tijdstip is not None:
            totp.time = tijdstip
        return f"{totp.token():06d}"

    def als_json(self) -> dict[str, Any]:
        return {
            "username": self.gebruikersnaam,
            "password": self.wachtwoord,
            "rol": self.rol,
            "rol_label": self.rol_label,
            "organisatie": self.organisatie,
            "totp_secret_hex": self.totp_sleutel_hex,
            "totp_secret_base32": self.totp_sleutel_base32,
            "api_token": self.api_token,
        }


def inloggegevens_ophalen(plan: DemoPlan) -> tuple[list[Inloggegeven], list[str]]:
    """The planned log-ins as found in the database, and a warning per missing one."""
    namen = [i.gebruikersnaam for i in plan.inloggers]
    gebruikers = {g.username: g for g in Gebruiker.objects.filter(username__in=namen)}
    sleutels = dict(
        TOTPDevice.objects.filter(user__username__in=namen, confirmed=True)
        .order_by("id")
        .values_list("user__username", "key")
    )
    rijen, waarschuwingen = [], []
    for inlogger in plan.inloggers:
        gebruiker = gebruikers.get(inlogger.gebruikersnaam)
        rol = (
            Rol.objects.filter(gebruiker=gebruiker, rolsoort=inlogger.rolsoort)
            .select_related("school", "schoolbestuur", "samenwerkingsverband", "gemeente")
            .first()
            if gebruiker
            else None
        )
        if rol is None:
            waarschuwingen.append(f"Log-in {inlogger.gebruikersnaam} niet gevonden (andere seed?).")
            continue
        rijen.append(
            Inloggegeven(
                gebruikersnaam=inlogger.gebruikersnaam,
                wachtwoord=WACHTWOORD,
                rol=rol.rolsoort,
                rol_label=rol.get_rolsoort_display(),
                organisatie=rol.organisatie_label,
                totp_sleutel_hex=sleutels.get(inlogger.gebruikersnaam),
            )
        )
    koppeling = (
        Koppeling.objects.filter(token_hash=token_hash(plan.koppeling.token))
        .select_related("rol__gebruiker", "rol__school")
        .first()
    )
    if koppeling is None:
        waarschuwingen.append("Koppeling met het token van deze seed niet gevonden (andere seed?).")
    else:
        rijen.append(
            Inloggegeven(
                gebruikersnaam=koppeling.rol.gebruiker.username,
                wachtwoord=None,
                rol=koppeling.rol.rolsoort,
                rol_label=f"{koppeling.rol.get_rolsoort_display()} (API-koppeling)",
                organisatie=koppeling.rol.organisatie_label,
                totp_sleutel_hex=None,
                api_token=plan.koppeling.token,
            )
        )
    return rijen, waarschuwingen


def inlogtabel(rijen: Sequence[Inloggegeven], tijdstip: float | None = None) -> str:
    """A plain-text table in Dutch; the TOTP code is the one valid at ``tijdstip``."""
    tijdstip = time.time() if tijdstip is None else tijdstip
    kop = ("Gebruikersnaam", "Wachtwoord", "Rol", "Organisatie", "Code nu", "TOTP-geheim (base32)")
    regels = [kop] + [
        (
            r.gebruikersnaam,
            r.wachtwoord or "-",
            r.rol_label,
            r.organisatie,
            r.totp_code(tijdstip) or "-",
            r.totp_sleutel_base32 or f"API-token: {r.api_token}",
        )
        for r in rijen
    ]
    breedten = [max(len(regel[k]) for regel in regels) for k in range(len(kop))]

    def opmaak(regel: Sequence[str]) -> str:
        return "  ".join(veld.ljust(b) for veld, b in zip(regel, breedten, strict=True)).rstrip()

    streep = "  ".join("-" * b for b in breedten)
    return "\n".join([opmaak(kop), streep, *(opmaak(r) for r in regels[1:])])
