"""The plan routes and the public page in the authorization matrix (see tests/matrix.py).

* The plan pages: read by the SWV's directeur, functioneel beheerder, controller
  (financieel), board (toezichthouder) and OPR-lid; another SWV's plan is a 404. A new plan:
  the directeur and the controller; a new version of the scenario's ondersteuningsplan:
  the directeur only (the controller writes the meerjarenbegroting: a 403 on the own
  ondersteuningsplan). Consent and OOGO: the directeur. An empty POST shows the form with
  its errors (200).
* The public page (/verantwoording/) and its API: everybody, anonymous too.
* The plan API: the same roles as the pages; an empty body is a 400 once the plan or
  version was found.
"""

from typing import Any

from passend.accounts.rules import SWV_FINANCIELE_ROLLEN, Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    EIGEN_200,
    NAAR_LOGIN,
    OVERIGE,
    PUBLIEK,
    Entry,
)

R = Rolsoort
LEZERS = [R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER, R.TOEZICHTHOUDER, R.OPR_LID, *SWV_FINANCIELE_ROLLEN]
SCHRIJVERS = [R.DIRECTEUR, *SWV_FINANCIELE_ROLLEN]
#: The own ondersteuningsplan is the directeur's to write; the controller gets a 403.
OP_SCHRIJVEN = {
    R.DIRECTEUR: EIGEN_200,
    **{r: {"eigen": 403, "ander": 404} for r in SWV_FINANCIELE_ROLLEN},
}
LEEG_GEWEIGERD = {"eigen": 400, "ander": 404}
#: POST-only API routes: a GET is refused after authentication.
NIET_AANGEBODEN = {ANONIEM: 401, "alle_rollen": 405}

MATRIX: dict[str, Entry] = {
    # --- Pages -------------------------------------------------------------------------------
    "middelen:plannen": {"GET": {ANONIEM: NAAR_LOGIN, **{r: 200 for r in LEZERS}, OVERIGE: 403}},
    "middelen:plan": {"GET": {ANONIEM: NAAR_LOGIN, **{r: EIGEN_200 for r in LEZERS}, OVERIGE: 403}},
    "middelen:plan-nieuw": {
        m: {ANONIEM: NAAR_LOGIN, **{r: 200 for r in SCHRIJVERS}, OVERIGE: 403}
        for m in ("GET", "POST")
    },
    "middelen:versie-nieuw": {
        m: {ANONIEM: NAAR_LOGIN, **OP_SCHRIJVEN, OVERIGE: 403} for m in ("GET", "POST")
    },
    **{
        f"middelen:{naam}": {
            m: {ANONIEM: NAAR_LOGIN, R.DIRECTEUR: EIGEN_200, OVERIGE: 403} for m in ("GET", "POST")
        }
        for naam in ("instemming", "oogo")
    },
    # --- Public page -------------------------------------------------------------------------
    "verantwoording:overzicht": {"GET": PUBLIEK},
    "verantwoording:swv": {"GET": PUBLIEK},
    # --- API ---------------------------------------------------------------------------------
    "api:plan-list": {
        "GET": {ANONIEM: 401, **{r: 200 for r in LEZERS}, OVERIGE: 403},
        # An empty body is refused (400) for the roles that write a plan.
        "POST": {ANONIEM: 401, **{r: 400 for r in SCHRIJVERS}, OVERIGE: 403},
    },
    "api:plan-detail": {"GET": {ANONIEM: 401, **{r: EIGEN_200 for r in LEZERS}, OVERIGE: 403}},
    "api:plan-versies": {
        "GET": NIET_AANGEBODEN,
        "POST": {
            ANONIEM: 401,
            R.DIRECTEUR: LEEG_GEWEIGERD,
            **{r: {"eigen": 403, "ander": 404} for r in SWV_FINANCIELE_ROLLEN},
            OVERIGE: 403,
        },
    },
    **{
        f"api:planversie-{naam}": {
            "GET": NIET_AANGEBODEN,
            "POST": {ANONIEM: 401, R.DIRECTEUR: LEEG_GEWEIGERD, OVERIGE: 403},
        }
        for naam in ("instemming", "oogo")
    },
    "api:verantwoording": {"GET": PUBLIEK},
}


def _plan(regio: Any) -> int:
    return int(regio.extra["plan"].pk)


def _planversie(regio: Any) -> int:
    return int(regio.extra["planversie"].pk)


ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("middelen:plan", "middelen:versie-nieuw", "api:plan-"): {"pk": _plan},
    ("middelen:instemming", "middelen:oogo"): {"versie_pk": _planversie},
    ("api:planversie-",): {"pk": _planversie},
    ("api:verantwoording",): {"swv_code": lambda regio: regio.swv.code},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing beyond matrix.scenario_aanvullen (``plan``, ``planversie``,
    ``begroting_vastgesteld`` are there already)."""
