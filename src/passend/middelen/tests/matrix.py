"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Sub-parts: matrix_begroting, matrix_plannen (each owns its routes and what it adds to a
region in ``scenario_aanvullen``).
"""

import datetime
from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import Entry
from passend.middelen.rules import Begrotingsstatus
from passend.middelen.tests import matrix_begroting, matrix_plannen
from passend.middelen.tests.factories import BegrotingFactory, PlanFactory, PlanversieFactory

_DELEN = (
    matrix_begroting,
    matrix_plannen,
)

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    assert not _dubbel, f"routes staan twee keer in de middelen-matrix: {sorted(_dubbel)}"
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """Each region gets a concept budget for 2026 (``begroting``) and an adopted one for
    2025 (``begroting_vastgesteld``), and an ondersteuningsplan with one version
    (``plan``, ``planversie``). The sub-parts add what else they need."""
    regio.extra["begroting"] = BegrotingFactory(samenwerkingsverband=regio.swv, jaar=2026)
    regio.extra["begroting_vastgesteld"] = BegrotingFactory(
        samenwerkingsverband=regio.swv,
        jaar=2025,
        status=Begrotingsstatus.VASTGESTELD,
        vastgesteld_op=datetime.date(2024, 12, 10),
    )
    plan = PlanFactory(samenwerkingsverband=regio.swv)
    regio.extra["plan"] = plan
    regio.extra["planversie"] = PlanversieFactory(
        plan=plan, nummer=1, aangemaakt_door=regio.rollen[Rolsoort.DIRECTEUR].gebruiker
    )
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
