"""The staff pages of disagreements: the overview, starting one for a pupil, one case with
its route and terms, and recording steps, the GPO dates and the closing."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.core.forms import fouten_naar_formulier
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen import forms, services
from passend.geschillen.models import Onenigheid
from passend.geschillen.permissions import LEZERS, SCHOOL, beleid
from passend.geschillen.rules import Onderwerp, Status, commissie_voor
from passend.geschillen.selectors import (
    OBJECT_TYPE,
    koppelingen_voor,
    koppelkeuzes,
    onenigheid_voor_actor,
    stand_van,
)
from passend.geschillen.selectors import (
    overzicht as overzicht_van,
)
from passend.geschillen.views import PAGINA_GROOTTE, eis_rol, formulierpagina, menu, naar
from passend.leerlingen.selectors import leerling_voor_actor

STAF = LEZERS - {Rolsoort.OUDER}
ALLEEN_STAF = "ouders volgen hun onenigheid in het portaal"


@login_required
@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
    route = "geschillen:overzicht"
    actor = eis_rol(request, "lijst", route)
    status = Status.OPEN if request.GET.get("status", "open") == "open" else "afgesloten"
    pagina = overzicht_van(
        actor=actor,
        status=status,
        pagina=request.GET.get("pagina"),
        per_pagina=PAGINA_GROOTTE,
        route=route,
    )
    return render(
        request,
        "geschillen/overzicht.html",
        {
            "pagina": pagina,
            "status": status,
            "querystring": f"status={status}",
            "menu": menu(actor),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def starten(request: HttpRequest, leerling: UUID) -> HttpResponse:
    """The school records the parents' disagreement about its pupil."""
    route = "geschillen:starten"
    actor = eis_rol(request, "starten", route, rollen=SCHOOL, reden="ouders starten in het portaal")
    post = request.method == "POST"
    kind = leerling_voor_actor(
        actor=actor,
        sleutel=leerling,
        actie="bekijken",
        doel="onenigheid starten",
        route=route,
        toegestane_vastleggen=not post,
    )
    keuzes = koppelkeuzes(actor, kind)
    form = forms.SchoolStartenForm(request.POST if post else None, keuzes=keuzes)
    if post:
        if form.is_valid():
            try:
                onenigheid = services.onenigheid_starten(
                    actor=actor,
                    leerling=kind,
                    onderwerp=form.cleaned_data["onderwerp"],
                    omschrijving=form.cleaned_data["omschrijving"],
                    besluit_op=form.cleaned_data["besluit_op"],
                    gestart_op=form.cleaned_data["gestart_op"],
                    route=route,
                    **form.gekoppeld(),
                )
            except Geweigerd as fout:
                _log_leerling(actor, kind, False, fout.reden, route)
                raise Http404("Deze leerling bestaat niet of u mag deze niet zien.") from fout
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, "De onenigheid is vastgelegd.")
                return naar(onenigheid)
        _log_leerling(actor, kind, True, "onenigheid starten: niet opgeslagen", route)
    return render(
        request,
        "geschillen/starten.html",
        {"leerling": kind, "form": form, "menu": menu(actor)},
    )


def _log_leerling(actor: Actor, leerling: Any, toegestaan: bool, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.AANMAKEN,
        object_type=OBJECT_TYPE,
        leerling_sleutels=[leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


@login_required
@require_GET
def onenigheid(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "geschillen:onenigheid"
    actor = eis_rol(request, "bekijken", route, rollen=STAF, reden=ALLEEN_STAF)
    zaak = onenigheid_voor_actor(
        actor=actor, sleutel=sleutel, actie="bekijken", doel="onenigheid bekijken", route=route
    )
    return render(
        request,
        "geschillen/onenigheid.html",
        {
            "onenigheid": zaak,
            "leerling": zaak.leerling,
            "stand": stand_van(zaak, timezone.localdate()),
            "menu": menu(actor),
            "mag": {
                actie: beleid.mag(actor, actie, zaak)
                for actie in ("stap_vastleggen", "commissie_vastleggen", "afsluiten")
            },
            "links": koppelingen_voor(actor, zaak),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def stap(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(zaak: Onenigheid, data: Any) -> forms.StapForm:
        stand = stand_van(zaak, timezone.localdate())
        initieel: dict[str, Any] = {"begonnen_op": timezone.localdate()}
        if stand.volgende_stap is not None:
            initieel["routestap"] = stand.volgende_stap.pk
        return forms.StapForm(data, route=stand.route, initial=initieel)

    def opslaan(actor: Actor, zaak: Onenigheid, gegevens: dict[str, Any]) -> str:
        services.stap_beginnen(
            actor=actor,
            onenigheid=zaak,
            routestap=gegevens["routestap"],
            begonnen_op=gegevens["begonnen_op"],
            toelichting=gegevens["toelichting"],
            route="geschillen:stap",
        )
        return f"De stap '{gegevens['routestap'].naam}' is vastgelegd."

    return formulierpagina(
        request,
        sleutel,
        route="geschillen:stap",
        actie="stap_vastleggen",
        doel="stap vastleggen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="geschillen/stap.html",
        voorwaarde=lambda zaak: (
            "Er loopt nog een stap. Rond die eerst af."
            if any(s.afgerond_op is None for s in zaak.stappen.all())
            else None
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def stap_afronden(request: HttpRequest, sleutel: UUID, pk: int) -> HttpResponse:
    def de_stap(zaak: Onenigheid) -> Any:
        gevonden = next((s for s in zaak.stappen.all() if s.pk == pk), None)
        if gevonden is None:
            raise Http404("Deze stap bestaat niet.")
        return gevonden

    def opslaan(actor: Actor, zaak: Onenigheid, gegevens: dict[str, Any]) -> str:
        services.stap_afronden(
            actor=actor,
            stap=de_stap(zaak),
            afgerond_op=gegevens["afgerond_op"],
            uitkomst=gegevens["uitkomst"],
            toelichting=gegevens["toelichting"],
            route="geschillen:stap-afronden",
        )
        return "De stap is afgerond."

    return formulierpagina(
        request,
        sleutel,
        route="geschillen:stap-afronden",
        actie="stap_vastleggen",
        doel="stap afronden",
        maak_form=lambda zaak, data: forms.StapAfrondenForm(
            data, initial={"afgerond_op": timezone.localdate()}
        ),
        opslaan=opslaan,
        sjabloon="geschillen/stap_afronden.html",
        voorwaarde=lambda zaak: (
            "Deze stap is al afgerond." if de_stap(zaak).afgerond_op is not None else None
        ),
        context=lambda zaak: {"stap": de_stap(zaak)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def commissie(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(zaak: Onenigheid, data: Any) -> forms.CommissieForm:
        return forms.CommissieForm(
            data,
            commissie=commissie_voor(zaak.onderwerp),
            initial={
                "revisie": zaak.revisie,
                "besluit_op": zaak.besluit_op,
                "commissie_ingediend_op": zaak.commissie_ingediend_op,
                "bestuur_antwoord_op": zaak.bestuur_antwoord_op,
                "advies_gevraagd_op": zaak.advies_gevraagd_op,
                "oordeel_op": zaak.oordeel_op,
                "oordeel": zaak.oordeel,
            },
        )

    def opslaan(actor: Actor, zaak: Onenigheid, gegevens: dict[str, Any]) -> str:
        resultaat = services.commissie_vastleggen(
            actor=actor, onenigheid=zaak, route="geschillen:commissie", **gegevens
        )
        return " ".join(["De geschilprocedure is vastgelegd.", *resultaat.waarschuwingen])

    return formulierpagina(
        request,
        sleutel,
        route="geschillen:commissie",
        actie="commissie_vastleggen",
        doel="geschilprocedure vastleggen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="geschillen/commissie.html",
        voorwaarde=lambda zaak: (
            None
            if commissie_voor(zaak.onderwerp)
            else f"Over '{Onderwerp(zaak.onderwerp).label.lower()}' oordeelt geen geschillencommissie."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def afsluiten(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def opslaan(actor: Actor, zaak: Onenigheid, gegevens: dict[str, Any]) -> str:
        services.onenigheid_afsluiten(
            actor=actor, onenigheid=zaak, route="geschillen:afsluiten", **gegevens
        )
        return "De onenigheid is afgesloten."

    return formulierpagina(
        request,
        sleutel,
        route="geschillen:afsluiten",
        actie="afsluiten",
        doel="onenigheid afsluiten",
        maak_form=lambda zaak, data: forms.AfsluitenForm(
            data, initial={"revisie": zaak.revisie, "afgesloten_op": timezone.localdate()}
        ),
        opslaan=opslaan,
        sjabloon="geschillen/afsluiten.html",
    )
