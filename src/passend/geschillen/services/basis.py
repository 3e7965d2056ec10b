"""Shared by the geschillen services: their errors, row locking with the policy check, the
``revisie`` check, date and text checks, and the access log."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.models import Onenigheid
from passend.geschillen.permissions import beleid

OBJECT_TYPE = "onenigheid"
MAX_TEKST = 10_000

Fouten = dict[str, list[str]]


class Conflict(Exception):
    """Somebody else changed the disagreement since it was read, or it is closed: nothing
    was saved (a message on the page, a 409 in the API)."""

    def __init__(self, melding: str, *, code: str = "revisie") -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code


def log(actor: Any, onenigheid: Onenigheid, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(onenigheid.sleutel),
        leerling_sleutels=[onenigheid.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


def vergrendeld(onenigheid: Onenigheid, actor: Any, actie: str) -> Onenigheid:
    """Lock the row and check the policy again on the locked row."""
    rij = (
        Onenigheid.objects.select_for_update(of=("self",))
        .select_related("leerling", "samenwerkingsverband")
        .get(pk=onenigheid.pk)
    )
    beleid.eis(actor, actie, rij)
    return rij


def eis_revisie(rij: Onenigheid, revisie: int) -> None:
    if rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft deze onenigheid intussen gewijzigd. Bekijk de nieuwe stand en "
            "voer uw wijziging opnieuw in."
        )


def eis_open(rij: Onenigheid) -> None:
    if rij.status != "open":
        raise Conflict("Deze onenigheid is al afgesloten.", code="afgesloten")


def tekst(
    waarde: str | None, veld: str, fouten: Fouten, *, verplicht: str = "", maximum: int = MAX_TEKST
) -> str:
    schoon = (waarde or "").strip()
    if not schoon and verplicht:
        fouten.setdefault(veld, []).append(verplicht)
    elif len(schoon) > maximum:
        fouten.setdefault(veld, []).append(
            f"De tekst is te lang. Gebruik maximaal {maximum} tekens."
        )
    return schoon


def datum(
    waarde: date | None,
    veld: str,
    fouten: Fouten,
    *,
    verplicht: bool = True,
    niet_voor: date | None = None,
    niet_voor_tekst: str = "",
) -> None:
    if waarde is None:
        if verplicht:
            fouten.setdefault(veld, []).append("Vul een datum in.")
        return
    if waarde > timezone.localdate():
        fouten.setdefault(veld, []).append("Deze datum kan niet in de toekomst liggen.")
    if niet_voor is not None and waarde < niet_voor:
        fouten.setdefault(veld, []).append(
            f"Deze datum kan niet vóór {niet_voor_tekst} ({niet_voor:%d-%m-%Y}) liggen."
        )


def weiger_bij_fouten(fouten: Fouten) -> None:
    if fouten:
        raise ValidationError(fouten)
