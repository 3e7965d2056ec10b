"""What an optimum means for a region: the summary the web page, the API and
``manage.py dekkend_netwerk`` show (JSON-serialisable, figures only, never a pupil).

Shape (every count is pupils or places)::

    {
      "bewezen_optimaal": bool, "doelwaarde_m": int, "doelwaarde_km": float,
      "aantal_vraag": int, "aantal_geplaatst": int, "aantal_niet_geplaatst": int,
      "regulier_geplaatst": int, "speciaal_geplaatst": int,
      "afstanden_km": {"gemiddeld": float|None, "p90": float|None, "max": float|None},
      "per_gebied": [{"gebied", "vraag", "geplaatst", "niet_geplaatst", "capaciteit", "gebruikt"}],
      "per_niveau": [{"niveau", "vraag", "geplaatst", "niet_geplaatst", "capaciteit", "gebruikt"}],
      "per_regio":  [{"regio", "vraag", "geplaatst", "niet_geplaatst"}],
      "niet_geplaatst": [{"regio", "gebied", "niveau", "aantal"}],   # needs that cannot be met
      "locaties": [{"id", "naam", "soort", "regio", "breedtegraad", "lengtegraad",
                    "capaciteit", "gebruikt", "vrij",
                    "plaatsen": [{"niveau", "gebied", "capaciteit", "gebruikt"}]}],
      "rekentijd_s": {...}, "aantal_bogen": int, "aantal_deelproblemen": int,
    }

Distances are over placed pupils (each pupil counts once; the 90th percentile is the
distance within which 90 % of them travel).
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from passend.monitor.netwerk.model import SPECIAAL, Locatie, Uitkomst, Vraaggroep


def _km(meters: float | None) -> float | None:
    return None if meters is None else round(float(meters) / 1000, 2)


def afstanden(uitkomst: Uitkomst) -> dict[str, float | None]:
    """Mean, 90th percentile and maximum home–school distance (km) of the placed pupils."""
    if not uitkomst.toewijzingen:
        return {"gemiddeld": None, "p90": None, "max": None}
    afstand = np.array([t.afstand_m for t in uitkomst.toewijzingen], dtype=float)
    gewicht = np.array([t.aantal for t in uitkomst.toewijzingen], dtype=np.int64)
    volgorde = np.argsort(afstand, kind="stable")
    cumulatief = np.cumsum(gewicht[volgorde])
    # The smallest distance within which at least 90 % of the placed pupils travel.
    p90 = afstand[volgorde][int(np.searchsorted(cumulatief, 0.9 * cumulatief[-1], side="left"))]
    return {
        "gemiddeld": _km(float((afstand * gewicht).sum() / gewicht.sum())),
        "p90": _km(p90),
        "max": _km(afstand.max()),
    }


def samenvatten(
    uitkomst: Uitkomst, vraag: Sequence[Vraaggroep], locaties: Sequence[Locatie]
) -> dict[str, Any]:
    groepen = {v.id: v for v in vraag}
    vraag_gebied: Counter[str] = Counter()
    vraag_niveau: Counter[str] = Counter()
    vraag_regio: Counter[str] = Counter()
    for v in vraag:
        vraag_gebied[v.gebied] += v.aantal
        vraag_niveau[v.niveau] += v.aantal
        vraag_regio[v.regio] += v.aantal
    open_gebied: Counter[str] = Counter()
    open_niveau: Counter[str] = Counter()
    open_regio: Counter[str] = Counter()
    open_per_soort: Counter[tuple[str, str, str]] = Counter()
    for groep_id, aantal in uitkomst.niet_geplaatst.items():
        v = groepen[groep_id]
        open_gebied[v.gebied] += aantal
        open_niveau[v.niveau] += aantal
        open_regio[v.regio] += aantal
        open_per_soort[(v.regio, v.gebied, v.niveau)] += aantal
    cap_gebied: Counter[str] = Counter()
    gebruikt_gebied: Counter[str] = Counter()
    cap_niveau: Counter[str] = Counter()
    gebruikt_niveau: Counter[str] = Counter()
    per_locatie: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in uitkomst.plaatsgebruik:
        cap_gebied[p.gebied] += p.capaciteit
        gebruikt_gebied[p.gebied] += p.gebruikt
        cap_niveau[p.niveau] += p.capaciteit
        gebruikt_niveau[p.niveau] += p.gebruikt
        per_locatie[p.locatie_id].append(
            {
                "niveau": p.niveau,
                "gebied": p.gebied,
                "capaciteit": p.capaciteit,
                "gebruikt": p.gebruikt,
            }
        )
    speciaal = sum(t.aantal for t in uitkomst.toewijzingen if t.niveau in SPECIAAL)
    locatierijen = []
    for loc in locaties:
        plaatsen = per_locatie.get(loc.id, [])
        capaciteit = sum(p["capaciteit"] for p in plaatsen)
        gebruikt = sum(p["gebruikt"] for p in plaatsen)
        locatierijen.append(
            {
                "id": loc.id,
                "naam": loc.naam,
                "soort": loc.soort,
                "regio": loc.regio,
                "breedtegraad": loc.breedtegraad,
                "lengtegraad": loc.lengtegraad,
                "capaciteit": capaciteit,
                "gebruikt": gebruikt,
                "vrij": capaciteit - gebruikt,
                "plaatsen": plaatsen,
            }
        )
    gebieden = sorted(set(vraag_gebied) | set(cap_gebied))
    niveaus = sorted(set(vraag_niveau) | set(cap_niveau))
    return {
        "bewezen_optimaal": uitkomst.bewezen_optimaal,
        "doelwaarde_m": uitkomst.doelwaarde_m,
        "doelwaarde_km": round(uitkomst.doelwaarde_m / 1000, 3),
        "aantal_vraag": uitkomst.aantal_vraag,
        "aantal_geplaatst": uitkomst.aantal_geplaatst,
        "aantal_niet_geplaatst": uitkomst.aantal_vraag - uitkomst.aantal_geplaatst,
        "regulier_geplaatst": uitkomst.aantal_geplaatst - speciaal,
        "speciaal_geplaatst": speciaal,
        "afstanden_km": afstanden(uitkomst),
        "per_gebied": [
            {
                "gebied": g,
                "vraag": vraag_gebied[g],
                "geplaatst": vraag_gebied[g] - open_gebied[g],
                "niet_geplaatst": open_gebied[g],
                "capaciteit": cap_gebied[g],
                "gebruikt": gebruikt_gebied[g],
            }
            for g in gebieden
        ],
        "per_niveau": [
            {
                "niveau": n,
                "vraag": vraag_niveau[n],
                "geplaatst": vraag_niveau[n] - open_niveau[n],
                "niet_geplaatst": open_niveau[n],
                "capaciteit": cap_niveau[n],
                "gebruikt": gebruikt_niveau[n],
            }
            for n in niveaus
        ],
        "per_regio": [
            {
                "regio": r,
                "vraag": vraag_regio[r],
                "geplaatst": vraag_regio[r] - open_regio[r],
                "niet_geplaatst": open_regio[r],
            }
            for r in sorted(vraag_regio)
        ],
        "niet_geplaatst": [
            {"regio": r, "gebied": g, "niveau": n, "aantal": aantal}
            for (r, g, n), aantal in sorted(open_per_soort.items())
        ],
        "locaties": locatierijen,
        "rekentijd_s": uitkomst.rekentijd_s,
        "aantal_bogen": uitkomst.aantal_bogen,
        "aantal_deelproblemen": uitkomst.aantal_deelproblemen,
    }
