"""Veilig Thuis figures for the regional monitor, for one SWV or for every SWV at once.

The definition of ``veilig_thuis.aantallen``: the reports of pupils at a location that was
a member of the SWV on the report's date, and of those the reports made while a
disagreement was open (a report at a combined (v)so location in one of its two SWVs).
Counts only; nothing here checks rights or suppresses small cells:
``monitor.selectors.kpi`` does both.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from passend.geschillen.models import VeiligThuisMelding
from passend.organisaties.selectors import SAMEN, sector_van_leerling, toegerekend_lid


def veilig_thuis_kengetallen(
    *,
    swv_ids: Sequence[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
    samen: bool = False,
) -> dict[int, dict[str, int]]:
    """Per SWV (every SWV for ``swv_ids=None``) over [van, tot]: ``vt_meldingen`` and
    ``vt_tijdens_geschil``. ``vestiging_ids`` keeps the reports of those locations. A
    report at a combined (v)so location counts in one of its two SWVs: by the pupil's age
    on 1 October of the school year of the report (``organisaties.selectors.
    toegerekend_lid``). With ``samen`` key ``SAMEN`` holds the reports of the selected SWVs
    together. One grouped query (two with ``samen``)."""
    # The membership conditions go into one filter() call: one join, used by values().
    lid = Q(vestiging__lidmaatschappen__van__lte=F("gemeld_op")) & (
        Q(vestiging__lidmaatschappen__tot__isnull=True)
        | Q(vestiging__lidmaatschappen__tot__gte=F("gemeld_op"))
    )
    if swv_ids is not None:
        lid &= Q(vestiging__lidmaatschappen__samenwerkingsverband_id__in=list(swv_ids))
    lid &= toegerekend_lid(sector="zaak_sector", datum="gemeld_op")
    meldingen = VeiligThuisMelding.objects.annotate(
        zaak_sector=sector_van_leerling("leerling__geboortedatum", "gemeld_op")
    ).filter(lid, gemeld_op__gte=van, gemeld_op__lte=tot)
    if vestiging_ids is not None:
        meldingen = meldingen.filter(vestiging_id__in=vestiging_ids)
    cijfers = {
        "vt_meldingen": Count("id", distinct=True),
        "vt_tijdens_geschil": Count("id", filter=Q(open_onenigheid__isnull=False), distinct=True),
    }
    uitkomst = {swv_id: dict.fromkeys(cijfers, 0) for swv_id in swv_ids or []}
    for rij in (
        meldingen.values("vestiging__lidmaatschappen__samenwerkingsverband_id")
        .annotate(**cijfers)
        .order_by()
    ):
        uitkomst[rij["vestiging__lidmaatschappen__samenwerkingsverband_id"]] = {
            sleutel: int(rij[sleutel]) for sleutel in cijfers
        }
    if samen:
        totaal = meldingen.aggregate(**cijfers)
        uitkomst[SAMEN] = {sleutel: int(totaal[sleutel] or 0) for sleutel in cijfers}
    return uitkomst
