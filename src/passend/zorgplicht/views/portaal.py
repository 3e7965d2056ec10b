"""The parent portal: the registrations of their children with the decision, and "Meld uw
kind aan" (plain language, B1, works on a phone)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import actor_of_403
from passend.core.models import Actie
from passend.organisaties.models import Vestiging
from passend.organisaties.selectors import vestigingen_zoeken
from passend.zorgplicht import services
from passend.zorgplicht.forms import NIEUW, OuderAanmeldForm, SchoolZoekForm
from passend.zorgplicht.permissions import beleid
from passend.zorgplicht.selectors import aanmeldingen_van_ouder, kinderen_met_gezag, met_signalen
from passend.zorgplicht.views.afhandeling import fouten_naar_formulier, vastleggen

MAX_SCHOLEN = 50


def _alleen_ouders(request: HttpRequest, route: str) -> Any:
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "aanmelden",
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type="aanmelding",
        reden="het aanmeldportaal is voor ouders",
        route=route,
    )
    return actor


@login_required
def portaal(request: HttpRequest) -> HttpResponse:
    """The registrations of the parent's children, newest first, with the terms and letters."""
    route = "zorgplicht:portaal"
    actor = _alleen_ouders(request, route)
    vandaag = timezone.localdate()
    rijen = met_signalen(list(aanmeldingen_van_ouder(actor=actor)), vandaag=vandaag)
    vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden="eigen aanmeldingen bekijken",
        route=route,
        leerling_sleutels=[rij["aanmelding"].leerling.sleutel for rij in rijen],
        object_type="aanmeldingen-portaal",
    )
    return render(request, "zorgplicht/portaal/lijst.html", {"rijen": rijen})


def _scholen(zoekterm: str, kinderen: list[Any]) -> QuerySet[Vestiging]:
    """Schools found by name or place; without a search, those where the children live."""
    vandaag = timezone.localdate()
    if zoekterm:
        return vestigingen_zoeken(zoekterm=zoekterm, peildatum=vandaag)
    gemeenten = {k.woongemeente_id for k in kinderen if k.woongemeente_id is not None}
    return vestigingen_zoeken(peildatum=vandaag).filter(gemeente_id__in=gemeenten)


@login_required
def aanmelden(request: HttpRequest) -> HttpResponse:
    """Meld uw kind aan: which child, which school, extra help, other schools, preference."""
    route = "zorgplicht:aanmelden"
    actor = _alleen_ouders(request, route)
    zoek = SchoolZoekForm(request.GET or None)
    zoekterm = zoek.cleaned_data["zoek"].strip() if zoek.is_valid() else ""
    kinderen = list(kinderen_met_gezag(actor=actor))
    scholen = list(_scholen(zoekterm, kinderen)[:MAX_SCHOLEN])
    gekozen = request.POST.get("school", "") if request.method == "POST" else ""
    if gekozen and all(v.vestigingscode != gekozen for v in scholen):
        scholen += list(Vestiging.objects.filter(vestigingscode=gekozen))
    form = OuderAanmeldForm(
        request.POST or None,
        kinderen=[(str(k.sleutel), k.naam) for k in kinderen],
        scholen=scholen,
    )
    if request.method == "POST" and form.is_valid():
        g = form.cleaned_data
        kind = next((k for k in kinderen if str(k.sleutel) == g["kind"]), None)
        try:
            aanmelding = services.aanmelden(
                actor=actor,
                vestiging=g["school"],
                leerling=kind,
                nieuw_kind=form.nieuw_kind() if g["kind"] == NIEUW else None,
                ondersteuning_verwacht=g["ondersteuning_verwacht"] == "ja",
                toelichting_ondersteuning=g["toelichting_ondersteuning"],
                andere_scholen=g["andere_scholen"],
                eerste_voorkeur=g["eerste_voorkeur"] == "ja",
                route=route,
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            naam = aanmelding.leerling.roepnaam or aanmelding.leerling.voornamen
            messages.success(
                request,
                f"U heeft {naam} aangemeld bij {aanmelding.vestiging.naam}. De school beslist "
                f"uiterlijk op {aanmelding.beslissen_uiterlijk:%d-%m-%Y}.",
            )
            return redirect("zorgplicht:portaal")
    vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden=(
            "aanmelding niet verstuurd; formulier opnieuw getoond"
            if request.method == "POST"
            else "formulier kind aanmelden"
        ),
        route=route,
        leerling_sleutels=[k.sleutel for k in kinderen],
        object_type="aanmeldingen-portaal",
    )
    return render(
        request,
        "zorgplicht/portaal/aanmelden.html",
        {"form": form, "zoek": zoek, "zoekterm": zoekterm, "scholen": scholen},
    )
