"""Every write to the pupil register."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling
from passend.leerlingen.permissions import beleid
from passend.leerlingen.rules import WIJZIGBARE_VELDEN, normaliseer_leerling_postcode
from passend.organisaties.models import Vestiging


class Conflict(Exception):
    """Somebody else changed the record since it was read: nothing was saved."""


def leerling_inschrijven(
    *,
    actor: Any,
    voornamen: str,
    achternaam: str,
    geboortedatum: date,
    postcode: str,
    vestiging: Vestiging,
    van: date,
    roepnaam: str = "",
    tussenvoegsel: str = "",
    route: str = "",
) -> Leerling:
    """Register a pupil and enrol them at a location of the actor's own school."""
    if not beleid.mag(actor, "inschrijven") or vestiging.school_id != actor.rol.school_id:
        toegang_vastleggen(
            actor=actor,
            actie=Actie.AANMAKEN,
            object_type="leerling",
            toegestaan=False,
            reden=f"geweigerd: inschrijven op {vestiging.vestigingscode}",
            route=route,
        )
        raise Geweigerd("alleen voor vestigingen van de eigen school")
    with transaction.atomic():
        leerling = Leerling(
            voornamen=voornamen.strip(),
            roepnaam=roepnaam.strip(),
            tussenvoegsel=tussenvoegsel.strip(),
            achternaam=achternaam.strip(),
            geboortedatum=geboortedatum,
            postcode=normaliseer_leerling_postcode(postcode),
        )
        leerling.full_clean()
        leerling.save()
        inschrijving = Inschrijving(leerling=leerling, vestiging=vestiging, van=van)
        inschrijving.full_clean()
        inschrijving.save()
        toegang_vastleggen(
            actor=actor,
            actie=Actie.AANMAKEN,
            object_type="leerling",
            object_id=str(leerling.sleutel),
            leerling_sleutels=[leerling.sleutel],
            toegestaan=True,
            reden=f"ingeschreven op {vestiging.vestigingscode}",
            route=route,
        )
    return leerling


def leerling_wijzigen(
    *, actor: Any, leerling: Leerling, versie: str, wijzigingen: dict[str, Any], route: str = ""
) -> Leerling:
    """Change a pupil's data; refuses when the record changed since ``versie`` was read."""
    onbekend = set(wijzigingen) - WIJZIGBARE_VELDEN
    if onbekend:
        raise ValidationError({veld: "Dit veld kan niet worden gewijzigd." for veld in onbekend})
    with transaction.atomic():
        vergrendeld = Leerling.objects.select_for_update().get(pk=leerling.pk)
        if not beleid.mag(actor, "wijzigen", vergrendeld):
            raise Geweigerd("geen recht om deze leerling te wijzigen")
        if vergrendeld.gewijzigd_op.isoformat() != versie:
            raise Conflict("Iemand anders heeft deze leerling intussen gewijzigd.")
        for veld, waarde in wijzigingen.items():
            if veld == "postcode":
                waarde = normaliseer_leerling_postcode(waarde)
            setattr(vergrendeld, veld, waarde.strip() if isinstance(waarde, str) else waarde)
        vergrendeld.full_clean()
        vergrendeld.save()
        toegang_vastleggen(
            actor=actor,
            actie=Actie.WIJZIGEN,
            object_type="leerling",
            object_id=str(vergrendeld.sleutel),
            leerling_sleutels=[vergrendeld.sleutel],
            toegestaan=True,
            reden="gegevens gewijzigd: " + ", ".join(sorted(wijzigingen)),
            route=route,
        )
    return vergrendeld


def leerling_inlog_geven(*, leerling: Leerling, gebruiker: Any, peildatum: date) -> Leerling:
    """Let a pupil log in themselves: only from the minimum age (setting, default 12)."""
    from django.conf import settings

    from passend.accounts.rules import Rolsoort
    from passend.accounts.services import rol_toekennen
    from passend.leerlingen.rules import mag_zelf_inloggen

    minimum = int(settings.PASSEND["LEERLING_LOGIN_MINIMUM_LEEFTIJD"])
    if not mag_zelf_inloggen(leerling.geboortedatum, peildatum, minimum):
        raise ValidationError(
            {"gebruiker": f"Een leerling kan pas vanaf {minimum} jaar zelf inloggen."}
        )
    with transaction.atomic():
        leerling.gebruiker = gebruiker
        leerling.full_clean()
        leerling.save(update_fields=["gebruiker", "gewijzigd_op"])
        rol_toekennen(gebruiker=gebruiker, rolsoort=Rolsoort.LEERLING, van=peildatum)
    return leerling


def betrokkenheid_vastleggen(
    *,
    leerling: Leerling,
    grond: str,
    van: date,
    samenwerkingsverband: Any = None,
    gebruiker: Any = None,
    tot: date | None = None,
) -> Betrokkenheid:
    """Give an SWV (or a person) sight of a pupil for a reason, from a date.

    Called by the services of the processes (an arrangement or TLV request, a verzuim case)
    inside their own transaction, after their own permission check; idempotent per reason.
    """
    if samenwerkingsverband is None and gebruiker is None:
        raise ValueError("Een betrokkenheid hoort bij een SWV of een persoon.")
    betrokkenheid, _ = Betrokkenheid.objects.get_or_create(
        leerling=leerling,
        samenwerkingsverband=samenwerkingsverband,
        gebruiker=gebruiker,
        grond=grond,
        defaults={"van": van, "tot": tot},
    )
    return betrokkenheid


def leerling_registreren(
    *,
    voornamen: str,
    achternaam: str,
    geboortedatum: date,
    postcode: str,
    woongemeente: Any = None,
    roepnaam: str = "",
    tussenvoegsel: str = "",
    ouder: Any = None,
) -> Leerling:
    """Register a child that is not enrolled anywhere yet, for a registration at a school.

    Called by the zorgplicht services inside their own transaction, after their own
    permission check and with their own access-log record. When a parent registers a new
    child in the portal, ``ouder`` becomes the child's parent with gezag (as the parent
    declares; the school checks it at the intake).
    """
    leerling = Leerling(
        voornamen=voornamen.strip(),
        roepnaam=roepnaam.strip(),
        tussenvoegsel=tussenvoegsel.strip(),
        achternaam=achternaam.strip(),
        geboortedatum=geboortedatum,
        postcode=normaliseer_leerling_postcode(postcode),
        woongemeente=woongemeente,
    )
    leerling.full_clean()
    leerling.save()
    if ouder is not None:
        from passend.leerlingen.models import Ouderschap

        Ouderschap.objects.create(ouder=ouder, leerling=leerling, gezag=True)
    return leerling


def inschrijven_na_toelating(
    *, leerling: Leerling, vestiging: Vestiging, van: date
) -> Inschrijving:
    """Enrol an admitted pupil at the location from ``van`` (the school then sees the file).

    A running enrolment at another location ends the day before (a pupil attends one school
    at a time). Idempotent: an enrolment at this location that already covers ``van`` is
    returned as it is. Called by the zorgplicht services inside their own transaction,
    after their own permission check and with their own access-log record.
    """
    from datetime import timedelta

    from django.db.models import Q

    bestaand = (
        Inschrijving.objects.filter(leerling=leerling, vestiging=vestiging, van__lte=van)
        .filter(Q(tot__isnull=True) | Q(tot__gte=van))
        .first()
    )
    if bestaand is not None:
        return bestaand
    overlappend = Inschrijving.objects.filter(leerling=leerling).filter(
        Q(tot__isnull=True) | Q(tot__gte=van)
    )
    for eerder in overlappend.select_for_update():
        if eerder.van >= van:
            raise ValidationError(
                {
                    "ingangsdatum": (
                        f"De leerling staat vanaf {eerder.van:%d-%m-%Y} al ingeschreven op een "
                        "school. Kies een latere ingangsdatum."
                    )
                }
            )
        eerder.tot = van - timedelta(days=1)
        eerder.full_clean()
        eerder.save(update_fields=["tot", "gewijzigd_op"])
    inschrijving = Inschrijving(leerling=leerling, vestiging=vestiging, van=van)
    inschrijving.full_clean()
    inschrijving.save()
    return inschrijving
