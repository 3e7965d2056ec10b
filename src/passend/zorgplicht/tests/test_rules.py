"""The terms of aanmelding and zorgplicht as pure functions: no database, dates in and out."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passend.zorgplicht import rules
from passend.zorgplicht.rules import (
    Besluit,
    Stand,
    Termijnen,
    Uitkomst,
    beslissen_mogelijk,
    beslissen_uiterlijk,
    besluitfouten,
    bijna_verlopen,
    dagen_over,
    stand,
    termijn_einde,
    tijdelijke_plaatsing_vanaf,
    verlengd_tot,
    verlengen_mogelijk,
    verlengingsfouten,
    volgorde,
    zomervakanties,
)

datums = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
ZOMER_2026 = (date(2026, 7, 18), date(2026, 8, 30))  # regio midden


def termijnen(ontvangen: date, *, weken: int | None = None, uitkomst: str = "") -> Termijnen:
    return Termijnen(
        ontvangen_op=ontvangen,
        beslissen_uiterlijk=beslissen_uiterlijk(ontvangen),
        verlengd_tot=verlengd_tot(ontvangen, weken) if weken else None,
        tijdelijke_plaatsing_vanaf=tijdelijke_plaatsing_vanaf(ontvangen),
        uitkomst=uitkomst,
    )


# --- The 6-week term -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ontvangen", "uiterlijk"),
    [
        (date(2026, 9, 7), date(2026, 10, 19)),  # a Monday: six weeks later, a Monday
        (date(2028, 1, 25), date(2028, 3, 7)),  # leap year: 29 February counts
        (date(2027, 1, 25), date(2027, 3, 8)),  # no leap year
        (date(2026, 1, 31), date(2026, 3, 14)),  # from a month end
        (date(2026, 11, 30), date(2027, 1, 11)),  # over the turn of the year
        (date(2024, 2, 29), date(2024, 4, 11)),  # received on 29 February
    ],
)
def test_beslistermijn_is_zes_kalenderweken_vanaf_de_ontvangst(ontvangen, uiterlijk):
    assert beslissen_uiterlijk(ontvangen) == uiterlijk


@given(datums)
def test_beslistermijn_is_42_dagen_en_dezelfde_weekdag(ontvangen):
    uiterlijk = beslissen_uiterlijk(ontvangen)
    assert (uiterlijk - ontvangen).days == 42
    assert uiterlijk.weekday() == ontvangen.weekday()


def test_dagen_over_is_nul_op_de_laatste_dag_en_negatief_daarna():
    uiterlijk = beslissen_uiterlijk(date(2026, 9, 7))
    assert dagen_over(uiterlijk, uiterlijk) == 0
    assert dagen_over(uiterlijk, uiterlijk - timedelta(days=3)) == 3
    assert dagen_over(uiterlijk, uiterlijk + timedelta(days=1)) == -1


# --- Extension -------------------------------------------------------------------------------


@pytest.mark.parametrize("weken", [1, 2, 3, 4])
def test_verlengen_met_hoogstens_vier_weken_vanaf_de_ontvangst(weken):
    ontvangen = date(2028, 1, 25)
    assert verlengd_tot(ontvangen, weken) == beslissen_uiterlijk(ontvangen) + timedelta(weeks=weken)


@pytest.mark.parametrize("weken", [0, 5, -1])
def test_verlengen_met_meer_dan_vier_of_nul_weken_kan_niet(weken):
    with pytest.raises(ValueError):
        verlengd_tot(date(2026, 9, 7), weken)
    fouten = verlengingsfouten(
        t=termijnen(date(2026, 9, 7)), weken=weken, op=date(2026, 9, 8), reden="x"
    )
    assert fouten == {"weken": "Verleng met 1, 2, 3 of 4 weken."}


def test_verlenging_kan_maar_een_keer():
    t = termijnen(date(2026, 9, 7), weken=2)
    weigering = verlengen_mogelijk(t, date(2026, 10, 1))
    assert weigering is not None
    assert weigering.code == "al_verlengd"
    assert "Verlengen kan maar één keer" in weigering.melding
    assert "2-11-2026" in weigering.melding


def test_verlengen_na_het_einde_van_de_termijn_kan_niet():
    t = termijnen(date(2026, 9, 7))
    assert verlengen_mogelijk(t, date(2026, 10, 19)) is None  # the last day itself: still on time
    weigering = verlengen_mogelijk(t, date(2026, 10, 20))
    assert weigering is not None and weigering.code == "termijn_verstreken"
    assert "verstreken op 19-10-2026" in weigering.melding


def test_verlengen_na_een_besluit_kan_niet():
    weigering = verlengen_mogelijk(
        termijnen(date(2026, 9, 7), uitkomst=Uitkomst.TOEGELATEN), date(2026, 9, 8)
    )
    assert weigering is not None and weigering.code == "al_besloten"


def test_verlengen_vraagt_een_reden_en_een_datum_na_de_ontvangst():
    fouten = verlengingsfouten(
        t=termijnen(date(2026, 9, 7)), weken=2, op=date(2026, 9, 1), reden="  "
    )
    assert set(fouten) == {"verlengd_op", "reden"}


# --- Tijdelijke plaatsing --------------------------------------------------------------------


def test_recht_op_tijdelijke_plaatsing_de_dag_na_tien_weken():
    ontvangen = date(2028, 1, 25)
    assert tijdelijke_plaatsing_vanaf(ontvangen) == date(2028, 4, 5)  # receipt + 71 days
    t = termijnen(ontvangen)
    assert stand(t, date(2028, 4, 4)) == Stand.TE_LAAT
    assert stand(t, date(2028, 4, 5)) == Stand.TIJDELIJKE_PLAATSING
    assert rules.recht_op_tijdelijke_plaatsing(t, date(2028, 4, 5))


def test_na_een_besluit_geen_recht_op_tijdelijke_plaatsing_meer():
    t = termijnen(date(2026, 1, 5), uitkomst=Uitkomst.TOEGELATEN)
    assert stand(t, date(2026, 6, 1)) == Stand.BESLOTEN
    assert not rules.recht_op_tijdelijke_plaatsing(t, date(2026, 6, 1))


@given(datums, st.integers(min_value=1, max_value=4))
def test_tijdelijke_plaatsing_komt_altijd_na_de_verlengde_termijn(ontvangen, weken):
    assert beslissen_uiterlijk(ontvangen) < verlengd_tot(ontvangen, weken)
    assert verlengd_tot(ontvangen, weken) < tijdelijke_plaatsing_vanaf(ontvangen)
    assert (tijdelijke_plaatsing_vanaf(ontvangen) - ontvangen).days == 71


# --- Summer holiday (setting) ----------------------------------------------------------------


def test_zonder_schorsing_telt_de_zomervakantie_mee():
    assert beslissen_uiterlijk(date(2026, 7, 1)) == date(2026, 8, 12)


def test_met_schorsing_tellen_de_dagen_van_de_zomervakantie_niet():
    # 16 days before the holiday (2–17 July), the holiday skipped, 26 days after (31 Aug–25 Sep).
    assert beslissen_uiterlijk(date(2026, 7, 1), [ZOMER_2026]) == date(2026, 9, 25)
    assert termijn_einde(date(2026, 7, 17), 1, [ZOMER_2026]) == date(2026, 8, 31)


def test_ontvangen_in_de_vakantie_begint_na_de_vakantie_te_tellen():
    assert beslissen_uiterlijk(date(2026, 8, 1), [ZOMER_2026]) == date(2026, 8, 30) + timedelta(
        days=42
    )


@given(datums, st.integers(min_value=0, max_value=120))
def test_schorsing_telt_precies_het_aantal_dagen_buiten_de_vakantie(ontvangen, dagen):
    vakanties = [(date(ontvangen.year, 7, 10), date(ontvangen.year, 8, 20))]
    einde = termijn_einde(ontvangen, dagen, vakanties)
    assert einde >= termijn_einde(ontvangen, dagen)
    geteld = sum(
        1
        for i in range(1, (einde - ontvangen).days + 1)
        if not vakanties[0][0] <= ontvangen + timedelta(days=i) <= vakanties[0][1]
    )
    assert geteld == dagen


def test_zomervakanties_uit_de_instelling():
    instelling = {"midden": [("2026-07-18", "2026-08-30")], "noord": []}
    assert zomervakanties(schort=False, regio="midden", vakanties=instelling) == []
    assert zomervakanties(schort=True, regio="midden", vakanties=instelling) == [ZOMER_2026]
    with pytest.raises(ValueError, match="Onbekende vakantieregio"):
        zomervakanties(schort=True, regio="west", vakanties=instelling)


# --- Overviews -------------------------------------------------------------------------------


def test_volgorde_te_laat_eerst_dan_verlengd_dan_minste_dagen_over():
    vandaag = date(2026, 11, 1)
    te_laat = termijnen(date(2026, 9, 1))  # due 13-10
    heel_laat = termijnen(date(2026, 8, 1))  # tijdelijke plaatsing
    verlengd = termijnen(date(2026, 9, 15), weken=4)  # due 24-11
    bijna = termijnen(date(2026, 9, 25))  # due 6-11
    ruim = termijnen(date(2026, 10, 20))  # due 1-12
    besloten = termijnen(date(2026, 10, 1), uitkomst=Uitkomst.TOEGELATEN)
    gesorteerd = sorted(
        [ruim, besloten, bijna, verlengd, te_laat, heel_laat], key=lambda t: volgorde(t, vandaag)
    )
    assert gesorteerd == [heel_laat, te_laat, verlengd, bijna, ruim, besloten]


@given(
    datums,
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from([None, 1, 2, 3, 4])), max_size=12),
)
def test_volgorde_zet_nooit_een_lopende_voor_een_te_late(vandaag, specs):
    rijen = [termijnen(vandaag - timedelta(days=d), weken=w) for d, w in specs]
    gesorteerd = sorted(rijen, key=lambda t: volgorde(t, vandaag))
    te_laat = [vandaag > t.huidige_termijn for t in gesorteerd]
    assert te_laat == sorted(te_laat, reverse=True)
    for a, b in pairwise(gesorteerd):
        if volgorde(a, vandaag)[0] == volgorde(b, vandaag)[0]:
            assert dagen_over(a.huidige_termijn, vandaag) <= dagen_over(b.huidige_termijn, vandaag)


def test_bijna_verlopen_binnen_een_week():
    t = termijnen(date(2026, 9, 7))  # due 19-10
    assert bijna_verlopen(t, date(2026, 10, 13))
    assert bijna_verlopen(t, date(2026, 10, 19))
    assert not bijna_verlopen(t, date(2026, 10, 12))
    assert not bijna_verlopen(t, date(2026, 10, 20))  # overdue is not "bijna"


# --- Decisions -------------------------------------------------------------------------------

ONTVANGEN = date(2026, 9, 7)
VANDAAG = date(2026, 10, 1)


def fouten(**kwargs):
    return besluitfouten(
        t=termijnen(ONTVANGEN), b=Besluit(uitkomst_op=VANDAAG, **kwargs), vandaag=VANDAAG
    )


def test_een_tweede_besluit_kan_niet():
    weigering = beslissen_mogelijk(termijnen(ONTVANGEN, uitkomst=Uitkomst.AFGEWEZEN_VOL))
    assert weigering is not None and weigering.code == "al_besloten"
    assert beslissen_mogelijk(termijnen(ONTVANGEN)) is None


def test_toelating_vraagt_een_ingangsdatum():
    assert set(fouten(uitkomst=Uitkomst.TOEGELATEN)) == {"ingangsdatum"}
    assert fouten(uitkomst=Uitkomst.TOEGELATEN, ingangsdatum=date(2026, 10, 5)) == {}
    assert set(fouten(uitkomst=Uitkomst.INGETROKKEN, ingangsdatum=date(2026, 10, 5))) == {
        "ingangsdatum"
    }


def test_weigeren_op_grond_van_zorgplicht_vraagt_de_school_die_toeliet():
    assert set(fouten(uitkomst=Uitkomst.GEPLAATST_ELDERS)) == {"geplaatst_bij", "geplaatst_op"}
    assert (
        fouten(uitkomst=Uitkomst.GEPLAATST_ELDERS, geplaatst_elders=True, geplaatst_op=VANDAAG)
        == {}
    )
    fout = fouten(
        uitkomst=Uitkomst.GEPLAATST_ELDERS,
        geplaatst_elders=True,
        geplaatst_op=VANDAAG,
        elders_toegelaten=False,
    )
    assert "(nog) niet toegelaten" in fout["geplaatst_bij"]
    assert set(
        fouten(
            uitkomst=Uitkomst.GEPLAATST_ELDERS,
            geplaatst_elders=True,
            geplaatst_elders_zelfde_vestiging=True,
            geplaatst_op=VANDAAG,
        )
    ) == {"geplaatst_bij"}


def test_vol_vraagt_een_reden():
    assert set(fouten(uitkomst=Uitkomst.AFGEWEZEN_VOL)) == {"toelichting"}
    assert fouten(uitkomst=Uitkomst.AFGEWEZEN_VOL, toelichting="Groep 3 heeft 30 kinderen.") == {}


def test_een_opp_hoort_alleen_bij_toelating_met_ondersteuning():
    assert set(fouten(uitkomst=Uitkomst.INGETROKKEN, opp_gekozen=True)) == {"opp"}
    assert (
        fouten(
            uitkomst=Uitkomst.TOEGELATEN_MET_ONDERSTEUNING, ingangsdatum=VANDAAG, opp_gekozen=True
        )
        == {}
    )


def test_besluitdatum_niet_voor_de_ontvangst_en_niet_in_de_toekomst():
    t = termijnen(ONTVANGEN)
    vroeg = besluitfouten(
        t=t, b=Besluit(uitkomst=Uitkomst.INGETROKKEN, uitkomst_op=date(2026, 9, 1)), vandaag=VANDAAG
    )
    laat = besluitfouten(
        t=t,
        b=Besluit(uitkomst=Uitkomst.INGETROKKEN, uitkomst_op=date(2026, 10, 2)),
        vandaag=VANDAAG,
    )
    assert set(vroeg) == set(laat) == {"uitkomst_op"}
    assert besluitfouten(
        t=t, b=Besluit(uitkomst="onzin", uitkomst_op=VANDAAG), vandaag=VANDAAG
    ) == {"uitkomst": "Kies een uitkomst."}


def test_verlenging_op_tijd_mag_kort_na_de_termijn_worden_vastgelegd_maar_niet_later():
    t = Termijnen(
        ontvangen_op=date(2026, 9, 7),
        beslissen_uiterlijk=date(2026, 10, 19),
        verlengd_tot=None,
        tijdelijke_plaatsing_vanaf=date(2026, 11, 17),
        uitkomst="",
    )
    # Decided on the last day, recorded a week later: allowed.
    assert verlengen_mogelijk(t, date(2026, 10, 19), date(2026, 10, 26)) is None
    # Recorded eight days after the term: no longer.
    weigering = verlengen_mogelijk(t, date(2026, 10, 19), date(2026, 10, 27))
    assert weigering is not None and weigering.code == "termijn_verstreken"
