"""An independent check of the optimiser: the same placement problem as a linear programme,
solved by HiGHS through ``scipy.optimize.linprog`` (ADR 0010).

Independent of ``oplosser``: the arcs are built here by brute force (every vraaggroep against
every place cell, haversine distance in whole metres), and the lexicographic objective is two
LPs: stage 1 maximises the placed pupils, stage 2 minimises the total cost (distance plus the
penalty for special education) with the placed pupils fixed at the stage-1 optimum. The
constraint matrix (a bipartite transportation problem) is totally unimodular, so both LP
optima are integral and must equal the min-cost-flow optimum exactly. Meant for regional
instances (thousands of vraaggroepen), not for the whole country.
"""

from collections.abc import Sequence

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, vstack

from passend.monitor.netwerk.model import (
    ELK_GEBIED,
    SECTOREN_VAN_SOORT,
    SPECIAAL,
    TOEGESTANE_NIVEAUS,
    Instellingen,
    Locatie,
    Vraaggroep,
)

AARDSTRAAL_M = 6_371_008.8
BLOK = 2_000_000  # pairs per block of the brute-force distance computation


def haversine_m(
    breedte1: np.ndarray, lengte1: np.ndarray, breedte2: np.ndarray, lengte2: np.ndarray
) -> np.ndarray:
    """Great-circle distance in metres (haversine), rounded to whole metres."""
    p1, p2 = np.radians(breedte1), np.radians(breedte2)
    dp, dl = p2 - p1, np.radians(lengte2) - np.radians(lengte1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.rint(2 * AARDSTRAAL_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))).astype(np.int64)


def lp_bogen(
    vraag: Sequence[Vraaggroep], locaties: Sequence[Locatie], instellingen: Instellingen
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(vraaggroep index, cel index, kosten in m, capaciteit per cel) of every allowed arc."""
    cellen = [
        (loc, niveau, gebied, cap)
        for loc in locaties
        for (niveau, gebied), cap in loc.capaciteit.items()
        if cap > 0
    ]
    capaciteit = np.array([c[3] for c in cellen], dtype=np.int64)
    cel_breedte = np.array([c[0].breedtegraad for c in cellen], dtype=float)
    cel_lengte = np.array([c[0].lengtegraad for c in cellen], dtype=float)
    straf_m = round(instellingen.straf_speciaal_km * 1000)
    # Needs with the same (sector, niveau, gebied) share the allowed cells: one block each.
    klassen: dict[tuple[str, str, str], list[int]] = {}
    for i, v in enumerate(vraag):
        klassen.setdefault((v.sector, v.niveau, v.gebied), []).append(i)
    delen: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for (sector, niveau, gebied), indices in sorted(klassen.items()):
        toegestaan = TOEGESTANE_NIVEAUS.get((sector, niveau), ())
        kandidaten = np.array(
            [
                c
                for c, (loc, plaatsniveau, plaatsgebied, _cap) in enumerate(cellen)
                if plaatsniveau in toegestaan
                and sector in SECTOREN_VAN_SOORT.get(loc.soort, ())
                and gebied in (ELK_GEBIED, plaatsgebied)
            ],
            dtype=np.int64,
        )
        if len(kandidaten) == 0:
            continue
        grens = np.array(
            [round(instellingen.max_afstand_km[(sector, cellen[c][1])] * 1000) for c in kandidaten]
        )
        straf = np.array([straf_m if cellen[c][1] in SPECIAAL else 0 for c in kandidaten])
        groepen = np.array(indices, dtype=np.int64)
        breedte = np.array([vraag[i].breedtegraad for i in indices], dtype=float)
        lengte = np.array([vraag[i].lengtegraad for i in indices], dtype=float)
        per_blok = max(1, BLOK // len(kandidaten))
        for start in range(0, len(groepen), per_blok):
            stuk = slice(start, start + per_blok)
            afstand = haversine_m(
                breedte[stuk, None],
                lengte[stuk, None],
                cel_breedte[kandidaten][None, :],
                cel_lengte[kandidaten][None, :],
            )
            rij, kolom = np.nonzero(afstand <= grens[None, :])
            delen.append(
                (groepen[stuk][rij], kandidaten[kolom], afstand[rij, kolom] + straf[kolom])
            )
    if not delen:
        leeg = np.zeros(0, dtype=np.int64)
        return leeg, leeg, leeg, capaciteit
    return (
        np.concatenate([d[0] for d in delen]).astype(np.int64),
        np.concatenate([d[1] for d in delen]),
        np.concatenate([d[2] for d in delen]),
        capaciteit,
    )


def lp_doelwaarde(
    vraag: Sequence[Vraaggroep], locaties: Sequence[Locatie], instellingen: Instellingen
) -> tuple[int, int]:
    """(aantal geplaatst, doelwaarde in m) of the optimum, by two HiGHS LPs."""
    boog_i, boog_c, kosten, capaciteit = lp_bogen(vraag, locaties, instellingen)
    n = len(boog_i)
    if n == 0:
        return 0, 0
    aanbod = np.array([v.aantal for v in vraag], dtype=float)
    kolommen = np.arange(n)
    # Rows: one per vraaggroep (at most its pupils), one per place cell (at most its places).
    a_vraag = csr_matrix((np.ones(n), (boog_i, kolommen)), shape=(len(vraag), n))
    a_cel = csr_matrix((np.ones(n), (boog_c, kolommen)), shape=(len(capaciteit), n))
    a_ub = vstack([a_vraag, a_cel]).tocsr()
    b_ub = np.concatenate([aanbod, capaciteit.astype(float)])
    stap1 = linprog(-np.ones(n), A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
    if stap1.status != 0:
        raise RuntimeError(f"HiGHS stap 1: {stap1.message}")
    geplaatst = round(-stap1.fun)
    stap2 = linprog(
        kosten.astype(float),
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=csr_matrix(np.ones((1, n))),
        b_eq=np.array([float(geplaatst)]),
        bounds=(0, None),
        method="highs",
    )
    if stap2.status != 0:
        raise RuntimeError(f"HiGHS stap 2: {stap2.message}")
    return geplaatst, round(stap2.fun)
