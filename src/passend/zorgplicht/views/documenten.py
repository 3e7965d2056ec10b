"""The letters to the parents as accessible PDFs: the extension and the decision."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import actor_of_403
from passend.core.models import Actie
from passend.zorgplicht.pdf import besluitbrief, bestandsnaam, verlengingsbrief
from passend.zorgplicht.selectors import aanmelding_voor_schrijven
from passend.zorgplicht.views.afhandeling import vastleggen


def _brief(request: HttpRequest, sleutel: UUID, soort: str) -> HttpResponse:
    route = f"zorgplicht:brief-{soort}"
    actor = actor_of_403(request)
    aanmelding = aanmelding_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="brief_lezen",
        doel=f"brief over de {soort} afdrukken",
        route=route,
        log_actie=Actie.AFDRUKKEN,
    )
    bestaat = (
        aanmelding.verlengd_tot is not None if soort == "verlenging" else bool(aanmelding.uitkomst)
    )
    vastleggen(
        actor=actor,
        actie=Actie.AFDRUKKEN,
        toegestaan=bestaat,
        reden=f"brief over de {soort} als PDF" if bestaat else f"er is nog geen {soort}",
        route=route,
        aanmelding=aanmelding,
    )
    if not bestaat:
        raise Http404(f"Er is (nog) geen brief over de {soort}.")
    pdf = verlengingsbrief(aanmelding) if soort == "verlenging" else besluitbrief(aanmelding)
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam(soort, aanmelding)}"'
    return antwoord


@require_GET
@never_cache
@login_required
def brief_verlenging(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    return _brief(request, sleutel, "verlenging")


@require_GET
@never_cache
@login_required
def brief_besluit(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    return _brief(request, sleutel, "besluit")
