"""The monitor's matrix sub-part: the KPI dashboard, every SWV side by side, their downloads
and the KPI API (see tests/matrix.py).

- The own SWV's dashboard (``/monitor/``) is for the SWV's directeur, functioneel beheerder,
  board (toezichthouder) and OPR; the inspectorate and the ministry have no own SWV and are
  sent to the all-SWV table; every other role is refused (403, logged).
- The inspectorate and the ministry read only the all-SWV table (``/monitor/landelijk/``):
  there is no per-SWV dashboard for them (it could show a cell the national table hides as
  a complement).
- The API's ``kengetallen`` is the own SWV's figures: the national roles get the policy's
  403 (logged); they read ``landelijk``.
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, NAAR_LOGIN, OVERIGE, Entry, Redirect

#: Roles that read their own SWV's figures.
SWV_LEZERS = {"directeur": 200, "functioneel_beheerder": 200, "toezichthouder": 200, "opr_lid": 200}

_EIGEN: Entry = {
    "GET": {
        ANONIEM: NAAR_LOGIN,
        **SWV_LEZERS,
        "landelijk": Redirect("monitor:landelijk"),
        OVERIGE: 403,
    }
}
_LANDELIJK: Entry = {"GET": {ANONIEM: NAAR_LOGIN, "landelijk": 200, OVERIGE: 403}}

MATRIX: dict[str, Entry] = {
    "monitor:dashboard": _EIGEN,
    "monitor:dashboard-csv": _EIGEN,
    "monitor:dashboard-xlsx": _EIGEN,
    "monitor:landelijk": _LANDELIJK,
    "monitor:landelijk-csv": _LANDELIJK,
    "monitor:landelijk-xlsx": _LANDELIJK,
    "api:monitor-kengetallen": {
        "GET": {ANONIEM: 401, **SWV_LEZERS, OVERIGE: 403},
    },
    "api:monitor-landelijk": {"GET": {ANONIEM: 401, "landelijk": 200, OVERIGE: 403}},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing extra: the routes are about the actor's own SWV or all of them."""
