"""The parents' view and the decision on the handelingsdeel (online or on paper)."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Ouderschap
from passend.ondersteuning.models import (
    Instemming,
    Ontwikkelingsperspectief,
)
from passend.ondersteuning.rules import (
    Besluit,
    Status,
    Wijze,
    herauthenticatie_geldig,
    leerling_beslist_zelf,
    mag_instemmen,
)
from passend.ondersteuning.services.basis import (
    Bevroren,
    _concept,
    _log,
    _vergrendeld,
)


def zienswijze_ouders_geven(
    *, actor: Any, opp: Ontwikkelingsperspectief, tekst: str, route: str = ""
) -> Ontwikkelingsperspectief:
    """A parent adds their own view to the draft (any parent, with or without gezag)."""
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "zienswijze_geven")
        if rij.is_bevroren:
            raise Bevroren()
        rij.zienswijze_ouders = tekst.strip()
        rij.save(update_fields=["zienswijze_ouders", "gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "kijk van de ouders toegevoegd", route)
    return rij


def _mag_beslissen(opp: Ontwikkelingsperspectief, gebruiker: Any, peildatum: date) -> bool:
    leerling = opp.leerling
    return mag_instemmen(
        is_ouder_met_gezag=Ouderschap.objects.filter(
            leerling=leerling, ouder=gebruiker, gezag=True
        ).exists(),
        is_de_leerling=leerling.gebruiker_id == gebruiker.pk,
        geboortedatum=leerling.geboortedatum,
        peildatum=peildatum,
        handelingsbekwaam=opp.leerling_handelingsbekwaam,
    )


def _weigering_uitleg(opp: Ontwikkelingsperspectief, peildatum: date) -> str:
    if leerling_beslist_zelf(opp.leerling.geboortedatum, peildatum, opp.leerling_handelingsbekwaam):
        return "De leerling is 18 jaar of ouder en beslist zelf over het handelingsdeel."
    return "Alleen een ouder met ouderlijk gezag kan instemmen met het handelingsdeel."


def instemming_geven(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    besluit: str,
    toelichting: str = "",
    herauthenticatie_op: datetime | None,
    route: str = "",
) -> Instemming:
    """A parent with gezag (or the adult pupil) decides online, after a fresh log-in check."""
    nu = timezone.now()
    if not herauthenticatie_geldig(herauthenticatie_op, nu):
        raise ValidationError(
            {"wachtwoord": "Vul uw wachtwoord opnieuw in om te bevestigen dat u het bent."}
        )
    if besluit == Besluit.GEWEIGERD and not toelichting.strip():
        raise ValidationError({"toelichting": "Schrijf kort op waarom u het niet eens bent."})
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "instemmen")
        if rij.status != Status.CONCEPT:
            raise Bevroren()
        if not _mag_beslissen(rij, actor.gebruiker, timezone.localdate()):
            raise Geweigerd(_weigering_uitleg(rij, timezone.localdate()))
        instemming = Instemming(
            opp=rij,
            besluit=besluit,
            wijze=Wijze.ONLINE,
            door=actor.gebruiker,
            vastgelegd_door=actor.gebruiker,
            datum=timezone.localdate(),
            toelichting=toelichting.strip(),
        )
        instemming.full_clean()
        instemming.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            f"handelingsdeel: {instemming.get_besluit_display().lower()}",
            route,
        )
    return instemming


def instemming_op_papier_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    door: Any,
    besluit: str,
    datum: date,
    toelichting: str = "",
    route: str = "",
) -> Instemming:
    """The school records a decision the parent (or adult pupil) gave on paper."""
    with transaction.atomic():
        rij = _concept(opp, actor)
        if not _mag_beslissen(rij, door, datum):
            raise ValidationError({"door": _weigering_uitleg(rij, datum)})
        instemming = Instemming(
            opp=rij,
            besluit=besluit,
            wijze=Wijze.PAPIER,
            door=door,
            vastgelegd_door=actor.gebruiker,
            datum=datum,
            toelichting=toelichting.strip(),
        )
        instemming.full_clean()
        instemming.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "instemming op papier vastgelegd", route)
    return instemming
