"""The placement optimiser: a min-cost flow (OR-Tools) per independent part (ADR 0010).

Network: one node per vraaggroep (supply = its pupils), one node per place cell
(locatie, niveau, gebied) with an arc to the sink (capacity = the places), and an arc from
a vraaggroep to every place cell it may use within the maximum distance (cost = distance in
metres, plus the penalty for special education). ``solve_max_flow_with_min_cost`` places as
many pupils as possible and, among those placements, finds the cheapest: both proven by the
solver (integer costs, exact). Parts of the network that share no place are solved apart.
"""

import time
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy.sparse import coo_matrix
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

Voortgang = Callable[[int, str], None]


def _eenheidsvectoren(breedte: np.ndarray, lengte: np.ndarray) -> np.ndarray:
    phi, lam = np.radians(breedte), np.radians(lengte)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def _koorde(afstand_m: float) -> float:
    """The straight-line (chord) distance on the unit sphere for a great-circle distance."""
    return 2.0 * np.sin(min(afstand_m / AARDSTRAAL_M, np.pi) / 2.0)


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
        np.array([v.breedtegraad for v in vraag], dtype=float),
        np.array([v.lengtegraad for v in vraag], dtype=float),
    )
    loc_xyz = _eenheidsvectoren(
        np.array([loc.breedtegraad for loc in locaties], dtype=float),
        np.array([loc.lengtegraad for loc in locaties], dtype=float),
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

    delen_i: list[np.ndarray] = []
    delen_c: list[np.ndarray] = []
    delen_d: list[np.ndarray] = []
    for (sector, niveau, gebied), indices in vraag_per_behoefte.items():
        groep = np.array(indices, dtype=np.int64)
        for plaatsniveau in TOEGESTANE_NIVEAUS.get((sector, niveau), ()):
            straal = _koorde(instellingen.max_afstand_m(sector, plaatsniveau))
            for plaatsgebied in gebieden if gebied == ELK_GEBIED else [gebied]:
                celindices = cellen_per_aanbod.get((sector, plaatsniveau, plaatsgebied))
                if not celindices:
                    continue
                cel_arr = np.array(celindices, dtype=np.int64)
                cel_loc = np.array([cellen[c][0] for c in celindices], dtype=np.int64)
                boom_c = cKDTree(loc_xyz[cel_loc])
                boom_v = cKDTree(vraag_xyz[groep])
                paren = boom_v.sparse_distance_matrix(boom_c, straal, output_type="ndarray")
                if len(paren) == 0:
                    continue
                delen_i.append(groep[paren["i"]])
                delen_c.append(cel_arr[paren["j"]])
                delen_d.append(_meters(paren["v"]))
    if not delen_i:
        leeg = np.zeros(0, dtype=np.int64)
        return leeg, leeg, leeg
    return np.concatenate(delen_i), np.concatenate(delen_c), np.concatenate(delen_d)


def oplossen(
    vraag: Sequence[Vraaggroep],
    locaties: Sequence[Locatie],
    instellingen: Instellingen,
    voortgang: Voortgang | None = None,
) -> Uitkomst:
    """Place every vraaggroep optimally (see the module docstring)."""
    melden: Voortgang = voortgang or (lambda _p, _t: None)
    tijden: dict[str, float] = {}
    begin = time.perf_counter()
    cellen = [
        (index, niveau, gebied, int(cap))
        for index, loc in enumerate(locaties)
        for (niveau, gebied), cap in sorted(loc.capaciteit.items())
        if cap > 0
    ]
    melden(10, "Afstanden tussen woonplekken en scholen berekenen")
    boog_i, boog_c, boog_d = _bogen(vraag, cellen, locaties, instellingen)
    cel_speciaal = np.array([c[1] in SPECIAAL for c in cellen], dtype=bool)
    boog_kosten = (
        boog_d + np.where(cel_speciaal[boog_c], instellingen.straf_m, 0) if len(boog_c) else boog_d
    )
    tijden["bogen"] = time.perf_counter() - begin

    aantal_g, aantal_c = len(vraag), len(cellen)
    melden(30, "Het netwerk in onafhankelijke delen splitsen")
    graaf = coo_matrix(
        (np.ones(len(boog_i), dtype=np.int8), (boog_i, aantal_g + boog_c)),
        shape=(aantal_g + aantal_c, aantal_g + aantal_c),
    )
    aantal_delen, label = connected_components(graaf, directed=False)
    tijden["splitsen"] = time.perf_counter() - begin - tijden["bogen"]

    aanbod = np.array([v.aantal for v in vraag], dtype=np.int64)
    capaciteit = np.array([c[3] for c in cellen], dtype=np.int64)
    boog_deel = label[boog_i]
    volgorde = np.argsort(boog_deel, kind="stable")
    grenzen = np.searchsorted(boog_deel[volgorde], np.arange(aantal_delen + 1))
    knoop_deel = label
    knopen_volgorde = np.argsort(knoop_deel, kind="stable")
    knoop_grenzen = np.searchsorted(knoop_deel[knopen_volgorde], np.arange(aantal_delen + 1))

    stroom = np.zeros(len(boog_i), dtype=np.int64)
    bewezen = True
    oplossen_begin = time.perf_counter()
    for deel in range(aantal_delen):
        bogen = volgorde[grenzen[deel] : grenzen[deel + 1]]
        if len(bogen) == 0:
            continue  # a need without any place in reach, or an unused place
        knopen = knopen_volgorde[knoop_grenzen[deel] : knoop_grenzen[deel + 1]]
        lokaal = np.full(aantal_g + aantal_c, -1, dtype=np.int64)
        lokaal[knopen] = np.arange(len(knopen))
        put = len(knopen)
        smcf = min_cost_flow.SimpleMinCostFlow()
        smcf.add_arcs_with_capacity_and_unit_cost(
            lokaal[boog_i[bogen]].astype(np.int32),
            lokaal[aantal_g + boog_c[bogen]].astype(np.int32),
            aanbod[boog_i[bogen]],
            boog_kosten[bogen],
        )
        cel_knopen = knopen[knopen >= aantal_g]
        smcf.add_arcs_with_capacity_and_unit_cost(
            lokaal[cel_knopen].astype(np.int32),
            np.full(len(cel_knopen), put, dtype=np.int32),
            capaciteit[cel_knopen - aantal_g],
            np.zeros(len(cel_knopen), dtype=np.int64),
        )
        vraag_knopen = knopen[knopen < aantal_g]
        smcf.set_nodes_supplies(lokaal[vraag_knopen].astype(np.int32), aanbod[vraag_knopen])
        smcf.set_node_supply(put, -int(aanbod[vraag_knopen].sum()))
        status = smcf.solve_max_flow_with_min_cost()
        if status != smcf.OPTIMAL:
            bewezen = False
            continue
        stroom[bogen] = smcf.flows(np.arange(len(bogen), dtype=np.int32))
        if deel % 50 == 0:
            melden(30 + int(60 * (deel + 1) / aantal_delen), "Plaatsingen berekenen")
    tijden["oplossen"] = time.perf_counter() - oplossen_begin

    melden(95, "Uitkomst samenvatten")
    gebruikt = np.bincount(boog_c, weights=stroom, minlength=aantal_c).astype(np.int64)
    geplaatst_per_groep = np.bincount(boog_i, weights=stroom, minlength=aantal_g).astype(np.int64)
    met_stroom = np.nonzero(stroom)[0]
    toewijzingen = [
        Toewijzing(
            vraaggroep_id=vraag[int(boog_i[b])].id,
            locatie_id=locaties[cellen[int(boog_c[b])][0]].id,
            niveau=cellen[int(boog_c[b])][1],
            gebied=cellen[int(boog_c[b])][2],
            aantal=int(stroom[b]),
            afstand_m=int(boog_d[b]),
        )
        for b in met_stroom
    ]
    niet_geplaatst = {
        vraag[int(i)].id: int(aanbod[i] - geplaatst_per_groep[i])
        for i in np.nonzero(aanbod - geplaatst_per_groep)[0]
    }
    plaatsgebruik = [
        Plaatsgebruik(
            locatie_id=locaties[loc].id,
            niveau=niveau,
            gebied=gebied,
            capaciteit=cap,
            gebruikt=int(gebruikt[c]),
        )
        for c, (loc, niveau, gebied, cap) in enumerate(cellen)
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
