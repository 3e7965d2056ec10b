"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Each region of the scenario gets a vastgesteld OPP without a request (to request from) and
one request in each state the routes act on: new (``ingediend``), incomplete, complete and
decided. A role that may never do something gets a 403; a hidden request or OPP is a 404.
An empty POST shows the form again with its errors (200) for who may act, or, in the API,
a 400.
"""

import datetime
from typing import Any

from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, Entry

R = Rolsoort

#: Who reads requests on the staff pages: the school's IB and schoolleider, the board and
#: the SWV's staff. Parents use their portal; a leraar does not see requests.
MEDEWERKERS = {"register": EIGEN_200, "bestuurder": EIGEN_200, "swv_dossier": EIGEN_200}
AANVRAGERS = {"register": EIGEN_200, "bestuurder": EIGEN_200}
GEEN_GET = {ANONIEM: 401, "alle_rollen": 405}
ALLEEN_LOKET_POST = {
    ANONIEM: 401,
    R.LOKET: {"eigen": 400, "ander": 404},
    OVERIGE: 403,
}

MATRIX: dict[str, Entry] = {
    # --- pages ----------------------------------------------------------------------------
    "arrangementen:overzicht": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": 200, "bestuurder": 200, OVERIGE: 403}
    },
    "arrangementen:werkvoorraad": {"GET": {ANONIEM: NAAR_LOGIN, "swv_dossier": 200, OVERIGE: 403}},
    "arrangementen:portaal": {"GET": {ANONIEM: NAAR_LOGIN, "ouder": 200, OVERIGE: 403}},
    # From the own school's vastgesteld OPP (eigen); another school's OPP is hidden (404).
    "arrangementen:aanvragen": {
        "GET": {ANONIEM: NAAR_LOGIN, **AANVRAGERS, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, **AANVRAGERS, OVERIGE: 403},
    },
    "arrangementen:detail": {"GET": {ANONIEM: NAAR_LOGIN, **MEDEWERKERS, OVERIGE: 403}},
    # The decision letter of a decided request.
    "arrangementen:brief": {"GET": {ANONIEM: NAAR_LOGIN, **MEDEWERKERS, OVERIGE: 403}},
    # On an incomplete request (aanvullen), a new one (intrekken).
    "arrangementen:aanvullen": {
        "GET": {ANONIEM: NAAR_LOGIN, **AANVRAGERS, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, **AANVRAGERS, OVERIGE: 403},
    },
    "arrangementen:intrekken": {
        "GET": {ANONIEM: NAAR_LOGIN, **AANVRAGERS, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, **AANVRAGERS, OVERIGE: 403},
    },
    # The loket on a new request; a commissielid or the directeur on a complete one.
    "arrangementen:volledigheid": {
        "GET": {ANONIEM: NAAR_LOGIN, R.LOKET: EIGEN_200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, R.LOKET: EIGEN_200, OVERIGE: 403},
    },
    "arrangementen:besluit": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            R.COMMISSIELID: EIGEN_200,
            R.DIRECTEUR: EIGEN_200,
            OVERIGE: 403,
        },
        "POST": {
            ANONIEM: NAAR_LOGIN,
            R.COMMISSIELID: EIGEN_200,
            R.DIRECTEUR: EIGEN_200,
            OVERIGE: 403,
        },
    },
    # --- API ------------------------------------------------------------------------------
    "api:arrangementaanvraag-list": {
        "GET": {
            ANONIEM: 401,
            "register": 200,
            "bestuurder": 200,
            "swv_dossier": 200,
            "ouder": 200,
            OVERIGE: 403,
        },
        # A valid request from the own school's vastgesteld OPP (eigen: created) or from
        # another school's OPP (ander: not found, as a field error).
        "POST": {
            ANONIEM: 401,
            "register": {"eigen": 201, "ander": 400},
            "bestuurder": {"eigen": 201, "ander": 400},
            OVERIGE: 403,
        },
    },
    "api:arrangementaanvraag-detail": {
        "GET": {
            ANONIEM: 401,
            **MEDEWERKERS,
            "ouder": EIGEN_200,
            OVERIGE: 403,
        },
        "PUT": {ANONIEM: 401, "alle_rollen": 405},
        "PATCH": {ANONIEM: 401, "alle_rollen": 405},
        "DELETE": {ANONIEM: 401, "alle_rollen": 405},
    },
    # An empty body on a new request: complete needs no body (200), incomplete needs what is
    # missing (400).
    "api:arrangementaanvraag-compleet": {
        "GET": GEEN_GET,
        "POST": {ANONIEM: 401, R.LOKET: EIGEN_200, OVERIGE: 403},
    },
    "api:arrangementaanvraag-onvolledig": {"GET": GEEN_GET, "POST": ALLEEN_LOKET_POST},
    "api:arrangementaanvraag-besluit": {
        "GET": GEEN_GET,
        "POST": {
            ANONIEM: 401,
            R.COMMISSIELID: {"eigen": 400, "ander": 404},
            R.DIRECTEUR: {"eigen": 400, "ander": 404},
            OVERIGE: 403,
        },
    },
    **{
        f"api:arrangementaanvraag-{actie}": {
            "GET": GEEN_GET,
            "POST": {
                ANONIEM: 401,
                "register": {"eigen": 400, "ander": 404},
                "bestuurder": {"eigen": 400, "ander": 404},
                OVERIGE: 403,
            },
        }
        for actie in ("aanvullen", "intrekken")
    },
}


def _sleutel(soort: str) -> Any:
    return lambda regio: str(regio.extra[f"arrangement_{soort}"].sleutel)


#: Route-name prefixes → URL-argument makers; later (more specific) prefixes win.
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("arrangementen:", "api:arrangementaanvraag-"): {
        "sleutel": _sleutel("ingediend"),
        "opp": lambda regio: str(regio.extra["arrangement_opp"].sleutel),
    },
    ("arrangementen:aanvullen", "api:arrangementaanvraag-aanvullen"): {
        "sleutel": _sleutel("onvolledig")
    },
    ("arrangementen:besluit", "api:arrangementaanvraag-besluit"): {"sleutel": _sleutel("compleet")},
    ("arrangementen:brief",): {"sleutel": _sleutel("besloten")},
}


def _aanvraag(regio: Any) -> dict[str, str]:
    vandaag = timezone.localdate()
    return {
        "opp": str(regio.extra["arrangement_opp"].sleutel),
        "ondersteuning": "Ambulante begeleiding bij lezen",
        "van": vandaag.isoformat(),
        "tot": (vandaag + datetime.timedelta(days=180)).isoformat(),
        "bedrag": "4500.00",
        "toelichting": "De basisondersteuning is niet genoeg.",
    }


#: (route, METHOD) → (body maker, whether the body names an organisation's object).
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {
    ("api:arrangementaanvraag-list", "POST"): (_aanvraag, True),
}


def scenario_aanvullen(regio: Any) -> None:
    """A vastgesteld OPP to request from, and one request in each state, at the region's
    school for the region's SWV."""
    from passend.arrangementen.tests.factories import AanvraagFactory, VastgesteldOppFactory

    ib = regio.rollen[R.INTERN_BEGELEIDER].gebruiker

    def opp() -> Any:
        return VastgesteldOppFactory(
            leerling=regio.leerling, vestiging=regio.vestiging, aangemaakt_door=ib
        )

    regio.extra["arrangement_opp"] = opp()
    for soort in ("ingediend", "onvolledig", "compleet", "besloten"):
        regio.extra[f"arrangement_{soort}"] = AanvraagFactory(
            opp=opp(),
            samenwerkingsverband=regio.swv,
            ingediend_door=ib,
            **({soort: True} if soort != "ingediend" else {}),
        )
