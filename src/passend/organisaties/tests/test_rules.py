"""Pure rules of the import: soort mapping, postcodes, names. No database."""

import pytest

from passend.organisaties.importeren import (
    leesbare_naam,
    soort_primair_onderwijs,
    soort_van_onderwijsstructuur,
    soort_van_type,
)
from passend.organisaties.rules import (
    SECTOREN_VAN_SOORT,
    Sector,
    Soort,
    normaliseer_gemeentecode,
    normaliseer_postcode,
)


@pytest.mark.parametrize(
    ("waarde", "soort"),
    [
        ("SBAO", Soort.SBO),
        ("sbo", Soort.SBO),
        ("Speciaal basisonderwijs", Soort.SBO),
        ("SO", Soort.SO),
        ("VSO", Soort.VSO),
        ("(V)SO", Soort.SO_VSO),
        (" (v) so ", Soort.SO_VSO),
        ("SO/VSO", Soort.SO_VSO),
        ("so en vso", Soort.SO_VSO),
    ],
)
def test_duo_soort_primair_onderwijs_wordt_een_soort(waarde: str, soort: str) -> None:
    assert soort_primair_onderwijs(waarde) == soort


@pytest.mark.parametrize("waarde", ["", "MBO", "XYZ", "VO"])
def test_onbekende_soort_primair_onderwijs_geeft_niets(waarde: str) -> None:
    assert soort_primair_onderwijs(waarde) is None


def test_pro_is_praktijkonderwijs_en_de_rest_voortgezet_onderwijs_met_structuur() -> None:
    assert soort_van_onderwijsstructuur("PRO") == (Soort.PRO, "")
    assert soort_van_onderwijsstructuur("vbo/mavo") == (Soort.VO, "VBO/MAVO")
    assert soort_van_onderwijsstructuur("VBO/MAVO/PRO") == (Soort.VO, "VBO/MAVO/PRO")
    assert soort_van_onderwijsstructuur("BRUGJAAR") == (Soort.VO, "BRUGJAAR")
    assert soort_van_onderwijsstructuur("") is None
    assert soort_van_onderwijsstructuur("MBO") is None


@pytest.mark.parametrize(
    ("type_", "verwacht"),
    [
        ("basisschool", (Soort.BAO, "")),
        ("SBAO", (Soort.SBO, "")),
        ("SO", (Soort.SO, "")),
        ("VSO", (Soort.VSO, "")),
        ("(V)SO", (Soort.SO_VSO, "")),
        ("PRO", (Soort.PRO, "")),
        ("HAVO/VWO", (Soort.VO, "HAVO/VWO")),
        ("VBO/MAVO/HAVO/VWO/PRO", (Soort.VO, "VBO/MAVO/HAVO/VWO/PRO")),
    ],
)
def test_geojson_type_wordt_een_soort(type_: str, verwacht: tuple[str, str]) -> None:
    assert soort_van_type(type_) == verwacht


def test_een_vso_locatie_hoort_bij_vo_en_een_so_vso_locatie_bij_beide_sectoren() -> None:
    assert SECTOREN_VAN_SOORT[Soort.VSO] == (Sector.VO,)
    assert set(SECTOREN_VAN_SOORT[Soort.SO_VSO]) == {Sector.PO, Sector.VO}


@pytest.mark.parametrize(
    ("invoer", "uitvoer"),
    [
        ("5831 CR", "5831 CR"),
        ("5831cr", "5831 CR"),
        (" 2516PV ", "2516 PV"),
        ("0123 AB", None),
        ("5831", None),
    ],
)
def test_postcode_wordt_geschreven_zoals_duo_dat_doet(invoer: str, uitvoer: str | None) -> None:
    assert normaliseer_postcode(invoer) == uitvoer


def test_gemeentenummer_krijgt_voorloopnullen() -> None:
    assert normaliseer_gemeentecode("772") == "0772"
    assert normaliseer_gemeentecode("0756") == "0756"
    assert normaliseer_gemeentecode("07a6") is None


@pytest.mark.parametrize(
    ("invoer", "uitvoer"),
    [
        ("S GRAVENHAGE", "'s-Gravenhage"),
        ("'S-GRAVENHAGE", "'s-Gravenhage"),
        ("S HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("'S GRAVENMOER", "'s Gravenmoer"),
        ("CAPELLE AAN DEN IJSSEL", "Capelle aan den IJssel"),
        ("IJSSELSTEIN", "IJsselstein"),
        ("HENDRIK-IDO-AMBACHT", "Hendrik-Ido-Ambacht"),
        ("REUSEL-DE MIERDEN", "Reusel-De Mierden"),
        ("DE RONDE VENEN", "De Ronde Venen"),
        ("BERGEN NH", "Bergen (NH.)"),
        ("NUENEN CA", "Nuenen, Gerwen en Nederwetten"),
        ("SUDWEST-FRYSLAN", "Súdwest-Fryslân"),
        ("'s-Gravenhage", "'s-Gravenhage"),
        ("Tull en 't Waal", "Tull en 't Waal"),
    ],
)
def test_namen_in_hoofdletters_worden_leesbaar(invoer: str, uitvoer: str) -> None:
    assert leesbare_naam(invoer) == uitvoer
