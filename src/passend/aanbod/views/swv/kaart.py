"""The management of the SWV's sociale kaart: list, add, change (a stale form shows the
current version), deactivate and reactivate its Voorziening rows."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from passend.aanbod.forms_regio import ActiverenForm, VoorzieningForm
from passend.aanbod.models import Voorziening
from passend.aanbod.selectors.catalogus import actieve_gebieden
from passend.aanbod.selectors.regio import (
    voorziening_voor_beheer,
    voorzieningen_van_swv,
    werkgebied,
)
from passend.aanbod.services.basis import Conflict
from passend.aanbod.services.sociale_kaart import (
    Voorzieningsinvoer,
    voorziening_activeren,
    voorziening_toevoegen,
    voorziening_wijzigen,
)
from passend.aanbod.views.swv.basis import actor_voor, pagina
from passend.accounts.actor import Actor
from passend.core.forms import fouten_naar_formulier


def _voorzieningsform(actor: Actor, data: Any = None, **kwargs: Any) -> VoorzieningForm:
    return VoorzieningForm(
        data,
        gemeenten=list(werkgebied(actor=actor).values_list("pk", "naam")),
        gebieden=list(actieve_gebieden().values_list("pk", "naam")),
        **kwargs,
    )


def _invoer(gegevens: dict[str, Any]) -> Voorzieningsinvoer:
    return Voorzieningsinvoer(
        soort=gegevens["soort"],
        naam=gegevens["naam"],
        wat=gegevens["wat"],
        voor_wie=gegevens["voor_wie"],
        telefoon=gegevens["telefoon"],
        email=gegevens["email"],
        website=gegevens["website"],
        adres=gegevens["adres"],
        openingstijden=gegevens["openingstijden"],
        gemeente_ids=[int(pk) for pk in gegevens["gemeenten"]],
        gebied_ids=[int(pk) for pk in gegevens["gebieden"]],
    )


@login_required
def kaart_lijst(request: HttpRequest) -> HttpResponse:
    """Every entry of the SWV's sociale kaart, active and inactive."""
    actor = actor_voor(request, "sociale_kaart_beheren")
    return pagina(
        request,
        actor,
        "aanbod/swv/kaart.html",
        "aanbod:kaart-lijst",
        voorzieningen=list(voorzieningen_van_swv(actor=actor)),
    )


@login_required
def kaart_toevoegen(request: HttpRequest) -> HttpResponse:
    """A new entry of the SWV's sociale kaart (shown in the public guide at once)."""
    actor = actor_voor(request, "sociale_kaart_beheren")
    form = _voorzieningsform(actor, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            voorziening = voorziening_toevoegen(actor=actor, invoer=_invoer(form.cleaned_data))
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, f"{voorziening.naam} staat op de sociale kaart.")
            return redirect("aanbod:kaart-lijst")
    return pagina(
        request,
        actor,
        "aanbod/swv/voorziening.html",
        "aanbod:kaart-lijst",
        form=form,
        voorziening=None,
    )


def _beginwaarden(voorziening: Voorziening) -> dict[str, Any]:
    return {
        "revisie": voorziening.revisie,
        **{
            veld: getattr(voorziening, veld)
            for veld in (
                "soort",
                "naam",
                "wat",
                "voor_wie",
                "telefoon",
                "email",
                "website",
                "adres",
                "openingstijden",
            )
        },
        "gemeenten": [str(g.pk) for g in voorziening.gemeenten.all()],
        "gebieden": [str(g.pk) for g in voorziening.gebieden.all()],
    }


@login_required
def kaart_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an entry. A form opened before someone else saved is refused; the page then
    shows the current version next to what the user typed."""
    actor = actor_voor(request, "sociale_kaart_beheren")
    voorziening = voorziening_voor_beheer(actor=actor, pk=pk)
    huidig = None
    if request.method == "POST":
        form = _voorzieningsform(actor, request.POST)
        if form.is_valid():
            if form.cleaned_data["revisie"] is None:
                form.add_error(None, "Open het formulier opnieuw: de versie ontbreekt.")
            else:
                try:
                    gewijzigd = voorziening_wijzigen(
                        actor=actor,
                        voorziening=voorziening,
                        revisie=form.cleaned_data["revisie"],
                        invoer=_invoer(form.cleaned_data),
                    )
                except Conflict as conflict:
                    # Keep what the user typed, now against the current version.
                    huidig = voorziening_voor_beheer(actor=actor, pk=pk)
                    gegevens = request.POST.copy()
                    gegevens["revisie"] = str(huidig.revisie)
                    form = _voorzieningsform(actor, gegevens)
                    form.is_valid()
                    form.add_error(None, conflict.melding)
                except ValidationError as fout:
                    fouten_naar_formulier(form, fout)
                else:
                    messages.success(request, f"De gegevens van {gewijzigd.naam} zijn opgeslagen.")
                    return redirect("aanbod:kaart-lijst")
    else:
        form = _voorzieningsform(actor, initial=_beginwaarden(voorziening))
    return pagina(
        request,
        actor,
        "aanbod/swv/voorziening.html",
        "aanbod:kaart-lijst",
        form=form,
        voorziening=voorziening,
        huidig=huidig,
    )


@login_required
@require_POST
def kaart_activeren(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide an entry from the public guide, or show it again."""
    actor = actor_voor(request, "sociale_kaart_beheren")
    voorziening = voorziening_voor_beheer(actor=actor, pk=pk)
    form = ActiverenForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Dat ging niet: open de sociale kaart opnieuw en probeer het nog eens."
        )
        return redirect("aanbod:kaart-lijst")
    actief = form.cleaned_data["actief"]
    try:
        voorziening_activeren(
            actor=actor,
            voorziening=voorziening,
            revisie=form.cleaned_data["revisie"],
            actief=actief,
        )
    except Conflict as conflict:
        messages.error(request, conflict.melding)
    else:
        messages.success(
            request,
            f"{voorziening.naam} staat weer op de openbare sociale kaart."
            if actief
            else f"{voorziening.naam} staat niet meer op de openbare sociale kaart. U kunt de "
            "voorziening later weer actief maken.",
        )
    return redirect("aanbod:kaart-lijst")
