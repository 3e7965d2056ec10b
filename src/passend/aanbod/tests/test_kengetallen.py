"""wachtlijst_kengetallen: the waiting list of a combined (v)so location is split over its
PO and VO SWV and counted once in the figures of all SWVs together (worked out by hand)."""

import datetime
from decimal import Decimal

import pytest

from passend.aanbod.selectors.kengetallen import wachtlijst_kengetallen
from passend.aanbod.tests.factories import WachtlijststandFactory
from passend.organisaties.selectors import SAMEN
from passend.organisaties.tests.factories import SwvLidmaatschapFactory, VestigingFactory
from passend.organisaties.tests.test_kengetallen import TOT, VAN, gedeelde_regio

pytestmark = pytest.mark.django_db
D = datetime.date


def test_so_vso_wachtlijst_gedeeld_en_landelijk_een_keer():
    r = gedeelde_regio()
    sbo = VestigingFactory(soort="sbo")
    SwvLidmaatschapFactory(vestiging=sbo, samenwerkingsverband=r.po, van=D(2020, 8, 1))
    WachtlijststandFactory(vestiging=r.so_vso, peildatum=D(2025, 9, 1), aantal_wachtend=99)
    WachtlijststandFactory(
        vestiging=r.so_vso, peildatum=D(2026, 3, 1), aantal_wachtend=7, verwachte_wachttijd_weken=10
    )
    WachtlijststandFactory(
        vestiging=sbo, peildatum=D(2026, 3, 1), aantal_wachtend=4, verwachte_wachttijd_weken=6
    )
    alle = wachtlijst_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    # 7 waiting at the so_vso location: 4 (the odd one) in PO as so, 3 in VO as vso.
    po, vo, samen = alle[r.po.pk], alle[r.vo.pk], alle[SAMEN]
    assert (po["wl_sbo"], po["wl_so"], po["wl_vso"], po["wl_totaal"]) == (4, 4, 0, 8)
    assert (vo["wl_sbo"], vo["wl_so"], vo["wl_vso"], vo["wl_totaal"]) == (0, 0, 3, 3)
    assert (samen["wl_sbo"], samen["wl_so"], samen["wl_vso"], samen["wl_totaal"]) == (4, 4, 3, 11)
    # The expected wait is the location's: in both SWVs, once in the total.
    assert (po["wl_wachttijd_n"], po["wl_wachttijd_gemiddelde"]) == (2, Decimal(8))
    assert (vo["wl_wachttijd_n"], vo["wl_wachttijd_gemiddelde"]) == (1, Decimal(10))
    assert (samen["wl_wachttijd_n"], samen["wl_wachttijd_gemiddelde"]) == (2, Decimal(8))
    # Only the VO SWVs: the VO half.
    vo_alleen = wachtlijst_kengetallen(swv_ids=[r.vo.pk, r.vo2.pk], van=VAN, tot=TOT, samen=True)
    assert vo_alleen[SAMEN]["wl_totaal"] == 3
    assert vo_alleen[SAMEN]["wl_wachttijd_n"] == 1


def test_so_vso_met_een_lidmaatschap_telt_helemaal_mee():
    r = gedeelde_regio()
    r.so_vso.lidmaatschappen.filter(sector="VO").update(tot=D(2025, 12, 31))
    WachtlijststandFactory(vestiging=r.so_vso, peildatum=D(2026, 3, 1), aantal_wachtend=7)
    alle = wachtlijst_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert alle[r.po.pk]["wl_so"] == 7
    assert r.vo.pk not in alle
    assert alle[SAMEN]["wl_totaal"] == 7


def test_vaste_aantal_queries(django_assert_num_queries):
    r = gedeelde_regio()
    WachtlijststandFactory(vestiging=r.so_vso, peildatum=D(2026, 3, 1))
    with django_assert_num_queries(2):
        wachtlijst_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
