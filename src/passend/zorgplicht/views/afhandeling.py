"""What every registration page does around its one selector or service call: the one
access-log record when no service or selector wrote it, a registration whose state does not
allow the POST, service errors shown on the form, and the timeline of a registration."""

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from passend.accounts.actor import Actor
from passend.core.forms import fouten_naar_formulier as fouten_naar_formulier
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.selectors import OBJECT_TYPE


def vastleggen(
    *,
    actor: Actor,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
    aanmelding: Aanmelding | None = None,
    leerling_sleutels: Iterable[UUID] = (),
    object_type: str = OBJECT_TYPE,
) -> None:
    """The one access-log record of a request in which no service or selector wrote one."""
    sleutels = list(leerling_sleutels)
    if aanmelding is not None:
        sleutels.append(aanmelding.leerling.sleutel)
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=object_type,
        object_id=str(aanmelding.sleutel) if aanmelding is not None else "",
        leerling_sleutels=sleutels,
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def opnieuw_getoond(actor: Actor, aanmelding: Aanmelding, route: str, wat: str) -> None:
    """Nothing was saved and the form is shown again with data: one read record."""
    vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden=f"{wat} niet opgeslagen; formulier opnieuw getoond",
        route=route,
        aanmelding=aanmelding,
    )


def gesloten(
    request: HttpRequest, actor: Actor, aanmelding: Aanmelding, route: str, melding: str
) -> HttpResponse:
    """A POST that the registration's state does not allow: nothing saved, one record."""
    vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        toegestaan=False,
        reden=f"niet mogelijk: {melding}"[:250],
        route=route,
        aanmelding=aanmelding,
    )
    messages.error(request, melding)
    return redirect("zorgplicht:detail", sleutel=aanmelding.sleutel)


def tijdlijn(aanmelding: Aanmelding, vandaag: date) -> list[dict[str, Any]]:
    """Every dated step (who, when) and the terms still to come, in date order."""
    regels: list[dict[str, Any]] = [
        {
            "datum": stap.datum,
            "wat": stap.get_soort_display(),
            "wie": f"{stap.door.get_full_name() or stap.door.username} ({stap.rol})",
            "toelichting": stap.omschrijving,
            "vastgelegd": stap.tijdstip,
            "termijn": False,
        }
        for stap in aanmelding.stappen.all()
    ]
    if not aanmelding.uitkomst:
        termijnen = [("Beslissen uiterlijk (6 weken)", aanmelding.beslissen_uiterlijk)]
        if aanmelding.verlengd_tot is not None:
            termijnen.append(("Beslissen uiterlijk (verlengd)", aanmelding.verlengd_tot))
        termijnen.append(
            ("Recht op tijdelijke plaatsing (na 10 weken)", aanmelding.tijdelijke_plaatsing_vanaf)
        )
        for wat, datum in termijnen:
            regels.append(
                {
                    "datum": datum,
                    "wat": wat,
                    "wie": "",
                    "toelichting": "Verstreken." if datum < vandaag else "Komt nog.",
                    "vastgelegd": None,
                    "termijn": True,
                }
            )
    regels.sort(key=lambda r: (r["datum"], r["termijn"]))
    return regels
