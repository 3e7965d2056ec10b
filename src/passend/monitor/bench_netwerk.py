"""Benchmark of the placement optimiser at national scale (issue #7, ADR 0010):
``python -m passend.monitor.bench_netwerk`` prints the figures as JSON.

Builds the synthetic national instance (``netwerk.nationaal``), solves the whole country,
one SWV region (the one with the most pupils with a need) and checks the optimum of a
regional instance against the independent LP (``netwerk.lp_controle``). Needs no database.
"""

import json
import os
import platform
import sys
import time
from collections import Counter
from typing import Any

#: The LP check runs on the region ranked here by pupils with a need (HiGHS on the very
#: largest regions takes minutes; a mid-sized region keeps ``make bench`` short).
LP_REGIO_RANG = 40


def _instellingen() -> Any:
    from passend.monitor.netwerk.model import Instellingen

    # The defaults of settings.PASSEND (conf/base.py), without needing Django here.
    return Instellingen(
        max_afstand_km={
            ("po", "extra"): 5,
            ("po", "sbo"): 15,
            ("po", "so"): 30,
            ("vo", "extra"): 15,
            ("vo", "pro"): 20,
            ("vo", "vso"): 30,
        },
        straf_speciaal_km=10,
    )


def run() -> dict[str, Any]:
    from passend.monitor.netwerk import nationaal
    from passend.monitor.netwerk.lp_controle import lp_doelwaarde
    from passend.monitor.netwerk.oplosser import oplossen

    instellingen = _instellingen()
    begin = time.perf_counter()
    scholen = nationaal.scholen_laden()
    regios = nationaal.swv_regios(scholen)
    vraag, locaties = nationaal.bevolking(scholen, regios)
    bouwen_s = time.perf_counter() - begin

    begin = time.perf_counter()
    land = oplossen(vraag, locaties, instellingen)
    land_s = time.perf_counter() - begin

    per_regio = Counter[str]()
    for v in vraag:
        per_regio[v.regio] += v.aantal
    rangorde = [r for r, _n in per_regio.most_common()]
    grootste = rangorde[0]
    r_vraag, r_locaties = nationaal.regio_instantie(vraag, locaties, regios, grootste)
    begin = time.perf_counter()
    regio = oplossen(r_vraag, r_locaties, instellingen)
    regio_s = time.perf_counter() - begin

    lp_regio = rangorde[min(LP_REGIO_RANG, len(rangorde) - 1)]
    l_vraag, l_locaties = nationaal.regio_instantie(vraag, locaties, regios, lp_regio)
    stroom = oplossen(l_vraag, l_locaties, instellingen)
    begin = time.perf_counter()
    lp_geplaatst, lp_waarde = lp_doelwaarde(l_vraag, l_locaties, instellingen)
    lp_s = time.perf_counter() - begin

    return {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "bouwen_s": round(bouwen_s, 2),
        "bevolking": {
            "locaties": len(locaties),
            "leerlingen_met_behoefte": sum(v.aantal for v in vraag),
            "vraaggroepen": len(vraag),
            "plaatsen": sum(sum(loc.capaciteit.values()) for loc in locaties),
            "regios": len(per_regio),
        },
        "land": {
            "wandtijd_s": round(land_s, 2),
            "bewezen_optimaal": land.bewezen_optimaal,
            "doelwaarde_m": land.doelwaarde_m,
            "geplaatst": land.aantal_geplaatst,
            "niet_geplaatst": land.aantal_vraag - land.aantal_geplaatst,
            "bogen": land.aantal_bogen,
            "deelproblemen": land.aantal_deelproblemen,
            "rekentijd_s": land.rekentijd_s,
        },
        "regio": {
            "regio": grootste,
            "vraag": regio.aantal_vraag,
            "wandtijd_s": round(regio_s, 3),
            "bewezen_optimaal": regio.bewezen_optimaal,
            "doelwaarde_m": regio.doelwaarde_m,
            "geplaatst": regio.aantal_geplaatst,
            "bogen": regio.aantal_bogen,
        },
        "lp_controle": {
            "regio": lp_regio,
            "vraag": stroom.aantal_vraag,
            "bogen": stroom.aantal_bogen,
            "gelijk": (lp_geplaatst, lp_waarde) == (stroom.aantal_geplaatst, stroom.doelwaarde_m),
            "min_cost_flow": [stroom.aantal_geplaatst, stroom.doelwaarde_m],
            "lp": [lp_geplaatst, lp_waarde],
            "lp_s": round(lp_s, 2),
        },
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
