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


def test_samen_telt_elk_kind_een_keer():
    """A child with cases in two SWVs is a thuiszitter in both, once in the total."""
    import datetime

    from passend.leerlingen.tests.factories import LeerlingFactory
    from passend.organisaties.tests.factories import SamenwerkingsverbandFactory
    from passend.verzuim.rules import Uitkomst as VerzuimUitkomst
    from passend.verzuim.rules import Verzuimsoort
    from passend.verzuim.tests.factories import VerzuimmeldingFactory

    een, twee = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    kind = LeerlingFactory()
    VerzuimmeldingFactory(  # ended: the child moved to the region of SWV twee
        samenwerkingsverband=een,
        leerling=kind,
        soort=Verzuimsoort.ABSOLUUT,
        vestiging=None,
        sinds=datetime.date(2025, 9, 1),
        einde=datetime.date(2025, 9, 29),
        uitkomst=VerzuimUitkomst.VERHUISD,
        duur_weken=4,
    )
    VerzuimmeldingFactory(
        samenwerkingsverband=twee,
        leerling=kind,
        soort=Verzuimsoort.ABSOLUUT,
        vestiging=None,
        sinds=datetime.date(2025, 10, 6),
    )
    VerzuimmeldingFactory(
        samenwerkingsverband=een,
        soort=Verzuimsoort.ABSOLUUT,
        vestiging=None,
        sinds=datetime.date(2025, 10, 1),
    )
    alle = thuiszitter_kengetallen(swv_ids=[een.pk, twee.pk], van=VAN, tot=TOT, samen=True)
    assert (alle[een.pk]["thuiszitters"], alle[twee.pk]["thuiszitters"]) == (2, 1)
    assert alle[SAMEN]["thuiszitters"] == 2
    assert (alle[SAMEN]["tz_duur_n"], alle[SAMEN]["tz_duur_mediaan"]) == (1, 4.0)
