"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py)."""

from typing import Any

from passend.core.tests.matrixtypen import Entry

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Add this app's objects to a region of the security scenario (``regio.extra``)."""
