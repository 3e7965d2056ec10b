"""Presentation of a wave's results (the page and the PDF): pure functions from the
selector's dataclasses (``selectors.resultaten``) to template rows, Dutch numbers, the
comparisons in words, and the charts. No database, no rights, no log: the views call the
selector (which authorises and logs), then ``context`` here, then render."""

import base64
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

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
from passend.doelstellingen.rules import Respondentgroep, Schaal
from passend.doelstellingen.selectors.resultaten import (
    ANDERE_SCHAAL,
    TOETS_PROPORTIES,
    TOETS_WELCH,
    Groepresultaat,
    Itemresultaat,
    Resultaten,
    Vergelijking,
)

#: A respondent count under the threshold, in words (never the number).
MINDER_DAN = "minder dan {grens}"

TOETSNAMEN = {TOETS_PROPORTIES: "toets op twee proporties", TOETS_WELCH: "Welch-toets"}


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


def context(resultaten: Resultaten) -> dict[str, Any]:
    """Everything the results page and the PDF show of the selector's figures."""
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
