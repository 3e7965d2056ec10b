"""Charts as server-side SVG, shared by the apps: a line chart of numbers over time (the
waiting lists of sbo/so/vso, motion 31497-377), a bar chart of counts per category (the
coverage of the region's offer per area, the steunpunt's signals), and the building blocks
(``svg_tekst``, ``svg_marker``, ``stijl``) of other charts (verzuim per quarter). Pure: data
in, markup out; no ORM, no JavaScript, no inline style (the CSP forbids it; SVG
presentation attributes are not styles).

Accessible: the ``<svg>`` has ``role="img"`` and is labelled by its ``<title>`` and
``<desc>``; every point and bar has its own ``<title>`` (a tooltip); series differ in
colour, dash pattern and marker shape, so colour is never the only cue; every colour has a
contrast of at least 3:1 against white (WCAG 1.4.11). The page shows the same data as a
table next to the chart.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

#: Series colours (Okabe–Ito, darkened where needed): each at least 3:1 against white.
KLEUREN = ("#0072B2", "#C14800", "#007A5E", "#A8326E", "#595959", "#7A5C00", "#5B3FA6")
#: Dash patterns per series (cycled with the colours, offset, so pairs stay distinct).
STREEPJES = ("", "6 3", "2 3", "8 3 2 3")
MARKERS = ("cirkel", "vierkant", "driehoek", "ruit")
TEKSTKLEUR = "#1a1a1a"
ASKLEUR = "#595959"
RASTERKLEUR = "#d9d9d9"
LETTER = 'font-family="sans-serif" font-size="12"'


@dataclass(frozen=True)
class Punt:
    datum: date
    waarde: int


@dataclass(frozen=True)
class Reeks:
    """One line: a name (the legend) and its points (any order)."""

    naam: str
    punten: tuple[Punt, ...]


def svg_tekst(waarde: object) -> str:
    return escape(str(waarde), quote=True)


def datumlabel(datum: date) -> str:
    """'1-10-2026': short and unambiguous for Dutch readers."""
    return f"{datum.day}-{datum.month}-{datum.year}"


def mooi_maximum(waarde: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``waarde`` (at least 1),
    so the axis has round tick labels."""
    if waarde <= 1:
        return 1
    macht = 1
    while True:
        for stap in (1, 2, 5):
            if stap * macht >= waarde:
                return stap * macht
        macht *= 10


def ytikken(maximum: int, aantal: int = 5) -> list[int]:
    """Whole-number tick values from 0 to ``maximum`` (at most ``aantal`` + 1 of them)."""
    stap = max(1, -(-maximum // aantal))
    return list(range(0, maximum + 1, stap))


def xtikken(begin: date, einde: date, aantal: int = 5) -> list[date]:
    """Up to ``aantal`` + 1 dates evenly spread from ``begin`` to ``einde`` (both included)."""
    dagen = (einde - begin).days
    if dagen <= 0:
        return [begin]
    stappen = min(aantal, dagen)
    return sorted(
        {
            date.fromordinal(begin.toordinal() + round(dagen * i / stappen))
            for i in range(stappen + 1)
        }
    )


def svg_marker(vorm: str, x: float, y: float, kleur: str) -> str:
    if vorm == "vierkant":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{kleur}"/>'
    if vorm == "driehoek":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" '
            f'fill="{kleur}"/>'
        )
    if vorm == "ruit":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} '
            f'{x - 5:.1f},{y:.1f}" fill="{kleur}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{kleur}"/>'


def stijl(index: int) -> tuple[str, str, str]:
    """Colour, dash pattern and marker shape of the ``index``-th series."""
    return (
        KLEUREN[index % len(KLEUREN)],
        STREEPJES[(index // len(KLEUREN) + index) % len(STREEPJES)],
        MARKERS[index % len(MARKERS)],
    )


def lijngrafiek(
    *,
    reeksen: Sequence[Reeks],
    titel: str,
    omschrijving: str,
    eenheid: str,
    sleutel: str = "grafiek",
    breedte: int = 720,
    hoogte: int = 320,
) -> SafeString:
    """A line chart of whole numbers over time, one line per series, with a legend below
    it. ``eenheid`` names what is counted ("wachtend") for the points' tooltips;
    ``sleutel`` makes the ids of the title and description unique on the page. Without
    any point: an empty string (the page says there is nothing to show)."""
    punten = [p for r in reeksen for p in r.punten]
    if not punten:
        return mark_safe("")
    links, rechts, boven, onder = 48, 48, 16, 40
    legendarij = 20
    legenda_hoogte = legendarij * len(reeksen) + 8
    vlak_breedte = breedte - links - rechts
    vlak_hoogte = hoogte - boven - onder
    totaal_hoogte = hoogte + legenda_hoogte
    begin = min(p.datum for p in punten)
    einde = max(p.datum for p in punten)
    maximum = mooi_maximum(max(p.waarde for p in punten))
    dagen = (einde - begin).days

    def x(datum: date) -> float:
        if dagen == 0:
            return links + vlak_breedte / 2
        return links + vlak_breedte * (datum - begin).days / dagen

    def y(waarde: int) -> float:
        return boven + vlak_hoogte * (1 - waarde / maximum)

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {totaal_hoogte}" '
        f'width="{breedte}" height="{totaal_hoogte}" '
        f'role="img" aria-labelledby="{sleutel}-titel {sleutel}-omschrijving" '
        f'class="passend-grafiek" {LETTER}>',
        f'<title id="{sleutel}-titel">{svg_tekst(titel)}</title>',
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
    for tik_datum in xtikken(begin, einde):
        tx = x(tik_datum)
        delen.append(
            f'<line x1="{tx:.1f}" y1="{boven + vlak_hoogte}" x2="{tx:.1f}" '
            f'y2="{boven + vlak_hoogte + 5}" stroke="{ASKLEUR}" stroke-width="1"/>'
            f'<text x="{tx:.1f}" y="{boven + vlak_hoogte + 20}" text-anchor="middle" '
            f'fill="{TEKSTKLEUR}">{datumlabel(tik_datum)}</text>'
        )
    delen.append(
        f'<line x1="{links}" y1="{boven + vlak_hoogte}" x2="{breedte - rechts}" '
        f'y2="{boven + vlak_hoogte}" stroke="{ASKLEUR}" stroke-width="1"/>'
        f'<line x1="{links}" y1="{boven}" x2="{links}" y2="{boven + vlak_hoogte}" '
        f'stroke="{ASKLEUR}" stroke-width="1"/>'
    )
    for index, reeks in enumerate(reeksen):
        kleur, streepjes, vorm = stijl(index)
        geordend = sorted(reeks.punten, key=lambda p: p.datum)
        delen.append('<g aria-hidden="true">')
        if len(geordend) > 1:
            lijn = " ".join(f"{x(p.datum):.1f},{y(p.waarde):.1f}" for p in geordend)
            streep = f' stroke-dasharray="{streepjes}"' if streepjes else ""
            delen.append(
                f'<polyline points="{lijn}" fill="none" stroke="{kleur}" stroke-width="2"{streep}/>'
            )
        delen.append("</g>")
        for p in geordend:
            delen.append(
                f"<g><title>{svg_tekst(reeks.naam)}, {datumlabel(p.datum)}: {p.waarde} "
                f"{svg_tekst(eenheid)}</title>{svg_marker(vorm, x(p.datum), y(p.waarde), kleur)}</g>"
            )
        ly = hoogte + legendarij * index + 12
        streep = f' stroke-dasharray="{streepjes}"' if streepjes else ""
        delen.append(
            f'<line x1="{links}" y1="{ly}" x2="{links + 28}" y2="{ly}" stroke="{kleur}" '
            f'stroke-width="2"{streep}/>{svg_marker(vorm, links + 14, ly, kleur)}'
            f'<text x="{links + 36}" y="{ly + 4}" fill="{TEKSTKLEUR}">{svg_tekst(reeks.naam)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  (every text in it went through svg_tekst)


@dataclass(frozen=True)
class Staaf:
    """One category (a row of bars) with a value per series."""

    naam: str
    waarden: tuple[int, ...]


def staafgrafiek(
    *,
    staven: Sequence[Staaf],
    reeksnamen: Sequence[str],
    maximum: int,
    titel: str,
    omschrijving: str,
    sleutel: str = "staven",
    breedte: int = 720,
) -> SafeString:
    """Horizontal grouped bars: per category one bar per series, each out of ``maximum``
    (e.g. locations offering basis and extra support per area, out of all locations).
    Values are written at the end of each bar, so the chart reads without colour too."""
    if not staven or not reeksnamen:
        return mark_safe("")
    links, rechts, boven = 290, 90, 8
    staafhoogte, tussenruimte = 14, 12
    groep = staafhoogte * len(reeksnamen) + tussenruimte
    legenda = 24
    hoogte = boven + groep * len(staven) + legenda + 8
    vlak = breedte - links - rechts
    schaal = max(maximum, 1)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" '
        f'width="{breedte}" height="{hoogte}" '
        f'role="img" aria-labelledby="{sleutel}-titel {sleutel}-omschrijving" '
        f'class="passend-grafiek" {LETTER}>',
        f'<title id="{sleutel}-titel">{svg_tekst(titel)}</title>',
        f'<desc id="{sleutel}-omschrijving">{svg_tekst(omschrijving)}</desc>',
        f'<line x1="{links}" y1="{boven}" x2="{links}" y2="{boven + groep * len(staven)}" '
        f'stroke="{ASKLEUR}" stroke-width="1"/>',
    ]
    for rij, staaf in enumerate(staven):
        gy = boven + rij * groep
        delen.append(
            f'<text x="{links - 8}" y="{gy + staafhoogte * len(reeksnamen) / 2 + 4:.1f}" '
            f'text-anchor="end" fill="{TEKSTKLEUR}">{svg_tekst(staaf.naam)}</text>'
        )
        for index, waarde in enumerate(staaf.waarden):
            kleur = KLEUREN[index % len(KLEUREN)]
            by = gy + index * staafhoogte
            lengte = vlak * min(waarde, schaal) / schaal
            delen.append(
                f"<g><title>{svg_tekst(staaf.naam)}, {svg_tekst(reeksnamen[index])}: {waarde} van "
                f"{maximum}</title>"
                f'<rect x="{links}" y="{by + 1}" width="{lengte:.1f}" height="{staafhoogte - 2}" '
                f'fill="{kleur}"/>'
                f'<text x="{links + lengte + 6:.1f}" y="{by + staafhoogte - 3}" '
                f'fill="{TEKSTKLEUR}">{waarde} van {maximum}</text></g>'
            )
    ly = boven + groep * len(staven) + 16
    lx = links
    for index, naam in enumerate(reeksnamen):
        kleur = KLEUREN[index % len(KLEUREN)]
        delen.append(
            f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{kleur}"/>'
            f'<text x="{lx + 18}" y="{ly}" fill="{TEKSTKLEUR}">{svg_tekst(naam)}</text>'
        )
        lx += 40 + 8 * len(naam)
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  (every text in it went through svg_tekst)
