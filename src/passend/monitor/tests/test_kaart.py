"""The map of a dekkend netwerk analysis: server-side SVG with a text alternative, shapes
and a legend (never colour alone), sized for 10–200 locations."""

import xml.etree.ElementTree as ET

from passend.monitor.kaart import netwerkkaart, projectie
from passend.monitor.netwerk.model import Instellingen, Locatie, Vraaggroep
from passend.monitor.netwerk.oplosser import oplossen
from passend.monitor.netwerk.samenvatting import samenvatten

SVG = "{http://www.w3.org/2000/svg}"


def klein_resultaat() -> dict:
    """A small region: two regular schools and an sbo; the sbo is full and one pupil in the
    east is too far from every school to be placed."""
    locaties = [
        Locatie("L1", 52.09, 5.10, "bao", {("extra", "gedrag"): 3}, naam="De Linde"),
        Locatie("L2", 52.11, 5.14, "bao", {("extra", "gedrag"): 2}, naam="Het Anker"),
        Locatie("L3", 52.10, 5.12, "sbo", {("sbo", "gedrag"): 1}, naam="De Brug"),
    ]
    vraag = [
        Vraaggroep("v1", 52.091, 5.101, "po", "extra", "gedrag", 2, regio="Utrecht"),
        Vraaggroep("v2", 52.101, 5.121, "po", "sbo", "gedrag", 1, regio="Utrecht"),
        Vraaggroep("v3", 52.30, 5.60, "po", "extra", "gedrag", 1, regio="Verweg"),
    ]
    instellingen = Instellingen(
        max_afstand_km={("po", "extra"): 5, ("po", "sbo"): 15, ("po", "so"): 30},
        straf_speciaal_km=10,
    )
    resultaat = samenvatten(oplossen(vraag, locaties, instellingen), vraag, locaties)
    resultaat["vraagpunten"] = [
        {
            "postcodegebied": "3511",
            "breedtegraad": 52.091,
            "lengtegraad": 5.101,
            "aantal": 2,
            "niet_geplaatst": 0,
        },
        {
            "postcodegebied": "3521",
            "breedtegraad": 52.101,
            "lengtegraad": 5.121,
            "aantal": 1,
            "niet_geplaatst": 0,
        },
        {
            "postcodegebied": "3999",
            "breedtegraad": 52.30,
            "lengtegraad": 5.60,
            "aantal": 1,
            "niet_geplaatst": 1,
        },
    ]
    resultaat["gebieden"] = {"gedrag": "Gedrag en sociaal-emotionele ontwikkeling"}
    resultaat["niveaus"] = {
        "extra": "Extra ondersteuning op een reguliere school",
        "sbo": "Speciaal basisonderwijs (sbo)",
    }
    for loc in resultaat["locaties"]:
        loc["vestigingscode"] = loc["id"]
    return resultaat


def _svg(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # noqa: S314  (our own SVG, built by the test; no untrusted XML)


def test_de_kaart_is_geldige_svg_met_titel_omschrijving_en_legenda():
    resultaat = klein_resultaat()
    kaart = _svg(
        netwerkkaart(resultaat, titel="Kaart van de analyse", soorten={"bao": "Basisonderwijs"})
    )
    assert kaart.get("role") == "img"
    assert kaart.get("aria-labelledby") == "kaart-titel kaart-omschrijving"
    assert kaart.find(f"{SVG}title").text == "Kaart van de analyse"
    omschrijving = kaart.find(f"{SVG}desc").text
    assert "3 locaties en 3 postcodegebieden" in omschrijving
    assert "In 1 postcodegebieden konden niet alle leerlingen geplaatst worden" in omschrijving
    teksten = [t.text for t in kaart.iter(f"{SVG}text")]
    assert "Locatie met vrije plaatsen" in teksten
    assert "Postcodegebied met leerlingen die niet geplaatst konden worden" in teksten
    tooltips = [t.text for t in kaart.iter(f"{SVG}title")]
    assert "De Linde (Basisonderwijs): 3 plaatsen, 2 gebruikt, 1 vrij" in tooltips
    assert "De Brug (sbo): 1 plaatsen, 1 gebruikt, 0 vrij" in tooltips
    assert "Postcodegebied 3999: 1 leerlingen, 1 niet geplaatst" in tooltips


def test_vol_is_gevuld_vrij_is_open_en_tekort_is_een_driehoek():
    kaart = _svg(netwerkkaart(klein_resultaat(), titel="Kaart"))
    groepen = {
        g.find(f"{SVG}title").text: g
        for g in kaart.iter(f"{SVG}g")
        if g.find(f"{SVG}title") is not None
    }
    brug = groepen["De Brug (sbo): 1 plaatsen, 1 gebruikt, 0 vrij"].find(f"{SVG}rect")
    anker = groepen["Het Anker (bao): 2 plaatsen, 0 gebruikt, 2 vrij"].find(f"{SVG}rect")
    assert brug.get("fill") != "#ffffff"
    assert anker.get("fill") == "#ffffff"
    assert (
        groepen["Postcodegebied 3999: 1 leerlingen, 1 niet geplaatst"].find(f"{SVG}polygon")
        is not None
    )
    assert groepen["Postcodegebied 3511: 2 leerlingen"].find(f"{SVG}circle") is not None


def test_grotere_locaties_krijgen_een_groter_symbool():
    kaart = _svg(netwerkkaart(klein_resultaat(), titel="Kaart"))
    breedte = {
        g.find(f"{SVG}title").text.split(" (")[0]: float(g.find(f"{SVG}rect").get("width"))
        for g in kaart.iter(f"{SVG}g")
        if g.find(f"{SVG}title") is not None and g.find(f"{SVG}rect") is not None
    }
    assert breedte["De Linde"] > breedte["Het Anker"] > breedte["De Brug"]


def test_alle_symbolen_liggen_binnen_de_kaart_ook_bij_200_locaties():
    locaties = [
        {
            "id": f"L{i}",
            "naam": f"School {i}",
            "soort": "bao",
            "breedtegraad": 51.5 + (i % 20) * 0.02,
            "lengtegraad": 4.5 + (i // 20) * 0.05,
            "capaciteit": i % 7,
            "gebruikt": 0,
            "vrij": i % 7,
        }
        for i in range(200)
    ]
    kaart = _svg(netwerkkaart({"locaties": locaties}, titel="Kaart", breedte=720, max_hoogte=640))
    breedte, hoogte = (float(v) for v in kaart.get("viewBox").split()[2:])
    assert breedte == 720
    rechthoeken = [r for r in kaart.iter(f"{SVG}rect")][1:]  # the frame first
    assert len(rechthoeken) >= 200
    for r in rechthoeken:
        assert float(r.get("x")) >= 0 and float(r.get("x")) + float(r.get("width")) <= breedte
        assert float(r.get("y")) >= 0 and float(r.get("y")) + float(r.get("height")) <= hoogte


def test_de_projectie_schaalt_de_lengtegraad_met_de_cosinus_van_de_breedtegraad():
    # A square of 0.1° × 0.1° at 60° N is twice as high as wide (cos 60° = 0.5).
    proj = projectie([(60.0, 10.0), (60.1, 10.1)], breedte=400, max_hoogte=2000, marge=0)
    x0, y0 = proj.punt(60.0, 10.0)
    x1, y1 = proj.punt(60.1, 10.1)
    assert abs((y0 - y1) / (x1 - x0) - 2.0) < 0.01


def test_zonder_ligging_geen_kaart_en_onbekende_ligging_wordt_genoemd():
    assert netwerkkaart({"locaties": [], "vraagpunten": []}, titel="Kaart") == ""
    resultaat = {
        "locaties": [
            {
                "id": "A",
                "naam": "A",
                "soort": "bao",
                "breedtegraad": 52.0,
                "lengtegraad": 5.0,
                "capaciteit": 1,
                "gebruikt": 1,
                "vrij": 0,
            },
            {
                "id": "B",
                "naam": "B",
                "soort": "bao",
                "breedtegraad": None,
                "lengtegraad": None,
                "capaciteit": 1,
                "gebruikt": 0,
                "vrij": 1,
            },
        ]
    }
    kaart = _svg(netwerkkaart(resultaat, titel="Kaart"))
    assert (
        "1 locaties zonder bekende ligging staan niet op de kaart" in kaart.find(f"{SVG}desc").text
    )


def test_teksten_worden_ontsnapt():
    resultaat = {
        "locaties": [
            {
                "id": "A",
                "naam": "<b>&",
                "soort": "bao",
                "breedtegraad": 52.0,
                "lengtegraad": 5.0,
                "capaciteit": 0,
                "gebruikt": 0,
                "vrij": 0,
            }
        ]
    }
    kaart = netwerkkaart(resultaat, titel="Kaart <x>")
    assert "<b>" not in kaart
    assert _svg(kaart).find(f"{SVG}title").text == "Kaart <x>"
