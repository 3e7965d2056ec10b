"""The pure rules of the support offer: school years, the lifecycle, distances, the norm
areas, which version the public guide shows; and the pure parts of the school's pages
(reading the schoolgids text back, months for the waiting-list reminder). No database."""

from datetime import date

import pytest

from passend.aanbod.rules import (
    Status,
    afstand_km,
    heeft_inhoud,
    omhullende,
    ontbrekende_normgebieden,
    openbaar_wisselt,
    overgang_toegestaan,
    schooljaar_begin,
    schooljaar_einde,
    schooljaar_geldig,
    schooljaar_van,
    schooljaren_om_te_beschrijven,
    volgend_schooljaar,
    wachtlijst_past_bij_soort,
)
from passend.aanbod.schoolgids import Blok, blokken
from passend.aanbod.selectors.werk import maanden_eerder

# --- School years --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("datum", "schooljaar"),
    [
        (date(2026, 8, 1), "2026-2027"),
        (date(2026, 12, 31), "2026-2027"),
        (date(2027, 1, 1), "2026-2027"),
        (date(2027, 7, 31), "2026-2027"),
        (date(2026, 7, 31), "2025-2026"),
    ],
)
def test_een_schooljaar_loopt_van_1_augustus_tot_en_met_31_juli(datum, schooljaar):
    assert schooljaar_van(datum) == schooljaar


def test_begin_en_einde_van_een_schooljaar():
    assert schooljaar_begin("2026-2027") == date(2026, 8, 1)
    assert schooljaar_einde("2026-2027") == date(2027, 7, 31)
    assert volgend_schooljaar("2026-2027") == "2027-2028"


@pytest.mark.parametrize(
    ("tekst", "geldig"),
    [
        ("2026-2027", True),
        ("2026-2028", False),
        ("2027-2026", False),
        ("2026/2027", False),
        ("26-27", False),
        ("", False),
    ],
)
def test_een_schooljaar_is_twee_opeenvolgende_jaren(tekst, geldig):
    assert schooljaar_geldig(tekst) is geldig


def test_een_school_beschrijft_het_lopende_en_het_volgende_schooljaar():
    assert schooljaren_om_te_beschrijven(date(2026, 11, 24)) == ("2026-2027", "2027-2028")
    # Before the summer the schoolgids of next year is set: still the running year too.
    assert schooljaren_om_te_beschrijven(date(2027, 6, 30)) == ("2026-2027", "2027-2028")
    assert schooljaren_om_te_beschrijven(date(2027, 8, 1)) == ("2027-2028", "2028-2029")


# --- Lifecycle -----------------------------------------------------------------------------


def test_een_concept_wordt_gepubliceerd_en_later_vervangen():
    assert overgang_toegestaan(Status.CONCEPT, Status.GEPUBLICEERD)
    assert overgang_toegestaan(Status.GEPUBLICEERD, Status.VERVANGEN)
    assert not overgang_toegestaan(Status.GEPUBLICEERD, Status.CONCEPT)
    assert not overgang_toegestaan(Status.VERVANGEN, Status.GEPUBLICEERD)
    assert not overgang_toegestaan(Status.CONCEPT, Status.VERVANGEN)


def test_de_gids_toont_het_nieuwste_gepubliceerde_schooljaar():
    assert openbaar_wisselt(huidig_schooljaar=None, nieuw_schooljaar="2026-2027")
    assert openbaar_wisselt(huidig_schooljaar="2026-2027", nieuw_schooljaar="2026-2027")
    assert openbaar_wisselt(huidig_schooljaar="2026-2027", nieuw_schooljaar="2027-2028")


def test_een_correctie_van_vorig_jaar_duwt_het_volgende_jaar_niet_weg():
    assert not openbaar_wisselt(huidig_schooljaar="2027-2028", nieuw_schooljaar="2026-2027")


# --- Norm areas and content ----------------------------------------------------------------

NORM = {
    "lezen-spellen-dyslexie": "Lezen, spellen en dyslexie",
    "hoogbegaafdheid": "(Hoog)begaafdheid",
    "leergedrag": "Leergedrag",
}


def test_alle_normgebieden_beschreven_dan_ontbreekt_niets():
    assert ontbrekende_normgebieden(normgebieden=NORM, beschreven=set(NORM) | {"medisch"}) == []


def test_ontbrekende_normgebieden_in_de_volgorde_van_de_norm():
    assert ontbrekende_normgebieden(normgebieden=NORM, beschreven={"hoogbegaafdheid"}) == [
        "Lezen, spellen en dyslexie",
        "Leergedrag",
    ]
    assert ontbrekende_normgebieden(normgebieden=NORM, beschreven=set()) == list(NORM.values())


def test_een_gebied_telt_als_er_ergens_tekst_staat():
    assert heeft_inhoud("", "  ", "Een leesspecialist")
    assert not heeft_inhoud("", "   \n", "")


@pytest.mark.parametrize(
    ("soort", "wachtlijst"),
    [("sbo", True), ("so", True), ("vso", True), ("so_vso", True), ("bao", False), ("vo", False)],
)
def test_alleen_sbo_so_en_vso_houden_een_wachtlijst_bij(soort, wachtlijst):
    assert wachtlijst_past_bij_soort(soort) is wachtlijst


# --- Distances -----------------------------------------------------------------------------

UTRECHT = (52.0907, 5.1214)
AMSTERDAM = (52.3676, 4.9041)


def test_de_afstand_utrecht_amsterdam_hemelsbreed():
    assert afstand_km(*UTRECHT, *AMSTERDAM) == pytest.approx(34.3, abs=0.5)


def test_een_afstand_is_symmetrisch_en_nul_op_dezelfde_plek():
    assert afstand_km(*UTRECHT, *UTRECHT) == 0
    assert afstand_km(*UTRECHT, *AMSTERDAM) == pytest.approx(afstand_km(*AMSTERDAM, *UTRECHT))


def test_de_omhullende_bevat_elk_punt_binnen_de_straal():
    min_lat, max_lat, min_lon, max_lon = omhullende(*UTRECHT, 10)
    assert min_lat < UTRECHT[0] < max_lat and min_lon < UTRECHT[1] < max_lon
    # A point 9.9 km due north, east, south and west lies inside the box.
    for d_lat, d_lon in ((0.089, 0), (0, 0.145), (-0.089, 0), (0, -0.145)):
        lat, lon = UTRECHT[0] + d_lat, UTRECHT[1] + d_lon
        assert afstand_km(*UTRECHT, lat, lon) < 10.0
        assert min_lat <= lat <= max_lat and min_lon <= lon <= max_lon
    # Amsterdam (34 km) is outside a 10 km box.
    assert not (min_lat <= AMSTERDAM[0] <= max_lat)


# --- Reading the schoolgids text back ------------------------------------------------------


def test_koppen_lijsten_en_alineas_uit_de_schoolgidstekst():
    tekst = (
        "## Ondersteuning\n\nEerste regel\ntweede regel\n\n### Lezen\n"
        "- Stilteruimte\n* Plusklas\nNa de lijst\n\n\n"
    )
    assert blokken(tekst) == [
        Blok("kop", ("Ondersteuning",)),
        Blok("alinea", ("Eerste regel", "tweede regel")),
        Blok("subkop", ("Lezen",)),
        Blok("lijst", ("Stilteruimte", "Plusklas")),
        Blok("alinea", ("Na de lijst",)),
    ]


def test_html_in_de_tekst_blijft_tekst():
    # Escaping is the template's job; the blocks keep the text as it is.
    assert blokken("<script>x</script>") == [Blok("alinea", ("<script>x</script>",))]


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [
        (date(2026, 11, 24), date(2026, 8, 24)),
        (date(2026, 2, 15), date(2025, 11, 15)),
        (date(2026, 5, 31), date(2026, 2, 28)),
        (date(2028, 5, 31), date(2028, 2, 29)),
    ],
)
def test_drie_maanden_eerder(datum, verwacht):
    assert maanden_eerder(datum, 3) == verwacht
