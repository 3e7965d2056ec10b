"""Matrix sub-part (see tests/matrix.py): the results page of a wave and its PDF report.

The route's object is the region's closed SWV wave (``meting_gesloten``): its SWV's
directeur, functioneel beheerder, board (toezichthouder) and OPR read it; the other
region's wave is hidden from them (404, logged). The inspectorate and the ministry read
national waves only: an SWV's wave is hidden from them too (404). Every other role may never
read results (403, logged). The national wave (``landelijke_meting``, readable by all of
these roles) is covered in ``test_resultaten_paginas.py``: a route has one object here.
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, NIETS, OVERIGE, Entry

_LEZEN: Entry = {
    "GET": {
        ANONIEM: NAAR_LOGIN,
        "directeur": EIGEN_200,
        "functioneel_beheerder": EIGEN_200,
        "toezichthouder": EIGEN_200,
        "opr_lid": EIGEN_200,
        "landelijk": NIETS,
        OVERIGE: 403,
    }
}

MATRIX: dict[str, Entry] = {
    "doelstellingen:resultaten": _LEZEN,
    "doelstellingen:resultaten-pdf": _LEZEN,
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("doelstellingen:resultaten",): {"pk": lambda regio: regio.extra["meting_gesloten"].pk},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing to add: the closed wave of ``tests/matrix.py`` (its questionnaires and answers,
    if any, come from the other sub-parts) is enough to show its results page."""
