"""A sub-part of this app's authorization matrix (see ``matrix.py``): disagreements, their
route, the parent portal and the API.

Choices, following the code: a role that may never do an action gets 403 (logged) before
anything is read; a disagreement the actor may not see is hidden (404): another region's,
and for the SWV one that has not reached it (``onenigheid_school``, used for the step form
because the other case has a running step). Parents use the portal; the staff pages refuse
them (403). An empty POST shows the form again with its errors (200).

The API follows the policy: parents read their own child's case (as in the portal) and
start one; the list is for staff. A valid body is posted: a new disagreement about the
region's pupil (another region's pupil is unknown: 400 on ``leerling``) and the first step
of the case that has not reached the SWV (hidden from the SWV: 404).
"""

from typing import Any

from django.utils import timezone

from passend.core.tests.matrixtypen import (
    ANONIEM,
    EIGEN_200,
    NAAR_LOGIN,
    NIETS,
    OVERIGE,
    Entry,
)

#: Who read one case on the staff pages / work in it.
LEZERS = {
    "register": EIGEN_200,
    "bestuurder": EIGEN_200,
    "loket": EIGEN_200,
    "directeur": EIGEN_200,
    "commissielid": EIGEN_200,
}
WERKERS = {
    "register": EIGEN_200,
    "bestuurder": EIGEN_200,
    "loket": EIGEN_200,
    "directeur": EIGEN_200,
}
#: A valid API body about the own region's case: created; another region's: hidden (404).
EIGEN_201 = {"eigen": 201, "ander": 404}
#: A new case about the own region's pupil: created; another region's pupil is unknown (400).
NIEUW = {"eigen": 201, "ander": 400}
#: The case that has not reached the SWV: the SWV does not see it.
WERKERS_SCHOOL = {
    "register": EIGEN_200,
    "bestuurder": EIGEN_200,
    "loket": NIETS,
    "directeur": NIETS,
}
SWV_ALLEN = {
    "loket": 200,
    "commissielid": 200,
    "deskundige": 200,
    "directeur": 200,
    "privacy_officer": 200,
    "functioneel_beheerder": 200,
    "steunpunt": 200,
    "toezichthouder": 200,
    "financieel": 200,
    "opr_lid": 200,
}


def _pagina(**rollen: object) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


def _formulier(**rollen: object) -> dict[str, dict[str, object]]:
    return {"GET": _pagina(**rollen), "POST": _pagina(**rollen)}


MATRIX: dict[str, Entry] = {
    "geschillen:overzicht": {
        "GET": _pagina(register=200, bestuurder=200, loket=200, directeur=200, commissielid=200)
    },
    "geschillen:route": {
        "GET": _pagina(**SWV_ALLEN),
        "POST": _pagina(directeur=200, functioneel_beheerder=200),
    },
    "geschillen:starten": _formulier(register=EIGEN_200),
    "geschillen:onenigheid": {"GET": _pagina(**LEZERS)},
    "geschillen:stap": _formulier(**WERKERS_SCHOOL),
    "geschillen:stap-afronden": _formulier(**WERKERS),
    "geschillen:commissie": _formulier(**WERKERS),
    "geschillen:afsluiten": _formulier(**WERKERS),
    # --- The parents' portal ---------------------------------------------------------------
    "geschillen:portaal": {"GET": _pagina(ouder=200)},
    "geschillen:portaal-starten": _formulier(ouder=200),
    "geschillen:portaal-onenigheid": {"GET": _pagina(ouder=EIGEN_200)},
    "geschillen:portaal-intrekken": _formulier(ouder=EIGEN_200),
    # --- API ----------------------------------------------------------------------------------
    "api:onenigheid-list": {
        "GET": {
            ANONIEM: 401,
            "register": 200,
            "bestuurder": 200,
            "loket": 200,
            "directeur": 200,
            "commissielid": 200,
            OVERIGE: 403,
        },
        "POST": {ANONIEM: 401, "register": NIEUW, "ouder": NIEUW, OVERIGE: 403},
    },
    "api:onenigheid-detail": {
        "GET": {ANONIEM: 401, **LEZERS, "ouder": EIGEN_200, OVERIGE: 403},
        "PUT": {ANONIEM: 401, "alle_rollen": 405},
        "PATCH": {ANONIEM: 401, "alle_rollen": 405},
        "DELETE": {ANONIEM: 401, "alle_rollen": 405},
    },
    "api:onenigheid-stappen": {
        "GET": {ANONIEM: 401, "alle_rollen": 405},
        "POST": {
            ANONIEM: 401,
            "register": EIGEN_201,
            "bestuurder": EIGEN_201,
            "loket": NIETS,
            "directeur": NIETS,
            OVERIGE: 403,
        },
    },
}

ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("geschillen:", "api:onenigheid-"): {
        "sleutel": lambda regio: str(regio.extra["onenigheid"].sleutel),
        "leerling": lambda regio: str(regio.leerling.sleutel),
        "pk": lambda regio: regio.extra["onenigheid_stap"].pk,
    },
    ("geschillen:stap",): {
        "sleutel": lambda regio: str(regio.extra["onenigheid_school"].sleutel),
    },
    ("geschillen:stap-afronden",): {
        "sleutel": lambda regio: str(regio.extra["onenigheid"].sleutel),
        "pk": lambda regio: regio.extra["onenigheid_stap"].pk,
    },
    ("api:onenigheid-stappen",): {
        "sleutel": lambda regio: str(regio.extra["onenigheid_school"].sleutel),
    },
}


def _nieuwe_onenigheid(regio: Any) -> dict[str, str]:
    return {
        "leerling": str(regio.leerling.sleutel),
        # Not the subject of the scenario's open disagreements (a second one is refused).
        "onderwerp": "overig",
        "omschrijving": "Wij willen meer hulp bij rekenen.",
    }


def _eerste_stap(regio: Any) -> dict[str, str]:
    return {"routestap": "gesprek-school", "begonnen_op": timezone.localdate().isoformat()}


API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {
    ("api:onenigheid-list", "POST"): (_nieuwe_onenigheid, True),
    ("api:onenigheid-stappen", "POST"): (_eerste_stap, False),
}


def scenario_aanvullen(regio: Any) -> None:
    """The running first step of the disagreement at the SWV (for ``stap-afronden``)."""
    regio.extra["onenigheid_stap"] = regio.extra["onenigheid"].stappen.get()
