"""Waiting-list figures for the regional monitor, for one SWV or for every SWV at once.

Per sbo/so/vso location the latest count in the period (``Wachtlijststand``): the figure
for the whole location, or without one the figures of its areas on that date added up (as
``wachtlijstreeksen``), summed over the SWV's member locations (membership on ``tot``) by
soort; and the mean expected wait in weeks over the counts that give one. Nothing here
checks rights: ``monitor.selectors.kpi`` does.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from passend.aanbod.models import Wachtlijststand
from passend.aanbod.rules import SOORTEN_MET_WACHTLIJST
from passend.core.perioden import actief_op
from passend.organisaties.models import SwvLidmaatschap
from passend.organisaties.rules import Sector

#: The key of the figures over every SWV together (no SWV has id 0).
SAMEN = 0


def _soort(vestigingssoort: str, sector: str) -> str:
    """sbo, so or vso; a combined (v)so location counts by the sector of the SWV."""
    if vestigingssoort == "so_vso":
        return "so" if sector == Sector.PO else "vso"
    return vestigingssoort


def _deel(aantal: int, vestigingssoort: str, sector: str, gedeeld: bool) -> int:
    """The part of a location's waiting list that counts in the SWV of ``sector``: all of
    it, or for a combined (v)so location with a membership of both sectors (``gedeeld``)
    half, the odd pupil to the PO SWV, so that the two parts add up to the list."""
    if vestigingssoort != "so_vso" or not gedeeld:
        return aantal
    return (aantal + 1) // 2 if sector == Sector.PO else aantal // 2


def wachtlijst_kengetallen(
    *,
    swv_ids: Sequence[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
    samen: bool = False,
) -> dict[int, dict[str, Any]]:
    """Per SWV (every SWV for ``swv_ids=None``): ``wl_sbo``/``wl_so``/``wl_vso``/``wl_totaal``
    (pupils waiting) and ``wl_wachttijd_gemiddelde``/``wl_wachttijd_n`` (mean expected wait
    in weeks over the location counts that give one). A combined (v)so location that is a
    member of a PO and a VO SWV puts half its list in each (the odd pupil in the PO SWV,
    as so; the rest in the VO SWV, as vso), and its expected wait in both. With ``samen``
    key ``SAMEN`` holds the figures of the selected SWVs together: every pupil waiting
    and every location's wait once. Two queries; the rows are at most (areas + 1) per
    location."""
    andere_sector = SwvLidmaatschap.objects.filter(
        actief_op(tot), vestiging_id=OuterRef("vestiging_id")
    ).exclude(sector=OuterRef("sector"))
    leden = SwvLidmaatschap.objects.filter(
        actief_op(tot), vestiging__soort__in=SOORTEN_MET_WACHTLIJST
    )
    if swv_ids is not None:
        leden = leden.filter(samenwerkingsverband_id__in=list(swv_ids))
    if vestiging_ids is not None:
        leden = leden.filter(vestiging_id__in=vestiging_ids)
    lidmaatschappen: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    for vestiging_id, swv_id, sector, gedeeld in leden.annotate(
        gedeeld=Exists(andere_sector)
    ).values_list("vestiging_id", "samenwerkingsverband_id", "sector", "gedeeld"):
        lidmaatschappen[vestiging_id].append((swv_id, sector, bool(gedeeld)))

    # Every count in the period, then the latest date per location in Python: a correlated
    # "latest date" subquery misleads PostgreSQL's planner at national scale (seconds), and
    # the counts are few (about one per location and month).
    standen = (
        Wachtlijststand.objects.filter(
            vestiging_id__in=leden.values("vestiging_id"), peildatum__gte=van, peildatum__lte=tot
        )
        .values_list(
            "vestiging_id",
            "vestiging__soort",
            "gebied_id",
            "peildatum",
            "aantal_wachtend",
            "verwachte_wachttijd_weken",
        )
        .order_by()
    )
    laatste_dag: dict[int, date] = {}
    rijen = list(standen)
    for rij in rijen:
        vestiging_id, peildatum = rij[0], rij[3]
        if vestiging_id not in laatste_dag or peildatum > laatste_dag[vestiging_id]:
            laatste_dag[vestiging_id] = peildatum
    geheel: dict[int, tuple[int, int | None]] = {}
    per_gebied: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    soorten: dict[int, str] = {}
    for vestiging_id, soort, gebied_id, peildatum, aantal, wachttijd in rijen:
        if peildatum != laatste_dag[vestiging_id]:
            continue
        soorten[vestiging_id] = soort
        if gebied_id is None:
            geheel[vestiging_id] = (aantal, wachttijd)
        else:
            per_gebied[vestiging_id].append((aantal, wachttijd))

    def leeg() -> dict[str, Any]:
        return {
            "wl_sbo": 0,
            "wl_so": 0,
            "wl_vso": 0,
            "wl_totaal": 0,
            "wl_wachttijd_gemiddelde": None,
            "wl_wachttijd_n": 0,
        }

    uitkomst: dict[int, dict[str, Any]] = defaultdict(leeg)
    for swv_id in swv_ids or []:
        uitkomst[swv_id] = leeg()
    totaal = leeg()
    wachttijden: dict[int, list[int]] = defaultdict(list)
    for vestiging_id, soort in soorten.items():
        if vestiging_id in geheel:
            aantal, wachttijd = geheel[vestiging_id]
            tijden = [wachttijd] if wachttijd is not None else []
        else:
            aantal = sum(a for a, _ in per_gebied[vestiging_id])
            tijden = [w for _, w in per_gebied[vestiging_id] if w is not None]
        for swv_id, sector, gedeeld in lidmaatschappen[vestiging_id]:
            deel = _deel(aantal, soort, sector, gedeeld)
            for cijfers in (uitkomst[swv_id], totaal):
                cijfers[f"wl_{_soort(soort, sector)}"] += deel
                cijfers["wl_totaal"] += deel
            wachttijden[swv_id].extend(tijden)
        # Each location's expected wait once in the figures of all SWVs together.
        wachttijden[SAMEN].extend(tijden)
    for swv_id, tijden in wachttijden.items():
        cijfers = totaal if swv_id == SAMEN else uitkomst[swv_id]
        cijfers["wl_wachttijd_n"] = len(tijden)
        if tijden:
            cijfers["wl_wachttijd_gemiddelde"] = Decimal(sum(tijden)) / len(tijden)
    if samen:
        uitkomst[SAMEN] = totaal
    return dict(uitkomst)
