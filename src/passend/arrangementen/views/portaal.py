"""The parents' page: every request for extra support (arrangement) for their children,
and the decisions, in plain words (B1)."""

from datetime import date
from typing import TypedDict

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from passend.accounts.actor import actor_of_403
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import ONENIGHEIDSROUTE, OPEN, bezwaar_uiterlijk
from passend.arrangementen.selectors import aanvragen_van_kinderen, bezwaartermijn_weken
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling

#: At most this many requests on the page (a family has a handful; bounded anyway).
MAXIMUM = 200


class Aanvraagregel(TypedDict):
    aanvraag: Arrangementaanvraag
    open: bool
    bezwaar_uiterlijk: date | None


class Kind(TypedDict):
    """One child on the page, with its requests."""

    leerling: Leerling
    aanvragen: list[Aanvraagregel]


@require_GET
@login_required
def portaal(request: HttpRequest) -> HttpResponse:
    route = "arrangementen:portaal"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "portaal",
        log_actie=Actie.LEZEN,
        object_type="arrangementen-portaal",
        reden="deze pagina is voor ouders",
        route=route,
    )
    aanvragen = list(aanvragen_van_kinderen(actor=actor)[:MAXIMUM])
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type="arrangementen-portaal",
        leerling_sleutels=[a.leerling.sleutel for a in aanvragen],
        toegestaan=True,
        reden="aanvragen voor extra ondersteuning van de eigen kinderen",
        route=route,
    )
    weken = bezwaartermijn_weken()
    kinderen: dict[int, Kind] = {}
    for aanvraag in aanvragen:
        rij = kinderen.setdefault(
            aanvraag.leerling_id, {"leerling": aanvraag.leerling, "aanvragen": []}
        )
        rij["aanvragen"].append(
            {
                "aanvraag": aanvraag,
                "open": aanvraag.status in OPEN,
                "bezwaar_uiterlijk": bezwaar_uiterlijk(aanvraag.besloten_op, weken)
                if aanvraag.besloten_op
                else None,
            }
        )
    return render(
        request,
        "arrangementen/portaal/ouder.html",
        {
            "kinderen": list(kinderen.values()),
            "route": ONENIGHEIDSROUTE,
            "weken": weken,
        },
    )
