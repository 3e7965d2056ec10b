"""Extending the decision term: once, by 1 to 4 weeks, before it has passed."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.zorgplicht.instellingen import schorsperioden
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import (
    StapSoort,
    verlengd_tot,
    verlengen_mogelijk,
    verlengingsfouten,
)
from passend.zorgplicht.selectors import termijnen_van
from passend.zorgplicht.services.basis import (
    Conflict,
    NietMogelijk,
    _fouten,
    _log,
    _stap,
    _vergrendeld,
    _weigering_vastleggen,
)


def aanmelding_verlengen(
    *,
    actor: Any,
    aanmelding: Aanmelding,
    weken: int | None,
    reden: str,
    verlengd_op: date | None = None,
    route: str = "",
) -> Aanmelding:
    """Extend the decision term once, by 1 to 4 weeks, before it has passed (the board
    tells the parents in writing: the letter is ``pdf.verlengingsbrief``)."""
    vandaag = timezone.localdate()
    op = verlengd_op or vandaag
    try:
        return _verlengen(actor, aanmelding, weken, reden, op, vandaag, route)
    except Geweigerd as fout:
        _weigering_vastleggen(actor, aanmelding, fout, route)
        raise


def _verlengen(
    actor: Any,
    aanmelding: Aanmelding,
    weken: int | None,
    reden: str,
    op: date,
    vandaag: date,
    route: str,
) -> Aanmelding:
    with transaction.atomic():
        rij = _vergrendeld(aanmelding, actor, "verlengen")
        t = termijnen_van(rij)
        # Judged on the stated date and on today: an extension recorded long after the term
        # cannot undo the overdue signal by a date in the past (rules.NAREGISTRATIE_DAGEN).
        weigering = verlengen_mogelijk(t, op, vandaag)
        if weigering is not None:
            raise NietMogelijk(weigering.code, weigering.melding)
        fouten = verlengingsfouten(t=t, weken=weken, op=op, reden=reden)
        if op > vandaag:
            fouten["verlengd_op"] = "De datum van de verlenging kan niet in de toekomst liggen."
        if fouten:
            raise _fouten(fouten)
        assert weken is not None
        nieuw_einde = verlengd_tot(
            rij.ontvangen_op, weken, schorsperioden() if rij.zomervakantie_geschorst else ()
        )
        bijgewerkt = Aanmelding.objects.filter(
            pk=rij.pk, uitkomst="", verlengd_tot__isnull=True
        ).update(
            verlengd_tot=nieuw_einde,
            verlenging_weken=weken,
            verlenging_reden=reden.strip(),
            verlengd_op=op,
            verlengd_door=actor.gebruiker,
            gewijzigd_op=timezone.now(),
        )
        if bijgewerkt != 1:
            raise Conflict("Iemand anders heeft deze aanmelding intussen verlengd of besloten.")
        rij.refresh_from_db()
        _stap(
            rij,
            StapSoort.VERLENGD,
            op,
            actor,
            f"Met {weken} we{'ek' if weken == 1 else 'ken'} verlengd tot en met "
            f"{nieuw_einde:%d-%m-%Y}. Reden: {reden.strip()}",
        )
        _log(
            actor,
            actie=Actie.WIJZIGEN,
            aanmelding=rij,
            leerling=rij.leerling,
            toegestaan=True,
            reden=f"beslistermijn verlengd met {weken} weken",
            route=route,
        )
    return rij
