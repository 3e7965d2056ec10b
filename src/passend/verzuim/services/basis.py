"""Shared by the verzuim services: their errors, row locking with the policy check, the
checks every write makes, and the access log."""

from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.permissions import beleid

OBJECT_TYPE = "verzuimmelding"
MAX_TEKST = 10_000

Fouten = dict[str, list[str]]


class Conflict(Exception):
    """Somebody else changed this case since the form was opened: nothing was saved."""

    def __init__(self, melding: str = "") -> None:
        self.melding = melding or (
            "Iemand anders heeft deze melding intussen gewijzigd. Hieronder ziet u de "
            "huidige gegevens; wat u invulde staat nog in het formulier. Controleer het en "
            "sla opnieuw op."
        )
        super().__init__(self.melding)


def log(actor: Any, melding: Verzuimmelding, actie: Actie, reden: str, route: str) -> None:
    """The one access-log record of a successful write."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(melding.sleutel),
        leerling_sleutels=[melding.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


def vergrendeld(melding: Verzuimmelding, actor: Any, actie: str) -> Verzuimmelding:
    """Lock the case's row and check the policy again on the locked row."""
    rij = (
        Verzuimmelding.objects.select_for_update()
        .select_related("leerling", "gemeente", "samenwerkingsverband")
        .get(pk=melding.pk)
    )
    beleid.eis(actor, actie, rij)
    return rij


def eis_revisie(rij: Verzuimmelding, revisie: Any) -> None:
    if revisie is None or int(revisie) != rij.revisie:
        raise Conflict()


def eis_lopend(rij: Verzuimmelding) -> None:
    if rij.einde is not None:
        raise ValidationError(
            {NON_FIELD_ERRORS: ["Deze melding is al beëindigd. Er kan niets meer bij."]}
        )


def bewaar(rij: Verzuimmelding, velden: list[str]) -> None:
    """Save these fields and raise the revision (the row is locked)."""
    rij.revisie += 1
    rij.save(update_fields=[*velden, "revisie", "gewijzigd_op"])


def fout(fouten: Fouten, veld: str, melding: str) -> None:
    fouten.setdefault(veld, []).append(melding)


def tekst(waarde: Any, veld: str, leeg: str | None, fouten: Fouten) -> str:
    """A trimmed text; ``leeg`` is the message when it is required and empty."""
    uit = str(waarde or "").strip()
    if not uit and leeg:
        fout(fouten, veld, leeg)
    elif len(uit) > MAX_TEKST:
        fout(fouten, veld, f"De tekst is te lang. Gebruik maximaal {MAX_TEKST} tekens.")
    return uit


def datum(
    waarde: Any,
    veld: str,
    fouten: Fouten,
    *,
    niet_voor: date | None = None,
    niet_voor_tekst: str = "",
    toekomst_mag: bool = False,
) -> date | None:
    """Check a date: given, not in the future (unless allowed), not before ``niet_voor``."""
    if not isinstance(waarde, date):
        fout(fouten, veld, "Vul een datum in.")
        return None
    if not toekomst_mag and waarde > timezone.localdate():
        fout(fouten, veld, "Deze datum kan niet in de toekomst liggen.")
    if niet_voor is not None and waarde < niet_voor:
        fout(
            fouten,
            veld,
            f"Deze datum kan niet vóór {niet_voor_tekst} ({niet_voor:%d-%m-%Y}) liggen.",
        )
    return waarde


def weiger_bij_fouten(fouten: Fouten) -> None:
    if fouten:
        raise ValidationError(fouten)
