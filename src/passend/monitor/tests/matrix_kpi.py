"""The monitor's matrix sub-part: the KPI dashboard, every SWV side by side, their downloads
and the KPI API (see tests/matrix.py).

- The own SWV's dashboard (``/monitor/``) is for the SWV's directeur, functioneel beheerder,
  board (toezichthouder) and OPR; the inspectorate and the ministry have no own SWV and are
  sent to the all-SWV table; every other role is refused (403, logged).
- One SWV's dashboard by code (``/monitor/swv/<code>/``) is for the inspectorate and the
  ministry, for any SWV (aggregates, suppressed); SWV roles read their own on ``/monitor/``
  and get a 403 here.
- The API's ``kengetallen`` without ``?samenwerkingsverband=`` is the own SWV; the national
  roles must name one (400 without it).
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, NAAR_LOGIN, OPENBAAR, OVERIGE, Entry, Redirect

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
_PER_SWV: Entry = {"GET": {ANONIEM: NAAR_LOGIN, "landelijk": OPENBAAR, OVERIGE: 403}}
_LANDELIJK: Entry = {"GET": {ANONIEM: NAAR_LOGIN, "landelijk": 200, OVERIGE: 403}}

MATRIX: dict[str, Entry] = {
    "monitor:dashboard": _EIGEN,
    "monitor:dashboard-csv": _EIGEN,
    "monitor:dashboard-xlsx": _EIGEN,
    "monitor:dashboard-swv": _PER_SWV,
    "monitor:dashboard-swv-csv": _PER_SWV,
    "monitor:dashboard-swv-xlsx": _PER_SWV,
    "monitor:landelijk": _LANDELIJK,
    "monitor:landelijk-csv": _LANDELIJK,
    "monitor:landelijk-xlsx": _LANDELIJK,
    "api:monitor-kengetallen": {
        "GET": {ANONIEM: 401, **SWV_LEZERS, "landelijk": 400, OVERIGE: 403},
    },
    "api:monitor-landelijk": {"GET": {ANONIEM: 401, "landelijk": 200, OVERIGE: 403}},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing extra: the routes are about the region's SWV (``code``)."""
