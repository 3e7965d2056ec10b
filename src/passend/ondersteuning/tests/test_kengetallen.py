"""opp_kengetallen: an OPP at a combined (v)so location counts in one SWV only, and the
figure of all SWVs together counts every pupil once (answers worked out by hand)."""

import datetime

import pytest

from passend.ondersteuning.rules import Status
from passend.ondersteuning.selectors import opp_kengetallen
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.selectors import SAMEN
from passend.organisaties.tests.factories import SwvLidmaatschapFactory, VestigingFactory
from passend.organisaties.tests.test_kengetallen import (
    JONG,
    OUD,
    TOT,
    VAN,
    gedeelde_regio,
    leerling,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def opp(vestiging, ll):
    return OppFactory(
        vestiging=vestiging, leerling=ll, status=Status.VASTGESTELD, vastgesteld_op=D(2025, 9, 1)
    )


def test_so_vso_opp_in_een_swv_en_landelijk_elke_leerling_een_keer():
    r = gedeelde_regio()
    a, b, c, d = leerling(JONG), leerling(OUD), leerling(D(2013, 10, 1)), leerling(OUD)
    opp(r.so_vso, a)  # under 12 on 1-10-2025 → PO
    opp(r.bao, a)  # the same pupil in PO: once
    opp(r.so_vso, b)  # → VO
    opp(r.so_vso, c)  # exactly 12 on 1-10-2025 → VO
    opp(r.so_vso, d)  # → VO ...
    opp(r.vo2_school, d)  # ... and in VO SWV 2: in both SWVs, once in the total
    alle = opp_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert alle[r.po.pk]["opp_leerlingen"] == 1  # a
    assert alle[r.vo.pk]["opp_leerlingen"] == 3  # b, c, d
    assert alle[r.vo2.pk]["opp_leerlingen"] == 1  # d
    assert alle[SAMEN]["opp_leerlingen"] == 4  # a, b, c, d (the SWVs add up to 5)
    een = opp_kengetallen(swv_ids=[r.po.pk], van=VAN, tot=TOT)
    assert een == {r.po.pk: {"opp_leerlingen": 1}}
    sector_vo = opp_kengetallen(swv_ids=[r.vo.pk, r.vo2.pk], van=VAN, tot=TOT, samen=True)
    assert sector_vo[SAMEN]["opp_leerlingen"] == 3  # b, c, d


def test_so_vso_zonder_lidmaatschap_van_de_sector_telt_bij_het_lidmaatschap_dat_er_is():
    r = gedeelde_regio()
    alleen_po = VestigingFactory(soort="so_vso")
    SwvLidmaatschapFactory(vestiging=alleen_po, samenwerkingsverband=r.po, van=D(2020, 8, 1))
    opp(alleen_po, leerling(OUD))  # VO-aged, but the location has no VO SWV → PO
    opp(r.bao, leerling(OUD))  # a bao location: always its own SWV
    alle = opp_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert alle[r.po.pk]["opp_leerlingen"] == 2
    assert r.vo.pk not in alle
    assert alle[SAMEN]["opp_leerlingen"] == 2


def test_vaste_aantal_queries(django_assert_num_queries):
    r = gedeelde_regio()
    for _ in range(3):
        opp(r.so_vso, leerling(OUD))
    with django_assert_num_queries(1):
        opp_kengetallen(swv_ids=[r.vo.pk], van=VAN, tot=TOT)
    with django_assert_num_queries(2):
        opp_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
