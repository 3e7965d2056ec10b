"""The chart of the public page: where the support money went, the years side by side.

Server-side SVG from the shared pieces of ``passend.core.grafiek`` (colours with at least
3:1 contrast, ``svg_tekst``): per kind of spending one group of horizontal bars, one bar
per year, each labelled with its year and amount, so the chart reads without colour. The
``<svg>`` has ``role="img"``, a ``<title>`` and a ``<desc>`` (the text alternative, also
made here), and the page shows the same figures in a table. Pure: data in, markup out.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from passend.arrangementen.rules import euro
from passend.core.grafiek import ASKLEUR, KLEUREN, LETTER, TEKSTKLEUR, svg_tekst


def hele_euro(bedrag: Decimal) -> str:
    """'€ 1.234.567': whole euros, as in the chart's labels."""
    return euro(bedrag.quantize(Decimal("1"))).removesuffix(",00")


#: The label of an amount that is not shown (it would reveal a small number of pupils).
NIET_GETOOND = "niet getoond (minder dan 10 leerlingen)"

Regels = Sequence[tuple[str, Sequence[tuple[int, Decimal | None]]]]


def _label(bedrag: Decimal | None, niet_getoond: str = NIET_GETOOND) -> str:
    return niet_getoond if bedrag is None else hele_euro(bedrag)


def tekstalternatief(regels: Regels, niet_getoond: str = NIET_GETOOND) -> str:
    """The chart in words: per kind of spending the amount of every year."""
    delen = []
    for naam, waarden in regels:
        bedragen = ", ".join(f"{jaar}: {_label(bedrag, niet_getoond)}" for jaar, bedrag in waarden)
        delen.append(f"{naam}: {bedragen}.")
    return " ".join(delen)


def uitgavengrafiek(
    regels: Regels,
    *,
    titel: str = "Waar het geld heen ging, per jaar",
    sleutel: str = "uitgaven",
    breedte: int = 720,
    niet_getoond: str = NIET_GETOOND,
) -> SafeString:
    """Grouped horizontal bars: per kind of spending (``regels``: name, (year, amount) per
    year, the same years in every line) one bar per year, to the same scale. An amount
    None is not shown: no bar, the label says so."""
    if not regels or not regels[0][1]:
        return mark_safe("")
    jaren = len(regels[0][1])
    links, rechts, boven = 250, 150, 8
    staafhoogte, tussenruimte = 16, 14
    groep = staafhoogte * jaren + tussenruimte
    hoogte = boven + groep * len(regels) + 8
    vlak = breedte - links - rechts
    maximum = max(
        (bedrag for _, waarden in regels for _, bedrag in waarden if bedrag is not None),
        default=Decimal(0),
    )
    schaal = float(maximum) if maximum > 0 else 1.0
    omschrijving = tekstalternatief(regels, niet_getoond)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" '
        f'width="100%" role="img" aria-labelledby="{sleutel}-titel {sleutel}-omschrijving" '
        f'class="passend-grafiek" {LETTER}>',
        f'<title id="{sleutel}-titel">{svg_tekst(titel)}</title>',
        f'<desc id="{sleutel}-omschrijving">{svg_tekst(omschrijving)}</desc>',
        f'<line x1="{links}" y1="{boven}" x2="{links}" y2="{boven + groep * len(regels)}" '
        f'stroke="{ASKLEUR}" stroke-width="1"/>',
    ]
    for rij, (naam, waarden) in enumerate(regels):
        gy = boven + rij * groep
        delen.append(
            f'<text x="{links - 8}" y="{gy + staafhoogte * jaren / 2 + 4:.1f}" '
            f'text-anchor="end" fill="{TEKSTKLEUR}">{svg_tekst(naam[:38])}</text>'
        )
        for index, (jaar, bedrag) in enumerate(waarden):
            kleur = KLEUREN[index % len(KLEUREN)]
            by = gy + index * staafhoogte
            lengte = 0.0 if bedrag is None else vlak * float(max(bedrag, Decimal(0))) / schaal
            label = f"{jaar}: {_label(bedrag, niet_getoond)}"
            delen.append(
                f"<g><title>{svg_tekst(naam)}, {svg_tekst(label)}</title>"
                f'<rect x="{links}" y="{by + 1}" width="{lengte:.1f}" '
                f'height="{staafhoogte - 2}" fill="{kleur}"/>'
                f'<text x="{links + lengte + 6:.1f}" y="{by + staafhoogte - 4}" '
                f'fill="{TEKSTKLEUR}">{svg_tekst(label)}</text></g>'
            )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  (every text in it went through svg_tekst)
