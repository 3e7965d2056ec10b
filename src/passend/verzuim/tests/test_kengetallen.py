"""thuiszitter_kengetallen against verzuim_cijfers, per SWV and for every SWV at once."""

import pytest

from passend.monitor.tests.kpi_data import TOT, VAN, bouw
from passend.verzuim.selectors.cijfers import Gebied, verzuim_cijfers
from passend.verzuim.selectors.kengetallen import SAMEN, thuiszitter_kengetallen

pytestmark = pytest.mark.django_db


def test_gelijk_aan_verzuim_cijfers():
    data = bouw()
    alle = thuiszitter_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    for swv in (data.a, data.b):
        cijfers = verzuim_cijfers(
            gebied=Gebied(label=swv.naam, samenwerkingsverband=swv), van=VAN, tot=TOT, peildatum=TOT
        )
        assert alle[swv.pk]["thuiszitters"] == cijfers["thuiszitters"]["totaal"]
        assert alle[swv.pk]["tz_duur_n"] == cijfers["duur"]["aantal"]
    # A: q1 and q3; B: one open relatief case, langdurig since 29-9-2025.
    assert (alle[data.a.pk]["thuiszitters"], alle[data.b.pk]["thuiszitters"]) == (2, 1)
    assert alle[SAMEN]["tz_duur_mediaan"] == pytest.approx(10.9)


def test_relatief_pas_na_vier_weken():
    data = bouw()
    # The case since 10-7-2026 is langdurig only from 7-8-2026: not in a period ending 31-7.
    a = thuiszitter_kengetallen(swv_ids=[data.a.pk], van=TOT, tot=TOT)[data.a.pk]
    assert a["thuiszitters"] == 1  # q1's open case since 5-1-2026 only
