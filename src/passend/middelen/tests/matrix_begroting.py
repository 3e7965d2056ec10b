"""The budget routes of middelen in the authorization matrix (see matrix): the pages under
/middelen/begrotingen/ and the API under /api/v1/begrotingen/.

* read (list, one budget): the SWV's directeur, functioneel beheerder, toezichthouder,
  OPR-lid and controller (``FINANCIEEL_MEDEWERKER``); another SWV's budget is a 404;
* edit (new budget, posts, import, compute, reserves, adopt): only the controller; the
  readers get a 403 like every other role. An empty form is shown again with its errors
  (200) or, for a button (POST only), refused with a message on the budget (302); an
  empty API body is a 400 on the own budget, a 404 on another SWV's.

Every region gets one entered post on its concept budget (``begrotingspost``).
"""

from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, Entry
from passend.middelen.rules import Postsoort
from passend.middelen.tests.factories import BegrotingspostFactory

R = Rolsoort
LEZERS = (R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER, R.TOEZICHTHOUDER, R.OPR_LID)
CONTROLLER = R.FINANCIEEL_MEDEWERKER
LEZEN = {ANONIEM: NAAR_LOGIN, **{r: EIGEN_200 for r in LEZERS}, CONTROLLER: EIGEN_200, OVERIGE: 403}
BEWERKEN = {ANONIEM: NAAR_LOGIN, CONTROLLER: EIGEN_200, OVERIGE: 403}
KNOP = {
    "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
    "POST": {ANONIEM: NAAR_LOGIN, CONTROLLER: {"eigen": 302, "ander": 404}, OVERIGE: 403},
}
API_NIET_AANGEBODEN = {ANONIEM: 401, "alle_rollen": 405}
API_LEEG = {ANONIEM: 401, CONTROLLER: {"eigen": 400, "ander": 404}, OVERIGE: 403}

MATRIX: dict[str, Entry] = {
    # --- Pages -------------------------------------------------------------------------------
    "middelen:begrotingen": {
        "GET": {ANONIEM: NAAR_LOGIN, **{r: 200 for r in LEZERS}, CONTROLLER: 200, OVERIGE: 403}
    },
    "middelen:begroting-nieuw": {
        "GET": {ANONIEM: NAAR_LOGIN, CONTROLLER: 200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, CONTROLLER: 200, OVERIGE: 403},
    },
    "middelen:begroting": {"GET": LEZEN},
    "middelen:post-nieuw": {"GET": BEWERKEN, "POST": BEWERKEN},
    "middelen:post-wijzigen": {"GET": BEWERKEN, "POST": BEWERKEN},
    "middelen:post-verwijderen": KNOP,
    "middelen:berekenen": KNOP,
    "middelen:reserve": {"GET": BEWERKEN, "POST": BEWERKEN},
    # An empty POST shows the budget again with the form's errors (200).
    "middelen:vaststellen": {
        "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
        "POST": BEWERKEN,
    },
    "middelen:importeren": {"GET": BEWERKEN, "POST": BEWERKEN},
    # --- API ---------------------------------------------------------------------------------
    "api:begroting-list": {
        "GET": {ANONIEM: 401, **{r: 200 for r in LEZERS}, CONTROLLER: 200, OVERIGE: 403},
        "POST": {ANONIEM: 401, CONTROLLER: 400, OVERIGE: 403},
    },
    "api:begroting-detail": {
        "GET": {ANONIEM: 401, **{r: EIGEN_200 for r in LEZERS}, CONTROLLER: EIGEN_200, OVERIGE: 403}
    },
    "api:begroting-posten": {"GET": API_NIET_AANGEBODEN, "POST": API_LEEG},
    "api:begroting-post": {"GET": API_NIET_AANGEBODEN, "PATCH": API_LEEG, "DELETE": API_LEEG},
    "api:begroting-berekenen": {"GET": API_NIET_AANGEBODEN, "POST": API_LEEG},
    "api:begroting-reserve": {"GET": API_NIET_AANGEBODEN, "POST": API_LEEG},
    "api:begroting-vaststellen": {"GET": API_NIET_AANGEBODEN, "POST": API_LEEG},
    # The import takes multipart/form-data only: the matrix's JSON body is a 415 once the
    # controller is authorised (a 403/404 comes first).
    "api:begroting-importeren": {
        "GET": API_NIET_AANGEBODEN,
        "POST": {ANONIEM: 401, CONTROLLER: {"eigen": 415, "ander": 404}, OVERIGE: 403},
    },
}


def _begroting(regio: Any) -> int:
    return int(regio.extra["begroting"].pk)


def _post(regio: Any) -> int:
    return int(regio.extra["begrotingspost"].pk)


ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    (
        "middelen:begroting",
        "middelen:post-",
        "middelen:berekenen",
        "middelen:reserve",
        "middelen:vaststellen",
        "middelen:importeren",
        "api:begroting-",
    ): {"pk": _begroting, "post_id": _post},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """One entered post on the region's concept budget (the post routes need one)."""
    regio.extra["begrotingspost"] = BegrotingspostFactory(
        begroting=regio.extra["begroting"], soort=Postsoort.STEUNPUNT, omschrijving="OJS"
    )
