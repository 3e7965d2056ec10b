"""Reading one request (school, board and SWV staff) and its decision letter (PDF)."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import actor_of_403
from passend.arrangementen.pdf import besluitbrief_pdf
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import Status
from passend.arrangementen.selectors import (
    OBJECT_TYPE,
    aanvraag_voor_actor,
    aanvraag_voor_schrijven,
)
from passend.arrangementen.views.afhandeling import aanvraag_inhoud, vastleggen
from passend.core.models import Actie


@require_GET
@login_required
def detail(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The request, its history and the OPP it rests on, with the parents' and the
    pupil's view; buttons for what this role may do now."""
    route = "arrangementen:detail"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "medewerker",
        log_actie=Actie.LEZEN,
        object_type=OBJECT_TYPE,
        reden="alleen de school, het bestuur en het samenwerkingsverband lezen aanvragen",
        route=route,
    )
    aanvraag = aanvraag_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="bekijken_als_medewerker",
        doel="arrangementaanvraag bekijken",
        route=route,
    )
    return render(request, "arrangementen/detail.html", aanvraag_inhoud(actor, aanvraag))


def brief_bestandsnaam(achternaam: str, kenmerk: str) -> str:
    """``besluit-arrangement-<achternaam>-<kenmerk>.pdf``, ASCII only."""
    return f"besluit-arrangement-{slugify(achternaam) or 'leerling'}-{slugify(kenmerk)}.pdf"


@require_GET
@never_cache
@login_required
def brief(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The decision letter to the school as an accessible PDF, for the school, its board and
    the SWV; only once there is a decision."""
    route = "arrangementen:brief"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "medewerker",
        log_actie=Actie.AFDRUKKEN,
        object_type=OBJECT_TYPE,
        reden="alleen de school, het bestuur en het samenwerkingsverband krijgen de brief",
        route=route,
    )
    aanvraag = aanvraag_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="bekijken_als_medewerker",
        doel="besluitbrief arrangement",
        route=route,
        log_actie=Actie.AFDRUKKEN,
    )
    besloten = aanvraag.status == Status.BESLOTEN
    vastleggen(
        actor=actor,
        aanvraag=aanvraag,
        actie=Actie.AFDRUKKEN,
        toegestaan=True,
        reden="besluitbrief arrangement" if besloten else "nog geen besluit: geen brief",
        route=route,
    )
    if not besloten:
        raise Http404("Over deze aanvraag is nog niet besloten; er is nog geen besluitbrief.")
    antwoord = HttpResponse(besluitbrief_pdf(aanvraag), content_type="application/pdf")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="{brief_bestandsnaam(aanvraag.leerling.achternaam, aanvraag.kenmerk)}"'
    )
    return antwoord
