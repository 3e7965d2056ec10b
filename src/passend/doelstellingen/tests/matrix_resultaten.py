"""Matrix sub-part (see tests/matrix.py): filled in with the routes it covers."""

from typing import Any

from passend.core.tests.matrixtypen import Entry

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing to add yet."""
