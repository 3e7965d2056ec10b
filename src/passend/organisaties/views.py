"""Pages about organisations: the region overview, a location, importing DUO's list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.organisaties.forms import ImportForm, VestigingZoekForm
from passend.organisaties.importeren import ImportMislukt
from passend.organisaties.permissions import beleid
from passend.organisaties.selectors import (
    besturen_in_swv,
    vestiging_met_historie,
    vestigingen_zoeken,
)
from passend.organisaties.services import vestigingen_importeren


def _actor(request: HttpRequest, actie: str) -> Actor:
    actor = actor_of_403(request)
    if not beleid.mag(actor, actie):
        raise PermissionDenied
    return actor


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """The region of one's own SWV; for others, every location."""
    actor = _actor(request, "bekijken")
    swv = actor.rol.samenwerkingsverband
    form = VestigingZoekForm(request.GET or None)
    zoekterm = soort = ""
    if form.is_bound and form.is_valid():
        zoekterm, soort = form.cleaned_data["q"], form.cleaned_data["soort"]
    peildatum = timezone.localdate()
    vestigingen = vestigingen_zoeken(
        zoekterm=zoekterm, soort=soort, samenwerkingsverband=swv, peildatum=peildatum
    )
    pagina = Paginator(vestigingen, 50).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "organisaties/overzicht.html",
        {
            "swv": swv,
            "form": form,
            "pagina": pagina,
            "besturen": list(besturen_in_swv(samenwerkingsverband=swv, peildatum=peildatum))
            if swv
            else [],
            "querystring": querystring.urlencode(),
            "mag_importeren": beleid.mag(actor, "importeren"),
        },
    )


@login_required
def vestiging(request: HttpRequest, vestigingscode: str) -> HttpResponse:
    _actor(request, "bekijken")
    gevonden = vestiging_met_historie(vestigingscode=vestigingscode.upper())
    if gevonden is None:
        raise Http404
    return render(request, "organisaties/vestiging.html", {"vestiging": gevonden})


@login_required
def importeren(request: HttpRequest) -> HttpResponse:
    actor = _actor(request, "importeren")
    form = ImportForm(request.POST or None, request.FILES or None)
    resultaat = None
    fouten = None
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            resultaat = vestigingen_importeren(
                actor=actor,
                bron=bestand.read(),
                bestandsnaam=bestand.name,
                samenwerkingsverband=actor.rol.samenwerkingsverband
                if form.cleaned_data["koppelen"]
                else None,
                peildatum=timezone.localdate(),
            )
        except ImportMislukt as mislukt:
            fouten = mislukt.fouten
            form.add_error(
                "bestand",
                f"Het bestand is niet ingelezen: {len(fouten)} fout(en). Er is niets opgeslagen.",
            )
        else:
            messages.success(
                request,
                f"{resultaat.gelezen} vestigingen gelezen: {resultaat.nieuw} nieuw, "
                f"{resultaat.gewijzigd} gewijzigd, {resultaat.ongewijzigd} ongewijzigd.",
            )
    return render(
        request,
        "organisaties/importeren.html",
        {"form": form, "resultaat": resultaat, "fouten": fouten},
    )
