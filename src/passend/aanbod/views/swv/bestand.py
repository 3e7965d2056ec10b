"""The CSV import and export of the region's offer (format: ``aanbodbestand``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from passend.aanbod import aanbodbestand
from passend.aanbod.forms_regio import ExportForm, ImportForm
from passend.aanbod.rules import Faciliteit, schooljaren_om_te_beschrijven
from passend.aanbod.selectors.catalogus import actieve_gebieden
from passend.aanbod.selectors.regio import exportregels
from passend.aanbod.services.importeren import ImportMislukt, aanbod_importeren
from passend.aanbod.views.swv.basis import actor_voor, pagina
from passend.core.csvbestand import csv_download

#: The import page lists this many errors; the rest is counted.
FOUTEN_OP_PAGINA = 300


@login_required
def importeren(request: HttpRequest) -> HttpResponse:
    """Read the region's offer from a CSV file: all or nothing, every error per row."""
    actor = actor_voor(request, "regio_importeren")
    schooljaren = schooljaren_om_te_beschrijven(timezone.localdate())
    post = request.method == "POST"
    form = ImportForm(request.POST if post else None, request.FILES if post else None)
    resultaat = fouten = None
    if post and form.is_valid():
        try:
            resultaat = aanbod_importeren(
                actor=actor,
                bron=form.cleaned_data["bestand"].read(),
                publiceren=form.cleaned_data["publiceren"],
                vandaag=timezone.localdate(),
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
                f"Ingelezen: {resultaat.regels} regels, {len(resultaat.vestigingen)} "
                f"vestiging(en), {resultaat.gebieden} gebieden; {resultaat.gepubliceerd} "
                "gepubliceerd.",
            )
    return pagina(
        request,
        actor,
        "aanbod/swv/importeren.html",
        "aanbod:regio-importeren",
        form=form,
        exportform=ExportForm(schooljaren=schooljaren),
        resultaat=resultaat,
        fouten=fouten[:FOUTEN_OP_PAGINA] if fouten else None,
        meer_fouten=max(0, len(fouten) - FOUTEN_OP_PAGINA) if fouten else 0,
        schooljaren=schooljaren,
        kolommen=aanbodbestand.KOLOMMEN,
        gebieden=actieve_gebieden(),
        faciliteiten=[(str(code), str(label)) for code, label in Faciliteit.choices],
        max_regels=aanbodbestand.MAXIMAAL_REGELS,
        max_tekst=aanbodbestand.MAX_TEKST,
    )


@login_required
def exporteren(request: HttpRequest) -> HttpResponse:
    """The region's offer of a school year as the CSV file the import reads."""
    actor = actor_voor(request, "regio_importeren")
    schooljaren = schooljaren_om_te_beschrijven(timezone.localdate())
    form = ExportForm(request.GET or None, schooljaren=schooljaren)
    schooljaar, welke = schooljaren[0], "werkversie"
    if form.is_bound:
        if not form.is_valid():
            return HttpResponseBadRequest(
                "Kies een schooljaar en een versie uit de lijst.",
                content_type="text/plain; charset=utf-8",
            )
        schooljaar, welke = form.cleaned_data["schooljaar"], form.cleaned_data["welke"]
    swv = actor.rol.samenwerkingsverband
    tekst = aanbodbestand.bestand_schrijven(
        exportregels(actor=actor, schooljaar=schooljaar, welke=welke)
    )
    return csv_download(tekst, f"aanbod-{swv.code if swv else 'regio'}-{schooljaar}-{welke}.csv")
