"""The results charts and number formats: Dutch numbers, the interval as a whisker, waves
told apart by pattern and name (not colour only), suppressed cells in words, a text
alternative with every figure, and escaped texts."""

import re
import xml.etree.ElementTree as ET

from passend.doelstellingen.grafieken import (
    TE_WEINIG,
    Item,
    Staaf,
    itemgrafiek,
    omschrijving,
    p_tekst,
    resultaat_tekst,
    verschil_tekst,
    waarde_tekst,
)
from passend.doelstellingen.rules import Schaal

SVG = "{http://www.w3.org/2000/svg}"
REEKSEN = ("Meting 2025", "Vorige meting 2024", "Nulmeting 2022")


def _items() -> list[Item]:
    return [
        Item(
            tekst="Mijn kind krijgt de ondersteuning die het nodig heeft.",
            staven=(
                Staaf("Meting 2025", 62.0, 55.2, 68.6),
                Staaf("Vorige meting 2024", 57.4, 50.1, 64.3),
                Staaf("Nulmeting 2022", None, onderdrukt=True),
            ),
        ),
        Item(
            tekst="Ik word gehoord <echt> & serieus genomen.",
            staven=(
                Staaf("Meting 2025", 48.0, 40.0, 56.0),
                Staaf("Vorige meting 2024", 50.0),
                Staaf("Nulmeting 2022", 45.0, 38.0, 52.0),
            ),
        ),
    ]


def test_getallen_op_zijn_nederlands():
    assert waarde_tekst(61.6, Schaal.EENS_ONEENS) == "62 %"
    assert waarde_tekst(7.06, Schaal.CIJFER) == "7,1"
    assert resultaat_tekst(62.0, 55.2, 68.6, Schaal.EENS_ONEENS) == "62 % (55–69 %)"
    assert resultaat_tekst(7.1, 6.8, 7.4, Schaal.CIJFER) == "7,1 (6,8–7,4)"
    assert resultaat_tekst(7.1, None, None, Schaal.CIJFER) == "7,1"
    assert resultaat_tekst(None, None, None, Schaal.CIJFER) == ""
    assert verschil_tekst(5.2, Schaal.EENS_ONEENS) == "+5 procentpunt"
    assert verschil_tekst(-0.44, Schaal.CIJFER) == "−0,4"
    assert verschil_tekst(None, Schaal.CIJFER) == ""
    assert p_tekst(0.0004) == "< 0,001"
    assert p_tekst(0.0321) == "0,032"
    assert p_tekst(1.0) == "1"
    assert p_tekst(None) == ""


def test_grafiek_is_geldige_svg_met_titel_en_tekstalternatief():
    svg = str(
        itemgrafiek(
            items=_items(),
            reeksnamen=REEKSEN,
            schaal=Schaal.EENS_ONEENS,
            titel="Doelstelling 1, ouders",
            sleutel="g-1-ouder",
        )
    )
    wortel = ET.fromstring(svg)  # noqa: S314  (our own SVG, built by the test; no untrusted XML)
    assert wortel.get("role") == "img"
    assert wortel.get("aria-labelledby") == "g-1-ouder-titel g-1-ouder-omschrijving"
    assert wortel.find(f"{SVG}title").text == "Doelstelling 1, ouders"
    desc = wortel.find(f"{SVG}desc").text
    assert "Meting 2025 62 procent, 95%-betrouwbaarheidsinterval 55 tot 69 procent" in desc
    assert f"Nulmeting 2022 {TE_WEINIG}" in desc
    assert "Ik word gehoord <echt> & serieus genomen. Uitkomst: Meting 2025 48 procent" in desc
    assert "&lt;echt&gt; &amp; serieus" in svg


def test_golven_verschillen_in_patroon_en_naam_niet_alleen_kleur():
    svg = str(
        itemgrafiek(
            items=_items(),
            reeksnamen=REEKSEN,
            schaal=Schaal.EENS_ONEENS,
            titel="t",
            sleutel="g",
        )
    )
    # The previous wave is hatched, the baseline dotted; both patterns are defined.
    assert 'id="g-patroon-1"' in svg and 'id="g-patroon-2"' in svg
    assert 'fill="url(#g-patroon-1)"' in svg and 'fill="url(#g-patroon-2)"' in svg
    # Every bar is named by its wave in text, and the legend names the patterns.
    for naam in REEKSEN:
        assert svg.count(f">{naam}</text>") == len(_items()) + 1
    # The suppressed baseline cell is a dashed box with words, never a number.
    assert f">{TE_WEINIG}</text>" in svg
    assert "95%-betrouwbaarheidsinterval</text>" in svg


def test_interval_is_een_snorhaar_rond_de_waarde():
    svg = str(
        itemgrafiek(
            items=[Item(tekst="Stelling", staven=(Staaf("Meting 2025", 50.0, 25.0, 75.0),))],
            reeksnamen=("Meting 2025",),
            schaal=Schaal.EENS_ONEENS,
            titel="t",
            sleutel="s",
        )
    )
    # Plot from x=130 over 440 px: 25 % at 240, 50 % at 350, 75 % at 460.
    assert re.search(r'<rect x="130" y="[\d.]+" width="220.0"', svg)
    assert 'x1="240.0"' in svg and 'x2="460.0"' in svg
    assert ">50 %</text>" in svg


def test_cijferschaal_loopt_tot_tien():
    svg = str(
        itemgrafiek(
            items=[Item(tekst="Cijfer", staven=(Staaf("Meting 2025", 7.1, 6.8, 7.4),))],
            reeksnamen=("Meting 2025",),
            schaal=Schaal.CIJFER,
            titel="t",
            sleutel="c",
        )
    )
    assert ">7,1</text>" in svg
    assert ">10</text>" in svg and " %</text>" not in svg
    assert (
        omschrijving(
            [Item(tekst="Welk cijfer geeft u?", staven=(Staaf("Meting 2025", 7.1),))], Schaal.CIJFER
        )
        == "Gemiddeld cijfer (1 tot 10) per stelling. Welk cijfer geeft u? Uitkomst: Meting 2025 7,1."
    )


def test_zonder_items_geen_grafiek():
    assert (
        itemgrafiek(items=[], reeksnamen=REEKSEN, schaal=Schaal.CIJFER, titel="t", sleutel="x")
        == ""
    )


def test_lange_stelling_wordt_afgebroken():
    lang = "woord " * 100
    svg = str(
        itemgrafiek(
            items=[Item(tekst=lang, staven=(Staaf("Meting 2025", 10.0),))],
            reeksnamen=("Meting 2025",),
            schaal=Schaal.EENS_ONEENS,
            titel="t",
            sleutel="l",
        )
    )
    assert svg.count('font-weight="bold"') == 3
    assert "…</text>" in svg
