"""Writes of an SWV's own disagreement route: take over the default, change a step's
texts. The route holds no pupil data (no access-log record)."""

from typing import Any

from django.db import transaction

from passend.core.permissions import Geweigerd
from passend.geschillen.models import Routestap
from passend.geschillen.permissions import beleid
from passend.geschillen.selectors.route import eigen_route, standaardroute
from passend.geschillen.services.basis import Conflict, Fouten, tekst, weiger_bij_fouten

VELDEN = ("naam", "uitleg", "wie", "termijn")


def _swv_id(actor: Any) -> int:
    beleid.eis(actor, "route_beheren")
    swv_id = actor.rol.samenwerkingsverband_id
    if swv_id is None:
        raise Geweigerd("deze rol hoort niet bij een samenwerkingsverband")
    return int(swv_id)


@transaction.atomic
def route_overnemen(*, actor: Any) -> list[Routestap]:
    """Copy the default route to the actor's SWV, to adapt its texts."""
    swv_id = _swv_id(actor)
    if eigen_route(swv_id).select_for_update().exists():
        raise Conflict("Uw samenwerkingsverband heeft al een eigen route.", code="bestaat")
    return Routestap.objects.bulk_create(
        [
            Routestap(
                samenwerkingsverband_id=swv_id,
                volgorde=stap.volgorde,
                code=stap.code,
                soort=stap.soort,
                naam=stap.naam,
                uitleg=stap.uitleg,
                wie=stap.wie,
                termijn=stap.termijn,
            )
            for stap in standaardroute()
        ]
    )


@transaction.atomic
def routestap_wijzigen(
    *,
    actor: Any,
    routestap: Routestap,
    revisie: int,
    naam: str,
    uitleg: str,
    wie: str = "",
    termijn: str = "",
) -> Routestap:
    """Change the texts of a step of the SWV's own route (its kind and order stay). A form
    read before somebody else's change (``revisie``) is refused with ``Conflict``."""
    swv_id = _swv_id(actor)
    rij = Routestap.objects.select_for_update().get(pk=routestap.pk)
    if rij.samenwerkingsverband_id != swv_id:
        raise Geweigerd("alleen stappen van de eigen route van het samenwerkingsverband")
    if rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft deze stap intussen gewijzigd. Bekijk de nieuwe teksten en "
            "voer uw wijziging opnieuw in."
        )
    fouten: Fouten = {}
    rij.naam = tekst(naam, "naam", fouten, verplicht="Geef de stap een naam.", maximum=200)
    rij.uitleg = tekst(uitleg, "uitleg", fouten, verplicht="Leg de stap uit voor ouders.")
    rij.wie = tekst(wie, "wie", fouten, maximum=300)
    rij.termijn = tekst(termijn, "termijn", fouten, maximum=300)
    weiger_bij_fouten(fouten)
    rij.revisie += 1
    rij.save(update_fields=[*VELDEN, "revisie", "gewijzigd_op"])
    return rij
