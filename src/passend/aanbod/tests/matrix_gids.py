"""The gids routes of the aanbod app in the authorization matrix (see matrix).

The public guide needs no log-in: every page answers the same to anonymous visitors and
to every role. A school's page shows a published offer of any location, the own region's
and another's alike (``OPENBAAR``); the concept of the next version that
``matrix.scenario_aanvullen`` adds never shows (tested in ``test_gids_paginas``).
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, OPENBAAR, PUBLIEK, Entry

MATRIX: dict[str, Entry] = {
    "gids:zoeken": {"GET": PUBLIEK},
    "gids:school": {"GET": {ANONIEM: 200, "alle_rollen": OPENBAAR}},
    "gids:vergelijken": {"GET": PUBLIEK},
    "gids:zorgplicht": {"GET": PUBLIEK},
    "gids:opp": {"GET": PUBLIEK},
    "gids:tlv": {"GET": PUBLIEK},
    "gids:onenigheid": {"GET": PUBLIEK},
    "gids:hulp": {"GET": PUBLIEK},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Objects these routes need beyond those of matrix.scenario_aanvullen: none (the
    school page uses the region's published offer of its location)."""
