"""Periods with a start and an optional (inclusive) end: memberships, enrolments, roles."""

from datetime import date

from django.db.models import Q


def periode_actief(van: date, tot: date | None, peildatum: date) -> bool:
    """Does [van, tot] cover the peildatum? ``tot`` is inclusive; None means open."""
    return van <= peildatum and (tot is None or peildatum <= tot)


def actief_op(peildatum: date, prefix: str = "") -> Q:
    """The same rule as a query filter, for a model with ``van``/``tot`` fields."""
    return Q(**{f"{prefix}van__lte": peildatum}) & (
        Q(**{f"{prefix}tot__isnull": True}) | Q(**{f"{prefix}tot__gte": peildatum})
    )


def perioden_overlappen(van_a: date, tot_a: date | None, van_b: date, tot_b: date | None) -> bool:
    einde_a = tot_a or date.max
    einde_b = tot_b or date.max
    return van_a <= einde_b and van_b <= einde_a
