"""The placement optimiser: a min-cost flow (OR-Tools) per independent part (ADR 0010).

Network: one node per vraaggroep (supply = its pupils), one node per place cell
(locatie, niveau, gebied) with an arc to the sink (capacity = the places), and an arc from
a vraaggroep to every place cell it may use (cost = distance in whole metres, plus the
penalty for special education). An arc exists when the place's niveau is allowed for the
need (``TOEGESTANE_NIVEAUS``), the location serves the need's sector, the gebied matches
(a need with gebied ``ELK_GEBIED`` may use a place of any gebied) and the great-circle
distance, rounded to whole metres, is at most the maximum for (sector, niveau of the place).

``solve_max_flow_with_min_cost`` places as many pupils as possible and, among those
placements, finds the cheapest: both proven by the solver (integer costs, exact). Parts of
the network that share no place (connected components) are solved apart; the largest parts
of a national instance are solved in two worker processes at the same time.
"""

import multiprocessing
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from passend.monitor.netwerk.model import (
    ELK_GEBIED,
    SECTOREN_VAN_SOORT,
    SPECIAAL,
    TOEGESTANE_NIVEAUS,
    Instellingen,
    Locatie,
    Plaatsgebruik,
    Toewijzing,
    Uitkomst,
    Vraaggroep,
)

AARDSTRAAL_M = 6_371_008.8

#: A part with at least this many arcs goes to a worker process (when there are two or more).
GROOT_DEEL_BOGEN = 1_000_000

Voortgang = Callable[[int, str], None]


def _eenheidsvectoren(breedte: np.ndarray, lengte: np.ndarray) -> np.ndarray:
    phi, lam = np.radians(breedte), np.radians(lengte)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def _koorde(afstand_m: float) -> float:
    """The straight-line (chord) distance on the unit sphere for a great-circle distance."""
    return float(2.0 * np.sin(min(afstand_m / AARDSTRAAL_M, np.pi) / 2.0))


def _meters(koorde: np.ndarray) -> np.ndarray:
    """Great-circle metres (rounded to whole metres) for chord distances on the unit sphere."""
    return np.rint(2.0 * AARDSTRAAL_M * np.arcsin(np.clip(koorde / 2.0, 0.0, 1.0))).astype(np.int64)


def _bogen(
    vraag: Sequence[Vraaggroep],
    cellen: list[tuple[int, str, str, int]],
    locaties: Sequence[Locatie],
    instellingen: Instellingen,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(vraaggroep index, cel index, afstand in m) of every allowed arc."""
    vraag_xyz = _eenheidsvectoren(
        np.fromiter((v.breedtegraad for v in vraag), dtype=float, count=len(vraag)),
        np.fromiter((v.lengtegraad for v in vraag), dtype=float, count=len(vraag)),
    )
    loc_xyz = _eenheidsvectoren(
        np.fromiter((loc.breedtegraad for loc in locaties), dtype=float, count=len(locaties)),
        np.fromiter((loc.lengtegraad for loc in locaties), dtype=float, count=len(locaties)),
    )
    # Place cells grouped by what they offer: (sector, niveau, gebied) → cell indices.
    cellen_per_aanbod: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for c, (loc, niveau, gebied, _cap) in enumerate(cellen):
        for sector in SECTOREN_VAN_SOORT.get(locaties[loc].soort, ()):
            cellen_per_aanbod[(sector, niveau, gebied)].append(c)
    # Needs grouped by (sector, niveau, gebied) → vraaggroep indices.
    vraag_per_behoefte: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, v in enumerate(vraag):
        vraag_per_behoefte[(v.sector, v.niveau, v.gebied)].append(i)
    gebieden = sorted({g for _s, _n, g in cellen_per_aanbod})
    cel_loc = np.array([c[0] for c in cellen], dtype=np.int64)
    bomen: dict[tuple[str, str, str], tuple[np.ndarray, cKDTree]] = {}

    delen_i: list[np.ndarray] = []
    delen_c: list[np.ndarray] = []
    delen_d: list[np.ndarray] = []
    for (sector, niveau, gebied), indices in sorted(vraag_per_behoefte.items()):
        groep = np.array(indices, dtype=np.int64)
        boom_v = cKDTree(vraag_xyz[groep])
        for plaatsniveau in TOEGESTANE_NIVEAUS.get((sector, niveau), ()):
            max_m = instellingen.max_afstand_m(sector, plaatsniveau)
            # A little wider than the maximum: the rule is on the rounded metres (below).
            straal = _koorde(max_m + 1.0)
            for plaatsgebied in gebieden if gebied == ELK_GEBIED else [gebied]:
                sleutel = (sector, plaatsniveau, plaatsgebied)
                if sleutel not in cellen_per_aanbod:
                    continue
                if sleutel not in bomen:
                    cel_arr = np.array(cellen_per_aanbod[sleutel], dtype=np.int64)
                    bomen[sleutel] = (cel_arr, cKDTree(loc_xyz[cel_loc[cel_arr]]))
                cel_arr, boom_c = bomen[sleutel]
                paren = boom_v.sparse_distance_matrix(boom_c, straal, output_type="ndarray")
                if len(paren) == 0:
                    continue
                meters = _meters(paren["v"])
                binnen = meters <= max_m
                delen_i.append(groep[paren["i"][binnen]])
                delen_c.append(cel_arr[paren["j"][binnen]])
                delen_d.append(meters[binnen])
    if not delen_i:
        leeg = np.zeros(0, dtype=np.int64)
        return leeg, leeg, leeg
    return np.concatenate(delen_i), np.concatenate(delen_c), np.concatenate(delen_d)


#: The arrays of the network while it is solved; worker processes (fork) read them from here.
_NETWERK: dict[str, Any] = {}


def _deel_oplossen(deel: int) -> tuple[int, bool, np.ndarray]:
    """Solve one connected part of ``_NETWERK``: (deel, optimal?, flow per arc of the part)."""
    n = _NETWERK
    bogen = n["volgorde"][n["grenzen"][deel] : n["grenzen"][deel + 1]]
    knopen = n["knopen_volgorde"][n["knoop_grenzen"][deel] : n["knoop_grenzen"][deel + 1]]
    aantal_g, positie = n["aantal_g"], n["positie"]
    put = len(knopen)
    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(
        positie[n["boog_i"][bogen]],
        positie[aantal_g + n["boog_c"][bogen]],
        n["aanbod"][n["boog_i"][bogen]],
        n["boog_kosten"][bogen],
    )
    cel_knopen = knopen[knopen >= aantal_g]
    smcf.add_arcs_with_capacity_and_unit_cost(
        positie[cel_knopen],
        np.full(len(cel_knopen), put, dtype=np.int32),
        n["capaciteit"][cel_knopen - aantal_g],
        np.zeros(len(cel_knopen), dtype=np.int64),
    )
    vraag_knopen = knopen[knopen < aantal_g]
    smcf.set_nodes_supplies(positie[vraag_knopen], n["aanbod"][vraag_knopen])
    smcf.set_node_supply(put, -int(n["aanbod"][vraag_knopen].sum()))
    status = smcf.solve_max_flow_with_min_cost()
    if status != smcf.OPTIMAL:
        return deel, False, np.zeros(len(bogen), dtype=np.int32)
    return deel, True, smcf.flows(np.arange(len(bogen), dtype=np.int32)).astype(np.int32)


def _processen(grote_delen: int, processen: int | None) -> int:
    if processen is not None:
        return max(1, processen)
    if (
        grote_delen < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        # Never fork from a thread of the web process (a background analysis): only the main
        # thread of a command or a benchmark uses the workers.
        or threading.current_thread() is not threading.main_thread()
    ):
        return 1
    return min(2, os.cpu_count() or 1)


def oplossen(
    vraag: Sequence[Vraaggroep],
    locaties: Sequence[Locatie],
    instellingen: Instellingen,
    voortgang: Voortgang | None = None,
    processen: int | None = None,
) -> Uitkomst:
    """Place every vraaggroep optimally (see the module docstring).

    ``processen``: worker processes for the large parts (default: 2 when there are two or
    more parts of ``GROOT_DEEL_BOGEN`` arcs, the platform can fork and this is the main
    thread, else none).
    """
    if any(v.aantal < 0 for v in vraag):
        raise ValueError("Een vraaggroep heeft een negatief aantal leerlingen.")
    melden: Voortgang = voortgang or (lambda _p, _t: None)
    tijden: dict[str, float] = {}
    begin = time.perf_counter()
    cellen = [
        (index, niveau, gebied, int(cap))
        for index, loc in enumerate(locaties)
        for (niveau, gebied), cap in sorted(loc.capaciteit.items())
        if cap > 0
    ]
    melden(5, "Afstanden tussen woonplekken en scholen berekenen")
    boog_i, boog_c, boog_d = _bogen(vraag, cellen, locaties, instellingen)
    cel_speciaal = np.array([c[1] in SPECIAAL for c in cellen], dtype=bool)
    boog_kosten = boog_d + np.where(cel_speciaal[boog_c], instellingen.straf_m, 0).astype(np.int64)
    tijden["bogen"] = time.perf_counter() - begin

    aantal_g, aantal_c = len(vraag), len(cellen)
    aantal_knopen = aantal_g + aantal_c
    melden(25, "Het netwerk in onafhankelijke delen splitsen")
    stap = time.perf_counter()
    graaf = csr_matrix(
        (np.ones(len(boog_i), dtype=np.int8), (boog_i, aantal_g + boog_c)),
        shape=(aantal_knopen, aantal_knopen),
    )
    aantal_delen, label = connected_components(graaf, directed=False)
    del graaf
    boog_deel = label[boog_i]
    volgorde = np.argsort(boog_deel, kind="stable")
    grenzen = np.searchsorted(boog_deel[volgorde], np.arange(aantal_delen + 1))
    knopen_volgorde = np.argsort(label, kind="stable")
    knoop_grenzen = np.searchsorted(label[knopen_volgorde], np.arange(aantal_delen + 1))
    # Node number within its part (the part's sink is the number after the last node).
    positie = np.empty(aantal_knopen, dtype=np.int32)
    positie[knopen_volgorde] = np.arange(aantal_knopen) - knoop_grenzen[label[knopen_volgorde]]
    aanbod = np.fromiter((v.aantal for v in vraag), dtype=np.int64, count=aantal_g)
    capaciteit = np.array([c[3] for c in cellen], dtype=np.int64)
    tijden["splitsen"] = time.perf_counter() - stap

    stroom = np.zeros(len(boog_i), dtype=np.int64)
    bewezen = True
    stap = time.perf_counter()
    bogen_per_deel = np.diff(grenzen)
    te_doen = [int(d) for d in np.argsort(-bogen_per_deel, kind="stable") if bogen_per_deel[d]]
    grote = [d for d in te_doen if bogen_per_deel[d] >= GROOT_DEEL_BOGEN]
    aantal_processen = _processen(len(grote), processen)
    totaal_bogen = max(1, int(bogen_per_deel.sum()))
    klaar_bogen = 0

    def verwerken(deel: int, optimaal: bool, stromen: np.ndarray) -> None:
        nonlocal bewezen, klaar_bogen
        bewezen = bewezen and optimaal
        stroom[volgorde[grenzen[deel] : grenzen[deel + 1]]] = stromen
        vorige = 25 + 70 * klaar_bogen // totaal_bogen
        klaar_bogen += int(bogen_per_deel[deel])
        nu = 25 + 70 * klaar_bogen // totaal_bogen
        if nu // 5 != vorige // 5:
            melden(nu, "Plaatsingen berekenen")

    _NETWERK.update(
        aantal_g=aantal_g,
        positie=positie,
        boog_i=boog_i,
        boog_c=boog_c,
        boog_kosten=boog_kosten,
        aanbod=aanbod,
        capaciteit=capaciteit,
        volgorde=volgorde,
        grenzen=grenzen,
        knopen_volgorde=knopen_volgorde,
        knoop_grenzen=knoop_grenzen,
    )
    try:
        if aantal_processen > 1 and grote:
            context = multiprocessing.get_context("fork")
            with context.Pool(aantal_processen) as pool:
                # The large parts in the workers; the small ones here meanwhile.
                lopend = pool.imap_unordered(_deel_oplossen, grote)
                for deel in te_doen[len(grote) :]:
                    verwerken(*_deel_oplossen(deel))
                for resultaat in lopend:
                    verwerken(*resultaat)
        else:
            for deel in te_doen:
                verwerken(*_deel_oplossen(deel))
    finally:
        _NETWERK.clear()
    tijden["oplossen"] = time.perf_counter() - stap

    melden(95, "Uitkomst samenvatten")
    gebruikt = np.bincount(boog_c, weights=stroom, minlength=aantal_c).astype(np.int64)
    geplaatst_per_groep = np.bincount(boog_i, weights=stroom, minlength=aantal_g).astype(np.int64)
    met_stroom = np.nonzero(stroom)[0]
    toewijzingen = [
        Toewijzing(
            vraaggroep_id=vraag[i].id,
            locatie_id=locaties[cellen[c][0]].id,
            niveau=cellen[c][1],
            gebied=cellen[c][2],
            aantal=a,
            afstand_m=d,
        )
        for i, c, a, d in zip(
            boog_i[met_stroom].tolist(),
            boog_c[met_stroom].tolist(),
            stroom[met_stroom].tolist(),
            boog_d[met_stroom].tolist(),
            strict=True,
        )
    ]
    open_per_groep = aanbod - geplaatst_per_groep
    niet_geplaatst = {
        vraag[i].id: int(open_per_groep[i]) for i in np.nonzero(open_per_groep)[0].tolist()
    }
    plaatsgebruik = [
        Plaatsgebruik(
            locatie_id=locaties[loc].id,
            niveau=niveau,
            gebied=gebied,
            capaciteit=cap,
            gebruikt=g,
        )
        for (loc, niveau, gebied, cap), g in zip(cellen, gebruikt.tolist(), strict=True)
    ]
    tijden["totaal"] = time.perf_counter() - begin
    melden(100, "Klaar")
    return Uitkomst(
        bewezen_optimaal=bewezen,
        doelwaarde_m=int((stroom * boog_kosten).sum()),
        toewijzingen=toewijzingen,
        niet_geplaatst=niet_geplaatst,
        plaatsgebruik=plaatsgebruik,
        aantal_vraag=int(aanbod.sum()),
        aantal_geplaatst=int(geplaatst_per_groep.sum()),
        rekentijd_s={k: round(v, 3) for k, v in tijden.items()},
        aantal_bogen=len(boog_i),
        aantal_deelproblemen=int(aantal_delen),
    )
