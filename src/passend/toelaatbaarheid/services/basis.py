"""Shared by the TLV services: their errors, row locking with the policy check, status-
guarded saving, and the access log."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.selectors import OBJECT_TYPE

MAX_TEKST = 10_000


class Conflict(Exception):
    """Somebody else changed this TLV (or setting) since it was read: nothing was saved."""


def _log(actor: Any, tlv: Toelaatbaarheidsverklaring, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(tlv.sleutel),
        leerling_sleutels=[tlv.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _vergrendeld(
    tlv: Toelaatbaarheidsverklaring, actor: Any, actie: str
) -> Toelaatbaarheidsverklaring:
    """Lock the row, check the policy again on the locked row."""
    rij = (
        Toelaatbaarheidsverklaring.objects.select_for_update()
        .select_related("leerling", "vestiging", "verantwoordelijk_swv", "opp")
        .get(pk=tlv.pk)
    )
    beleid.eis(actor, actie, rij)
    return rij


def _bewaar_als_status(rij: Toelaatbaarheidsverklaring, verwacht: str, velden: list[str]) -> None:
    """Save these fields only if the status is still the one read: two people deciding at
    once never silently overwrite each other."""
    rij.gewijzigd_op = timezone.now()
    bijgewerkt = Toelaatbaarheidsverklaring.objects.filter(pk=rij.pk, status=verwacht).update(
        **{veld: getattr(rij, veld) for veld in [*velden, "gewijzigd_op"]}
    )
    if bijgewerkt != 1:
        raise Conflict("Iemand anders heeft deze aanvraag intussen behandeld.")


def _tekst(waarde: str, veld: str, melding: str, fouten: dict[str, list[str]]) -> str:
    tekst = (waarde or "").strip()
    if not tekst:
        fouten.setdefault(veld, []).append(melding)
    elif len(tekst) > MAX_TEKST:
        fouten.setdefault(veld, []).append(
            f"De tekst is te lang. Gebruik maximaal {MAX_TEKST} tekens."
        )
    return tekst


def _datum_fouten(
    veld: str,
    datum: Any,
    fouten: dict[str, list[str]],
    *,
    niet_voor: Any = None,
    niet_voor_tekst: str = "",
) -> None:
    if datum is None:
        fouten.setdefault(veld, []).append("Vul een datum in.")
        return
    if datum > timezone.localdate():
        fouten.setdefault(veld, []).append("Deze datum kan niet in de toekomst liggen.")
    if niet_voor is not None and datum < niet_voor:
        fouten.setdefault(veld, []).append(
            f"Deze datum kan niet vóór {niet_voor_tekst} ({niet_voor:%d-%m-%Y}) liggen."
        )


def _weiger_bij_fouten(fouten: dict[str, list[str]]) -> None:
    if fouten:
        raise ValidationError(fouten)
