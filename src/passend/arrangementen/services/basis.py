"""Shared by the arrangement services: their error, dating a step, locking the row with the
policy check, the status-guarded write of a step with its history row, and the access log."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.arrangementen.models import Arrangementaanvraag, Statuswijziging
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import datum_volgorde_fout, overgang_fout
from passend.arrangementen.selectors import OBJECT_TYPE
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen


class Statusfout(ValidationError):
    """The step is not possible in the request's status (it may just have changed)."""


def _log(actor: Any, aanvraag: Arrangementaanvraag, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(aanvraag.sleutel),
        leerling_sleutels=[aanvraag.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _datum(op: date | None, vorige: date | None, veld: str) -> date:
    vandaag = timezone.localdate()
    datum = op or vandaag
    fout = datum_volgorde_fout(vorige, datum, vandaag=vandaag)
    if fout:
        raise ValidationError({veld: fout})
    return datum


def _laatste_stap(rij: Arrangementaanvraag) -> date:
    data = [rij.ingediend_op, rij.opnieuw_ingediend_op, rij.onvolledig_op, rij.compleet_op]
    return max(d for d in data if d is not None)


def _vergrendeld(aanvraag: Arrangementaanvraag) -> Arrangementaanvraag:
    return (
        Arrangementaanvraag.objects.select_for_update()
        .select_related("leerling", "opp", "samenwerkingsverband")
        .get(pk=aanvraag.pk)
    )


def _stap(
    *,
    actor: Any,
    aanvraag: Arrangementaanvraag,
    actie: str,
    naar: str,
    velden: dict[str, Any],
    datum: date,
    toelichting: str,
    reden: str,
    route: str,
    gelezen: Arrangementaanvraag,
) -> Arrangementaanvraag:
    """Write one step: only if the row still has the status it was read with."""
    bijgewerkt = Arrangementaanvraag.objects.filter(pk=gelezen.pk, status=gelezen.status).update(
        status=naar, gewijzigd_op=timezone.now(), **velden
    )
    if bijgewerkt != 1:
        raise Statusfout(
            "Iemand anders heeft deze aanvraag intussen behandeld. Er is niets opgeslagen; "
            "bekijk de aanvraag opnieuw."
        )
    Statuswijziging.objects.create(
        aanvraag=gelezen,
        van_status=gelezen.status,
        naar_status=naar,
        datum=datum,
        door=actor.gebruiker,
        toelichting=toelichting,
    )
    aanvraag.refresh_from_db()
    _log(actor, aanvraag, Actie.WIJZIGEN, reden, route)
    return aanvraag


def _open_stap(
    actor: Any, aanvraag: Arrangementaanvraag, actie: str, naar: str
) -> Arrangementaanvraag:
    """Lock the row, check the policy on it and whether the step is allowed now."""
    rij = _vergrendeld(aanvraag)
    beleid.eis(actor, actie, rij)
    fout = overgang_fout(rij.status, naar)
    if fout:
        raise Statusfout(fout)
    return rij
