"""The monitor's matrix sub-part: the dekkend netwerk pages (see tests/matrix.py).

The SWV's directeur and functioneel beheerder read their own SWV's analyses (another SWV's:
404) and start an analysis or a what-if. Every other role, the board (toezichthouder), the
OPR, the inspectorate and the ministry included (they read the KPI figures, not the
analyses), gets a 403.

An empty POST starts nothing: the start and what-if forms answer with their errors (200);
"opnieuw" on an analysis that did not fail sends the person back to it (302).
"""

from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, Entry

R = Rolsoort

LEZERS: dict[str, object] = {
    R.DIRECTEUR: 200,
    R.FUNCTIONEEL_BEHEERDER: 200,
}
LEZERS_EIGEN: dict[str, object] = {rol: EIGEN_200 for rol in LEZERS}
ANALISTEN: dict[str, object] = {R.DIRECTEUR: 200, R.FUNCTIONEEL_BEHEERDER: 200}
ANALISTEN_EIGEN: dict[str, object] = {rol: EIGEN_200 for rol in ANALISTEN}
TERUG_NAAR_ANALYSE = {"eigen": 302, "ander": 404}


def _entry(rollen: dict[str, object]) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


MATRIX: dict[str, Entry] = {
    "monitor:netwerk": {"GET": _entry(LEZERS)},
    "monitor:netwerk-starten": {"GET": _entry(ANALISTEN), "POST": _entry(ANALISTEN)},
    "monitor:netwerk-analyse": {"GET": _entry(LEZERS_EIGEN)},
    "monitor:netwerk-voortgang": {"GET": _entry(LEZERS_EIGEN)},
    # Only a POST starts a failed analysis again.
    "monitor:netwerk-opnieuw": {
        "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
        "POST": _entry({rol: TERUG_NAAR_ANALYSE for rol in ANALISTEN}),
    },
    "monitor:netwerk-wat-als": {"GET": _entry(ANALISTEN_EIGEN), "POST": _entry(ANALISTEN_EIGEN)},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("monitor:netwerk-",): {"sleutel": lambda regio: str(regio.extra["netwerkanalyse"].sleutel)},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing extra: the pages use the region's finished analysis (``netwerkanalyse``)."""
