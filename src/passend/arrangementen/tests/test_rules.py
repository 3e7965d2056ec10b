"""The pure rules of an arrangement request: no database."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passend.arrangementen.rules import (
    MAXIMUM_BEDRAG,
    OPEN,
    TOEGESTANE_OVERGANGEN,
    Besluit,
    Status,
    Toekenning,
    aanvraag_fouten,
    bedrag_fout,
    besluit_fouten,
    bezwaar_uiterlijk,
    datum_volgorde_fout,
    euro,
    gemiddelde_en_mediaan,
    overgang_fout,
    overgang_toegestaan,
    periode_fouten,
    sector_van_aanvraag,
)
from passend.core.bedragen import bedrag_lezen
from passend.organisaties.rules import Sector, Soort

D = datetime.date
VAN, TOT = D(2026, 11, 1), D(2027, 7, 15)
GEVRAAGD = Decimal("4500.00")


def _besluit(besluit: str, bedrag=GEVRAAGD, van=VAN, tot=TOT, redenen="Past bij het plan."):
    return besluit_fouten(
        Toekenning(besluit=besluit, redenen=redenen, bedrag=bedrag, van=van, tot=tot),
        aangevraagd_bedrag=GEVRAAGD,
        aangevraagd_van=VAN,
        aangevraagd_tot=TOT,
    )


# --- The lifecycle ---------------------------------------------------------------------------


def test_de_levensloop_is_ingediend_onvolledig_compleet_besloten():
    assert overgang_toegestaan(Status.INGEDIEND, Status.ONVOLLEDIG)
    assert overgang_toegestaan(Status.ONVOLLEDIG, Status.INGEDIEND)
    assert overgang_toegestaan(Status.INGEDIEND, Status.COMPLEET)
    assert overgang_toegestaan(Status.COMPLEET, Status.BESLOTEN)


def test_besluiten_kan_pas_als_de_aanvraag_compleet_is():
    assert not overgang_toegestaan(Status.INGEDIEND, Status.BESLOTEN)
    assert not overgang_toegestaan(Status.ONVOLLEDIG, Status.BESLOTEN)
    assert "compleet" in overgang_fout(Status.INGEDIEND, Status.BESLOTEN)


def test_intrekken_kan_alleen_voor_het_besluit():
    for status in OPEN:
        assert overgang_toegestaan(status, Status.INGETROKKEN)
    assert not overgang_toegestaan(Status.BESLOTEN, Status.INGETROKKEN)
    assert "al besloten" in overgang_fout(Status.BESLOTEN, Status.INGETROKKEN)


@pytest.mark.parametrize("eind", [Status.BESLOTEN, Status.INGETROKKEN])
def test_een_besloten_of_ingetrokken_aanvraag_verandert_niet_meer(eind):
    assert TOEGESTANE_OVERGANGEN[eind] == frozenset()
    for naar in Status.values:
        assert overgang_fout(eind, naar)


@given(st.sampled_from(Status.values), st.sampled_from(Status.values))
def test_elke_geweigerde_stap_heeft_een_uitleg(van, naar):
    assert (overgang_fout(van, naar) is None) == overgang_toegestaan(van, naar)


def test_een_stap_terug_naar_compleet_of_ingediend_vanuit_compleet_kan_niet():
    assert not overgang_toegestaan(Status.COMPLEET, Status.INGEDIEND)
    assert not overgang_toegestaan(Status.COMPLEET, Status.ONVOLLEDIG)


# --- Amounts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bedrag", "fout"),
    [
        (None, "ontbreekt"),
        (Decimal("0"), "meer dan € 0"),
        (Decimal("-5"), "meer dan € 0"),
        (Decimal("1000000.00"), "999.999,99"),
        (Decimal("12.345"), "hele centen"),
        (Decimal("NaN"), "geen geldig getal"),
    ],
)
def test_een_ongeldig_bedrag_krijgt_een_duidelijke_melding(bedrag, fout):
    assert fout in bedrag_fout(bedrag)


@given(st.decimals(min_value=Decimal("0.01"), max_value=MAXIMUM_BEDRAG, places=2))
def test_elk_bedrag_in_hele_centen_tot_het_maximum_is_goed(bedrag):
    assert bedrag_fout(bedrag) is None


@pytest.mark.parametrize(
    ("tekst", "bedrag"),
    [
        ("4500", Decimal("4500")),
        ("4.500", Decimal("4500")),
        ("4500,50", Decimal("4500.50")),
        ("4.500,50", Decimal("4500.50")),
        ("€ 4.500,50", Decimal("4500.50")),
        ("1.234.567,8", Decimal("1234567.8")),
        ("4500.50", Decimal("4500.50")),
        ("45,5", Decimal("45.5")),
        ("1.250", Decimal("1250")),
    ],
)
def test_bedragen_worden_gelezen_zoals_nederlanders_ze_typen(tekst, bedrag):
    assert bedrag_lezen(tekst) == bedrag


@pytest.mark.parametrize(
    "tekst", ["", "abc", "4,500,00", "45.00.00", "4.5.6", "-10", "12,345", "1.25,00", "4,"]
)
def test_geen_bedrag_wordt_niet_gelezen(tekst):
    assert bedrag_lezen(tekst) is None


@given(st.decimals(min_value=Decimal("0.01"), max_value=MAXIMUM_BEDRAG, places=2))
def test_een_bedrag_zoals_het_wordt_getoond_wordt_weer_hetzelfde_bedrag(bedrag):
    assert bedrag_lezen(euro(bedrag)) == bedrag


def test_euro_schrijft_bedragen_op_zijn_nederlands():
    assert euro(Decimal("1234.5")) == "€ 1.234,50"
    assert euro(Decimal("999999.99")) == "€ 999.999,99"
    assert euro(Decimal("7")) == "€ 7,00"


# --- Periods and the request -------------------------------------------------------------------


def test_de_einddatum_ligt_na_de_begindatum():
    assert periode_fouten(VAN, VAN, aanvraagdatum=VAN) == {
        "tot": "De einddatum moet na de begindatum liggen."
    }
    assert "tot" in periode_fouten(TOT, VAN, aanvraagdatum=VAN)


def test_een_periode_die_al_voorbij_is_kan_niet_worden_aangevraagd():
    fouten = periode_fouten(D(2025, 1, 1), D(2025, 6, 30), aanvraagdatum=D(2026, 1, 1))
    assert "al voorbij" in fouten["tot"]


def test_een_periode_die_al_begon_mag_wel():
    assert periode_fouten(D(2026, 8, 20), D(2027, 7, 1), aanvraagdatum=D(2026, 11, 23)) == {}


def test_een_datum_ver_buiten_deze_eeuw_is_een_tikfout():
    assert "2000" in periode_fouten(D(1926, 1, 1), TOT, aanvraagdatum=VAN)["van"]


# The upper bound leaves room for 800 days before the year 2100 (the typo guard).
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2097, 1, 1)), st.integers(1, 800))
def test_elke_periode_die_nog_loopt_is_goed(van, dagen):
    tot = van + datetime.timedelta(days=dagen)
    assert periode_fouten(van, tot, aanvraagdatum=van) == {}


def test_een_aanvraag_heeft_ondersteuning_motivering_bedrag_en_periode():
    fouten = aanvraag_fouten(
        ondersteuning=" ", toelichting="", van=VAN, tot=VAN, bedrag=None, aanvraagdatum=VAN
    )
    assert set(fouten) == {"ondersteuning", "toelichting", "bedrag", "tot"}


def test_een_stap_ligt_niet_in_de_toekomst_en_niet_voor_de_vorige():
    vandaag = D(2026, 11, 23)
    assert datum_volgorde_fout(D(2026, 11, 1), vandaag, vandaag=vandaag) is None
    assert "toekomst" in datum_volgorde_fout(None, D(2026, 11, 24), vandaag=vandaag)
    assert "vorige stap" in datum_volgorde_fout(D(2026, 11, 10), D(2026, 11, 9), vandaag=vandaag)


# --- The decision --------------------------------------------------------------------------------


def test_toegekend_is_het_gevraagde_bedrag_voor_de_gevraagde_periode():
    assert _besluit(Besluit.TOEGEKEND) == {}


def test_toegekend_met_minder_geld_moet_deels_toegekend_zijn():
    assert "deels toegekend" in _besluit(Besluit.TOEGEKEND, bedrag=Decimal("4000"))["besluit"]
    assert "deels toegekend" in _besluit(Besluit.TOEGEKEND, tot=D(2027, 1, 31))["besluit"]


def test_deels_toegekend_is_minder_geld_of_een_kortere_periode():
    assert _besluit(Besluit.DEELS, bedrag=Decimal("2500.00")) == {}
    assert _besluit(Besluit.DEELS, van=D(2027, 1, 1)) == {}
    assert "Kies dan 'toegekend'" in _besluit(Besluit.DEELS)["besluit"]


def test_er_wordt_nooit_meer_toegekend_dan_gevraagd():
    fouten = _besluit(Besluit.DEELS, bedrag=Decimal("4500.01"))
    assert "niet meer worden toegekend" in fouten["toegekend_bedrag"]
    assert "€ 4.500,00" in fouten["toegekend_bedrag"]


def test_de_toegekende_periode_valt_binnen_de_gevraagde():
    fouten = _besluit(Besluit.DEELS, bedrag=Decimal("2000"), tot=D(2027, 8, 31))
    assert "binnen de aangevraagde periode" in fouten["toegekend_van"]
    assert "einddatum" in _besluit(Besluit.DEELS, van=TOT, tot=VAN)["toegekend_tot"]


def test_toekennen_vraagt_een_bedrag_en_een_periode():
    fouten = _besluit(Besluit.TOEGEKEND, bedrag=None, van=None, tot=None)
    assert set(fouten) == {"toegekend_bedrag", "toegekend_van", "toegekend_tot"}


def test_afwijzen_gaat_zonder_bedrag_en_zonder_periode():
    assert _besluit(Besluit.AFGEWEZEN, bedrag=None, van=None, tot=None) == {}
    fouten = _besluit(Besluit.AFGEWEZEN)
    assert "geen toegekend bedrag" in fouten["toegekend_bedrag"]
    assert "geen periode" in fouten["toegekend_van"]


@pytest.mark.parametrize("besluit", Besluit.values)
def test_elk_besluit_heeft_redenen(besluit):
    bedrag = None if besluit == Besluit.AFGEWEZEN else Decimal("2000")
    periode = (None, None) if besluit == Besluit.AFGEWEZEN else (VAN, TOT)
    fouten = _besluit(besluit, bedrag=bedrag, van=periode[0], tot=periode[1], redenen="  ")
    assert fouten["redenen"] == "Schrijf de redenen van het besluit op."


def test_een_onbekend_besluit_wordt_geweigerd():
    assert "besluit" in _besluit("misschien")


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=GEVRAAGD, places=2),
    st.integers(0, (TOT - VAN).days - 1),
    st.integers(1, (TOT - VAN).days),
)
def test_elke_deeltoekenning_binnen_de_aanvraag_is_goed_of_volledig(bedrag, begin, lengte):
    van = VAN + datetime.timedelta(days=begin)
    tot = min(van + datetime.timedelta(days=lengte), TOT)
    volledig = bedrag == GEVRAAGD and van == VAN and tot == TOT
    fouten = _besluit(Besluit.DEELS, bedrag=bedrag, van=van, tot=tot)
    assert (set(fouten) == {"besluit"}) if volledig else (fouten == {})


# --- Which SWV, terms and figures -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("soort", "leeftijd", "sector"),
    [
        (Soort.BAO, 9, Sector.PO),
        (Soort.VO, 14, Sector.VO),
        (Soort.SBO, 12, Sector.PO),
        (Soort.SO_VSO, 8, Sector.PO),
        (Soort.SO_VSO, 11, Sector.PO),
        (Soort.SO_VSO, 12, Sector.VO),
    ],
)
def test_het_swv_is_dat_van_de_sector_van_de_vestiging(soort, leeftijd, sector):
    assert sector_van_aanvraag(soort, leeftijd) == sector


def test_bezwaar_kan_tot_zes_weken_na_het_besluit():
    assert bezwaar_uiterlijk(D(2026, 12, 1), 6) == D(2027, 1, 12)
    assert bezwaar_uiterlijk(D(2028, 1, 18), 6) == D(2028, 2, 29)  # leap year


def test_gemiddelde_en_mediaan_van_behandeldagen():
    assert gemiddelde_en_mediaan([]) == (None, None)
    assert gemiddelde_en_mediaan([10, 20, 40]) == (23.3, 20.0)
    assert gemiddelde_en_mediaan([10, 20]) == (15.0, 15.0)
