"""Veilig Thuis figures for the regional monitor, for one SWV or for every SWV at once.

The definition of ``veilig_thuis.aantallen``: the reports of pupils at a location that was
a member of the SWV on the report's date, and of those the reports made while a
disagreement was open. Counts only; nothing here checks rights or suppresses small cells:
``monitor.selectors.kpi`` does both.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from passend.geschillen.models import VeiligThuisMelding


def veilig_thuis_kengetallen(
    *,
    swv_ids: Sequence[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
) -> dict[int, dict[str, int]]:
    """Per SWV (every SWV for ``swv_ids=None``) over [van, tot]: ``vt_meldingen`` and
    ``vt_tijdens_geschil``. ``vestiging_ids`` keeps the reports of those locations. One
    grouped query."""
    # The membership conditions go into one filter() call: one join, used by values().
    lid = Q(vestiging__lidmaatschappen__van__lte=F("gemeld_op")) & (
        Q(vestiging__lidmaatschappen__tot__isnull=True)
        | Q(vestiging__lidmaatschappen__tot__gte=F("gemeld_op"))
    )
    if swv_ids is not None:
        lid &= Q(vestiging__lidmaatschappen__samenwerkingsverband_id__in=list(swv_ids))
    meldingen = VeiligThuisMelding.objects.filter(lid, gemeld_op__gte=van, gemeld_op__lte=tot)
    if vestiging_ids is not None:
        meldingen = meldingen.filter(vestiging_id__in=vestiging_ids)
    uitkomst = {swv_id: {"vt_meldingen": 0, "vt_tijdens_geschil": 0} for swv_id in swv_ids or []}
    for rij in (
        meldingen.values("vestiging__lidmaatschappen__samenwerkingsverband_id")
        .annotate(
            n=Count("id", distinct=True),
            geschil=Count("id", filter=Q(open_onenigheid__isnull=False), distinct=True),
        )
        .order_by()
    ):
        uitkomst[rij["vestiging__lidmaatschappen__samenwerkingsverband_id"]] = {
            "vt_meldingen": rij["n"],
            "vt_tijdens_geschil": rij["geschil"],
        }
    return uitkomst
