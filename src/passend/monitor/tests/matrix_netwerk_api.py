"""The monitor's matrix sub-part: dekkend netwerk API routes (see tests/matrix.py).

The SWV's readers (directeur, functioneel beheerder) read their own
SWV's analyses (another SWV's: 404); every other role is refused with a 403 before any
analysis is looked up (they may never read analyses). Only the directeur and the
functioneel beheerder start one (202; the job runs at once in tests).
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, OVERIGE, Entry
from passend.monitor.tests.factories import NetwerkanalyseFactory

LEZERS = ("directeur", "functioneel_beheerder")


def _lezers(uitkomst: object) -> dict[str, object]:
    return dict.fromkeys(LEZERS, uitkomst)


MATRIX: dict[str, Entry] = {
    "api:netwerkanalyse-list": {
        "GET": {ANONIEM: 401, **_lezers(200), OVERIGE: 403},
        "POST": {
            ANONIEM: 401,
            "directeur": 202,
            "functioneel_beheerder": 202,
            OVERIGE: 403,
        },
    },
    "api:netwerkanalyse-detail": {"GET": {ANONIEM: 401, **_lezers(EIGEN_200), OVERIGE: 403}},
    "api:netwerkanalyse-vergelijking": {"GET": {ANONIEM: 401, **_lezers(EIGEN_200), OVERIGE: 403}},
}

ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("api:netwerkanalyse-",): {
        "sleutel": lambda regio: str(regio.extra["netwerkanalyse"].sleutel),
    },
    ("api:netwerkanalyse-vergelijking",): {
        "sleutel": lambda regio: str(regio.extra["netwerk_api_wat_als"].sleutel),
    },
}

API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {
    ("api:netwerkanalyse-list", "POST"): (
        lambda regio: {"naam": "Analyse uit de matrix", "wijzigingen": [], "basis": None},
        False,
    ),
}


def scenario_aanvullen(regio: Any) -> None:
    """A finished what-if on the region's analysis (for the comparison)."""
    regio.extra["netwerk_api_wat_als"] = NetwerkanalyseFactory(
        samenwerkingsverband=regio.swv,
        basis=regio.extra["netwerkanalyse"],
        naam="Wat als een locatie sluit",
        wijzigingen=[{"soort": "sluiten", "vestiging": regio.vestiging.vestigingscode}],
        gestart_door=regio.rollen["directeur"].gebruiker,
    )
