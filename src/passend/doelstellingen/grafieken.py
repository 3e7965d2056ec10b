"""The charts of the doelstellingenmonitor's results: per goal and respondent group, one
group of horizontal bars per item, with a bar for this wave, the previous wave and the
baseline, and the 95 % confidence interval drawn as a whisker across each bar.

Server-side SVG from the shared pieces of ``passend.core.grafiek`` (colours with at least
3:1 contrast, ``role="img"`` labelled by a title and a description). Colour is never the
only cue: the waves differ in fill pattern (solid, hatched, dotted), every bar carries the
wave's name on its left and its figure in words on its right, and a suppressed cell is a
dashed empty box with the words "te weinig antwoorden". The description (the text
alternative) gives every figure; the page shows the same figures in a table.

Also the Dutch number formats the pages, the PDF and the charts share ("62 %",
"7,1", "62 % (55–69 %)"). Pure: data in, markup out; no ORM, no inline style.
"""

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from passend.core.grafiek import ASKLEUR, LETTER, RASTERKLEUR, TEKSTKLEUR, svg_tekst
from passend.doelstellingen.rules import Schaal

#: What a suppressed cell says instead of a number (never a number, never a count).
TE_WEINIG = "te weinig antwoorden"

#: The waves' fills: colour (3:1 against white) and a pattern, per series index.
#: 0 = this wave (solid), 1 = previous wave (hatched), 2 = baseline (dotted).
REEKSSTIJLEN: tuple[tuple[str, str], ...] = (
    ("#0072B2", "vol"),
    ("#C14800", "arcering"),
    ("#007A5E", "stippen"),
)

#: Characters per line of an item's text above its bars, and at most this many lines.
TEKST_BREEDTE = 95
TEKST_REGELS = 3


# --- Dutch number formats ------------------------------------------------------------------


def _komma(tekst: str) -> str:
    return tekst.replace(".", ",")


def getal(waarde: float, schaal: str) -> str:
    """A result without unit: a whole percentage ("62") or a mean with one decimal ("7,1")."""
    if schaal == Schaal.EENS_ONEENS:
        return f"{waarde:.0f}"
    return _komma(f"{waarde:.1f}")


def waarde_tekst(waarde: float, schaal: str) -> str:
    """A result with its unit: "62 %" (agreeing) or "7,1" (a mean mark)."""
    if schaal == Schaal.EENS_ONEENS:
        return f"{getal(waarde, schaal)} %"
    return getal(waarde, schaal)


def resultaat_tekst(
    waarde: float | None, laag: float | None, hoog: float | None, schaal: str
) -> str:
    """A result with its 95 % interval: "62 % (55–69 %)" or "7,1 (6,8–7,4)"; without an
    interval only the result; without a result an empty string."""
    if waarde is None:
        return ""
    if laag is None or hoog is None:
        return waarde_tekst(waarde, schaal)
    eenheid = " %" if schaal == Schaal.EENS_ONEENS else ""
    return f"{waarde_tekst(waarde, schaal)} ({getal(laag, schaal)}–{getal(hoog, schaal)}{eenheid})"


def verschil_tekst(verschil: float | None, schaal: str) -> str:
    """A difference with its sign and unit: "+5 procentpunt", "−0,4"."""
    if verschil is None:
        return ""
    teken = "+" if verschil > 0 else "−" if verschil < 0 else ""
    if schaal == Schaal.EENS_ONEENS:
        return f"{teken}{abs(verschil):.0f} procentpunt"
    return f"{teken}{_komma(f'{abs(verschil):.1f}')}"


def p_tekst(p: float | None) -> str:
    """A p-value the way a report prints it: "< 0,001", "0,032", "1"."""
    if p is None:
        return ""
    if p < 0.001:
        return "< 0,001"
    if p >= 0.9995:
        return "1"
    return _komma(f"{p:.3f}")


def schaal_maximum(schaal: str) -> float:
    """The axis' end: 100 % agreeing, or the highest mark 10."""
    return 100.0 if schaal == Schaal.EENS_ONEENS else 10.0


# --- The chart -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Staaf:
    """One wave's figure for one item: a value with its interval, or suppressed/absent."""

    reeks: str
    waarde: float | None
    laag: float | None = None
    hoog: float | None = None
    #: Fewer respondents than the threshold: drawn as "te weinig antwoorden".
    onderdrukt: bool = False


@dataclass(frozen=True)
class Item:
    """One item of the chart: its text and one bar per wave (in the order of the series)."""

    tekst: str
    staven: tuple[Staaf, ...]


def _staaf_woorden(staaf: Staaf, schaal: str) -> str:
    if staaf.onderdrukt:
        return TE_WEINIG
    if staaf.waarde is None:
        return "geen uitkomst"
    eenheid = " procent" if schaal == Schaal.EENS_ONEENS else ""
    if staaf.laag is None or staaf.hoog is None:
        return f"{getal(staaf.waarde, schaal)}{eenheid}"
    return (
        f"{getal(staaf.waarde, schaal)}{eenheid}, 95%-betrouwbaarheidsinterval "
        f"{getal(staaf.laag, schaal)} tot {getal(staaf.hoog, schaal)}{eenheid}"
    )


def _zin(tekst: str) -> str:
    """An item's text as a sentence (ending in a full stop, question or exclamation mark)."""
    tekst = tekst.strip()
    return tekst if tekst.endswith((".", "?", "!")) else f"{tekst}."


def omschrijving(items: Sequence[Item], schaal: str) -> str:
    """The chart in words: per item every wave's figure (the text alternative)."""
    wat = (
        "Percentage dat het eens is"
        if schaal == Schaal.EENS_ONEENS
        else "Gemiddeld cijfer (1 tot 10)"
    )
    delen = [
        f"{_zin(item.tekst)} Uitkomst: "
        + "; ".join(f"{staaf.reeks} {_staaf_woorden(staaf, schaal)}" for staaf in item.staven)
        for item in items
    ]
    return f"{wat} per stelling. " + ". ".join(delen) + "."


def _patronen(sleutel: str) -> str:
    """The fill patterns (hatching, dots), one per series, with ids unique to the chart."""
    delen = ["<defs>"]
    for index, (kleur, soort) in enumerate(REEKSSTIJLEN):
        if soort == "arcering":
            delen.append(
                f'<pattern id="{sleutel}-patroon-{index}" width="6" height="6" '
                f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                f'<rect width="6" height="6" fill="#ffffff"/>'
                f'<line x1="0" y1="0" x2="0" y2="6" stroke="{kleur}" stroke-width="4"/></pattern>'
            )
        elif soort == "stippen":
            delen.append(
                f'<pattern id="{sleutel}-patroon-{index}" width="5" height="5" '
                f'patternUnits="userSpaceOnUse">'
                f'<rect width="5" height="5" fill="#ffffff"/>'
                f'<circle cx="2.5" cy="2.5" r="1.6" fill="{kleur}"/></pattern>'
            )
    delen.append("</defs>")
    return "".join(delen)


def _vulling(sleutel: str, index: int) -> tuple[str, str]:
    kleur, soort = REEKSSTIJLEN[index % len(REEKSSTIJLEN)]
    if soort == "vol":
        return kleur, kleur
    return f"url(#{sleutel}-patroon-{index % len(REEKSSTIJLEN)})", kleur


def _regels(tekst: str) -> list[str]:
    regels = textwrap.wrap(tekst, TEKST_BREEDTE) or [""]
    if len(regels) > TEKST_REGELS:
        regels = regels[:TEKST_REGELS]
        regels[-1] = regels[-1][: TEKST_BREEDTE - 1].rstrip() + "…"
    return regels


def _tikken(maximum: float, schaal: str) -> list[float]:
    stappen = 4 if schaal == Schaal.EENS_ONEENS else 5
    return [maximum * stap / stappen for stap in range(stappen + 1)]


def _raster(
    x: Callable[[float], float], maximum: float, schaal: str, van: float, tot: float, links: int
) -> list[str]:
    """Dotted grid lines at the ticks and the axis line, from ``van`` to ``tot``."""
    delen = [
        f'<line x1="{x(waarde):.1f}" y1="{van}" x2="{x(waarde):.1f}" y2="{tot}" '
        f'stroke="{RASTERKLEUR}" stroke-width="1" stroke-dasharray="2 4"/>'
        for waarde in _tikken(maximum, schaal)[1:]
    ]
    delen.append(
        f'<line x1="{links}" y1="{van}" x2="{links}" y2="{tot}" stroke="{ASKLEUR}" '
        f'stroke-width="1"/>'
    )
    return delen


def itemgrafiek(
    *,
    items: Sequence[Item],
    reeksnamen: Sequence[str],
    schaal: str,
    titel: str,
    sleutel: str,
    breedte: int = 720,
) -> SafeString:
    """Horizontal bars per item (one per wave in ``reeksnamen``), each with its 95 % interval
    as a whisker and its figure written beside it; ``sleutel`` makes the ids (title,
    description, patterns) unique on the page. Without items: an empty string."""
    if not items or not reeksnamen:
        return mark_safe("")
    maximum = schaal_maximum(schaal)
    links, rechts, boven = 130, 150, 8
    regelhoogte, staafhoogte, tussen = 15, 16, 4
    vlak = breedte - links - rechts

    def x(waarde: float) -> float:
        return links + vlak * max(0.0, min(waarde, maximum)) / maximum

    lichaam: list[str] = []
    y = boven
    for item in items:
        for regel in _regels(item.tekst):
            y += regelhoogte
            lichaam.append(
                f'<text x="8" y="{y - 3}" fill="{TEKSTKLEUR}" font-weight="bold">'
                f"{svg_tekst(regel)}</text>"
            )
        y += tussen
        # The grid and the axis only beside the bars, not through the item's text.
        blok_einde = y + (staafhoogte + 2) * len(item.staven)
        lichaam.extend(_raster(x, maximum, schaal, y, blok_einde, links))
        for index, staaf in enumerate(item.staven):
            vulling, kleur = _vulling(sleutel, index)
            midden = y + staafhoogte / 2
            woorden = _staaf_woorden(staaf, schaal)
            lichaam.append(
                f"<g><title>{svg_tekst(staaf.reeks)}: {svg_tekst(woorden)}</title>"
                f'<text x="{links - 8}" y="{midden + 4:.1f}" text-anchor="end" '
                f'fill="{TEKSTKLEUR}">{svg_tekst(staaf.reeks)}</text>'
            )
            if staaf.onderdrukt or staaf.waarde is None:
                lichaam.append(
                    f'<rect x="{links + 0.5}" y="{y + 1.5}" width="{vlak / 3:.1f}" '
                    f'height="{staafhoogte - 3}" fill="none" stroke="{ASKLEUR}" '
                    f'stroke-dasharray="4 3" stroke-width="1"/>'
                    f'<text x="{links + 6}" y="{midden + 4:.1f}" fill="{TEKSTKLEUR}">'
                    f"{svg_tekst(TE_WEINIG if staaf.onderdrukt else 'geen uitkomst')}</text>"
                )
            else:
                einde = x(staaf.waarde)
                lichaam.append(
                    f'<rect x="{links}" y="{y + 1}" width="{einde - links:.1f}" '
                    f'height="{staafhoogte - 2}" fill="{vulling}" stroke="{kleur}" '
                    f'stroke-width="1"/>'
                )
                rechts_van = einde
                if staaf.laag is not None and staaf.hoog is not None:
                    xl, xh = x(staaf.laag), x(staaf.hoog)
                    rechts_van = max(einde, xh)
                    for kleur_lijn, dikte in (("#ffffff", 4), (TEKSTKLEUR, 1.5)):
                        lichaam.append(
                            f'<line x1="{xl:.1f}" y1="{midden:.1f}" x2="{xh:.1f}" '
                            f'y2="{midden:.1f}" stroke="{kleur_lijn}" stroke-width="{dikte}"/>'
                            f'<line x1="{xl:.1f}" y1="{y + 3}" x2="{xl:.1f}" '
                            f'y2="{y + staafhoogte - 3}" stroke="{kleur_lijn}" '
                            f'stroke-width="{dikte}"/>'
                            f'<line x1="{xh:.1f}" y1="{y + 3}" x2="{xh:.1f}" '
                            f'y2="{y + staafhoogte - 3}" stroke="{kleur_lijn}" '
                            f'stroke-width="{dikte}"/>'
                        )
                lichaam.append(
                    f'<text x="{rechts_van + 6:.1f}" y="{midden + 4:.1f}" fill="{TEKSTKLEUR}">'
                    f"{svg_tekst(waarde_tekst(staaf.waarde, schaal))}</text>"
                )
            lichaam.append("</g>")
            y += staafhoogte + 2
        y += 10
    # The axis below the bars, with its tick labels.
    as_y = y
    lichaam.append(
        f'<line x1="{links}" y1="{as_y}" x2="{links + vlak}" y2="{as_y}" stroke="{ASKLEUR}" '
        f'stroke-width="1"/>'
    )
    for waarde in _tikken(maximum, schaal):
        tx = x(waarde)
        label = f"{waarde:.0f}{' %' if schaal == Schaal.EENS_ONEENS else ''}"
        lichaam.append(
            f'<line x1="{tx:.1f}" y1="{as_y}" x2="{tx:.1f}" y2="{as_y + 4}" '
            f'stroke="{ASKLEUR}" stroke-width="1"/>'
            f'<text x="{tx:.1f}" y="{as_y + 16}" text-anchor="middle" fill="{TEKSTKLEUR}">'
            f"{label}</text>"
        )
    # The legend: pattern and name of every wave, and what the whisker means.
    ly = as_y + 40
    lx = 8
    for index, naam in enumerate(reeksnamen):
        vulling, kleur = _vulling(sleutel, index)
        lichaam.append(
            f'<rect x="{lx}" y="{ly - 10}" width="24" height="12" fill="{vulling}" '
            f'stroke="{kleur}" stroke-width="1"/>'
            f'<text x="{lx + 30}" y="{ly}" fill="{TEKSTKLEUR}">{svg_tekst(naam)}</text>'
        )
        lx += 46 + 7 * len(naam)
    ly += 22
    lichaam.append(
        f'<line x1="8" y1="{ly - 4}" x2="32" y2="{ly - 4}" stroke="{TEKSTKLEUR}" '
        f'stroke-width="1.5"/>'
        f'<line x1="8" y1="{ly - 9}" x2="8" y2="{ly + 1}" stroke="{TEKSTKLEUR}" '
        f'stroke-width="1.5"/>'
        f'<line x1="32" y1="{ly - 9}" x2="32" y2="{ly + 1}" stroke="{TEKSTKLEUR}" '
        f'stroke-width="1.5"/>'
        f'<text x="38" y="{ly}" fill="{TEKSTKLEUR}">95%-betrouwbaarheidsinterval</text>'
        f'<rect x="260.5" y="{ly - 10.5}" width="24" height="12" fill="none" '
        f'stroke="{ASKLEUR}" stroke-dasharray="4 3" stroke-width="1"/>'
        f'<text x="290" y="{ly}" fill="{TEKSTKLEUR}">{TE_WEINIG} (minder dan 10)</text>'
    )
    hoogte = ly + 12
    kop = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" '
        f'width="{breedte}" height="{hoogte}" '
        f'role="img" aria-labelledby="{sleutel}-titel {sleutel}-omschrijving" '
        f'class="passend-grafiek" {LETTER}>',
        f'<title id="{sleutel}-titel">{svg_tekst(titel)}</title>',
        f'<desc id="{sleutel}-omschrijving">{svg_tekst(omschrijving(items, schaal))}</desc>',
        _patronen(sleutel),
    ]
    return mark_safe("".join([*kop, *lichaam, "</svg>"]))  # noqa: S308  (texts via svg_tekst)
