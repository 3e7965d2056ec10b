"""zorgplicht_kengetallen: decided registrations, terms exceeded, registrations still
open on ``tot`` whose term had passed, and a registration at a combined (v)so location in
one SWV only (answers worked out by hand)."""

import datetime
from typing import Any

import pytest

from passend.accounts.tests.factories import GebruikerFactory
from passend.organisaties.selectors import SAMEN
from passend.organisaties.tests.test_kengetallen import (
    JONG,
    OUD,
    TOT,
    VAN,
    gedeelde_regio,
    leerling,
)
from passend.zorgplicht.rules import Uitkomst
from passend.zorgplicht.selectors import zorgplicht_kengetallen
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def aanmelding(vestiging: Any, geboren: datetime.date = JONG, **velden: Any) -> Any:
    velden.setdefault("ontvangen_op", D(2025, 9, 8))
    if "beslissen_uiterlijk" in velden:
        laatste = velden.get("verlengd_tot") or velden["beslissen_uiterlijk"]
        velden["tijdelijke_plaatsing_vanaf"] = laatste + datetime.timedelta(days=28)
    if "verlengd_tot" in velden:
        velden.update(verlenging_weken=2, verlengd_door=GebruikerFactory())
    return AanmeldingFactory(vestiging=vestiging, leerling=leerling(geboren), **velden)


def besloten(vestiging: Any, geboren: datetime.date, *, uiterlijk, op, **velden: Any) -> Any:
    if velden.get("uitkomst", Uitkomst.TOEGELATEN) == Uitkomst.TOEGELATEN:
        velden["ingangsdatum"] = op + datetime.timedelta(days=30)
    return aanmelding(
        vestiging,
        geboren,
        beslissen_uiterlijk=uiterlijk,
        uitkomst=velden.pop("uitkomst", Uitkomst.TOEGELATEN),
        uitkomst_op=op,
        besloten_door=GebruikerFactory(),
        **velden,
    )


def test_besloten_overschreden_en_open_verstreken_per_swv_en_samen():
    r = gedeelde_regio()
    juni = D(2026, 6, 1)
    # At the so_vso location: by the pupil's age on 1-10-2025.
    besloten(r.so_vso, JONG, uiterlijk=D(2025, 10, 20), op=D(2025, 11, 3))  # PO, late
    besloten(r.so_vso, OUD, uiterlijk=D(2025, 10, 20), op=D(2025, 10, 1))  # VO, on time
    aanmelding(r.so_vso, OUD, beslissen_uiterlijk=juni)  # VO, open and overdue
    # At the bao location (PO):
    aanmelding(r.bao, beslissen_uiterlijk=juni)  # open, overdue: counts
    aanmelding(r.bao, beslissen_uiterlijk=TOT)  # the last day is tot itself: not yet
    aanmelding(  # extended up to after tot: not overdue
        r.bao, beslissen_uiterlijk=juni, verlengd_tot=D(2026, 8, 15), verlengd_op=D(2026, 5, 30)
    )
    aanmelding(  # extended, and the extension had passed on tot too: counts
        r.bao,
        beslissen_uiterlijk=D(2026, 5, 1),
        verlengd_tot=D(2026, 6, 12),
        verlengd_op=D(2026, 4, 20),
    )
    besloten(r.bao, JONG, uiterlijk=juni, op=D(2026, 8, 10))  # decided after tot: counts
    besloten(r.bao, JONG, uiterlijk=D(2026, 5, 1), op=juni)  # decided late in the period
    aanmelding(r.bao, ontvangen_op=D(2026, 8, 3))  # received after tot
    besloten(  # withdrawn before tot: neither open nor decided
        r.bao, JONG, uiterlijk=juni, op=D(2026, 6, 15), uitkomst=Uitkomst.INGETROKKEN
    )

    alle = zorgplicht_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert alle[r.po.pk] == {"zp_besloten": 2, "zp_overschreden": 2, "zp_open_verstreken": 3}
    assert alle[r.vo.pk] == {"zp_besloten": 1, "zp_overschreden": 0, "zp_open_verstreken": 1}
    assert alle[SAMEN] == {"zp_besloten": 3, "zp_overschreden": 2, "zp_open_verstreken": 4}
    assert zorgplicht_kengetallen(swv_ids=[r.vo2.pk], van=VAN, tot=TOT) == {
        r.vo2.pk: {"zp_besloten": 0, "zp_overschreden": 0, "zp_open_verstreken": 0}
    }
    # On 13-6-2026 the one withdrawn on 15-6 was still open (and overdue); the one
    # decided on 1-6 no longer was; the extension up to 12-6 had just passed.
    juni13 = zorgplicht_kengetallen(swv_ids=[r.po.pk], van=VAN, tot=D(2026, 6, 13))[r.po.pk]
    assert juni13["zp_open_verstreken"] == 4
    # On 1-6-2026 none had passed (a term ending that day is not yet over).
    juni1 = zorgplicht_kengetallen(swv_ids=[r.po.pk], van=VAN, tot=juni)[r.po.pk]
    assert juni1["zp_open_verstreken"] == 0


def test_vaste_aantal_queries(django_assert_num_queries):
    r = gedeelde_regio()
    for _ in range(3):
        aanmelding(r.so_vso, OUD, beslissen_uiterlijk=D(2025, 10, 1))
    with django_assert_num_queries(1):
        zorgplicht_kengetallen(swv_ids=[r.vo.pk], van=VAN, tot=TOT)
    with django_assert_num_queries(2):
        zorgplicht_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
