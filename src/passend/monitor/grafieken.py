"""The dashboard's charts: a figure per school year (a ``Reeks``) as a server-side SVG line
chart, with the national reference as a second, dashed line where there is one.

Built from the shared pieces of ``passend.core.grafiek`` (colours with 3:1 contrast, dash
patterns and marker shapes, so colour is never the only cue; ``role="img"`` with a title and
a description). A suppressed or unknown point (None) is left out and breaks the line; the
page shows the same figures in a table beside the chart. Pure: data in, markup out.
"""

import math
from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from passend.core.grafiek import (
    ASKLEUR,
    LETTER,
    RASTERKLEUR,
    TEKSTKLEUR,
    mooi_maximum,
    stijl,
    svg_marker,
    svg_tekst,
    ytikken,
)
from passend.monitor.rules import Eenheid
from passend.monitor.selectors.kpi import Reeks

#: The unit of a figure in words (for tooltips, descriptions and table headings).
EENHEID_WOORDEN: dict[str, str] = {
    Eenheid.AANTAL: "",
    Eenheid.PROCENT: "procent",
    Eenheid.PER_1000: "per 1.000 leerlingen",
    Eenheid.WEKEN: "weken",
    Eenheid.DAGEN: "dagen",
}


def getal(waarde: Decimal | int | None) -> str:
    """A number the Dutch way: decimal comma ('12,5'); '–' when there is none."""
    if waarde is None:
        return "–"
    return str(waarde).replace(".", ",")


def _punt_tekst(waarde: Decimal | None, onderdrukt: bool) -> str:
    if waarde is not None:
        return getal(waarde)
    return "niet getoond (klein aantal)" if onderdrukt else "onbekend"


def _lijnen(
    reeksen: Sequence[tuple[str, list[tuple[str, Decimal | None]]]],
) -> list[tuple[str, list[tuple[str, Decimal | None]]]]:
    return [(naam, punten) for naam, punten in reeksen if any(w is not None for _, w in punten)]


def jaargrafiek(reeks: Reeks, *, naam: str, sleutel: str, breedte: int = 720) -> SafeString:
    """A line chart of one figure per school year: the SWV's line (``naam``) and, when the
    ``Reeks`` has one, the national line. Empty when no point has a value (the page then
    says so in the table)."""
    eenheid = EENHEID_WOORDEN.get(reeks.eenheid, reeks.eenheid)
    lijnen = _lijnen(
        [(naam, reeks.punten)]
        + ([("Landelijk", reeks.landelijk)] if reeks.landelijk is not None else [])
    )
    if not lijnen:
        return mark_safe("")
    jaren = [jaar for jaar, _ in reeks.punten]
    hoogste = max(w for _, punten in lijnen for _, w in punten if w is not None)
    maximum = mooi_maximum(max(1, math.ceil(hoogste)))
    hoogte = 300
    links, rechts, boven, onder = 56, 32, 16, 40
    legendarij = 20
    totaal_hoogte = hoogte + legendarij * len(lijnen) + 8
    vlak_breedte = breedte - links - rechts
    vlak_hoogte = hoogte - boven - onder

    def x(index: int) -> float:
        if len(jaren) == 1:
            return links + vlak_breedte / 2
        return links + vlak_breedte * index / (len(jaren) - 1)

    def y(waarde: Decimal | float) -> float:
        return boven + vlak_hoogte * (1 - float(waarde) / maximum)

    omschrijving = (
        f"{reeks.label} per schooljaar ({eenheid or 'aantal'}), "
        + "; ".join(
            f"{lijn}: "
            + ", ".join(f"{jaar} {_punt_tekst(w, jaar in reeks.onderdrukt)}" for jaar, w in p)
            for lijn, p in lijnen
        )
        + ". De tabel onder de grafiek geeft dezelfde cijfers."
    )
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {totaal_hoogte}" '
        f'width="{breedte}" height="{totaal_hoogte}" '
        f'role="img" aria-labelledby="{sleutel}-titel {sleutel}-omschrijving" '
        f'class="passend-grafiek" {LETTER}>',
        f'<title id="{sleutel}-titel">{svg_tekst(reeks.label)}</title>',
        f'<desc id="{sleutel}-omschrijving">{svg_tekst(omschrijving)}</desc>',
    ]
    for tik in ytikken(maximum):
        ty = y(tik)
        delen.append(
            f'<line x1="{links}" y1="{ty:.1f}" x2="{breedte - rechts}" y2="{ty:.1f}" '
            f'stroke="{RASTERKLEUR}" stroke-width="1"/>'
            f'<text x="{links - 6}" y="{ty + 4:.1f}" text-anchor="end" fill="{TEKSTKLEUR}">'
            f"{tik}</text>"
        )
    for index, jaar in enumerate(jaren):
        tx = x(index)
        delen.append(
            f'<line x1="{tx:.1f}" y1="{boven + vlak_hoogte}" x2="{tx:.1f}" '
            f'y2="{boven + vlak_hoogte + 5}" stroke="{ASKLEUR}" stroke-width="1"/>'
            f'<text x="{tx:.1f}" y="{boven + vlak_hoogte + 20}" text-anchor="middle" '
            f'fill="{TEKSTKLEUR}">{svg_tekst(jaar)}</text>'
        )
    delen.append(
        f'<line x1="{links}" y1="{boven + vlak_hoogte}" x2="{breedte - rechts}" '
        f'y2="{boven + vlak_hoogte}" stroke="{ASKLEUR}" stroke-width="1"/>'
        f'<line x1="{links}" y1="{boven}" x2="{links}" y2="{boven + vlak_hoogte}" '
        f'stroke="{ASKLEUR}" stroke-width="1"/>'
    )
    for volgnummer, (lijn, punten) in enumerate(lijnen):
        kleur, streepjes, vorm = stijl(volgnummer)
        streep = f' stroke-dasharray="{streepjes}"' if streepjes else ""
        # A line through consecutive known points; a missing point breaks it.
        stukken: list[list[tuple[float, float]]] = [[]]
        for index, (_, waarde) in enumerate(punten):
            if waarde is None:
                stukken.append([])
            else:
                stukken[-1].append((x(index), y(waarde)))
        delen.append('<g aria-hidden="true">')
        for stuk in stukken:
            if len(stuk) > 1:
                lijnpunten = " ".join(f"{px:.1f},{py:.1f}" for px, py in stuk)
                delen.append(
                    f'<polyline points="{lijnpunten}" fill="none" stroke="{kleur}" '
                    f'stroke-width="2"{streep}/>'
                )
        delen.append("</g>")
        for index, (jaar, waarde) in enumerate(punten):
            if waarde is None:
                continue
            delen.append(
                f"<g><title>{svg_tekst(lijn)}, {svg_tekst(jaar)}: {getal(waarde)} "
                f"{svg_tekst(eenheid)}</title>"
                f"{svg_marker(vorm, x(index), y(waarde), kleur)}</g>"
            )
        ly = hoogte + legendarij * volgnummer + 12
        delen.append(
            f'<line x1="{links}" y1="{ly}" x2="{links + 28}" y2="{ly}" stroke="{kleur}" '
            f'stroke-width="2"{streep}/>{svg_marker(vorm, links + 14, ly, kleur)}'
            f'<text x="{links + 36}" y="{ly + 4}" fill="{TEKSTKLEUR}">{svg_tekst(lijn)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  (every text in it went through svg_tekst)
