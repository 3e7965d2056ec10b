"""The pure verzuim rules on their date boundaries."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from passend.verzuim import rules
from passend.verzuim.rules import Verzuimsoort, Verzuimvorm

SINDS = date(2026, 9, 1)


def dag(n: int) -> date:
    """The n-th day of absence (day 1 is the first)."""
    return SINDS + timedelta(days=n - 1)


def test_langdurig_na_meer_dan_4_weken() -> None:
    # Days 1..28 are the first 4 weeks; from day 29 the absence lasts more than 4 weeks.
    assert rules.verzuimvorm_op(Verzuimsoort.RELATIEF, SINDS, None, dag(27)) == Verzuimvorm.RELATIEF
    assert rules.verzuimvorm_op(Verzuimsoort.RELATIEF, SINDS, None, dag(28)) == Verzuimvorm.RELATIEF
    assert (
        rules.verzuimvorm_op(Verzuimsoort.RELATIEF, SINDS, None, dag(29))
        == Verzuimvorm.LANGDURIG_RELATIEF
    )
    assert not rules.is_thuiszitter(Verzuimsoort.RELATIEF, SINDS, None, dag(28))
    assert rules.is_thuiszitter(Verzuimsoort.RELATIEF, SINDS, None, dag(29))
    assert rules.thuiszitter_vanaf(Verzuimsoort.RELATIEF, SINDS) == dag(29)


def test_absoluut_verzuim_is_thuiszitter_vanaf_de_eerste_dag() -> None:
    assert rules.is_thuiszitter(Verzuimsoort.ABSOLUUT, SINDS, None, SINDS)
    assert not rules.is_thuiszitter(Verzuimsoort.ABSOLUUT, SINDS, None, SINDS - timedelta(days=1))
    assert rules.thuiszitter_vanaf(Verzuimsoort.ABSOLUUT, SINDS) == SINDS


def test_vrijstelling_nooit_thuiszitter() -> None:
    for n in (1, 29, 400):
        assert not rules.is_thuiszitter(Verzuimsoort.VRIJSTELLING_5A, SINDS, None, dag(n))
    assert rules.thuiszitter_vanaf(Verzuimsoort.VRIJSTELLING_5A, SINDS) is None
    assert not rules.onderwijsconsulent_mogelijk(Verzuimsoort.VRIJSTELLING_5A, SINDS, dag(100))


def test_einde_voor_peildatum() -> None:
    einde = dag(40)
    assert rules.is_thuiszitter(Verzuimsoort.RELATIEF, SINDS, einde, einde)
    assert not rules.is_thuiszitter(Verzuimsoort.RELATIEF, SINDS, einde, einde + timedelta(days=1))
    assert rules.verzuimvorm_op(Verzuimsoort.ABSOLUUT, SINDS, einde, dag(41)) is None
    # Ended on day 28: never langdurig, so never a thuiszitter.
    assert not rules.ooit_thuiszitter(Verzuimsoort.RELATIEF, SINDS, dag(28), dag(100))
    assert rules.ooit_thuiszitter(Verzuimsoort.RELATIEF, SINDS, dag(29), dag(100))


def test_doorbraak_precies_na_n_weken() -> None:
    grens = SINDS + timedelta(weeks=12)
    kwargs = {"soort": Verzuimsoort.RELATIEF, "sinds": SINDS, "einde": None, "na_weken": 12}
    assert not rules.doorbraak_nodig(aanbod_op=None, peildatum=grens - timedelta(days=1), **kwargs)
    assert rules.doorbraak_nodig(aanbod_op=None, peildatum=grens, **kwargs)
    # An offer on the boundary day is in time; one day later is not.
    assert not rules.doorbraak_nodig(aanbod_op=grens, peildatum=grens, **kwargs)
    assert rules.doorbraak_nodig(
        aanbod_op=grens + timedelta(days=1), peildatum=grens + timedelta(days=2), **kwargs
    )
    plan = rules.doorbraak(SINDS, na_weken=12, termijn_weken=4)
    assert (plan.gevraagd_op, plan.uiterlijk) == (grens, grens + timedelta(weeks=4))
    assert not rules.doorbraak_nodig(
        soort=Verzuimsoort.VRIJSTELLING_5A,
        sinds=SINDS,
        einde=None,
        aanbod_op=None,
        peildatum=grens,
        na_weken=12,
    )
    # An ended case asks for nothing.
    assert not rules.doorbraak_nodig(
        soort=Verzuimsoort.RELATIEF,
        sinds=SINDS,
        einde=grens - timedelta(days=1),
        aanbod_op=None,
        peildatum=grens,
        na_weken=12,
    )


def test_onderwijsconsulent_na_4_weken() -> None:
    assert not rules.onderwijsconsulent_mogelijk(Verzuimsoort.RELATIEF, SINDS, dag(28))
    assert rules.onderwijsconsulent_mogelijk(Verzuimsoort.RELATIEF, SINDS, dag(29))
    assert rules.onderwijsconsulent_mogelijk(Verzuimsoort.ABSOLUUT, SINDS, dag(29))


def test_meldplicht_en_duur() -> None:
    assert not rules.meldplichtig(None)
    assert not rules.meldplichtig(15)
    assert rules.meldplichtig(16)
    assert rules.duur_in_weken(SINDS, dag(7)) == Decimal("1.0")
    assert rules.duur_in_weken(SINDS, SINDS) == Decimal("0.1")
    assert rules.duur_in_weken(SINDS, dag(42)) == Decimal("6.0")


@given(
    soort=st.sampled_from(Verzuimsoort.values),
    sinds=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    duur=st.one_of(st.none(), st.integers(min_value=0, max_value=800)),
    verschil=st.integers(min_value=-60, max_value=900),
)
def test_thuiszitter_precies_bij_absoluut_of_langdurig(
    soort: str, sinds: date, duur: int | None, verschil: int
) -> None:
    einde = None if duur is None else sinds + timedelta(days=duur)
    peildatum = sinds + timedelta(days=verschil)
    vorm = rules.verzuimvorm_op(soort, sinds, einde, peildatum)
    assert rules.is_thuiszitter(soort, sinds, einde, peildatum) == (
        vorm in {Verzuimvorm.ABSOLUUT, Verzuimvorm.LANGDURIG_RELATIEF}
    )
    if rules.is_thuiszitter(soort, sinds, einde, peildatum):
        vanaf = rules.thuiszitter_vanaf(soort, sinds)
        assert vanaf is not None and vanaf <= peildatum
        assert rules.ooit_thuiszitter(soort, sinds, einde, peildatum)
