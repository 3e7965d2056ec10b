"""Shared by the OPP services: their errors, row locking with the policy check, and the access log."""

from typing import Any

from django.core.exceptions import ValidationError

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import (
    Ontwikkelingsperspectief,
)
from passend.ondersteuning.permissions import beleid

BEWERKBARE_VELDEN = frozenset(
    {
        "uitstroombestemming",
        "uitstroomperspectief",
        "onderbouwing",
        "ondersteuningsgebied",
        "start_extra_ondersteuning",
        "leerling_handelingsbekwaam",
    }
)


class Conflict(Exception):
    """Somebody else changed this OPP since it was read: nothing was saved."""


class OppOnvolledig(ValidationError):
    """Vaststellen refused: ``ontbrekend`` lists every missing part in plain Dutch."""

    def __init__(self, ontbrekend: list[str]) -> None:
        super().__init__(ontbrekend)
        self.ontbrekend = ontbrekend


class Bevroren(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            "Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een herziening."
        )


def _log(actor: Any, opp: Ontwikkelingsperspectief, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type="ontwikkelingsperspectief",
        object_id=str(opp.sleutel),
        leerling_sleutels=[opp.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _vergrendeld(opp: Ontwikkelingsperspectief, actor: Any, actie: str) -> Ontwikkelingsperspectief:
    """Lock the row, check the policy again on the locked row."""
    rij = (
        Ontwikkelingsperspectief.objects.select_for_update()
        .select_related("leerling")
        .get(pk=opp.pk)
    )
    beleid.eis(actor, actie, rij)
    return rij


def _concept(opp: Ontwikkelingsperspectief, actor: Any) -> Ontwikkelingsperspectief:
    rij = _vergrendeld(opp, actor, "opstellen")
    if rij.is_bevroren:
        raise Bevroren()
    return rij
