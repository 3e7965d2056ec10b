"""The public page (no login): every SWV of the installation, and per SWV where the support
money went per year (goal 6), from adopted budgets only. Thin views: one selector call,
then render. No access log: public figures, never a pupil."""

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from passend.middelen.grafieken import uitgavengrafiek
from passend.middelen.selectors.openbaar import LASTEN_REGELS, swv_lijst, verantwoording
from passend.organisaties.rules import Sector

#: Short names of the kinds of spending, for the chart (the table has the long ones).
KORTE_NAMEN = {
    "afdrachten": "Speciaal (basis)onderwijs",
    "toewijzing_scholen": "Naar de scholen",
    "arrangementen": "Arrangementen",
    "steunpunt": "Ouder- en jeugdsteunpunt",
    "organisatie": "Organisatie",
    "overige_lasten": "Overige uitgaven",
}


@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
    sector = request.GET.get("sector", "")
    if sector not in Sector.values:
        sector = ""
    naam = request.GET.get("naam", "").strip()[:100]
    return render(
        request,
        "middelen/openbaar/overzicht.html",
        {
            "regels": swv_lijst(sector=sector, naam=naam),
            "sector": sector,
            "naam": naam,
            "sectoren": Sector.choices,
        },
    )


@require_GET
def swv(request: HttpRequest, code: str) -> HttpResponse:
    tekst = request.GET.get("jaar", "")
    # ASCII digits only: "²⁰²⁶".isdigit() is True but int() refuses it.
    jaar = int(tekst) if re.fullmatch(r"[0-9]{4}", tekst) else None
    v = verantwoording(code, jaar)
    niet_getoond = f"niet getoond (minder dan {v.grens} leerlingen)"
    grafiek = uitgavengrafiek(
        [
            (
                KORTE_NAMEN[str(sleutel)],
                [(j.jaar, j.lasten_getoond()[str(sleutel)]) for j in v.jaren],
            )
            for sleutel, _ in LASTEN_REGELS
        ],
        niet_getoond=niet_getoond,
    )
    tabel = [
        (label, [j.lasten_getoond()[str(sleutel)] for j in v.jaren])
        for sleutel, label in LASTEN_REGELS
    ]
    return render(
        request,
        "middelen/openbaar/swv.html",
        {
            "v": v,
            "grafiek": grafiek,
            "tabel": tabel,
            "jaar_gevraagd": tekst,
            "niet_getoond": niet_getoond,
        },
    )
