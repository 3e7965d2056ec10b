"""The SVG charts are pure: data in, accessible markup out (no database)."""

import itertools
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from passend.core.grafiek import (
    KLEUREN,
    Punt,
    Reeks,
    Staaf,
    lijngrafiek,
    mooi_maximum,
    staafgrafiek,
    stijl,
    xtikken,
    ytikken,
)

SVG = "{http://www.w3.org/2000/svg}"


def _lees(svg: str) -> ET.Element:
    """Parse the chart (our own output, not untrusted input)."""
    return ET.fromstring(svg)  # noqa: S314  (our own SVG, built by the test; no untrusted XML)


def _relatieve_luminantie(kleur: str) -> float:
    kanalen = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineair = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    return 0.2126 * lineair[0] + 0.7152 * lineair[1] + 0.0722 * lineair[2]


def _twee_reeksen() -> list[Reeks]:
    return [
        Reeks(
            "De Brug",
            (Punt(date(2026, 10, 1), 6), Punt(date(2026, 9, 1), 4), Punt(date(2027, 1, 1), 9)),
        ),
        Reeks("Het Anker <so>", (Punt(date(2026, 9, 1), 12),)),
    ]


@pytest.mark.parametrize(
    ("waarde", "verwacht"), [(0, 1), (1, 1), (3, 5), (6, 10), (12, 20), (47, 50), (120, 200)]
)
def test_de_as_loopt_tot_een_rond_getal(waarde, verwacht):
    assert mooi_maximum(waarde) == verwacht


def test_ytikken_zijn_hele_getallen_van_nul_tot_het_maximum():
    assert ytikken(10) == [0, 2, 4, 6, 8, 10]
    assert ytikken(1) == [0, 1]
    assert ytikken(200) == [0, 40, 80, 120, 160, 200]


def test_xtikken_beginnen_en_eindigen_bij_de_eerste_en_laatste_datum():
    tikken = xtikken(date(2026, 1, 1), date(2026, 12, 31))
    assert tikken[0] == date(2026, 1, 1) and tikken[-1] == date(2026, 12, 31)
    assert len(tikken) == 6 and tikken == sorted(tikken)
    assert xtikken(date(2026, 1, 1), date(2026, 1, 1)) == [date(2026, 1, 1)]
    assert xtikken(date(2026, 1, 1), date(2026, 1, 3)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 3),
    ]


def test_lijngrafiek_is_een_toegankelijke_afbeelding_met_titel_en_omschrijving():
    svg = lijngrafiek(
        reeksen=_twee_reeksen(),
        titel="Wachtenden",
        omschrijving="Twee vestigingen",
        eenheid="wachtend",
        sleutel="w",
    )
    boom = _lees(svg)
    assert boom.tag == f"{SVG}svg"
    assert boom.get("role") == "img"
    assert boom.get("aria-labelledby") == "w-titel w-omschrijving"
    assert boom.find(f"{SVG}title").text == "Wachtenden"
    assert boom.find(f"{SVG}desc").text == "Twee vestigingen"
    assert "style" not in svg


def test_elk_punt_heeft_een_eigen_titel_met_datum_en_aantal():
    svg = lijngrafiek(reeksen=_twee_reeksen(), titel="t", omschrijving="o", eenheid="wachtend")
    titels = [t.text for t in _lees(svg).iter(f"{SVG}title")]
    assert "De Brug, 1-9-2026: 4 wachtend" in titels
    assert "De Brug, 1-1-2027: 9 wachtend" in titels
    assert "Het Anker <so>, 1-9-2026: 12 wachtend" in titels


def test_een_lijn_volgt_de_datums_op_volgorde():
    svg = lijngrafiek(reeksen=_twee_reeksen()[:1], titel="t", omschrijving="o", eenheid="w")
    lijn = _lees(svg).find(f".//{SVG}polyline")
    xs = [float(p.split(",")[0]) for p in lijn.get("points").split()]
    ys = [float(p.split(",")[1]) for p in lijn.get("points").split()]
    assert xs == sorted(xs)
    # 4, 6, 9 waiting: higher numbers are drawn higher (smaller y).
    assert ys[0] > ys[1] > ys[2]


def test_tekst_wordt_ontsnapt():
    svg = lijngrafiek(
        reeksen=[Reeks("<script>alert(1)</script>", (Punt(date(2026, 9, 1), 1),))],
        titel='"quote" & <tag>',
        omschrijving="o",
        eenheid="w",
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    _lees(svg)  # well-formed


def test_zonder_punten_geen_grafiek():
    assert lijngrafiek(reeksen=[], titel="t", omschrijving="o", eenheid="w") == ""
    assert lijngrafiek(reeksen=[Reeks("leeg", ())], titel="t", omschrijving="o", eenheid="w") == ""


def test_reeksen_verschillen_ook_zonder_kleur():
    """Colour is never the only cue: neighbouring series differ in dash or marker too."""
    stijlen = [stijl(i) for i in range(12)]
    for a, b in itertools.pairwise(stijlen):
        assert (a[1], a[2]) != (b[1], b[2])


def test_elke_kleur_heeft_genoeg_contrast_met_wit():
    for kleur in KLEUREN:
        contrast = (1.0 + 0.05) / (_relatieve_luminantie(kleur) + 0.05)
        assert contrast >= 3.0, f"{kleur}: {contrast:.2f}"


def test_staafgrafiek_toont_elke_waarde_als_tekst():
    svg = staafgrafiek(
        staven=[Staaf("Leergedrag", (3, 1)), Staaf("Medische zorg", (0, 2))],
        reeksnamen=("Basisondersteuning", "Extra ondersteuning"),
        maximum=4,
        titel="Dekking",
        omschrijving="Per gebied",
        sleutel="d",
    )
    boom = _lees(svg)
    assert boom.get("role") == "img"
    teksten = [t.text for t in boom.iter(f"{SVG}text")]
    assert teksten.count("3 van 4") == 1 and teksten.count("0 van 4") == 1
    assert "Leergedrag" in teksten and "Extra ondersteuning" in teksten
    staven = [float(r.get("width")) for r in boom.iter(f"{SVG}rect") if r.get("height") == "12"]
    # Leergedrag 3 and 1, Medische zorg 0 and 2 (of 4): lengths in proportion.
    assert len(staven) == 4
    assert staven[0] == pytest.approx(staven[1] * 3)
    assert staven[2] == 0
    assert staven[3] == pytest.approx(staven[1] * 2)


def test_staafgrafiek_zonder_staven_is_leeg():
    assert staafgrafiek(staven=[], reeksnamen=("a",), maximum=1, titel="t", omschrijving="o") == ""
