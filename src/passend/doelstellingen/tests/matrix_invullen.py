"""Matrix sub-part (see tests/matrix.py): answering a questionnaire with a code (/vragenlijst/).

Public for everybody, logged in or not: the code is the only key. Without a code in the
session the questionnaire sends you to the code page; an empty code is a form error.
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, PUBLIEK, Entry, Redirect

NAAR_CODE = Redirect("vragenlijst:start")

MATRIX: dict[str, Entry] = {
    "vragenlijst:start": {"GET": PUBLIEK, "POST": PUBLIEK},
    "vragenlijst:invullen": {
        "GET": {ANONIEM: NAAR_CODE, "alle_rollen": NAAR_CODE},
        "POST": {ANONIEM: NAAR_CODE, "alle_rollen": NAAR_CODE},
    },
    "vragenlijst:bedankt": {"GET": PUBLIEK},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing to add: the routes take no object."""
