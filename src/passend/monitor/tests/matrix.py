"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Two sub-parts: ``matrix_kpi`` (the KPI dashboard, the all-SWV table, exports and the KPI
API) and ``matrix_netwerk`` (dekkend netwerk analyses, what-ifs and their API).

Each region gets a finished analysis of its SWV (``netwerkanalyse``); the sub-parts add
what else they need.
"""

from typing import Any

from passend.core.tests.matrixtypen import Entry
from passend.monitor.tests import matrix_kpi, matrix_netwerk, matrix_netwerk_api
from passend.monitor.tests.factories import NetwerkanalyseFactory

_DELEN = (matrix_kpi, matrix_netwerk, matrix_netwerk_api)

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    assert not _dubbel, f"routes staan twee keer in de monitor-matrix: {sorted(_dubbel)}"
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """A finished analysis of the region's SWV."""
    regio.extra["netwerkanalyse"] = NetwerkanalyseFactory(
        samenwerkingsverband=regio.swv,
        gestart_door=regio.rollen["directeur"].gebruiker,
    )
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
