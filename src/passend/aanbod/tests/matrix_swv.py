"""The swv routes of the aanbod app in the authorization matrix (see matrix): the SWV's
overview, waiting lists, CSV import and export, the sociale kaart, and the API.

* the region's overview and waiting lists (and their CSV): the SWV's loket, commissielid,
  directeur and functioneel beheerder; the import and export: the directeur and the
  functioneel beheerder; the sociale kaart: the loket, directeur and functioneel
  beheerder, who see only their own SWV's entries (another SWV's is a 404);
* the API: the published offers and the areas are public (anonymous too); a concept is
  read by the school, its board and the region's SWV; opened and replaced by the school's
  intern begeleider and schoolleider and the SWV's import roles; published by the
  schoolleider and the SWV's import roles. An empty body is refused with 400 after the
  location was found; a location the actor may not see is a 404.
"""

from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    EIGEN_200,
    NAAR_LOGIN,
    OVERIGE,
    PUBLIEK,
    Entry,
)

R = Rolsoort
REGIO_LEZERS = {R.LOKET: 200, R.COMMISSIELID: 200, R.DIRECTEUR: 200, R.FUNCTIONEEL_BEHEERDER: 200}
IMPORTEURS = {R.DIRECTEUR: 200, R.FUNCTIONEEL_BEHEERDER: 200}
KAARTBEHEERDERS = (R.LOKET, R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER)
#: A body the service refuses (400) on the own organisation's location; another's is hidden.
LEEG_GEWEIGERD = {"eigen": 400, "ander": 404}
NIET_AANGEBODEN = {ANONIEM: 401, "alle_rollen": 405}

MATRIX: dict[str, Entry] = {
    # --- Pages -------------------------------------------------------------------------------
    **{
        f"aanbod:{naam}": {"GET": {ANONIEM: NAAR_LOGIN, **REGIO_LEZERS, OVERIGE: 403}}
        for naam in ("regio-overzicht", "regio-wachtlijsten", "regio-wachtlijsten-csv")
    },
    # An empty upload: the form is shown again with its errors.
    "aanbod:regio-importeren": {
        "GET": {ANONIEM: NAAR_LOGIN, **IMPORTEURS, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, **IMPORTEURS, OVERIGE: 403},
    },
    "aanbod:regio-exporteren": {"GET": {ANONIEM: NAAR_LOGIN, **IMPORTEURS, OVERIGE: 403}},
    "aanbod:kaart-lijst": {
        "GET": {ANONIEM: NAAR_LOGIN, **{r: 200 for r in KAARTBEHEERDERS}, OVERIGE: 403}
    },
    "aanbod:kaart-toevoegen": {
        "GET": {ANONIEM: NAAR_LOGIN, **{r: 200 for r in KAARTBEHEERDERS}, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, **{r: 200 for r in KAARTBEHEERDERS}, OVERIGE: 403},
    },
    # Another SWV's entry is hidden (404); an empty POST shows the form with its errors.
    "aanbod:kaart-wijzigen": {
        "GET": {ANONIEM: NAAR_LOGIN, **{r: EIGEN_200 for r in KAARTBEHEERDERS}, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, **{r: EIGEN_200 for r in KAARTBEHEERDERS}, OVERIGE: 403},
    },
    # POST only; an empty POST is refused with a message on the list (302).
    "aanbod:kaart-activeren": {
        "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
        "POST": {
            ANONIEM: NAAR_LOGIN,
            **{r: {"eigen": 302, "ander": 404} for r in KAARTBEHEERDERS},
            OVERIGE: 403,
        },
    },
    # --- API ---------------------------------------------------------------------------------
    "api:aanbod-list": {"GET": PUBLIEK},
    "api:aanbod-detail": {"GET": PUBLIEK},
    "api:ondersteuningsgebied-list": {"GET": PUBLIEK},
    "api:aanbod-concept": {
        "GET": {
            ANONIEM: 401,
            **{
                r: EIGEN_200
                for r in (
                    R.INTERN_BEGELEIDER,
                    R.SCHOOLLEIDER,
                    R.BESTUURDER,
                    R.LOKET,
                    R.COMMISSIELID,
                    R.DIRECTEUR,
                    R.FUNCTIONEEL_BEHEERDER,
                )
            },
            OVERIGE: 403,
        },
        # The scenario's concept exists already: 200 (a new one would be 201).
        "POST": {
            ANONIEM: 401,
            **{
                r: EIGEN_200
                for r in (
                    R.INTERN_BEGELEIDER,
                    R.SCHOOLLEIDER,
                    R.DIRECTEUR,
                    R.FUNCTIONEEL_BEHEERDER,
                )
            },
            OVERIGE: 403,
        },
        "PUT": {
            ANONIEM: 401,
            **{
                r: LEEG_GEWEIGERD
                for r in (
                    R.INTERN_BEGELEIDER,
                    R.SCHOOLLEIDER,
                    R.DIRECTEUR,
                    R.FUNCTIONEEL_BEHEERDER,
                )
            },
            OVERIGE: 403,
        },
        "PATCH": NIET_AANGEBODEN,
        "DELETE": NIET_AANGEBODEN,
    },
    "api:aanbod-publiceren": {
        "GET": NIET_AANGEBODEN,
        "POST": {
            ANONIEM: 401,
            **{r: LEEG_GEWEIGERD for r in (R.SCHOOLLEIDER, R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER)},
            OVERIGE: 403,
        },
    },
}


def _voorziening(regio: Any) -> int:
    return int(regio.extra["voorziening"].pk)


def _schooljaar(regio: Any) -> str:
    return str(regio.extra["aanbod_concept"].schooljaar)


ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("aanbod:kaart-",): {"pk": _voorziening},
    ("api:aanbod-concept", "api:aanbod-publiceren"): {"schooljaar": _schooljaar},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Objects these routes need beyond those of matrix.scenario_aanvullen (none: the
    published offer, its concept and the SWV's Voorziening are there already)."""
