"""The pure TLV rules, without a database: terms, durations, grensverkeer, deskundigen."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passend.toelaatbaarheid.rules import (
    GeenVerantwoordelijkSwv,
    Status,
    adviesaanvraag_te_laat,
    adviesaanvraag_uiterlijk,
    adviezen_fouten,
    behandelduur,
    beroep_uiterlijk,
    beslissing_op_bezwaar_fout,
    bezwaar_te_laat,
    bezwaar_uiterlijk,
    duur_fouten,
    duur_in_jaren,
    eindigt_binnenkort,
    gemiddelde_en_mediaan,
    intrekken_fout,
    maanden_erbij,
    minimale_einddatum,
    onafhankelijkheid_fouten,
    onbeantwoorde_verplichte_vragen,
    overgang_toegestaan,
    standaardregeling,
    verantwoordelijk_swv,
    verlenging_fout,
    volgende_bezwaarstap,
)

DATUMS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
TWEEDE = ("orthopedagoog", "psycholoog", "jeugdarts", "maatschappelijk werker")


# --- Bezwaar: 6 weeks after the decision ---------------------------------------------------


@pytest.mark.parametrize(
    ("besluit", "uiterlijk"),
    [
        (date(2026, 10, 22), date(2026, 12, 3)),
        (date(2027, 1, 31), date(2027, 3, 14)),  # over the end of February (28 days)
        (date(2028, 1, 31), date(2028, 3, 13)),  # leap year: 29 February counts
        (date(2028, 2, 29), date(2028, 4, 11)),  # decided on the leap day
        (date(2026, 12, 1), date(2027, 1, 12)),  # over the turn of the year
    ],
)
def test_bezwaartermijn_is_zes_kalenderweken(besluit, uiterlijk):
    assert bezwaar_uiterlijk(besluit) == uiterlijk


def test_bezwaar_op_de_laatste_dag_is_op_tijd_en_een_dag_later_te_laat():
    besluit = date(2028, 1, 31)
    assert not bezwaar_te_laat(besluit_op=besluit, ingediend_op=date(2028, 3, 13))
    assert bezwaar_te_laat(besluit_op=besluit, ingediend_op=date(2028, 3, 14))


@given(DATUMS)
def test_bezwaartermijn_is_altijd_42_dagen(besluit):
    assert (bezwaar_uiterlijk(besluit) - besluit).days == 42
    assert not bezwaar_te_laat(besluit_op=besluit, ingediend_op=bezwaar_uiterlijk(besluit))
    assert bezwaar_te_laat(
        besluit_op=besluit, ingediend_op=bezwaar_uiterlijk(besluit) + timedelta(days=1)
    )


# --- Advice of the bezwaaradviescommissie: asked within 2 weeks ----------------------------


def test_adviesaanvraag_binnen_twee_weken():
    ontvangen = date(2028, 2, 20)
    assert adviesaanvraag_uiterlijk(ontvangen) == date(2028, 3, 5)  # over 29 February
    assert not adviesaanvraag_te_laat(
        bezwaar_ontvangen_op=ontvangen, adviesaanvraag_op=date(2028, 3, 5), vandaag=date(2028, 4, 1)
    )
    assert adviesaanvraag_te_laat(
        bezwaar_ontvangen_op=ontvangen, adviesaanvraag_op=date(2028, 3, 6), vandaag=date(2028, 3, 6)
    )


def test_nog_niet_gevraagd_advies_is_pas_na_de_termijn_te_laat():
    ontvangen = date(2026, 11, 2)
    assert not adviesaanvraag_te_laat(
        bezwaar_ontvangen_op=ontvangen, adviesaanvraag_op=None, vandaag=date(2026, 11, 16)
    )
    assert adviesaanvraag_te_laat(
        bezwaar_ontvangen_op=ontvangen, adviesaanvraag_op=None, vandaag=date(2026, 11, 17)
    )


@given(DATUMS)
def test_adviesaanvraagtermijn_is_altijd_14_dagen(ontvangen):
    assert (adviesaanvraag_uiterlijk(ontvangen) - ontvangen).days == 14


def test_bezwaarstappen_volgen_elkaar_op():
    assert volgende_bezwaarstap(adviesaanvraag_op=None, advies_ontvangen_op=None, uitkomst="") == (
        "advies_vragen"
    )
    d = date(2026, 11, 1)
    assert volgende_bezwaarstap(adviesaanvraag_op=d, advies_ontvangen_op=None, uitkomst="") == (
        "advies_ontvangen"
    )
    assert (
        volgende_bezwaarstap(adviesaanvraag_op=d, advies_ontvangen_op=d, uitkomst="") == "uitkomst"
    )
    assert volgende_bezwaarstap(
        adviesaanvraag_op=None, advies_ontvangen_op=None, uitkomst="ingetrokken"
    ) == ("afgerond")


# --- Months and the duration of a TLV --------------------------------------------------------


@pytest.mark.parametrize(
    ("datum", "maanden", "uitkomst"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 11, 23), 6, date(2027, 5, 23)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_maanden_erbij_houdt_rekening_met_maandeinden_en_schrikkeljaren(datum, maanden, uitkomst):
    assert maanden_erbij(datum, maanden) == uitkomst


@given(DATUMS, st.integers(min_value=0, max_value=120))
def test_maanden_erbij_verschuift_precies_zoveel_maanden(datum, maanden):
    later = maanden_erbij(datum, maanden)
    assert (later.year * 12 + later.month) - (datum.year * 12 + datum.month) == maanden
    assert later.day <= datum.day


def test_minimale_duur_van_een_schooljaar():
    assert minimale_einddatum(date(2026, 8, 1), 12) == date(2027, 7, 31)
    assert (
        duur_fouten(
            ingangsdatum=date(2026, 8, 1),
            einddatum=date(2027, 7, 31),
            minimale_duur_maanden=12,
            maximale_duur_maanden=None,
        )
        == {}
    )
    fouten = duur_fouten(
        ingangsdatum=date(2026, 8, 1),
        einddatum=date(2027, 7, 30),
        minimale_duur_maanden=12,
        maximale_duur_maanden=None,
    )
    assert "minstens 12 maanden" in fouten["einddatum"]
    assert "31-07-2027" in fouten["einddatum"]


def test_einddatum_voor_of_op_de_ingangsdatum_is_een_fout():
    for einde in (date(2026, 7, 31), date(2026, 8, 1)):
        fouten = duur_fouten(
            ingangsdatum=date(2026, 8, 1),
            einddatum=einde,
            minimale_duur_maanden=0,
            maximale_duur_maanden=None,
        )
        assert fouten == {"einddatum": "De einddatum moet na de ingangsdatum liggen."}


def test_maximale_duur_is_een_instelling():
    fouten = duur_fouten(
        ingangsdatum=date(2026, 8, 1),
        einddatum=date(2029, 8, 1),
        minimale_duur_maanden=12,
        maximale_duur_maanden=36,
    )
    assert "hoogstens 36 maanden" in fouten["einddatum"]
    assert not duur_fouten(
        ingangsdatum=date(2026, 8, 1),
        einddatum=date(2029, 7, 31),
        minimale_duur_maanden=12,
        maximale_duur_maanden=36,
    )


@given(DATUMS, st.integers(min_value=1, max_value=60))
def test_de_minimale_einddatum_voldoet_altijd_aan_de_duurregel(ingang, maanden):
    einde = minimale_einddatum(ingang, maanden)
    assert einde > ingang
    assert not duur_fouten(
        ingangsdatum=ingang,
        einddatum=einde,
        minimale_duur_maanden=maanden,
        maximale_duur_maanden=None,
    )
    assert duur_fouten(
        ingangsdatum=ingang,
        einddatum=einde - timedelta(days=1),
        minimale_duur_maanden=maanden,
        maximale_duur_maanden=None,
    )


def test_eindigt_binnenkort_binnen_het_venster():
    vandaag = date(2026, 11, 23)
    assert eindigt_binnenkort(einddatum=date(2027, 5, 23), vandaag=vandaag, maanden=6)
    assert not eindigt_binnenkort(einddatum=date(2027, 5, 24), vandaag=vandaag, maanden=6)
    assert not eindigt_binnenkort(einddatum=date(2026, 11, 22), vandaag=vandaag, maanden=6)


def test_verlenging_kan_tot_en_met_de_einddatum():
    einde = date(2027, 7, 31)
    assert verlenging_fout(status=Status.TOEGEKEND, einddatum=einde, vandaag=einde) is None
    assert "afgelopen" in verlenging_fout(
        status=Status.TOEGEKEND, einddatum=einde, vandaag=einde + timedelta(days=1)
    )
    assert "toegekende" in verlenging_fout(status=Status.AFGEWEZEN, einddatum=None, vandaag=einde)


def test_overgangen_van_een_aanvraag():
    assert overgang_toegestaan(Status.INGEDIEND, Status.COMPLEET)
    assert overgang_toegestaan(Status.COMPLEET, Status.TOEGEKEND)
    assert not overgang_toegestaan(Status.INGEDIEND, Status.TOEGEKEND)
    assert not overgang_toegestaan(Status.TOEGEKEND, Status.AFGEWEZEN)


# --- Grensverkeer -----------------------------------------------------------------------------


def test_eerste_inschrijving_gaat_naar_het_swv_van_de_woonregio():
    t = verantwoordelijk_swv(
        eerste_inschrijving=True,
        woongemeente_bekend=True,
        woonregio_swv=1,
        school_swv=2,
        sector="VO",
    )
    assert (t.verantwoordelijk, t.woonregio, t.school, t.grensverkeer) == (1, 1, 2, True)


def test_anders_beslist_het_swv_van_de_school():
    t = verantwoordelijk_swv(
        eerste_inschrijving=False,
        woongemeente_bekend=True,
        woonregio_swv=1,
        school_swv=2,
        sector="PO",
    )
    assert (t.verantwoordelijk, t.grensverkeer) == (2, True)
    zelfde = verantwoordelijk_swv(
        eerste_inschrijving=False,
        woongemeente_bekend=True,
        woonregio_swv=2,
        school_swv=2,
        sector="PO",
    )
    assert not zelfde.grensverkeer


def test_onbekende_woongemeente_telt_alleen_bij_een_eerste_inschrijving():
    with pytest.raises(GeenVerantwoordelijkSwv, match="woongemeente van de leerling is niet"):
        verantwoordelijk_swv(
            eerste_inschrijving=True,
            woongemeente_bekend=False,
            woonregio_swv=None,
            school_swv=2,
            sector="VO",
        )
    t = verantwoordelijk_swv(
        eerste_inschrijving=False,
        woongemeente_bekend=False,
        woonregio_swv=None,
        school_swv=2,
        sector="PO",
    )
    assert (t.verantwoordelijk, t.grensverkeer) == (2, False)


def test_geen_swv_voor_de_woongemeente_of_de_school_is_een_duidelijke_fout():
    with pytest.raises(GeenVerantwoordelijkSwv, match="geen samenwerkingsverband"):
        verantwoordelijk_swv(
            eerste_inschrijving=True,
            woongemeente_bekend=True,
            woonregio_swv=None,
            school_swv=2,
            sector="VO",
        )
    with pytest.raises(GeenVerantwoordelijkSwv, match="hoort niet bij een samenwerkingsverband"):
        verantwoordelijk_swv(
            eerste_inschrijving=False,
            woongemeente_bekend=True,
            woonregio_swv=1,
            school_swv=None,
            sector="PO",
        )


# --- Deskundigen --------------------------------------------------------------------------------


def test_minstens_twee_adviezen():
    assert "minstens 2 deskundigen; er is er nu 1" in adviezen_fouten(["orthopedagoog"], TWEEDE)[0]
    assert "er zijn er nu 0" in adviezen_fouten([], TWEEDE)[0]


def test_een_orthopedagoog_of_psycholoog_en_een_tweede_van_de_lijst():
    assert adviezen_fouten(["orthopedagoog", "jeugdarts"], TWEEDE) == []
    assert adviezen_fouten(["Jeugdarts", " Psycholoog "], TWEEDE) == []
    assert adviezen_fouten(["psycholoog", "psycholoog"], TWEEDE) == []
    assert adviezen_fouten(["jeugdarts", "maatschappelijk werker"], TWEEDE) == [
        "Minstens één deskundige moet orthopedagoog of psycholoog zijn."
    ]
    (fout,) = adviezen_fouten(["orthopedagoog", "logopedist"], TWEEDE)
    assert "uit de lijst" in fout


def test_de_tweede_lijst_is_per_swv_in_te_stellen():
    assert adviezen_fouten(["orthopedagoog", "logopedist"], ["logopedist"]) == []
    assert adviezen_fouten(["orthopedagoog", "psycholoog"], ["logopedist"])


def test_onafhankelijkheid():
    assert (
        onafhankelijkheid_fouten(
            naam="A", werkt_op_aanvragende_school=False, betrokken_bij_aanvraag=False
        )
        == []
    )
    fouten = onafhankelijkheid_fouten(
        naam="A", werkt_op_aanvragende_school=True, betrokken_bij_aanvraag=True
    )
    assert len(fouten) == 2
    assert "werkt op de school" in fouten[0]
    assert "meegewerkt" in fouten[1]


def test_standaardregeling_uit_de_instellingen():
    regeling = standaardregeling(
        {
            "TLV_TWEEDE_DESKUNDIGEN": ["Jeugdarts"],
            "TLV_CATEGORIE_LABELS": ["laag", "midden", "hoog"],
            "TLV_MINIMALE_DUUR_MAANDEN": 12,
            "TLV_EINDE_SIGNAAL_MAANDEN": 6,
        },
        swv_naam="SWV X",
    )
    assert regeling.tweede_deskundigen == ("jeugdarts",)
    assert regeling.categorie_label(2) == "categorie 2 (midden)"
    assert regeling.categorie_label(None) == ""
    assert "SWV X" in regeling.bezwaar_indienen_bij


# --- Report figures ----------------------------------------------------------------------------


def test_behandelduur_in_weken_en_gemiddelde_en_mediaan():
    duur = behandelduur(
        ontvangen_op=date(2026, 9, 1), compleet_op=date(2026, 9, 15), besluit_op=date(2026, 10, 13)
    )
    assert (duur.tot_compleet, duur.compleet_tot_besluit, duur.totaal) == (2.0, 4.0, 6.0)
    assert (
        behandelduur(ontvangen_op=date(2026, 9, 1), compleet_op=None, besluit_op=None).totaal
        is None
    )
    assert gemiddelde_en_mediaan([2.0, 4.0, 9.0, None]) == (5.0, 4.0)
    assert gemiddelde_en_mediaan([None]) == (None, None)


def test_duur_in_jaren():
    assert duur_in_jaren(date(2026, 8, 1), date(2027, 7, 31)) == 1.0
    assert duur_in_jaren(None, None) is None


# --- Withdrawal, extra questions, beslissing op bezwaar -------------------------------------


@given(DATUMS)
def test_beroep_bij_de_rechtbank_kan_zes_weken_na_de_beslissing_op_bezwaar(beslist_op):
    assert beroep_uiterlijk(beslist_op) - beslist_op == timedelta(days=42)


def test_beslissing_op_bezwaar_alleen_na_een_gegrond_bezwaar():
    assert beslissing_op_bezwaar_fout(uitkomsten=[], al_beslist=False)
    assert beslissing_op_bezwaar_fout(uitkomsten=["", "ongegrond", "ingetrokken"], al_beslist=False)
    assert beslissing_op_bezwaar_fout(uitkomsten=["ongegrond", "gegrond"], al_beslist=False) is None


def test_beslissing_op_bezwaar_maar_een_keer():
    fout = beslissing_op_bezwaar_fout(uitkomsten=["gegrond"], al_beslist=True)
    assert fout is not None and "al" in fout


@pytest.mark.parametrize(
    ("status", "kan"),
    [
        ("ingediend", True),
        ("compleet", True),
        ("toegekend", False),
        ("afgewezen", False),
        ("ingetrokken", False),
    ],
)
def test_intrekken_kan_alleen_voor_het_besluit(status, kan):
    assert (intrekken_fout(status) is None) is kan


def test_onbeantwoorde_verplichte_vragen_noemt_alleen_de_verplichte_zonder_antwoord():
    vragen = [
        (1, "Welke school heeft de voorkeur?", True),
        (2, "Extra?", False),
        (3, "Hulp?", True),
    ]
    assert onbeantwoorde_verplichte_vragen(vragen, [3]) == ["Welke school heeft de voorkeur?"]
    assert onbeantwoorde_verplichte_vragen(vragen, [1, 3]) == []
    assert onbeantwoorde_verplichte_vragen([], []) == []
