"""The results of a closed survey wave: a page per wave (and scope) and the same figures as
a PDF report.

Thin views: one selector call (``resultaten_voor`` checks the role (403, logged), the wave
and the chosen SWV (404, logged), refuses a wave that is not closed, writes the one
access-log record, then returns the figures), then render. Everything below the selector is
presentation: Dutch numbers, the comparison in words, and the charts.

A national wave offers a choice of scope (``?swv=<code>``): the national total or one SWV
(the selector's ``keuzes``). A code that cannot be chosen shows the form's error with the
national total (the selector logged nothing for the refused code).
"""

import base64
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import Actor, actor_of_403
from passend.core.models import Actie
from passend.core.pdf import pdf_van_sjabloon
from passend.doelstellingen.forms.resultaten import ScopeForm
from passend.doelstellingen.grafieken import (
    TE_WEINIG,
    Item,
    Staaf,
    itemgrafiek,
    omschrijving,
    p_tekst,
    resultaat_tekst,
    verschil_tekst,
)
from passend.doelstellingen.models import Meting
from passend.doelstellingen.permissions import beleid
from passend.doelstellingen.rules import Respondentgroep, Schaal
from passend.doelstellingen.selectors.resultaten import (
    ANDERE_SCHAAL,
    TOETS_PROPORTIES,
    TOETS_WELCH,
    Groepresultaat,
    Itemresultaat,
    MetingNietGesloten,
    OngeldigeKeuze,
    Resultaten,
    Vergelijking,
    resultaten_voor,
)

PAGINA = "doelstellingen:resultaten"
PDF = "doelstellingen:resultaten-pdf"
PAGINA_SJABLOON = "doelstellingen/resultaten/resultaten.html"
PDF_SJABLOON = "doelstellingen/resultaten/rapport_pdf.html"
MELDING_SJABLOON = "doelstellingen/resultaten/melding.html"

#: A respondent count under the threshold, in words (never the number).
MINDER_DAN = "minder dan {grens}"

TOETSNAMEN = {TOETS_PROPORTIES: "toets op twee proporties", TOETS_WELCH: "Welch-toets"}


# --- Presentation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Vergelijkingscel:
    """One comparison of an item with another wave, ready to show."""

    resultaat: str
    onderdrukt: bool
    verschil: str
    betekenis: str
    toets: str


@dataclass(frozen=True)
class Rij:
    """One item of a goal and group: its figures and its comparisons (in column order)."""

    code: str
    tekst: str
    n: str
    onderdrukt: bool
    resultaat: str
    vergelijkingen: list[Vergelijkingscel]


@dataclass(frozen=True)
class Grafiek:
    """A chart: the SVG for the page, its text alternative, and the SVG as a ``data:`` URI
    (an ``<img>`` with ``alt`` in the PDF, where it is tagged as a figure)."""

    svg: SafeString
    omschrijving: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass(frozen=True)
class Groepweergave:
    code: str
    label: str
    responsen: str
    rijen: list[Rij]
    grafieken: list[Grafiek]


@dataclass(frozen=True)
class Doelweergave:
    nummer: int
    label: str
    groepen: list[Groepweergave]


@dataclass(frozen=True)
class Kolom:
    """A wave compared with: which ``Itemresultaat`` field, its heading and short name."""

    veld: str
    titel: str
    naar: str


def kolommen(resultaten: Resultaten) -> list[Kolom]:
    """The comparisons shown: the baseline, then the previous wave (once if they are the
    same wave)."""
    uit = []
    if resultaten.nulmeting is not None:
        uit.append(Kolom("nulmeting", f"Nulmeting {resultaten.nulmeting.jaar}", "de nulmeting"))
    if resultaten.vorige is not None and resultaten.vorige != resultaten.nulmeting:
        uit.append(Kolom("vorige", f"Vorige meting {resultaten.vorige.jaar}", "de vorige meting"))
    return uit


def _vergelijking(item: Itemresultaat, kolom: Kolom) -> Vergelijking | None:
    vergelijking: Vergelijking | None = getattr(item, kolom.veld)
    return vergelijking


def betekenis(vergelijking: Vergelijking | None, naar: str) -> str:
    """What a comparison means, in words (not by colour or sign alone)."""
    if vergelijking is None:
        return f"niet gevraagd in {naar}"
    if vergelijking.toets is None:
        return vergelijking.toelichting or "niet getoetst"
    if vergelijking.significant and vergelijking.oordeel == "hoger":
        return f"hoger dan {naar}"
    if vergelijking.significant and vergelijking.oordeel == "lager":
        return f"lager dan {naar}"
    return "geen duidelijk verschil"


def _vergelijkingscel(item: Itemresultaat, kolom: Kolom) -> Vergelijkingscel:
    v = _vergelijking(item, kolom)
    if v is None or v.toelichting == ANDERE_SCHAAL:
        return Vergelijkingscel("", False, "", betekenis(v, kolom.naar), "")
    toets = ""
    if v.toets is not None:
        toets = f"{TOETSNAMEN.get(v.toets, v.toets)}, p = {p_tekst(v.p_holm)}"
    return Vergelijkingscel(
        resultaat=resultaat_tekst(v.resultaat, v.ci_laag, v.ci_hoog, item.schaal),
        onderdrukt=v.resultaat is None,
        verschil=verschil_tekst(v.verschil, item.schaal) if v.toets is not None else "",
        betekenis=betekenis(v, kolom.naar),
        toets=toets,
    )


def rij(item: Itemresultaat, kolommen_: list[Kolom]) -> Rij:
    return Rij(
        code=item.code,
        tekst=item.tekst,
        n="" if item.onderdrukt or item.n is None else str(item.n),
        onderdrukt=item.onderdrukt,
        resultaat=""
        if item.onderdrukt
        else resultaat_tekst(item.resultaat, item.ci_laag, item.ci_hoog, item.schaal),
        vergelijkingen=[_vergelijkingscel(item, kolom) for kolom in kolommen_],
    )


def grafieken(
    groep: Groepresultaat,
    *,
    resultaten: Resultaten,
    kolommen_: list[Kolom],
    titel: str,
    sleutel: str,
) -> list[Grafiek]:
    """One chart per answer scale of the group's items (mostly one): bars for this wave
    and every wave compared with."""
    reeksnamen = [f"Meting {resultaten.meting.jaar}", *(k.titel for k in kolommen_)]
    schalen = list(dict.fromkeys(item.schaal for item in groep.items))
    uit = []
    for schaal in schalen:
        items = []
        for item in groep.items:
            if item.schaal != schaal:
                continue
            staven = [
                Staaf(
                    reeksnamen[0],
                    None if item.onderdrukt else item.resultaat,
                    item.ci_laag,
                    item.ci_hoog,
                    onderdrukt=item.onderdrukt or item.resultaat is None,
                )
            ]
            for naam, kolom in zip(reeksnamen[1:], kolommen_, strict=True):
                v = _vergelijking(item, kolom)
                if v is None or v.toelichting == ANDERE_SCHAAL:
                    staven.append(Staaf(naam, None))
                else:
                    staven.append(
                        Staaf(
                            naam,
                            v.resultaat,
                            v.ci_laag,
                            v.ci_hoog,
                            onderdrukt=v.resultaat is None,
                        )
                    )
            items.append(Item(tekst=item.tekst, staven=tuple(staven)))
        wat = "percentage eens" if schaal == Schaal.EENS_ONEENS else "gemiddeld cijfer"
        svg = itemgrafiek(
            items=items,
            reeksnamen=reeksnamen,
            schaal=schaal,
            titel=f"{titel}: {wat} per stelling",
            sleutel=f"{sleutel}-{schaal}",
        )
        uit.append(Grafiek(svg=svg, omschrijving=omschrijving(items, schaal)))
    return uit


def responsen_tekst(responsen: int | None, grens: int) -> str:
    return MINDER_DAN.format(grens=grens) if responsen is None else str(responsen)


def doelen(resultaten: Resultaten) -> list[Doelweergave]:
    """Every goal (1–7) with its groups: rows and charts."""
    kolommen_ = kolommen(resultaten)
    return [
        Doelweergave(
            nummer=doel.doelstelling,
            label=doel.label,
            groepen=[
                Groepweergave(
                    code=groep.respondentgroep,
                    label=groep.label,
                    responsen=responsen_tekst(groep.responsen, resultaten.grens),
                    rijen=[rij(item, kolommen_) for item in groep.items],
                    grafieken=grafieken(
                        groep,
                        resultaten=resultaten,
                        kolommen_=kolommen_,
                        titel=f"Doelstelling {doel.doelstelling}, {groep.label}",
                        sleutel=f"grafiek-{doel.doelstelling}-{groep.respondentgroep}",
                    ),
                )
                for groep in doel.groepen
            ],
        )
        for doel in resultaten.doelen
    ]


def respondenten(resultaten: Resultaten) -> list[tuple[str, str]]:
    """The number of respondents per group (in the groups' order), for the title page."""
    per_groep: dict[str, str] = {}
    for doel in resultaten.doelen:
        for groep in doel.groepen:
            per_groep.setdefault(
                groep.respondentgroep, responsen_tekst(groep.responsen, resultaten.grens)
            )
    return [
        (label, per_groep[code]) for code, label in Respondentgroep.choices if code in per_groep
    ]


def _context(resultaten: Resultaten) -> dict[str, Any]:
    return {
        "resultaten": resultaten,
        "meting": resultaten.meting,
        "kolommen": kolommen(resultaten),
        "doelen": doelen(resultaten),
        "respondenten": respondenten(resultaten),
        "grens": resultaten.grens,
        "te_weinig": TE_WEINIG,
        "minder_dan": MINDER_DAN.format(grens=resultaten.grens),
    }


# --- The routes -----------------------------------------------------------------------------


def _respons_url(actor: Actor, meting: Meting | None) -> str:
    """The response-rate page of a wave that still runs, for who may see it (else "")."""
    if meting is None or not beleid.mag(actor, "respons_bekijken", meting):
        return ""
    return reverse("doelstellingen:respons", args=[meting.pk])


@dataclass(frozen=True)
class Opgehaald:
    actor: Actor
    resultaten: Resultaten | None = None
    niet_gesloten: MetingNietGesloten | None = None
    form: ScopeForm | None = None
    #: The ``swv`` asked for cannot be chosen (its Dutch message); nothing was read for it.
    ongeldig: str = ""


def _ophalen(
    request: HttpRequest, pk: int, route: str, *, terugvallen: bool, **extra: Any
) -> Opgehaald:
    """The one selector call and the scope form of a national wave. An SWV that cannot be
    chosen: with ``terugvallen`` (the page) a second call for the national total, shown
    with the form's error; without it (the PDF) nothing is read."""
    actor = actor_of_403(request)
    swv_code = request.GET.get("swv", "").strip()

    def haal(code: str) -> Resultaten:
        return resultaten_voor(
            actor=actor, meting_id=pk, route=route, swv_code=code or None, **extra
        )

    fout = ""
    try:
        try:
            resultaten = haal(swv_code)
        except OngeldigeKeuze as ongeldig:
            if not terugvallen:
                return Opgehaald(actor, ongeldig=str(ongeldig))
            fout = str(ongeldig)
            resultaten = haal("")
    except MetingNietGesloten as niet_gesloten:
        return Opgehaald(actor, niet_gesloten=niet_gesloten)
    form = None
    if resultaten.meting.is_landelijk and resultaten.keuzes:
        form = ScopeForm(
            {"swv": swv_code} if "swv" in request.GET else None, keuzes=resultaten.keuzes
        )
        if fout and form.is_valid():
            form.add_error("swv", fout)
    return Opgehaald(actor, resultaten=resultaten, form=form)


def _melding(
    request: HttpRequest, actor: Actor, pk: int, melding: str, status: int, meting: Meting | None
) -> HttpResponse:
    return render(
        request,
        MELDING_SJABLOON,
        {
            "melding": melding,
            "meting": meting,
            "respons_url": _respons_url(actor, meting),
            "pagina_url": reverse(PAGINA, args=[pk]) if status == 400 else "",
        },
        status=status,
    )


@require_GET
@login_required
def resultaten(request: HttpRequest, pk: int) -> HttpResponse:
    """The results page of a closed wave (``?swv=`` for one SWV of a national wave)."""
    opgehaald = _ophalen(request, pk, PAGINA, terugvallen=True)
    uitkomst = opgehaald.resultaten
    if uitkomst is None:
        fout = opgehaald.niet_gesloten
        assert fout is not None
        return _melding(request, opgehaald.actor, pk, str(fout), 200, fout.meting)
    pdf_url = reverse(PDF, args=[pk])
    if uitkomst.samenwerkingsverband is not None and uitkomst.meting.is_landelijk:
        pdf_url += f"?swv={uitkomst.samenwerkingsverband.code}"
    return render(
        request,
        PAGINA_SJABLOON,
        {**_context(uitkomst), "form": opgehaald.form, "pdf_url": pdf_url},
    )


@require_GET
@never_cache
@login_required
def resultaten_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The same figures as a PDF report (PDF/UA-1), with a title page and an explanation."""
    opgehaald = _ophalen(request, pk, PDF, terugvallen=False, log_actie=Actie.AFDRUKKEN)
    uitkomst = opgehaald.resultaten
    if uitkomst is None:
        if opgehaald.ongeldig:
            return _melding(request, opgehaald.actor, pk, opgehaald.ongeldig, 400, None)
        fout = opgehaald.niet_gesloten
        assert fout is not None
        return _melding(request, opgehaald.actor, pk, str(fout), 409, fout.meting)
    inhoud = pdf_van_sjabloon(
        PDF_SJABLOON, {**_context(uitkomst), "afgedrukt_op": timezone.localtime()}
    )
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    scope = uitkomst.samenwerkingsverband.code.lower() if uitkomst.samenwerkingsverband else ""
    naam = "-".join(filter(None, ["doelstellingenmonitor", str(uitkomst.meting.jaar), scope]))
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
    return antwoord
