"""The gids routes of the aanbod app in the authorization matrix (see matrix)."""

from typing import Any

from passend.core.tests.matrixtypen import Entry

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Objects these routes need beyond those of matrix.scenario_aanvullen."""
