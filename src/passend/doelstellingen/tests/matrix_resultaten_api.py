"""Matrix sub-part (see tests/matrix.py): the results API of a wave.

Asked for the region's closed SWV wave (``meting_gesloten``): its directeur, functioneel
beheerder, board (toezichthouder) and OPR read it (200), the other region's readers get a
404 (logged); the inspectorate and the ministry read national waves only (an SWV's wave is
out of their sight: 404); every other role has no results (403, logged). The national wave
(``landelijke_meting``) is covered in ``test_resultaten_api``.
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NIETS, OVERIGE, Entry

MATRIX: dict[str, Entry] = {
    "api:meting-resultaten": {
        "GET": {
            ANONIEM: 401,
            "directeur": EIGEN_200,
            "functioneel_beheerder": EIGEN_200,
            "toezichthouder": EIGEN_200,
            "opr_lid": EIGEN_200,
            "landelijk": NIETS,
            OVERIGE: 403,
        }
    },
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("api:meting-resultaten",): {"pk": lambda regio: regio.extra["meting_gesloten"].pk},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing to add: the closed wave of tests/matrix.py has no questions, so its figures are
    empty, which is all the matrix needs."""
