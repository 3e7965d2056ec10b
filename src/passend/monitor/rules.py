"""Pure rules of the monitor: the shape of a KPI figure, the arithmetic of rates and
changes, small-cell suppression, and the what-if changes of a dekkend netwerk analysis.

No database here. The figures themselves are counted by the other apps' selectors
(``<app>.selectors…kengetallen``) and put together by ``monitor.selectors.kpi``.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

from django.db import models


class Eenheid(models.TextChoices):
    AANTAL = "aantal", "aantal"
    PROCENT = "procent", "%"
    PER_1000 = "per_1000", "per 1.000 leerlingen"
    WEKEN = "weken", "weken"
    DAGEN = "dagen", "dagen"


@dataclass(frozen=True)
class Afbakening:
    """The dashboard's filters: one school board, one soort of location, one sector
    (None: all). They narrow every figure that belongs to a location."""

    bestuur_id: int | None = None
    soort: str | None = None
    sector: str | None = None

    @property
    def leeg(self) -> bool:
        return self.bestuur_id is None and self.soort is None and self.sector is None


@dataclass(frozen=True)
class Kengetal:
    """One figure of the dashboard.

    ``aantal`` is the count (the number of pupils, cases or requests it is about) and
    ``waarde`` the figure computed from it in ``eenheid`` (a percentage, a rate per 1,000
    pupils, a mean or median in weeks or days); for plain counts ``waarde`` is None.
    ``noemer`` is the denominator of a rate and ``noemer_eenheid`` what it counts in words
    ("leerlingen", "aanmeldingen"); a denominator that is not the pupil count is itself a
    count and is suppressed like one. ``vorig_jaar`` is the same figure over
    the period one year earlier; ``verandering`` the change of the figure (of ``waarde``
    when there is one, else of ``aantal``) in percent. ``landelijk`` is the national
    reference (participation rates). ``onderdrukt``: a small cell was hidden.
    """

    code: str
    groep: str
    label: str
    eenheid: str
    aantal: int | None
    waarde: Decimal | None = None
    noemer: int | None = None
    noemer_eenheid: str = ""
    vorig_jaar_aantal: int | None = None
    vorig_jaar_waarde: Decimal | None = None
    verandering: Decimal | None = None
    landelijk: Decimal | None = None
    onderdrukt: bool = False


EEN = Decimal("0.1")


def afgerond(waarde: float | Decimal | None, stappen: Decimal = EEN) -> Decimal | None:
    if waarde is None:
        return None
    return Decimal(str(waarde)).quantize(stappen, rounding=ROUND_HALF_UP)


def percentage(aantal: int | None, noemer: int | None) -> Decimal | None:
    """``aantal`` as a percentage of ``noemer`` (one decimal); None without a denominator."""
    if aantal is None or not noemer:
        return None
    return afgerond(Decimal(aantal) * 100 / Decimal(noemer))


def per_1000(aantal: int | None, noemer: int | None) -> Decimal | None:
    """``aantal`` per 1,000 of ``noemer`` (one decimal); None without a denominator."""
    if aantal is None or not noemer:
        return None
    return afgerond(Decimal(aantal) * 1000 / Decimal(noemer))


def verandering(nu: Decimal | int | None, vorig: Decimal | int | None) -> Decimal | None:
    """The change from ``vorig`` to ``nu`` in percent of ``vorig`` (None when ``vorig`` is 0
    or unknown: a change from nothing has no percentage)."""
    if nu is None or vorig is None or vorig == 0:
        return None
    return afgerond((Decimal(nu) - Decimal(vorig)) * 100 / Decimal(vorig))


def een_jaar_eerder(dag: date) -> date:
    """The same day one year earlier (28 February for 29 February); the first day there is
    (``date.min``) for a day in year 1, which has no year before it."""
    if dag.year <= date.min.year:
        return date.min
    try:
        return dag.replace(year=dag.year - 1)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year - 1, day=28)


def vorige_periode(van: date, tot: date) -> tuple[date, date]:
    """The same period one year earlier."""
    return een_jaar_eerder(van), een_jaar_eerder(tot)


def is_klein(aantal: int | None, grens: int) -> bool:
    """A count that could point at a person: 1..grens-1. Zero identifies nobody."""
    return aantal is not None and 0 < aantal < grens


def onderdrukken(kengetal: Kengetal, grens: int) -> Kengetal:
    """Hide a small cell: a count 1..grens-1 (and the figure computed from it, and the
    previous year's figure when that is small) becomes None. Zero is shown: it identifies
    nobody. A denominator that is not the pupil count (``noemer_eenheid`` other than
    "leerlingen") is a count too: a small one is hidden, and the rate with it."""
    klein = is_klein(kengetal.aantal, grens)
    vorig_klein = is_klein(kengetal.vorig_jaar_aantal, grens)
    noemer_klein = is_klein(kengetal.noemer, grens)
    if not klein and not vorig_klein and not noemer_klein:
        return kengetal
    return replace(
        kengetal,
        aantal=None if klein else kengetal.aantal,
        waarde=None if klein or noemer_klein else kengetal.waarde,
        noemer=None if noemer_klein else kengetal.noemer,
        vorig_jaar_aantal=None if vorig_klein else kengetal.vorig_jaar_aantal,
        vorig_jaar_waarde=None if vorig_klein else kengetal.vorig_jaar_waarde,
        verandering=None,
        onderdrukt=True,
    )


def verbergen(kengetal: Kengetal, *, nu: bool = False, vorig: bool = False) -> Kengetal:
    """Hide a cell that is not small itself (secondary suppression): the count of the period
    (``nu``) or of the year before (``vorig``), with the figure computed from it and the
    change."""
    if not nu and not vorig:
        return kengetal
    return replace(
        kengetal,
        aantal=None if nu else kengetal.aantal,
        waarde=None if nu else kengetal.waarde,
        vorig_jaar_aantal=None if vorig else kengetal.vorig_jaar_aantal,
        vorig_jaar_waarde=None if vorig else kengetal.vorig_jaar_waarde,
        verandering=None,
        onderdrukt=True,
    )


# --- Secondary (complementary) suppression -------------------------------------------------


C = TypeVar("C", bound=Hashable)


@dataclass(frozen=True)
class Optelling(Generic[C]):
    """Shown cells bound by one sum: ``sum(totalen) == sum(delen)`` (or at least ``>=``,
    for parts that leave some cases out, such as TLV categories). Anyone who sees all but
    one of its cells can work out the last one by adding and subtracting."""

    totalen: tuple[C, ...]
    delen: tuple[C, ...]

    @property
    def cellen(self) -> tuple[C, ...]:
        return self.totalen + self.delen


def aanvullend_onderdrukken(
    waarden: Mapping[C, int | None],
    verborgen: Iterable[C],
    optellingen: Sequence[Optelling[C]],
) -> set[C]:
    """The cells to hide so that no hidden cell can be recovered within a sum.

    ``waarden`` are the counts of the cells, ``verborgen`` the cells hidden already (small
    counts). The rule: a sum with exactly one hidden cell gives that cell away (the total
    minus the shown parts, or a hidden total as the sum of the parts), so a second cell of
    that sum is hidden too: the smallest shown part that is not 0 (it costs the least
    information); when there is none, the smallest shown total; when all the others are 0,
    the smallest of those. Hiding a cell can leave another sum it is in with one hidden
    cell, so this repeats until every sum has no hidden cell or at least two. Cells of a
    sum that are not in ``waarden`` count as shown with an unknown value (never chosen).

    Pure and deterministic (ties: the order of the cells in the sum).
    """
    weg = set(verborgen)
    veranderd = True
    while veranderd:
        veranderd = False
        for optelling in optellingen:
            cellen = optelling.cellen
            if sum(1 for c in cellen if c in weg) != 1:
                continue
            kandidaten: list[tuple[bool, bool, int, int]] = []
            for i, cel in enumerate(cellen):
                waarde = waarden.get(cel)
                if cel not in weg and waarde is not None:
                    kandidaten.append((waarde == 0, i < len(optelling.totalen), waarde, i))
            if not kandidaten:
                continue
            weg.add(cellen[min(kandidaten)[3]])
            veranderd = True
    return weg


def dagen(van: date, tot: date) -> int:
    """The number of days of [van, tot], both included."""
    return (tot - van + timedelta(days=1)).days


# --- What-if changes of a dekkend netwerk analysis ----------------------------------------


class Wijzigingssoort(models.TextChoices):
    CAPACITEIT = "capaciteit", "Aantal plaatsen wijzigen"
    GEBIED_TOEVOEGEN = "gebied_toevoegen", "Ondersteuningsgebied toevoegen"
    GEBIED_VERWIJDEREN = "gebied_verwijderen", "Ondersteuningsgebied weghalen"
    SLUITEN = "sluiten", "Locatie sluiten"
    OPENEN = "openen", "Nieuwe locatie openen"
