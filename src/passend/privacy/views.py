"""The privacy officer's view of the access log, per pupil and per user."""

import csv
from datetime import UTC
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passend.accounts.actor import actor_van_request
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.privacy.forms import LogFilterForm
from passend.privacy.permissions import beleid
from passend.privacy.selectors import LogFilter, leerling_namen, toegangslog_gefilterd


@login_required
def toegangslog(request: HttpRequest) -> HttpResponse:
    actor = actor_van_request(request)
    if actor is None:
        raise PermissionDenied
    beleid.eis_en_leg_weigering_vast(
        actor,
        "toegangslog_bekijken",
        log_actie=Actie.ZOEKEN,
        object_type="toegangslog",
        reden="alleen voor de privacy officer",
        route="privacy:toegangslog",
    )
    form, filter_ = _filter_uit(request)
    pagina = Paginator(toegangslog_gefilterd(actor=actor, filter_=filter_), 50).get_page(
        request.GET.get("pagina")
    )
    # Rows carry the selector's annotations (aantal_leerlingen, regio_leerlingen).
    op_pagina: list[Any] = list(pagina)
    sleutels = [rl.leerling_sleutel for regel in op_pagina for rl in regel.regio_leerlingen]
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="toegangslog",
        object_id=str(filter_.leerling or filter_.gebruiker or ""),
        leerling_sleutels=sleutels,
        toegestaan=True,
        reden="toezicht op het toegangslog",
        route="privacy:toegangslog",
    )
    namen = leerling_namen(sleutels=sleutels)
    regels = [
        {
            "regel": regel,
            "leerlingen": [
                (rl.leerling_sleutel, namen.get(rl.leerling_sleutel, "onbekend"))
                for rl in regel.regio_leerlingen
            ],
            "buiten_regio": regel.aantal_leerlingen - len(regel.regio_leerlingen),
        }
        for regel in op_pagina
    ]
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "privacy/toegangslog.html",
        {"form": form, "pagina": pagina, "regels": regels, "querystring": querystring.urlencode()},
    )


#: An export holds at most this many records; narrow the filters for more.
EXPORT_MAXIMUM = 10_000


@login_required
def toegangslog_export(request: HttpRequest) -> HttpResponse:
    """The filtered log as CSV (e.g. to answer a parent's request for access)."""
    actor = actor_van_request(request)
    if actor is None:
        raise PermissionDenied
    beleid.eis_en_leg_weigering_vast(
        actor,
        "toegangslog_bekijken",
        log_actie=Actie.EXPORTEREN,
        object_type="toegangslog",
        reden="alleen voor de privacy officer",
        route="privacy:toegangslog-export",
    )
    form, filter_ = _filter_uit(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            "Ongeldig filter: "
            + "; ".join(
                f"{veld}: {' '.join(str(m) for m in f)}" for veld, f in form.errors.items()
            ),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    regels: list[Any] = list(toegangslog_gefilterd(actor=actor, filter_=filter_)[:EXPORT_MAXIMUM])
    sleutels = [rl.leerling_sleutel for regel in regels for rl in regel.regio_leerlingen]
    toegang_vastleggen(
        actor=actor,
        actie=Actie.EXPORTEREN,
        object_type="toegangslog",
        object_id=str(filter_.leerling or filter_.gebruiker or ""),
        leerling_sleutels=sleutels,
        toegestaan=True,
        reden=f"export van het toegangslog ({len(regels)} regels)",
        route="privacy:toegangslog-export",
    )
    namen = leerling_namen(sleutels=sleutels)
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="toegangslog.csv"'
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(
        [
            "tijdstip (UTC)",
            "gebruikersnaam",
            "naam",
            "rol",
            "organisatie",
            "koppeling",
            "actie",
            "object",
            "resultaat",
            "reden",
            "leerlingen",
            "leerlingen buiten de regio",
        ]
    )
    for regel in regels:
        schrijver.writerow(
            [
                regel.tijdstip.astimezone(UTC).isoformat(timespec="seconds"),
                regel.gebruikersnaam,
                regel.naam,
                regel.rol,
                regel.organisatie,
                regel.koppeling,
                regel.get_actie_display(),
                f"{regel.object_type} {regel.object_id}".strip(),
                regel.get_resultaat_display(),
                regel.reden,
                ", ".join(
                    f"{namen.get(rl.leerling_sleutel, 'onbekend')} ({rl.leerling_sleutel})"
                    for rl in regel.regio_leerlingen
                ),
                regel.aantal_leerlingen - len(regel.regio_leerlingen),
            ]
        )
    return antwoord


def _filter_uit(request: HttpRequest) -> tuple[LogFilterForm, LogFilter]:
    form = LogFilterForm(request.GET or None)
    if not (form.is_bound and form.is_valid()):
        return form, LogFilter()
    data = form.cleaned_data
    return form, LogFilter(
        leerling=data.get("leerling"),
        gebruiker=data.get("gebruiker") or "",
        van=data.get("van"),
        tot=data.get("tot"),
        actie=data.get("actie") or "",
        resultaat=data.get("resultaat") or "",
    )
