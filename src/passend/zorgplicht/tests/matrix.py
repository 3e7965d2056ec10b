"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Each region of the scenario has an open registration of the region's pupil at the region's
location (``aanmelding``), and one that was extended and decided
(``aanmelding_besloten``, used for the letters). The school's intern begeleider and
schoolleider ("register") see their school's registrations; deciding and extending is for
the schoolleider and the board; the SWV's loket, commissielid and directeur see the
registrations of their region; parents use the portal. A hidden registration, or one the
actor may read but not change, is a 404; a role that may never use a page gets a 403.
"""

import datetime
from typing import Any

from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    API_INGELOGD,
    EIGEN_200,
    NAAR_LOGIN,
    NIETS,
    OVERIGE,
    Entry,
    Redirect,
)
from passend.zorgplicht.tests.factories import AanmeldingFactory

R = Rolsoort
#: Who sees a registration (besides the parents).
ZIEN = {
    "register": EIGEN_200,
    "bestuurder": EIGEN_200,
    R.LOKET: EIGEN_200,
    R.COMMISSIELID: EIGEN_200,
    R.DIRECTEUR: EIGEN_200,
}
#: Who decides and extends: the schoolleider and the board.
BESLISSEN = {R.SCHOOLLEIDER: EIGEN_200, "bestuurder": EIGEN_200}
API_BESLISSEN = {
    R.SCHOOLLEIDER: {"eigen": 400, "ander": 404},
    "bestuurder": {"eigen": 400, "ander": 404},
}
GEWEIGERD = {ANONIEM: 401, "alle_rollen": 405}

MATRIX: dict[str, Entry] = {
    # The school's list and the paper registration (an empty POST shows the form again).
    "zorgplicht:overzicht": {"GET": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403}},
    "zorgplicht:papier": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403},
    },
    # Parents are sent to their portal before anything is read.
    "zorgplicht:detail": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            **ZIEN,
            "ouder": Redirect("zorgplicht:portaal"),
            OVERIGE: NIETS,
        }
    },
    # An empty POST: the form is shown again with its errors (200) for who decides.
    **{
        f"zorgplicht:{naam}": {
            "GET": {ANONIEM: NAAR_LOGIN, **BESLISSEN, OVERIGE: NIETS},
            "POST": {ANONIEM: NAAR_LOGIN, **BESLISSEN, OVERIGE: NIETS},
        }
        for naam in ("verlengen", "besluit")
    },
    # The letters: the school, its board and the parents (of the extended, decided one).
    **{
        f"zorgplicht:brief-{soort}": {
            "GET": {
                ANONIEM: NAAR_LOGIN,
                "register": EIGEN_200,
                "bestuurder": EIGEN_200,
                "ouder": EIGEN_200,
                OVERIGE: NIETS,
            }
        }
        for soort in ("verlenging", "besluit")
    },
    "zorgplicht:termijnen": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            "bestuurder": 200,
            R.LOKET: 200,
            R.COMMISSIELID: 200,
            R.DIRECTEUR: 200,
            OVERIGE: 403,
        }
    },
    "zorgplicht:portaal": {"GET": {ANONIEM: NAAR_LOGIN, "ouder": 200, OVERIGE: 403}},
    "zorgplicht:aanmelden": {
        "GET": {ANONIEM: NAAR_LOGIN, "ouder": 200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "ouder": 200, OVERIGE: 403},
    },
    # --- API ---------------------------------------------------------------------------
    # A valid paper registration of a new child at the own school's location (eigen) or at
    # another school's (ander).
    "api:aanmelding-list": {
        "GET": API_INGELOGD,
        "POST": {ANONIEM: 401, "register": {"eigen": 201, "ander": 403}, OVERIGE: 403},
    },
    "api:aanmelding-detail": {
        "GET": {ANONIEM: 401, **ZIEN, "ouder": EIGEN_200, OVERIGE: NIETS},
        # Not offered: changing or removing a registration (only its actions).
        "PUT": GEWEIGERD,
        "PATCH": GEWEIGERD,
        "DELETE": GEWEIGERD,
    },
    # An empty body is refused with 400 for who decides (authorised first).
    **{
        f"api:aanmelding-{actie}": {
            "GET": GEWEIGERD,
            "POST": {ANONIEM: 401, **API_BESLISSEN, OVERIGE: NIETS},
        }
        for actie in ("verlengen", "besluit")
    },
}


def _aanmelding(regio: Any) -> str:
    return str(regio.extra["aanmelding"].sleutel)


def _besloten(regio: Any) -> str:
    return str(regio.extra["aanmelding_besloten"].sleutel)


#: Route-name prefixes → URL-argument makers for this app's routes (later entries win).
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("zorgplicht:", "api:aanmelding-"): {"sleutel": _aanmelding},
    ("zorgplicht:brief-",): {"sleutel": _besloten},
}


def _nieuwe_aanmelding(regio: Any) -> dict[str, Any]:
    return {
        "vestigingscode": regio.vestiging.vestigingscode,
        "ontvangen_op": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "ondersteuning_verwacht": False,
        "nieuwe_leerling": {
            "voornamen": "Nieuw",
            "achternaam": "Aangemeld",
            "geboortedatum": "2022-05-06",
            "postcode": "3511 AB",
        },
    }


#: (route, METHOD) → (body maker, whether the body names an organisation's object).
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {
    ("api:aanmelding-list", "POST"): (_nieuwe_aanmelding, True),
}


def scenario_aanvullen(regio: Any) -> None:
    """Add this app's objects to a region of the security scenario (regio.extra).

    The registrations are of the region's own pupil (whose parent and school are in the
    scenario): a new child would change what the parent sees in the other security tests.
    """
    vandaag = timezone.localdate()
    regio.extra["aanmelding"] = AanmeldingFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        ontvangen_op=vandaag - datetime.timedelta(days=10),
        ingediend_door=regio.ouder,
    )
    ontvangen = vandaag - datetime.timedelta(days=60)
    regio.extra["aanmelding_besloten"] = AanmeldingFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        ontvangen_op=ontvangen,
        ingediend_door=regio.ouder,
        verlengd=True,
        verlengd_op=ontvangen + datetime.timedelta(days=30),
        toegelaten=True,
        uitkomst_op=ontvangen + datetime.timedelta(days=50),
        ingangsdatum=vandaag + datetime.timedelta(days=30),
    )
