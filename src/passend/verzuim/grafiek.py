"""The quarter trend of the verzuim report as server-side SVG: one line per series over
labelled periods (quarters), not over dates. Pure: data in, markup out.

It reuses the look and the accessibility of ``passend.core.grafiek``: ``role="img"``
labelled by ``<title>`` and ``<desc>``, a tooltip per point, series that differ in colour,
dash pattern and marker shape (never colour alone), and no inline style (the CSP). The page
shows the same numbers as a table next to the chart.
"""

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Periodereeks:
    """One line: a name (the legend) and one value per period label, in order."""

    naam: str
    waarden: tuple[int, ...]


def periodegrafiek(
    *,
    labels: Sequence[str],
    reeksen: Sequence[Periodereeks],
    titel: str,
    omschrijving: str,
    eenheid: str,
    sleutel: str = "trend",
    breedte: int = 720,
    hoogte: int = 320,
) -> SafeString:
    """A line chart of whole numbers per labelled period (``2026-K3``), one line per
    series, with the legend below it. Without periods: an empty string."""
    if not labels or not reeksen:
        return mark_safe("")
    links, rechts, boven, onder = 48, 48, 16, 40
    legendarij = 20
    totaal_hoogte = hoogte + legendarij * len(reeksen) + 8
    vlak_breedte = breedte - links - rechts
    vlak_hoogte = hoogte - boven - onder
    maximum = mooi_maximum(max((w for r in reeksen for w in r.waarden), default=0))
    stap = max(1, -(-len(labels) // 12))  # at most about 12 axis labels

    def x(index: int) -> float:
        if len(labels) == 1:
            return links + vlak_breedte / 2
        return links + vlak_breedte * index / (len(labels) - 1)

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
    for index, label in enumerate(labels):
        if index % stap:
            continue
        tx = x(index)
        delen.append(
            f'<line x1="{tx:.1f}" y1="{boven + vlak_hoogte}" x2="{tx:.1f}" '
            f'y2="{boven + vlak_hoogte + 5}" stroke="{ASKLEUR}" stroke-width="1"/>'
            f'<text x="{tx:.1f}" y="{boven + vlak_hoogte + 20}" text-anchor="middle" '
            f'fill="{TEKSTKLEUR}">{svg_tekst(label)}</text>'
        )
    delen.append(
        f'<line x1="{links}" y1="{boven + vlak_hoogte}" x2="{breedte - rechts}" '
        f'y2="{boven + vlak_hoogte}" stroke="{ASKLEUR}" stroke-width="1"/>'
        f'<line x1="{links}" y1="{boven}" x2="{links}" y2="{boven + vlak_hoogte}" '
        f'stroke="{ASKLEUR}" stroke-width="1"/>'
    )
    for nummer, reeks in enumerate(reeksen):
        kleur, streepjes, vorm = stijl(nummer)
        streep = f' stroke-dasharray="{streepjes}"' if streepjes else ""
        if len(reeks.waarden) > 1:
            lijn = " ".join(f"{x(i):.1f},{y(w):.1f}" for i, w in enumerate(reeks.waarden))
            delen.append(
                f'<g aria-hidden="true"><polyline points="{lijn}" fill="none" '
                f'stroke="{kleur}" stroke-width="2"{streep}/></g>'
            )
        for index, waarde in enumerate(reeks.waarden):
            delen.append(
                f"<g><title>{svg_tekst(reeks.naam)}, {svg_tekst(labels[index])}: {waarde} "
                f"{svg_tekst(eenheid)}</title>{svg_marker(vorm, x(index), y(waarde), kleur)}</g>"
            )
        ly = hoogte + legendarij * nummer + 12
        delen.append(
            f'<line x1="{links}" y1="{ly}" x2="{links + 28}" y2="{ly}" stroke="{kleur}" '
            f'stroke-width="2"{streep}/>{svg_marker(vorm, links + 14, ly, kleur)}'
            f'<text x="{links + 36}" y="{ly + 4}" fill="{TEKSTKLEUR}">{svg_tekst(reeks.naam)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  (every text in it went through svg_tekst)
