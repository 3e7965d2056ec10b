"""The map of a dekkend netwerk analysis as server-side SVG: the region's locations and
where the demand lives (per PC4 area), without external tiles (no internet, no script).

Projection: equirectangular, the longitude scaled by the cosine of the region's mean
latitude, so distances look right for a region the size of an SWV. Pure: the analysis's
result in, markup out (no ORM, no inline style: the CSP forbids it).

Accessible: ``role="img"`` labelled by ``<title>`` and ``<desc>`` (the desc says what the
map shows in words and counts); every symbol has its own ``<title>`` (a tooltip); meaning
is carried by shape and fill, never by colour alone (a legend below the map explains each
symbol); the page shows every figure in tables too.

Symbols:
- a location is a square sized by its places: filled when every place is used, open
  (white inside) when places are free, with a cross when it has no places at all;
- a demand point is a small circle sized by its pupils; when some of its pupils could not
  be placed it is a triangle instead.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from passend.core.grafiek import LETTER, TEKSTKLEUR, svg_tekst

LOCATIEKLEUR = "#0072B2"
VRAAGKLEUR = "#595959"
TEKORTKLEUR = "#C14800"
RANDKLEUR = "#d9d9d9"

#: Symbol sizes (half the side of a square / radius), in SVG units.
LOCATIE_MIN, LOCATIE_MAX = 4.0, 13.0
VRAAG_MIN, VRAAG_MAX = 2.5, 8.0


@dataclass(frozen=True)
class Projectie:
    """Maps (latitude, longitude) onto the drawing area ``[marge, breedte - marge]`` ×
    ``[marge, hoogte - marge]`` with one scale for both axes."""

    min_x: float
    max_y: float
    schaal: float
    cos_breedte: float
    marge: float
    breedte: float
    hoogte: float

    def punt(self, breedtegraad: float, lengtegraad: float) -> tuple[float, float]:
        x = self.marge + (lengtegraad * self.cos_breedte - self.min_x) * self.schaal
        y = self.marge + (self.max_y - breedtegraad) * self.schaal
        return x, y


def projectie(
    punten: Sequence[tuple[float, float]], *, breedte: int, max_hoogte: int, marge: float = 20
) -> Projectie:
    """The projection that fits every (latitude, longitude) point in ``breedte`` wide and at
    most ``max_hoogte`` high (at least a third of the width high, so a narrow region is
    still readable)."""
    breedtes = [p[0] for p in punten]
    cos_breedte = math.cos(math.radians(sum(breedtes) / len(breedtes)))
    xs = [p[1] * cos_breedte for p in punten]
    min_x, max_x = min(xs), max(xs)
    min_y, max_y = min(breedtes), max(breedtes)
    # A single point (or a line) still gets an area of about 2 km around it.
    min_omvang = 0.02
    if max_x - min_x < min_omvang:
        midden = (min_x + max_x) / 2
        min_x, max_x = midden - min_omvang / 2, midden + min_omvang / 2
    if max_y - min_y < min_omvang:
        midden = (min_y + max_y) / 2
        min_y, max_y = midden - min_omvang / 2, midden + min_omvang / 2
    binnen_breedte = breedte - 2 * marge
    schaal = binnen_breedte / (max_x - min_x)
    binnen_hoogte = (max_y - min_y) * schaal
    max_binnen = max_hoogte - 2 * marge
    if binnen_hoogte > max_binnen:
        schaal = max_binnen / (max_y - min_y)
        binnen_hoogte = max_binnen
    # Centre the drawing horizontally when the height limited the scale.
    gebruikt = (max_x - min_x) * schaal
    min_x -= (binnen_breedte - gebruikt) / 2 / schaal
    hoogte = max(binnen_hoogte + 2 * marge, breedte / 3)
    max_y += (hoogte - 2 * marge - binnen_hoogte) / 2 / schaal
    return Projectie(
        min_x=min_x,
        max_y=max_y,
        schaal=schaal,
        cos_breedte=cos_breedte,
        marge=marge,
        breedte=breedte,
        hoogte=hoogte,
    )


def _straal(waarde: int, grootste: int, kleinste: float, maximaal: float) -> float:
    """A symbol's size: its area grows with ``waarde`` (square root), from ``kleinste`` to
    ``maximaal`` for the largest value."""
    if grootste <= 0 or waarde <= 0:
        return kleinste
    return kleinste + (maximaal - kleinste) * math.sqrt(waarde / grootste)


def _heeft_positie(rij: Mapping[str, Any]) -> bool:
    return rij.get("breedtegraad") is not None and rij.get("lengtegraad") is not None


def _vierkant(x: float, y: float, r: float, *, vol: bool) -> str:
    vulling = LOCATIEKLEUR if vol else "#ffffff"
    return (
        f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" '
        f'fill="{vulling}" stroke="{LOCATIEKLEUR}" stroke-width="2"/>'
    )


def _kruis(x: float, y: float, r: float) -> str:
    return (
        f'<path d="M{x - r:.1f},{y - r:.1f} L{x + r:.1f},{y + r:.1f} '
        f'M{x - r:.1f},{y + r:.1f} L{x + r:.1f},{y - r:.1f}" stroke="{LOCATIEKLEUR}" '
        f'stroke-width="2"/>'
    )


def _cirkel(x: float, y: float, r: float) -> str:
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{VRAAGKLEUR}" '
        f'fill-opacity="0.6" stroke="{VRAAGKLEUR}" stroke-width="1"/>'
    )


def _driehoek(x: float, y: float, r: float) -> str:
    r = r + 2
    return (
        f'<polygon points="{x:.1f},{y - r:.1f} {x + r:.1f},{y + r * 0.8:.1f} '
        f'{x - r:.1f},{y + r * 0.8:.1f}" fill="{TEKORTKLEUR}" stroke="#1a1a1a" '
        f'stroke-width="1"/>'
    )


def _locatietitel(loc: Mapping[str, Any], soorten: Mapping[str, str]) -> str:
    soort = soorten.get(loc.get("soort", ""), loc.get("soort", ""))
    naam = loc.get("naam") or loc.get("id", "")
    capaciteit, gebruikt, vrij = (
        loc.get("capaciteit", 0),
        loc.get("gebruikt", 0),
        loc.get("vrij", 0),
    )
    if not capaciteit:
        return f"{naam} ({soort}): geen plaatsen"
    return f"{naam} ({soort}): {capaciteit} plaatsen, {gebruikt} gebruikt, {vrij} vrij"


def _vraagtitel(punt: Mapping[str, Any]) -> str:
    tekst = f"Postcodegebied {punt.get('postcodegebied', '')}: {punt.get('aantal', 0)} leerlingen"
    if punt.get("niet_geplaatst"):
        tekst += f", {punt['niet_geplaatst']} niet geplaatst"
    return tekst


def netwerkkaart(
    resultaat: Mapping[str, Any],
    *,
    titel: str,
    soorten: Mapping[str, str] | None = None,
    sleutel: str = "kaart",
    breedte: int = 720,
    max_hoogte: int = 640,
) -> SafeString:
    """The map of an analysis's ``resultaat`` (its ``locaties`` and ``vraagpunten``).
    ``soorten`` names a location's soort in the tooltips; ``sleutel`` makes the ids of the
    title and description unique on the page. Without anything that has a position: an
    empty string (the page says there is no map)."""
    soorten = soorten or {}
    locaties = [loc for loc in resultaat.get("locaties", []) if _heeft_positie(loc)]
    vraagpunten = [p for p in resultaat.get("vraagpunten", []) if _heeft_positie(p)]
    if not locaties and not vraagpunten:
        return mark_safe("")
    proj = projectie(
        [(float(r["breedtegraad"]), float(r["lengtegraad"])) for r in [*locaties, *vraagpunten]],
        breedte=breedte,
        max_hoogte=max_hoogte,
    )
    kaarthoogte = proj.hoogte
    legenda_rij = 22
    legenda = [
        ("vol", "Locatie, alle plaatsen gebruikt (groter: meer plaatsen)"),
        ("open", "Locatie met vrije plaatsen"),
        ("leeg", "Locatie zonder plaatsen"),
        ("vraag", "Leerlingen met een ondersteuningsbehoefte per postcodegebied (groter: meer)"),
        ("tekort", "Postcodegebied met leerlingen die niet geplaatst konden worden"),
    ]
    totaal_hoogte = kaarthoogte + legenda_rij * len(legenda) + 12
    aantal_vol = sum(1 for loc in locaties if loc.get("capaciteit") and loc.get("vrij", 0) <= 0)
    aantal_open = sum(1 for loc in locaties if loc.get("capaciteit") and loc.get("vrij", 0) > 0)
    tekortpunten = [p for p in vraagpunten if p.get("niet_geplaatst")]
    overgeslagen = len(resultaat.get("locaties", [])) - len(locaties)
    omschrijving = (
        f"Kaart van {len(locaties)} locaties en {len(vraagpunten)} postcodegebieden met "
        f"leerlingen met een ondersteuningsbehoefte. {aantal_vol} locaties gebruiken al hun "
        f"plaatsen, {aantal_open} hebben vrije plaatsen. In {len(tekortpunten)} "
        "postcodegebieden konden niet alle leerlingen geplaatst worden."
        + (
            f" {overgeslagen} locaties zonder bekende ligging staan niet op de kaart."
            if overgeslagen
            else ""
        )
        + " Alle cijfers staan ook in de tabellen op deze pagina."
    )
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {totaal_hoogte:.0f}" '
        f'width="{breedte}" height="{totaal_hoogte:.0f}" '
        f'role="img" aria-labelledby="{sleutel}-titel {sleutel}-omschrijving" '
        f'class="passend-grafiek passend-kaart" {LETTER}>',
        f'<title id="{sleutel}-titel">{svg_tekst(titel)}</title>',
        f'<desc id="{sleutel}-omschrijving">{svg_tekst(omschrijving)}</desc>',
        f'<rect x="0.5" y="0.5" width="{breedte - 1}" height="{kaarthoogte - 1:.1f}" '
        f'fill="#ffffff" stroke="{RANDKLEUR}" stroke-width="1"/>',
    ]
    grootste_vraag = max((int(p.get("aantal", 0)) for p in vraagpunten), default=0)
    # Demand first (under the locations); the largest first, so small ones stay visible.
    for punt in sorted(vraagpunten, key=lambda p: -int(p.get("aantal", 0))):
        x, y = proj.punt(float(punt["breedtegraad"]), float(punt["lengtegraad"]))
        r = _straal(int(punt.get("aantal", 0)), grootste_vraag, VRAAG_MIN, VRAAG_MAX)
        vorm = _driehoek(x, y, r) if punt.get("niet_geplaatst") else _cirkel(x, y, r)
        delen.append(f"<g><title>{svg_tekst(_vraagtitel(punt))}</title>{vorm}</g>")
    grootste_plaatsen = max((int(loc.get("capaciteit", 0)) for loc in locaties), default=0)
    for loc in sorted(locaties, key=lambda loc: -int(loc.get("capaciteit", 0))):
        x, y = proj.punt(float(loc["breedtegraad"]), float(loc["lengtegraad"]))
        capaciteit = int(loc.get("capaciteit", 0))
        r = _straal(capaciteit, grootste_plaatsen, LOCATIE_MIN, LOCATIE_MAX)
        if capaciteit <= 0:
            vorm = _vierkant(x, y, r, vol=False) + _kruis(x, y, r)
        else:
            vorm = _vierkant(x, y, r, vol=int(loc.get("vrij", 0)) <= 0)
        delen.append(f"<g><title>{svg_tekst(_locatietitel(loc, soorten))}</title>{vorm}</g>")
    # The legend, below the map.
    lx = 24.0
    for rij, (soort, tekst) in enumerate(legenda):
        ly = kaarthoogte + 16 + rij * legenda_rij
        if soort == "vol":
            symbool = _vierkant(lx, ly, 7, vol=True)
        elif soort == "open":
            symbool = _vierkant(lx, ly, 7, vol=False)
        elif soort == "leeg":
            symbool = _vierkant(lx, ly, 7, vol=False) + _kruis(lx, ly, 7)
        elif soort == "vraag":
            symbool = _cirkel(lx, ly, 6)
        else:
            symbool = _driehoek(lx, ly, 5)
        delen.append(
            f'<g aria-hidden="true">{symbool}</g>'
            f'<text x="{lx + 18:.0f}" y="{ly + 4:.1f}" fill="{TEKSTKLEUR}">{svg_tekst(tekst)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  (every text in it went through svg_tekst)
