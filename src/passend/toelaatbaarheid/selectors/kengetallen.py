"""TLV figures for the regional monitor, for one SWV or for every SWV at once.

The same definitions as ``tlv_cijfers`` (the report page), counted with a small, fixed
number of grouped queries: requests by the date they were received, decisions by the date
of the decision, grensverkeer over the granted TLVs in which the SWV is the school's SWV
(incoming) or the home region (outgoing), participation over the TLVs running on ``tot``.
Nothing here checks rights: ``monitor.selectors.kpi`` does.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db.models import Count, F, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import (
    BESLOTEN,
    SOORTEN_MET_CATEGORIE,
    Besluit,
    Soort,
    Status,
    behandelduur,
    gemiddelde_en_mediaan,
)

SOORTEN = tuple(s.value for s in Soort)
#: The key of the figures over every SWV together (no SWV has id 0).
SAMEN = 0
CATEGORIEEN = (1, 2, 3)


def _leeg() -> dict[str, Any]:
    leeg: dict[str, Any] = {
        "tlv_ontvangen": 0,
        "tlv_besloten": 0,
        "tlv_toegekend": 0,
        "grens_inkomend": 0,
        "grens_uitgaand": 0,
    }
    for soort in SOORTEN:
        leeg[f"tlv_soort_{soort}"] = 0
        leeg[f"deelname_{soort}"] = 0
    for categorie in CATEGORIEEN:
        leeg[f"tlv_categorie_{categorie}"] = 0
    for deel in ("tot_compleet", "compleet_tot_besluit", "totaal"):
        leeg[f"duur_{deel}_gemiddelde"] = None
        leeg[f"duur_{deel}_mediaan"] = None
        leeg[f"duur_{deel}_n"] = 0
    return leeg


def tlv_kengetallen(
    *,
    swv_ids: Sequence[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
    samen: bool = False,
) -> dict[int, dict[str, Any]]:
    """Per SWV (every SWV for ``swv_ids=None``) over [van, tot]:

    - ``tlv_ontvangen``: requests received; ``tlv_besloten``/``tlv_toegekend``: decided and
      granted requests; ``tlv_soort_<soort>``: granted by school type; ``tlv_categorie_<n>``:
      granted so/vso by funding category;
    - ``grens_inkomend``/``grens_uitgaand``: granted grensverkeer TLVs;
    - ``deelname_<soort>``: distinct pupils with a granted TLV of that type from this SWV
      running on ``tot``;
    - ``duur_<deel>_gemiddelde``/``_mediaan``/``_n``: handling time in weeks of the decided
      requests (received → complete → decision, and in total).

    ``vestiging_ids`` narrows everything to TLVs requested by those locations. A TLV counts
    in its responsible SWV only (also at a combined (v)so location). With ``samen`` key
    ``SAMEN`` holds the handling times over the selected SWVs together and the
    participation (each pupil once). Six queries, seven with ``samen``.
    """
    alle = Toelaatbaarheidsverklaring.objects.all()
    if vestiging_ids is not None:
        alle = alle.filter(vestiging_id__in=vestiging_ids)
    eigen = alle
    if swv_ids is not None:
        eigen = alle.filter(verantwoordelijk_swv_id__in=list(swv_ids))
    uitkomst: dict[int, dict[str, Any]] = defaultdict(_leeg)
    if swv_ids is not None:
        for swv_id in swv_ids:
            uitkomst[swv_id] = _leeg()

    for rij in (
        eigen.filter(ontvangen_op__gte=van, ontvangen_op__lte=tot)
        .values("verantwoordelijk_swv_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        uitkomst[rij["verantwoordelijk_swv_id"]]["tlv_ontvangen"] = rij["n"]

    besloten = eigen.filter(status__in=BESLOTEN, besluit_op__gte=van, besluit_op__lte=tot)
    for rij in (
        besloten.values(
            "verantwoordelijk_swv_id", "besluit", "schoolsoort", "soort", "bekostigingscategorie"
        )
        .annotate(n=Count("id"))
        .order_by()
    ):
        cijfers = uitkomst[rij["verantwoordelijk_swv_id"]]
        cijfers["tlv_besloten"] += rij["n"]
        if rij["besluit"] != Besluit.TOEGEKEND:
            continue
        cijfers["tlv_toegekend"] += rij["n"]
        soort = rij["schoolsoort"] or rij["soort"]
        cijfers[f"tlv_soort_{soort}"] += rij["n"]
        categorie = rij["bekostigingscategorie"]
        if soort in SOORTEN_MET_CATEGORIE and categorie in CATEGORIEEN:
            cijfers[f"tlv_categorie_{categorie}"] += rij["n"]

    # Handling time: only the three dates of each decided request are fetched.
    duren: dict[int, dict[str, list[float | None]]] = defaultdict(lambda: defaultdict(list))
    for swv_id, ontvangen_op, compleet_op, besluit_op in besloten.values_list(
        "verantwoordelijk_swv_id", "ontvangen_op", "compleet_op", "besluit_op"
    ).order_by():
        duur = behandelduur(
            ontvangen_op=ontvangen_op, compleet_op=compleet_op, besluit_op=besluit_op
        )
        duren[swv_id]["tot_compleet"].append(duur.tot_compleet)
        duren[swv_id]["compleet_tot_besluit"].append(duur.compleet_tot_besluit)
        duren[swv_id]["totaal"].append(duur.totaal)
    if samen:
        alle_duren: dict[str, list[float | None]] = defaultdict(list)
        for per_deel in list(duren.values()):
            for deel, waarden in per_deel.items():
                alle_duren[deel].extend(waarden)
        duren[SAMEN] = alle_duren
        uitkomst[SAMEN] = {}
    for swv_id, per_deel in duren.items():
        for deel, waarden in per_deel.items():
            gemiddelde, mediaan = gemiddelde_en_mediaan(waarden)
            uitkomst[swv_id][f"duur_{deel}_gemiddelde"] = gemiddelde
            uitkomst[swv_id][f"duur_{deel}_mediaan"] = mediaan
            uitkomst[swv_id][f"duur_{deel}_n"] = sum(1 for w in waarden if w is not None)

    grens = alle.filter(
        grensverkeer=True, status=Status.TOEGEKEND, besluit_op__gte=van, besluit_op__lte=tot
    )
    inkomend = grens.filter(school_swv_id__isnull=False)
    uitgaand = grens.filter(woonregio_swv_id__isnull=False).exclude(
        school_swv_id=F("woonregio_swv_id")
    )
    if swv_ids is not None:
        inkomend = inkomend.filter(school_swv_id__in=list(swv_ids))
        uitgaand = uitgaand.filter(woonregio_swv_id__in=list(swv_ids))
    for rij in inkomend.values("school_swv_id").annotate(n=Count("id")).order_by():
        uitkomst[rij["school_swv_id"]]["grens_inkomend"] = rij["n"]
    for rij in uitgaand.values("woonregio_swv_id").annotate(n=Count("id")).order_by():
        uitkomst[rij["woonregio_swv_id"]]["grens_uitgaand"] = rij["n"]

    lopend = eigen.filter(status=Status.TOEGEKEND, ingangsdatum__lte=tot, einddatum__gte=tot)
    for rij in (
        lopend.annotate(toegekende_soort=Coalesce(NullIf("schoolsoort", Value("")), "soort"))
        .values("verantwoordelijk_swv_id", "toegekende_soort")
        .annotate(n=Count("leerling_id", distinct=True))
        .order_by()
    ):
        uitkomst[rij["verantwoordelijk_swv_id"]][f"deelname_{rij['toegekende_soort']}"] = rij["n"]
    if samen:
        # A pupil with running TLVs of two SWVs counts once in all of them together.
        uitkomst[SAMEN] = {
            **uitkomst.get(SAMEN, {}),
            **{f"deelname_{soort}": 0 for soort in SOORTEN},
        }
        for rij in (
            lopend.annotate(toegekende_soort=Coalesce(NullIf("schoolsoort", Value("")), "soort"))
            .values("toegekende_soort")
            .annotate(n=Count("leerling_id", distinct=True))
            .order_by()
        ):
            uitkomst[SAMEN][f"deelname_{rij['toegekende_soort']}"] = rij["n"]
    return dict(uitkomst)
