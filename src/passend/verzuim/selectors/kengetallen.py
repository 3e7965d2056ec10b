"""Thuiszitter figures for the regional monitor, for one SWV or for every SWV at once.

The definitions of ``verzuim_cijfers`` (DOMAIN.md §2.4), counted in SQL: a child is a
thuiszitter in the period when one of its cases made it one on at least one day of the
period (absoluut verzuim from its first day, relatief verzuim from its 29th day; an
exemption never); children count once. The duration quartiles are over the cases that
ended in the period (their stored duration in weeks). Nothing here checks rights:
``monitor.selectors.kpi`` does.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, DateField, ExpressionWrapper, F, Q, QuerySet

from passend.verzuim.models import Verzuimmelding
from passend.verzuim.rules import LANGDURIG_NA_DAGEN, Verzuimsoort, kwartielen

#: The key of the quartiles over every SWV together (no SWV has id 0).
SAMEN = 0


def thuiszitter_kengetallen(
    *,
    swv_ids: Sequence[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
    samen: bool = False,
) -> dict[int, dict[str, Any]]:
    """Per SWV (every SWV for ``swv_ids=None``) over [van, tot]: ``thuiszitters`` (children)
        and ``tz_duur_n``/``tz_duur_q1``/``tz_duur_mediaan``/``tz_duur_q3`` (weeks) of the cases
        that ended in the period. ``vestiging_ids`` keeps the cases of those schools. With
        ``samen`` key ``SAMEN`` holds the figures of the selected SWVs together: the children
    (each child once) and the quartiles over all their cases. Two queries, three with
    ``samen``."""
    meldingen = Verzuimmelding.objects.annotate(
        langdurig_vanaf=ExpressionWrapper(
            F("sinds") + timedelta(days=LANGDURIG_NA_DAGEN), output_field=DateField()
        )
    )
    if swv_ids is not None:
        meldingen = meldingen.filter(samenwerkingsverband_id__in=list(swv_ids))
    if vestiging_ids is not None:
        meldingen = meldingen.filter(vestiging_id__in=vestiging_ids)
    absoluut = Q(soort=Verzuimsoort.ABSOLUUT, sinds__lte=tot) & (
        Q(einde__isnull=True) | Q(einde__gte=van)
    )
    relatief = Q(
        soort=Verzuimsoort.RELATIEF,
        sinds__lte=tot - timedelta(days=LANGDURIG_NA_DAGEN),
    ) & (Q(einde__isnull=True) | Q(einde__gte=van) & Q(einde__gte=F("langdurig_vanaf")))

    def leeg() -> dict[str, Any]:
        return {
            "thuiszitters": 0,
            "tz_duur_n": 0,
            "tz_duur_q1": None,
            "tz_duur_mediaan": None,
            "tz_duur_q3": None,
        }

    uitkomst: dict[int, dict[str, Any]] = defaultdict(leeg)
    for swv_id in swv_ids or []:
        uitkomst[swv_id] = leeg()
    for rij in (
        meldingen.filter(absoluut | relatief)
        .values("samenwerkingsverband_id")
        .annotate(n=Count("leerling_id", distinct=True))
        .order_by()
    ):
        uitkomst[rij["samenwerkingsverband_id"]]["thuiszitters"] = rij["n"]

    duren: dict[int, list[float]] = defaultdict(list)
    for swv_id, weken in meldingen.filter(
        einde__gte=van, einde__lte=tot, duur_weken__isnull=False
    ).values_list("samenwerkingsverband_id", "duur_weken"):
        if weken is not None:
            duren[swv_id].append(float(weken))
    if samen:
        duren[SAMEN] = [w for lijst in list(duren.values()) for w in lijst]
    for swv_id, waarden in duren.items():
        uitkomst[swv_id]["tz_duur_n"] = len(waarden)
        kwart = kwartielen(waarden)
        if kwart is not None:
            uitkomst[swv_id]["tz_duur_q1"] = kwart.q1
            uitkomst[swv_id]["tz_duur_mediaan"] = kwart.mediaan
            uitkomst[swv_id]["tz_duur_q3"] = kwart.q3
    if samen:
        # A child with cases in two SWVs counts once in the figures of all of them together.
        uitkomst[SAMEN]["thuiszitters"] = int(
            meldingen.filter(absoluut | relatief).aggregate(n=Count("leerling_id", distinct=True))[
                "n"
            ]
            or 0
        )
    return dict(uitkomst)
