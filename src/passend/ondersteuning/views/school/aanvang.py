"""Where the school begins: its running OPPs with their deadlines, and starting a new OPP."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import actor_of_403
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.selectors import leerling_voor_actor
from passend.ondersteuning import services
from passend.ondersteuning.forms.school import StartenForm
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import Status, uiterste_vaststeldatum
from passend.ondersteuning.selectors import huidige_opps, opps_met_signalen
from passend.ondersteuning.views.school.afhandeling import (
    OBJECT_TYPE,
    fouten_naar_formulier,
)

PAGINA_GROOTTE = 50


def _termijn(rij: dict[str, Any]) -> dict[str, Any]:
    """One row of the overview with the deadline that matters now."""
    opp = rij["opp"]
    if opp.status == Status.CONCEPT:
        termijn, soort = uiterste_vaststeldatum(opp.start_extra_ondersteuning), "vaststellen"
    else:
        termijn, soort = opp.volgende_evaluatie, "evalueren"
    return {**rij, "termijn": termijn, "termijn_soort": soort}


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """The school's running OPPs, overdue ones first, with their deadlines."""
    route = "ondersteuning:overzicht"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "starten",
        log_actie=Actie.ZOEKEN,
        object_type="opp-overzicht",
        reden="rol mag geen OPP's opstellen",
        route=route,
    )
    rijen = [_termijn(r) for r in opps_met_signalen(actor=actor, vandaag=timezone.localdate())]
    pagina = Paginator(rijen, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="opp-overzicht",
        leerling_sleutels=[rij["opp"].leerling.sleutel for rij in pagina],
        toegestaan=True,
        reden="overzicht van de lopende OPP's bekijken",
        route=route,
    )
    return render(
        request,
        "ondersteuning/school/overzicht.html",
        {
            "pagina": pagina,
            "aantal_te_laat": sum(
                r["te_laat_vastgesteld"] or r["evaluatie_te_laat"] for r in rijen
            ),
        },
    )


@login_required
def starten(request: HttpRequest, leerling: UUID) -> HttpResponse:
    """Start an OPP for a pupil of the own school: only the start of extra support."""
    route = "ondersteuning:starten"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "starten",
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type=OBJECT_TYPE,
        reden="rol mag geen OPP starten",
        route=route,
    )
    kind = leerling_voor_actor(
        actor=actor,
        sleutel=leerling,
        actie="bekijken",
        doel="OPP starten",
        route=route,
        toegestane_vastleggen=request.method != "POST",
    )
    form = StartenForm(
        request.POST or None, initial={"start_extra_ondersteuning": timezone.localdate()}
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                opp = services.opp_starten(
                    actor=actor,
                    leerling=kind,
                    start_extra_ondersteuning=form.cleaned_data["start_extra_ondersteuning"],
                    route=route,
                )
            except Geweigerd as fout:
                toegang_vastleggen(
                    actor=actor,
                    actie=Actie.AANMAKEN,
                    object_type=OBJECT_TYPE,
                    leerling_sleutels=[kind.sleutel],
                    toegestaan=False,
                    reden=f"geweigerd: {fout.reden}",
                    route=route,
                )
                raise
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request, f"Het OPP van {kind.naam} is gestart. Vul nu de onderdelen in."
                )
                return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type="leerling",
            object_id=str(kind.sleutel),
            leerling_sleutels=[kind.sleutel],
            toegestaan=True,
            reden="OPP niet gestart; formulier opnieuw getoond",
            route=route,
        )
    lopend = huidige_opps(actor=actor, leerling_ids=[kind.pk]).get(kind.pk)
    return render(
        request,
        "ondersteuning/school/starten.html",
        {"form": form, "leerling": kind, "lopend": lopend},
    )
