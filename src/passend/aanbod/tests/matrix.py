"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Three sub-parts, one per face of the app: ``matrix_school`` (the school describes, publishes
and keeps its waiting list and schoolgids text), ``matrix_gids`` (the public guide: every
route public, for anonymous visitors and every role alike) and ``matrix_swv`` (the SWV's
overview, waiting lists, sociale kaart, CSV import/export, and the API).

Each region of the scenario gets a published offer of its location (``aanbod``), a concept
of the next version (``aanbod_concept``) and an entry of its SWV's sociale kaart
(``voorziening``); the sub-parts add what else they need.
"""

from typing import Any

from passend.aanbod.rules import Status
from passend.aanbod.tests import matrix_gids, matrix_school, matrix_swv
from passend.aanbod.tests.factories import AanbodFactory, VoorzieningFactory
from passend.core.tests.matrixtypen import Entry

_DELEN = (matrix_school, matrix_gids, matrix_swv)

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    assert not _dubbel, f"routes staan twee keer in de aanbod-matrix: {sorted(_dubbel)}"
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """Add this app's objects to a region of the security scenario (regio.extra)."""
    schoolleider = regio.rollen["schoolleider"].gebruiker
    regio.extra["aanbod"] = AanbodFactory(
        vestiging=regio.vestiging, gepubliceerd=True, bewerkt_door=schoolleider
    )
    regio.extra["aanbod_concept"] = AanbodFactory(
        vestiging=regio.vestiging, versie=2, status=Status.CONCEPT, bewerkt_door=schoolleider
    )
    regio.extra["voorziening"] = VoorzieningFactory(
        samenwerkingsverband=regio.swv, naam=f"Jeugdhulp {regio.label}"
    )
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
