"""The authorization matrix: who gets what on every route, as data.

One entry per named route (``namespace:name`` as the URL resolver knows it), per HTTP method,
with the expected answer for anonymous visitors and for every role. A role group may stand
for several roles (``GROEPEN``); ``overige`` is every role not named otherwise in the entry.

An answer is a status code, a redirect (``NAAR_LOGIN``), or — where the request is about an
object of an organisation (a pupil, a location, a board) — a pair ``{"eigen": ..., "ander":
...}``: the object belongs to the actor's own organisation (own school, own SWV, own child, ...)
or to another one. ``test_autorisatiematrix`` requests every route as every role and compares.

Conscious choices, following the code (see the report of the security suite):
* a hidden or forbidden pupil is a 404, also for a role that may see but not change the pupil
  (a leraar on ``wijzigen``), so existence is never revealed;
* a role that may never search pupils (ouder, leerling, inspecteur, privacy officer,
  functioneel beheerder) gets 403 on the list; parents and pupils find their children on
  ``mijn-werk`` instead;
* organisations are public (DUO publishes them): every role sees every location, board and SWV;
* the API answers 401 to anonymous requests (``WWW-Authenticate: Token``), pages redirect to
  the log-in;
* routes of django-two-factor-auth and drf-spectacular are listed too: log-in and API schema
  and docs are public, the 2FA profile pages need a log-in.
"""

from importlib import import_module
from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    API_INGELOGD,
    EIGEN_200,
    GROEPEN,
    INGELOGD,
    NAAR_LOGIN,
    NAAR_MIJN_WERK,
    NIETS,
    OPENBAAR,
    OVERIGE,
    PUBLIEK,
    Entry,
    Redirect,
)

R = Rolsoort

__all__ = [
    "ANONIEM",
    "API_BODIES",
    "GROEPEN",
    "MATRIX",
    "NAAR_LOGIN",
    "OVERIGE",
    "ROUTE_ARGUMENTEN",
    "MatrixFout",
    "Redirect",
    "scenario_aanvullen",
    "uitgevouwen",
]

MATRIX: dict[str, Entry] = {
    # --- core -------------------------------------------------------------------------
    "start": {"GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": NAAR_MIJN_WERK}},
    "healthz": {"GET": PUBLIEK, "POST": {ANONIEM: 405, "alle_rollen": 405}},
    # --- django-two-factor-auth (third party) ------------------------------------------
    "two_factor:login": {
        "GET": PUBLIEK,
        # An empty POST misses the wizard's management form: 400 (SuspiciousOperation).
        "POST": {ANONIEM: 400, "alle_rollen": 400},
    },
    # Everybody in the scenario already has a TOTP device: setup sends them on.
    "two_factor:setup": {
        "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": Redirect("two_factor:setup_complete")},
        "POST": {ANONIEM: NAAR_LOGIN, "alle_rollen": 400},
    },
    # The QR code only exists during a setup in progress.
    "two_factor:qr": {"GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 404}},
    "two_factor:setup_complete": {"GET": INGELOGD},
    "two_factor:backup_tokens": {
        "GET": INGELOGD,
        "POST": {ANONIEM: NAAR_LOGIN, "alle_rollen": Redirect("two_factor:backup_tokens")},
    },
    "two_factor:profile": {"GET": INGELOGD},
    # two-factor sends anonymous visitors to LOGIN_REDIRECT_URL, which sends them to log in.
    "two_factor:disable": {
        "GET": {ANONIEM: NAAR_MIJN_WERK, "alle_rollen": 200},
        "POST": {ANONIEM: NAAR_MIJN_WERK, "alle_rollen": 200},
    },
    # --- accounts -----------------------------------------------------------------------
    "accounts:mijn-werk": {"GET": INGELOGD},
    "accounts:rol-kiezen": {
        "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
        # An unknown role is refused with a message and a redirect.
        "POST": {ANONIEM: NAAR_LOGIN, "alle_rollen": NAAR_MIJN_WERK},
    },
    "accounts:uitloggen": {
        "GET": {ANONIEM: 405, "alle_rollen": 405},
        "POST": {ANONIEM: NAAR_LOGIN, "alle_rollen": NAAR_LOGIN},
    },
    # --- organisaties (public data; importing is for the functioneel beheerder) ---------
    "organisaties:overzicht": {"GET": INGELOGD},
    "organisaties:vestiging": {"GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": OPENBAAR}},
    "organisaties:importeren": {
        "GET": {ANONIEM: NAAR_LOGIN, "functioneel_beheerder": 200, OVERIGE: 403},
        # An empty upload: the form is shown again with its errors.
        "POST": {ANONIEM: NAAR_LOGIN, "functioneel_beheerder": 200, OVERIGE: 403},
    },
    # --- leerlingen -----------------------------------------------------------------------
    "leerlingen:lijst": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            "school": 200,
            "bestuurder": 200,
            "swv_dossier": 200,
            "gemeente": 200,
            OVERIGE: 403,
        }
    },
    "leerlingen:inschrijven": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403},
        # Empty form: shown again with errors; nothing is saved.
        "POST": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403},
    },
    "leerlingen:detail": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            "school": EIGEN_200,
            "bestuurder": EIGEN_200,
            "swv_dossier": EIGEN_200,
            "gemeente": EIGEN_200,
            "prive": EIGEN_200,
            OVERIGE: NIETS,
        }
    },
    "leerlingen:wijzigen": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: NIETS},
        # Empty form: shown again with errors (200) for who may change the pupil.
        "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: NIETS},
    },
    "leerlingen:inzage": {
        "GET": {ANONIEM: NAAR_LOGIN, "prive": EIGEN_200, OVERIGE: NIETS},
    },
    # --- privacy --------------------------------------------------------------------------
    "privacy:toegangslog": {
        "GET": {ANONIEM: NAAR_LOGIN, "privacy_officer": 200, OVERIGE: 403},
    },
    "privacy:toegangslog-export": {
        "GET": {ANONIEM: NAAR_LOGIN, "privacy_officer": 200, OVERIGE: 403},
    },
    # --- ondersteuning: the OPP (the scenario's pupil has a draft OPP in each region) -----
    # School staff read the OPPs of their own school; IB and schoolleider ("register") draw
    # them up; parents and the pupil use the portal. An empty POST shows the form again
    # with its errors (200) for who may act; a hidden OPP is a 404 for everyone else.
    "ondersteuning:overzicht": {"GET": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403}},
    "ondersteuning:bron-export": {"GET": {ANONIEM: NAAR_LOGIN, "register": 200, OVERIGE: 403}},
    "ondersteuning:starten": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
    },
    "ondersteuning:detail": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            "school": EIGEN_200,
            "bestuurder": EIGEN_200,
            "swv_dossier": EIGEN_200,
            # Parents and the pupil are sent to the portal page of that key (302) before
            # anything is read; the portal then shows their own plan or a logged 404.
            "prive": 302,
            OVERIGE: NIETS,
        }
    },
    "ondersteuning:pdf": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            "school": EIGEN_200,
            "bestuurder": EIGEN_200,
            "swv_dossier": EIGEN_200,
            "prive": EIGEN_200,
            OVERIGE: NIETS,
        }
    },
    **{
        f"ondersteuning:{naam}": {
            "GET": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: NIETS},
            "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: NIETS},
        }
        for naam in ("bewerken", "vaststellen", "beeindigen")
    },
    # Only a vastgesteld OPP is evaluated: on the scenario's draft the school is sent back
    # to the OPP with a message (302).
    "ondersteuning:evaluatie": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": {"eigen": 302, "ander": 404}, OVERIGE: NIETS},
        "POST": {ANONIEM: NAAR_LOGIN, "register": {"eigen": 302, "ander": 404}, OVERIGE: NIETS},
    },
    **{
        f"ondersteuning:{naam}": {
            # POST only: a GET is refused whoever asks.
            "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
            "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: NIETS},
        }
        for naam in (
            "factor-toevoegen",
            "doel-toevoegen",
            "overleg-vastleggen",
            "instemming-papier",
            "mening-samen",
            "reactie",
        )
    },
    # Removing a part succeeds and returns to the edit page; a revision of a draft is
    # refused with a message on the OPP page: both redirect (302).
    **{
        f"ondersteuning:{naam}": {
            "GET": {ANONIEM: NAAR_LOGIN, "alle_rollen": 405},
            "POST": {ANONIEM: NAAR_LOGIN, "register": {"eigen": 302, "ander": 404}, OVERIGE: NIETS},
        }
        for naam in ("onderdeel-verwijderen", "herzien")
    },
    "ondersteuning:portaal": {
        "GET": {ANONIEM: NAAR_LOGIN, "prive": EIGEN_200, OVERIGE: 403},
    },
    "ondersteuning:zienswijze": {
        "GET": {ANONIEM: NAAR_LOGIN, "ouder": EIGEN_200, "leerling": NIETS, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "ouder": EIGEN_200, "leerling": NIETS, OVERIGE: 403},
    },
    "ondersteuning:instemmen": {
        "GET": {
            ANONIEM: NAAR_LOGIN,
            "ouder": EIGEN_200,
            "leerling": {"eigen": 403, "ander": 404},
            OVERIGE: 403,
        },
        "POST": {
            ANONIEM: NAAR_LOGIN,
            "ouder": EIGEN_200,
            "leerling": {"eigen": 403, "ander": 404},
            OVERIGE: 403,
        },
    },
    "ondersteuning:wat-vind-jij": {
        "GET": {ANONIEM: NAAR_LOGIN, "leerling": EIGEN_200, "ouder": NIETS, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "leerling": EIGEN_200, "ouder": NIETS, OVERIGE: 403},
    },
    # --- API (every operation of the OpenAPI schema, plus refused methods) ----------------
    "api:samenwerkingsverband-list": {"GET": API_INGELOGD},
    "api:samenwerkingsverband-detail": {"GET": {ANONIEM: 401, "alle_rollen": OPENBAAR}},
    "api:schoolbestuur-list": {"GET": API_INGELOGD},
    "api:schoolbestuur-detail": {"GET": {ANONIEM: 401, "alle_rollen": OPENBAAR}},
    "api:vestiging-list": {"GET": API_INGELOGD},
    "api:vestiging-detail": {"GET": {ANONIEM: 401, "alle_rollen": OPENBAAR}},
    "api:leerling-list": {
        "GET": {
            ANONIEM: 401,
            "school": 200,
            "bestuurder": 200,
            "swv_dossier": 200,
            "gemeente": 200,
            OVERIGE: 403,
        },
        # A valid enrolment at the own school's location (eigen) or another school's (ander).
        "POST": {ANONIEM: 401, "register": {"eigen": 201, "ander": 403}, OVERIGE: 403},
    },
    "api:leerling-detail": {
        "GET": {
            ANONIEM: 401,
            "school": EIGEN_200,
            "bestuurder": EIGEN_200,
            "swv_dossier": EIGEN_200,
            "gemeente": EIGEN_200,
            "prive": EIGEN_200,
            OVERIGE: NIETS,
        },
        # A valid change with the current version.
        "PATCH": {ANONIEM: 401, "register": EIGEN_200, OVERIGE: NIETS},
        # Not offered: a whole replacement and removing a pupil.
        "PUT": {ANONIEM: 401, "alle_rollen": 405},
        "DELETE": {ANONIEM: 401, "alle_rollen": 405},
    },
    # The OPP API: an empty body is refused with 400 for who may act (authorised first).
    "api:ontwikkelingsperspectief-list": {
        "GET": API_INGELOGD,
        "POST": {ANONIEM: 401, "register": 400, OVERIGE: 403},
    },
    "api:ontwikkelingsperspectief-detail": {
        "GET": {
            ANONIEM: 401,
            "school": EIGEN_200,
            "bestuurder": EIGEN_200,
            "swv_dossier": EIGEN_200,
            "prive": EIGEN_200,
            OVERIGE: NIETS,
        },
        "PATCH": {ANONIEM: 401, "register": {"eigen": 400, "ander": 404}, OVERIGE: NIETS},
        "PUT": {ANONIEM: 401, "alle_rollen": 405},
        "DELETE": {ANONIEM: 401, "alle_rollen": 405},
    },
    **{
        f"api:ontwikkelingsperspectief-{actie}": {
            "GET": {ANONIEM: 401, "alle_rollen": 405},
            "POST": {ANONIEM: 401, "register": {"eigen": 400, "ander": 404}, OVERIGE: NIETS},
        }
        for actie in (
            "factoren",
            "doelen",
            "overleg",
            "instemming",
            "vaststellen",
            "evaluatie",
            "beeindigen",
            "reactie",
        )
    },
    "api:ontwikkelingsperspectief-hoorrecht": {
        "GET": {ANONIEM: 401, "alle_rollen": 405},
        "POST": {
            ANONIEM: 401,
            "register": {"eigen": 400, "ander": 404},
            "leerling": {"eigen": 400, "ander": 404},
            OVERIGE: NIETS,
        },
    },
    "api-schema": {"GET": PUBLIEK},
    "api-docs": {"GET": PUBLIEK},
}


class MatrixFout(ValueError):
    """The matrix itself is inconsistent (a role twice or not at all, an unknown group)."""


def uitgevouwen(route: str, methode: str) -> dict[str, object]:
    """The entry of one route and method with every role spelled out, plus ``anoniem``."""
    invoer = MATRIX[route][methode]
    if ANONIEM not in invoer:
        raise MatrixFout(f"{route} {methode}: geen uitkomst voor anonieme bezoekers")
    rollen: dict[str, object] = {ANONIEM: invoer[ANONIEM]}
    for sleutel, uitkomst in invoer.items():
        if sleutel in (ANONIEM, OVERIGE):
            continue
        groep = GROEPEN.get(sleutel) or (
            frozenset({sleutel}) if sleutel in Rolsoort.values else None
        )
        if groep is None:
            raise MatrixFout(f"{route} {methode}: onbekende rol of groep {sleutel!r}")
        for rolsoort in groep:
            if rolsoort in rollen:
                raise MatrixFout(f"{route} {methode}: rol {rolsoort} staat er twee keer in")
            rollen[rolsoort] = uitkomst
    for rolsoort in Rolsoort.values:
        if rolsoort not in rollen:
            if OVERIGE not in invoer:
                raise MatrixFout(f"{route} {methode}: geen uitkomst voor rol {rolsoort}")
            rollen[rolsoort] = invoer[OVERIGE]
    return rollen


# --- The apps' parts ---------------------------------------------------------------------
#: Apps that keep their part of the matrix in ``<app>/tests/matrix.py``.
APPS_MET_MATRIXDEEL = (
    "zorgplicht",
    "arrangementen",
    "toelaatbaarheid",
    "aanbod",
    "verzuim",
    "geschillen",
    "steunpunt",
    "monitor",
    "doelstellingen",
    "middelen",
)
_DELEN = [import_module(f"passend.{app}.tests.matrix") for app in APPS_MET_MATRIXDEEL]

#: Route-name prefixes → URL-argument makers for routes about an app's own objects.
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
#: (route, METHOD) → (body maker, whether the body names an organisation's object).
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    if _dubbel:
        raise MatrixFout(f"routes staan twee keer in de matrix: {sorted(_dubbel)}")
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """Let every app add its objects (an aanmelding, a request, ...) to a region."""
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
