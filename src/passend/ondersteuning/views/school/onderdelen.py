"""The parts of the draft, each one POST from a section of the edit page: factors, goals,
overleg, consent on paper, the pupil's view and the school's reaction, and removing a part.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from passend.accounts.actor import Actor, actor_of_403
from passend.core.models import Actie
from passend.ondersteuning import services
from passend.ondersteuning.forms.school import (
    DoelForm,
    FactorForm,
    InstemmingPapierForm,
    MeningSamenForm,
    OverlegForm,
    ReactieForm,
)
from passend.ondersteuning.models import (
    Doel,
    Factor,
    Leerlingstem,
    Ontwikkelingsperspectief,
    Overleg,
)
from passend.ondersteuning.selectors import opp_voor_schrijven
from passend.ondersteuning.views.school.afhandeling import (
    BEVROREN,
    fouten_naar_formulier,
    gesloten,
    vastleggen,
)
from passend.ondersteuning.views.school.concept import beslissers, opnieuw_bewerken

#: The parts of a draft that can be removed on the edit page, with their Dutch name.
ONDERDELEN: dict[str, tuple[type[Factor | Doel | Overleg], str]] = {
    "factor": (Factor, "De factor"),
    "doel": (Doel, "Het doel"),
    "overleg": (Overleg, "Het overleg"),
}


def _onderdeel_opslaan(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    doel: str,
    fout_in: str,
    maak_form: Callable[[Ontwikkelingsperspectief], Form],
    opslaan: Callable[[Actor, Ontwikkelingsperspectief, dict[str, Any]], object],
    gelukt: str,
) -> HttpResponse:
    """One POST from a section of the edit page: authorise, validate, call the service."""
    actor = actor_of_403(request)
    opp = opp_voor_schrijven(
        actor=actor, sleutel=sleutel, actie="opstellen", doel=doel, route=route
    )
    if opp.is_bevroren:
        return gesloten(request, actor, opp, route, BEVROREN)
    form = maak_form(opp)
    if form.is_valid():
        try:
            opslaan(actor, opp, form.cleaned_data)
        except services.Bevroren:
            return gesloten(request, actor, opp, route, BEVROREN)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, gelukt)
            return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
    return opnieuw_bewerken(request, actor, opp, route, fout_in=fout_in, form=form)


@login_required
@require_POST
def factor_toevoegen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:factor-toevoegen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="factor toevoegen",
        fout_in="factor_form",
        maak_form=lambda opp: FactorForm(request.POST, prefix="factor"),
        opslaan=lambda actor, opp, gegevens: services.factor_toevoegen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="De factor is toegevoegd.",
    )


@login_required
@require_POST
def doel_toevoegen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:doel-toevoegen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="doel toevoegen",
        fout_in="doel_form",
        maak_form=lambda opp: DoelForm(request.POST, prefix="doel"),
        opslaan=lambda actor, opp, gegevens: services.doel_toevoegen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="Het doel is toegevoegd aan het handelingsdeel.",
    )


@login_required
@require_POST
def overleg_vastleggen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:overleg-vastleggen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="overleg met de ouders vastleggen",
        fout_in="overleg_form",
        maak_form=lambda opp: OverlegForm(request.POST, prefix="overleg"),
        opslaan=lambda actor, opp, gegevens: services.overleg_vastleggen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="Het overleg met de ouders is vastgelegd.",
    )


@login_required
@require_POST
def instemming_op_papier(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:instemming-papier"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="instemming op papier vastleggen",
        fout_in="instemming_form",
        maak_form=lambda opp: InstemmingPapierForm(
            request.POST, prefix="instemming", beslissers=beslissers(opp)
        ),
        opslaan=lambda actor, opp, gegevens: services.instemming_op_papier_vastleggen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="Het besluit op papier is vastgelegd.",
    )


@login_required
@require_POST
def mening_samen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:mening-samen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="mening van de leerling vastleggen",
        fout_in="mening_form",
        maak_form=lambda opp: MeningSamenForm(request.POST, prefix="mening"),
        opslaan=lambda actor, opp, gegevens: services.leerlingstem_vastleggen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="De mening van de leerling is vastgelegd. Schrijf nu op wat de school ermee doet.",
    )


def _onderdeel_van(
    actor: Actor, opp: Ontwikkelingsperspectief, model: Any, pk: int, route: str
) -> Any:
    """A part of this OPP (factor, doel, overleg, the pupil's view); another OPP's is a 404."""
    rij = model.objects.filter(pk=pk, opp=opp).first() if model is not None else None
    if rij is None:
        vastleggen(
            actor=actor,
            opp=opp,
            actie=Actie.WIJZIGEN,
            toegestaan=False,
            reden="onderdeel hoort niet bij dit OPP",
            route=route,
        )
        raise Http404("Dit onderdeel hoort niet bij dit OPP.")
    rij.opp = opp
    return rij


@login_required
@require_POST
def reactie(request: HttpRequest, sleutel: UUID, pk: int) -> HttpResponse:
    """What the school did with the pupil's view."""
    route = "ondersteuning:reactie"
    actor = actor_of_403(request)
    opp = opp_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="opstellen",
        doel="reactie op de mening van de leerling",
        route=route,
    )
    stem = _onderdeel_van(actor, opp, Leerlingstem, pk, route)
    if opp.is_bevroren:
        return gesloten(request, actor, opp, route, BEVROREN)
    form = ReactieForm(request.POST, prefix=f"reactie-{pk}")
    if form.is_valid():
        try:
            services.reactie_op_leerlingstem(
                actor=actor, stem=stem, reactie=form.cleaned_data["reactie_school"], route=route
            )
        except services.Bevroren:
            return gesloten(request, actor, opp, route, BEVROREN)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Er staat nu wat de school met de mening van de leerling doet."
            )
            return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
    return opnieuw_bewerken(
        request, actor, opp, route, fout_in="reactie_form", form=form, reactie_van=stem.pk
    )


@login_required
@require_POST
def onderdeel_verwijderen(
    request: HttpRequest, sleutel: UUID, onderdeel: str, pk: int
) -> HttpResponse:
    route = "ondersteuning:onderdeel-verwijderen"
    actor = actor_of_403(request)
    opp = opp_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="opstellen",
        doel=f"{onderdeel} verwijderen",
        route=route,
    )
    model, naam = ONDERDELEN.get(onderdeel, (None, ""))
    rij = _onderdeel_van(actor, opp, model, pk, route)
    if opp.is_bevroren:
        return gesloten(request, actor, opp, route, BEVROREN)
    try:
        services.onderdeel_verwijderen(actor=actor, onderdeel=rij, route=route)
    except services.Bevroren:
        return gesloten(request, actor, opp, route, BEVROREN)
    messages.success(request, f"{naam} is verwijderd.")
    return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
