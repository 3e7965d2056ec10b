"""The statistics against statsmodels and scipy on generated data (pure: no database)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint, proportions_ztest
from statsmodels.stats.weightstats import DescrStatsW

from passend.doelstellingen import statistiek

REL = 1e-9
#: scipy warns when a side has (almost) no spread; ours is exact in integers, the warning is
#: about scipy's own float moments.
SCIPY_WEINIG_SPREIDING = pytest.mark.filterwarnings("ignore:Precision loss occurred:RuntimeWarning")


def dicht(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-12)


def sommen(waarden: list[int]) -> tuple[int, int, int]:
    return len(waarden), sum(waarden), sum(w * w for w in waarden)


aantallen = st.integers(min_value=1, max_value=5000).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
)
cijfers = st.lists(st.integers(min_value=1, max_value=10), min_size=2, max_size=300)


@settings(max_examples=200, deadline=None)
@given(aantallen)
def test_wilson_zoals_statsmodels(kn: tuple[int, int]) -> None:
    k, n = kn
    laag, hoog = proportion_confint(k, n, alpha=0.05, method="wilson")
    ons = statistiek.wilson(k, n)
    assert ons is not None
    assert dicht(ons[0], float(laag)) and dicht(ons[1], float(hoog))


def test_wilson_zonder_antwoorden() -> None:
    assert statistiek.wilson(0, 0) is None


@settings(max_examples=200, deadline=None)
@given(aantallen, aantallen)
def test_twee_proporties_zoals_statsmodels(a: tuple[int, int], b: tuple[int, int]) -> None:
    (k1, n1), (k2, n2) = a, b
    ons = statistiek.twee_proporties(k1, n1, k2, n2)
    if k1 + k2 in (0, n1 + n2):
        assert ons is None
        return
    z, p = proportions_ztest([k1, k2], [n1, n2])
    assert ons is not None
    assert dicht(ons.statistiek, float(z))
    assert dicht(ons.p, float(p))


@pytest.mark.parametrize(
    ("k1", "n1", "k2", "n2"), [(0, 10, 0, 20), (10, 10, 20, 20), (5, 0, 3, 10), (0, 0, 0, 0)]
)
def test_twee_proporties_randgevallen(k1: int, n1: int, k2: int, n2: int) -> None:
    assert statistiek.twee_proporties(k1, n1, k2, n2) is None


def test_twee_proporties_nul_tegen_een() -> None:
    z, p = proportions_ztest([0, 12], [12, 12])
    ons = statistiek.twee_proporties(0, 12, 12, 12)
    assert ons is not None and dicht(ons.statistiek, float(z)) and dicht(ons.p, float(p))


@settings(max_examples=200, deadline=None)
@given(cijfers)
def test_t_interval_zoals_statsmodels_en_scipy(waarden: list[int]) -> None:
    n, s, q = sommen(waarden)
    ons = statistiek.t_interval(n, s, q)
    assert ons is not None
    laag, hoog = DescrStatsW(np.array(waarden, dtype=float)).tconfint_mean(alpha=0.05)
    if len(set(waarden)) == 1:
        # No spread: statsmodels gives nan±0 or the mean; the interval is the mean itself.
        assert ons[0] == ons[1] == waarden[0]
        return
    assert dicht(ons[0], float(laag)) and dicht(ons[1], float(hoog))
    sl, sh = stats.t.interval(
        0.95, n - 1, loc=np.mean(waarden), scale=stats.sem(np.array(waarden, dtype=float))
    )
    assert dicht(ons[0], float(sl)) and dicht(ons[1], float(sh))


def test_t_interval_randgevallen() -> None:
    assert statistiek.t_interval(0, 0, 0) is None
    assert statistiek.t_interval(1, 7, 49) is None
    assert statistiek.t_interval(3, 21, 147) == (7.0, 7.0)
    assert statistiek.variantie(4, 10, 30) == pytest.approx(np.var([1, 2, 3, 4], ddof=1))


@SCIPY_WEINIG_SPREIDING
@settings(max_examples=200, deadline=None)
@given(cijfers, cijfers)
def test_welch_zoals_scipy(a: list[int], b: list[int]) -> None:
    ons = statistiek.welch(*sommen(a), *sommen(b))
    if len(set(a)) == 1 and len(set(b)) == 1:
        assert ons is None
        return
    t, p = stats.ttest_ind(np.array(a, float), np.array(b, float), equal_var=False)
    assert ons is not None
    assert dicht(ons.statistiek, float(t))
    assert dicht(ons.p, float(p))


@SCIPY_WEINIG_SPREIDING
def test_welch_randgevallen() -> None:
    assert statistiek.welch(1, 5, 25, 10, 50, 260) is None  # one answer: no variance
    assert statistiek.welch(10, 50, 250, 10, 70, 490) is None  # no spread on either side
    # No spread on one side only: still a test (df = n − 1 of the other side).
    ons = statistiek.welch(10, 50, 250, 4, 10, 30)
    t, p = stats.ttest_ind([5.0] * 10, [1.0, 2.0, 3.0, 4.0], equal_var=False)
    assert ons is not None and dicht(ons.statistiek, float(t)) and dicht(ons.p, float(p))
    assert ons.vrijheidsgraden == pytest.approx(3)


@settings(max_examples=60, deadline=None)  # statsmodels multipletests costs ~0.1 s a call
@given(
    st.lists(
        st.one_of(
            st.floats(min_value=0, max_value=1, allow_nan=False),
            st.sampled_from([0.0, 0.01, 0.04, 0.05, 1.0]),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_holm_zoals_statsmodels(p: list[float]) -> None:
    _, verwacht, _, _ = multipletests(p, alpha=0.05, method="holm")
    ons = statistiek.holm(p)
    assert len(ons) == len(p)
    for a, b in zip(ons, verwacht, strict=True):
        assert dicht(a, float(b))
    assert all(x <= 1 for x in ons)


def test_holm_leeg_en_voorbeeld() -> None:
    assert statistiek.holm([]) == []
    # Sorted 0.01, 0.02, 0.04 → 0.03, 0.04, 0.04 (monotone).
    assert statistiek.holm([0.04, 0.01, 0.02]) == pytest.approx([0.04, 0.03, 0.04])
