"""veilig_thuis_kengetallen: a report at a combined (v)so location counts in one SWV only,
by the pupil's age in the school year of the report (answers worked out by hand)."""

import datetime

import pytest

from passend.geschillen.selectors.kengetallen import veilig_thuis_kengetallen
from passend.geschillen.tests.factories import OnenigheidFactory, VeiligThuisMeldingFactory
from passend.organisaties.selectors import SAMEN
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


def melding(vestiging, geboren, gemeld_op, **velden):
    return VeiligThuisMeldingFactory(
        vestiging=vestiging, leerling=leerling(geboren), gemeld_op=gemeld_op, **velden
    )


def test_so_vso_melding_in_een_swv_op_de_leeftijd_in_het_schooljaar_van_de_melding():
    r = gedeelde_regio()
    melding(r.so_vso, JONG, D(2025, 11, 1))  # PO
    melding(
        r.so_vso,
        OUD,
        D(2025, 11, 1),
        open_onenigheid=OnenigheidFactory(),
        bevestiging_signalen=True,
    )  # VO
    melding(r.so_vso, D(2012, 12, 1), D(2025, 9, 1))  # 12 on 1-10-2025 → VO
    melding(r.so_vso, D(2012, 12, 1), D(2025, 7, 1))  # 11 on 1-10-2024 → PO (2024-2025)
    melding(r.bao, OUD, D(2026, 1, 1))  # a bao location: PO whatever the age
    alle = veilig_thuis_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert alle[r.po.pk] == {"vt_meldingen": 2, "vt_tijdens_geschil": 0}
    assert alle[r.vo.pk] == {"vt_meldingen": 2, "vt_tijdens_geschil": 1}
    assert alle[SAMEN] == {"vt_meldingen": 4, "vt_tijdens_geschil": 1}
    twee_jaar = veilig_thuis_kengetallen(
        swv_ids=[r.po.pk, r.vo.pk], van=D(2024, 8, 1), tot=TOT, samen=True
    )
    assert twee_jaar[r.po.pk]["vt_meldingen"] == 3
    assert twee_jaar[r.vo.pk]["vt_meldingen"] == 2
    assert twee_jaar[SAMEN]["vt_meldingen"] == 5


def test_vaste_aantal_queries(django_assert_num_queries):
    r = gedeelde_regio()
    for _ in range(3):
        melding(r.so_vso, OUD, D(2025, 11, 1))
    with django_assert_num_queries(1):
        veilig_thuis_kengetallen(swv_ids=[r.vo.pk], van=VAN, tot=TOT)
    with django_assert_num_queries(2):
        veilig_thuis_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
