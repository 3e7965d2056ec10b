"""The plan pages: the SWV's ondersteuningsplannen and meerjarenbegrotingen with their
status, one plan (versions, the OPR's consent, the OOGO per municipality, what is missing),
a new plan, a new version, recording consent and OOGO.

Thin views: the role check (a logged 403), then one selector or service call. A GET is
logged by its selector; a POST that saves is logged by the service; a POST that saves
nothing (a form error, a stale form) writes the one record itself.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from passend.accounts.actor import Actor, actor_of_403
from passend.core.forms import fouten_naar_formulier
from passend.core.models import Actie
from passend.middelen.forms.plannen import InstemmingForm, OogoForm, PlanForm, VersieForm
from passend.middelen.models import Plan
from passend.middelen.permissions import beleid
from passend.middelen.rules import Plansoort
from passend.middelen.selectors.plannen import (
    OBJECT_TYPE,
    leg_lezen_vast,
    plan_voor_actor,
    plan_voor_schrijven,
    plannen_voor_actor,
    planversie_voor_vastleggen,
)
from passend.middelen.services.plannen import (
    Conflict,
    instemming_vastleggen,
    oogo_vastleggen,
    plan_aanmaken,
    versie_toevoegen,
)


def eis_rol(request: HttpRequest, actie: str, route: str) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    log = Actie.LEZEN if request.method == "GET" else Actie.WIJZIGEN
    beleid.eis_rol(actor, actie, log_actie=log, object_type=OBJECT_TYPE, route=route)
    return actor


def _soorten(actor: Actor) -> list[tuple[str, str]]:
    """The soorten of plan this actor writes (the directeur the ondersteuningsplan, the
    controller the meerjarenbegroting)."""
    swv_id = actor.rol.samenwerkingsverband_id
    if swv_id is None:
        return []
    return [
        (waarde, label)
        for waarde, label in Plansoort.choices
        if beleid.mag(actor, "plan_bewerken", Plan(samenwerkingsverband_id=swv_id, soort=waarde))
    ]


def _rechten(actor: Actor, plan: Plan | None = None) -> dict[str, bool]:
    return {
        "mag_nieuw_plan": beleid.mag(actor, "rol:plan_bewerken"),
        "mag_versie": plan is not None and beleid.mag(actor, "plan_bewerken", plan),
        "mag_instemming": plan is not None and beleid.mag(actor, "instemming_vastleggen", plan),
    }


@login_required
@require_http_methods(["GET"])
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = eis_rol(request, "plan_bekijken", "middelen:plannen")
    overzicht = plannen_voor_actor(actor, route="middelen:plannen")
    return render(
        request,
        "middelen/plannen/overzicht.html",
        {"overzicht": overzicht, **_rechten(actor)},
    )


@login_required
@require_http_methods(["GET"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = eis_rol(request, "plan_bekijken", "middelen:plan")
    plan = plan_voor_actor(actor, pk, route="middelen:plan")
    return render(
        request,
        "middelen/plannen/detail.html",
        {"d": plan, **_rechten(actor, plan.plan)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    route = "middelen:plan-nieuw"
    actor = eis_rol(request, "plan_bewerken", route)
    form = PlanForm(request.POST or None, soorten=_soorten(actor))
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_aanmaken(actor=actor, **form.cleaned_data, route=route)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, f"Het plan '{plan.titel}' is aangemaakt.")
            return redirect("middelen:plan", pk=plan.pk)
    return render(request, "middelen/plannen/nieuw.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def versie_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    route = "middelen:versie-nieuw"
    actor = eis_rol(request, "plan_bewerken", route)
    plan = plan_voor_schrijven(actor, pk, route=route)
    form = VersieForm(request.POST or None, initial={"revisie": plan.revisie})
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            versie = versie_toevoegen(actor=actor, plan=plan, **form.cleaned_data, route=route)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        except Conflict as fout:
            conflict = True
            form.add_error(None, fout.melding)
        else:
            messages.success(request, f"Versie {versie.nummer} is toegevoegd.")
            return redirect("middelen:plan", pk=plan.pk)
    leg_lezen_vast(actor, plan, reden="formulier nieuwe versie", route=route)
    return render(
        request,
        "middelen/plannen/versie_nieuw.html",
        {"plan": plan, "form": form, "conflict": conflict},
    )


def _vastleggen(
    request: HttpRequest,
    versie_pk: int,
    *,
    route: str,
    sjabloon: str,
    maak_form: Any,
    opslaan: Any,
    melding: str,
) -> HttpResponse:
    actor = eis_rol(request, "instemming_vastleggen", route)
    versie = planversie_voor_vastleggen(actor, versie_pk, route=route)
    form = maak_form(versie)
    if request.method == "POST" and form.is_valid():
        try:
            opslaan(actor, versie, form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, melding)
            return redirect("middelen:plan", pk=versie.plan_id)
    leg_lezen_vast(actor, versie.plan, reden="formulier " + melding.lower(), route=route)
    return render(request, sjabloon, {"versie": versie, "plan": versie.plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def instemming(request: HttpRequest, versie_pk: int) -> HttpResponse:
    return _vastleggen(
        request,
        versie_pk,
        route="middelen:instemming",
        sjabloon="middelen/plannen/instemming.html",
        maak_form=lambda versie: InstemmingForm(request.POST or None),
        opslaan=lambda actor, versie, data: instemming_vastleggen(
            actor=actor, planversie=versie, **data, route="middelen:instemming"
        ),
        melding="Het besluit van de OPR is vastgelegd.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def oogo(request: HttpRequest, versie_pk: int) -> HttpResponse:
    def opslaan(actor: Actor, versie: Any, data: dict[str, Any]) -> None:
        gemeente = data.pop("gemeente")
        oogo_vastleggen(
            actor=actor,
            planversie=versie,
            gemeente_id=gemeente.pk,
            **data,
            route="middelen:oogo",
        )

    return _vastleggen(
        request,
        versie_pk,
        route="middelen:oogo",
        sjabloon="middelen/plannen/oogo.html",
        maak_form=lambda versie: OogoForm(
            request.POST or None, swv_id=versie.plan.samenwerkingsverband_id
        ),
        opslaan=opslaan,
        melding="Het OOGO is vastgelegd.",
    )
