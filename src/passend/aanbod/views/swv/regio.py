"""The region's overview (the state of every location's offer, the coverage per area) and
the waiting lists of its sbo/so/vso locations over time (motion 31497-377), with their CSV."""

import csv
import io
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from passend.aanbod import aanbodbestand
from passend.aanbod.forms_regio import PeriodeForm, RegioFilterForm
from passend.aanbod.rules import schooljaar_begin, schooljaar_van, schooljaren_om_te_beschrijven
from passend.aanbod.selectors.regio import (
    dekking_per_gebied,
    regio_samenvatting,
    regio_vestigingen,
    wachtlijst_maandstanden,
    wachtlijstreeksen,
    wachtlijststanden,
    wachtlijstvestigingen,
)
from passend.aanbod.views.swv.basis import actor_voor, pagina
from passend.core.csvbestand import csv_download
from passend.core.grafiek import Staaf, lijngrafiek, staafgrafiek

PAGINA_GROOTTE = 100


@login_required
def regio_overzicht(request: HttpRequest) -> HttpResponse:
    """Every location of the region with the state of its offer, and the coverage per area."""
    actor = actor_voor(request, "regio_inzien")
    schooljaren = schooljaren_om_te_beschrijven(timezone.localdate())
    gegevens = request.GET.copy()
    gegevens.setdefault("schooljaar", schooljaren[0])
    form = RegioFilterForm(gegevens, schooljaren=schooljaren)
    schooljaar, soort = schooljaren[0], ""
    if form.is_valid():
        schooljaar, soort = form.cleaned_data["schooljaar"], form.cleaned_data["soort"]
    vestigingen = Paginator(
        regio_vestigingen(actor=actor, schooljaar=schooljaar, soort=soort), PAGINA_GROOTTE
    ).get_page(request.GET.get("pagina"))
    samenvatting = regio_samenvatting(actor=actor, schooljaar=schooljaar, soort=soort)
    dekking = dekking_per_gebied(actor=actor, schooljaar=schooljaar, soort=soort)
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return pagina(
        request,
        actor,
        "aanbod/swv/regio.html",
        "aanbod:regio-overzicht",
        form=form,
        schooljaar=schooljaar,
        pagina=vestigingen,
        querystring=querystring.urlencode(),
        samenvatting=samenvatting,
        dekking=dekking,
        aantal_normgebieden=sum(1 for d in dekking if d.gebied.landelijke_norm),
        grafiek=staafgrafiek(
            staven=[Staaf(d.gebied.naam, (d.basis, d.extra)) for d in dekking],
            reeksnamen=("Basisondersteuning", "Extra ondersteuning"),
            maximum=samenvatting["totaal"],
            titel=f"Dekking van het aanbod per gebied, {schooljaar}",
            omschrijving=(
                f"Per ondersteuningsgebied: hoeveel van de {samenvatting['totaal']} vestigingen "
                "in gepubliceerd aanbod basisondersteuning en extra ondersteuning beschrijven. "
                "Dezelfde cijfers staan in de tabel onder de grafiek."
            ),
            sleutel="dekking",
        ),
    )


def _periode(request: HttpRequest) -> tuple[PeriodeForm, date, date]:
    """The chosen period (at most five years); without a (valid) choice: the last two
    school years (from the start of the previous school year until today)."""
    vandaag = timezone.localdate()
    vorig_jaar = schooljaar_van(schooljaar_begin(schooljaar_van(vandaag)) - timedelta(days=1))
    van, tot = schooljaar_begin(vorig_jaar), vandaag
    form = PeriodeForm(request.GET or None, initial={"van": van, "tot": tot})
    if form.is_bound and form.is_valid():
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    return form, van, tot


@login_required
def wachtlijsten(request: HttpRequest) -> HttpResponse:
    """The region's sbo/so/vso waiting lists in a period (at most five years): a line
    chart of the number waiting per location (one point per location and month: its last
    count in that month), and the table with every figure, a page at a time."""
    actor = actor_voor(request, "regio_inzien")
    form, van, tot = _periode(request)
    reeksen = wachtlijstreeksen(wachtlijst_maandstanden(actor=actor, van=van, tot=tot))
    standen = Paginator(wachtlijststanden(actor=actor, van=van, tot=tot), PAGINA_GROOTTE)
    return pagina(
        request,
        actor,
        "aanbod/swv/wachtlijsten.html",
        "aanbod:regio-wachtlijsten",
        form=form,
        van=van,
        tot=tot,
        pagina=standen.get_page(request.GET.get("pagina")),
        aantal_vestigingen=wachtlijstvestigingen(actor=actor).count(),
        querystring=f"van={van.isoformat()}&tot={tot.isoformat()}",
        grafiek=lijngrafiek(
            reeksen=reeksen,
            titel=f"Aantal wachtenden per vestiging, {van:%d-%m-%Y} tot en met {tot:%d-%m-%Y}",
            omschrijving=(
                f"Lijngrafiek met {len(reeksen)} vestiging(en): per maand het aantal "
                "leerlingen op de wachtlijst bij de laatste telling van die maand. Alle "
                "cijfers staan in de tabel onder de grafiek."
            ),
            eenheid="wachtend",
            sleutel="wachtlijst",
        ),
    )


WACHTLIJSTKOLOMMEN = (
    "vestigingscode",
    "vestiging",
    "soort",
    "peildatum",
    "gebied",
    "aantal_wachtend",
    "verwachte_wachttijd_weken",
    "capaciteit",
)


@login_required
def wachtlijsten_csv(request: HttpRequest) -> HttpResponse:
    """The same figures as a CSV file (``;``-separated, UTF-8)."""
    actor = actor_voor(request, "regio_inzien")
    form, van, tot = _periode(request)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(
            "De periode klopt niet: " + " ".join(str(f) for f in form.errors.values()),
            content_type="text/plain; charset=utf-8",
        )
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(WACHTLIJSTKOLOMMEN)
    for stand in wachtlijststanden(actor=actor, van=van, tot=tot):
        schrijver.writerow(
            [
                stand.vestiging.vestigingscode,
                aanbodbestand.formule_afschermen(stand.vestiging.naam),
                stand.vestiging.soort,
                stand.peildatum.isoformat(),
                stand.gebied.code if stand.gebied else "",
                stand.aantal_wachtend,
                stand.verwachte_wachttijd_weken,
                stand.capaciteit,
            ]
        )
    swv = actor.rol.samenwerkingsverband
    return csv_download(
        uit.getvalue(),
        f"wachtlijsten-{swv.code if swv else 'regio'}-{van.isoformat()}-{tot.isoformat()}.csv",
    )
