"""The statistics of the doelstellingenmonitor, from sufficient statistics. Pure: no database.

The database aggregates per item (and wave and scope) the number of answers ``n``, their sum,
their sum of squares and the number agreeing; everything here works from those integers:

- a proportion (share agreeing) with its 95 % Wilson score interval;
- a mean with its 95 % t interval (sample SD, ddof 1, computed exactly in integers);
- two proportions compared with the pooled two-sided z-test (statsmodels ``proportions_ztest``);
- two means compared with Welch's t-test (scipy ``ttest_ind(equal_var=False)``);
- Holm's step-down adjustment of a family of p-values (statsmodels ``multipletests("holm")``).

``tests/test_statistiek.py`` checks each against statsmodels/scipy on generated data.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from scipy.stats import norm
from scipy.stats import t as t_verdeling

BETROUWBAARHEID = 0.95
#: The two-sided 95 % critical value of the standard normal distribution (≈ 1.96).
Z = float(norm.ppf(1 - (1 - BETROUWBAARHEID) / 2))
ALFA = 0.05


@dataclass(frozen=True)
class Toets:
    """The outcome of a two-sided test: the statistic (z or t), its degrees of freedom (Welch
    only) and the p-value."""

    statistiek: float
    p: float
    vrijheidsgraden: float | None = None


def wilson(k: int, n: int) -> tuple[float, float] | None:
    """The 95 % Wilson score interval of the proportion ``k / n`` (None for n = 0)."""
    if n <= 0:
        return None
    p = k / n
    z2 = Z * Z
    noemer = 1 + z2 / n
    midden = (p + z2 / (2 * n)) / noemer
    marge = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / noemer
    return midden - marge, midden + marge


def gemiddelde(n: int, som: int) -> float | None:
    return som / n if n > 0 else None


def variantie(n: int, som: int, kwadraatsom: int) -> Fraction | None:
    """The sample variance (ddof 1), exactly: (n·Σx² − (Σx)²) / (n(n−1)); None for n < 2."""
    if n < 2:
        return None
    return Fraction(n * kwadraatsom - som * som, n * (n - 1))


def t_interval(n: int, som: int, kwadraatsom: int) -> tuple[float, float] | None:
    """The 95 % confidence interval of the mean: mean ± t(0.975, n−1)·s/√n (None for n < 2)."""
    var = variantie(n, som, kwadraatsom)
    if var is None:
        return None
    m = som / n
    marge = float(t_verdeling.ppf(1 - (1 - BETROUWBAARHEID) / 2, n - 1)) * math.sqrt(float(var) / n)
    return m - marge, m + marge


def twee_proporties(k1: int, n1: int, k2: int, n2: int) -> Toets | None:
    """The pooled two-sided z-test of k1/n1 against k2/n2. None when it cannot be done: an
    empty side, or both proportions 0 or both 1 (no variance: nothing to test)."""
    if n1 <= 0 or n2 <= 0:
        return None
    samen = (k1 + k2) / (n1 + n2)
    if samen in (0.0, 1.0):
        return None
    se = math.sqrt(samen * (1 - samen) * (1 / n1 + 1 / n2))
    z = (k1 / n1 - k2 / n2) / se
    return Toets(statistiek=z, p=float(2 * norm.sf(abs(z))))


def welch(
    n1: int, som1: int, kwadraatsom1: int, n2: int, som2: int, kwadraatsom2: int
) -> Toets | None:
    """Welch's two-sided t-test of two means (Welch–Satterthwaite degrees of freedom). None
    when it cannot be done: fewer than 2 answers on a side, or no spread on either side (all
    answers equal in both waves: the standard error is 0)."""
    var1 = variantie(n1, som1, kwadraatsom1)
    var2 = variantie(n2, som2, kwadraatsom2)
    if var1 is None or var2 is None:
        return None
    v1 = var1 / n1
    v2 = var2 / n2
    if v1 + v2 == 0:
        return None
    t = (som1 / n1 - som2 / n2) / math.sqrt(float(v1 + v2))
    df = float((v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1)))
    return Toets(statistiek=t, p=float(2 * t_verdeling.sf(abs(t), df)), vrijheidsgraden=df)


def holm(pwaarden: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the input order: the i-th smallest (from 0)
    times (m − i), made monotone (running maximum) and capped at 1."""
    m = len(pwaarden)
    volgorde = sorted(range(m), key=lambda i: pwaarden[i])
    uit = [0.0] * m
    hoogste = 0.0
    for rang, i in enumerate(volgorde):
        hoogste = max(hoogste, min(1.0, (m - rang) * pwaarden[i]))
        uit[i] = hoogste
    return uit
