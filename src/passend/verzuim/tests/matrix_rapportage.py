"""A sub-part of this app's authorization matrix (see ``matrix.py``): the verzuim report,
the Leerplichttelling export and the verzuim API.

* the report and the Leerplichttelling form: the SWV's loket and directeur (their region)
  and the leerplichtambtenaar (their municipality); everyone else a logged 403;
* the API, with valid bodies (``API_BODIES``): the list for everyone who reads cases; a
  case of the own region for them (the region's leerplichtambtenaar and jeugdhulp are its
  partners), another region's is hidden (404); reporting relatief verzuim of the region's
  pupil by the school, the SWV and the leerplichtambtenaar (201; another region's pupil is
  not visible: 400); ending the case by the school, the SWV and the leerplichtambtenaar
  (200), adding an action by them and jeugdhulp (201). A GET on a write action is 405.
"""

from decimal import Decimal
from typing import Any

from django.db.models import F

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    EIGEN_200,
    NAAR_LOGIN,
    OVERIGE,
    Entry,
)
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.rules import Uitkomst

R = Rolsoort
RAPPORTEURS = {R.LOKET: 200, R.DIRECTEUR: 200, R.LEERPLICHTAMBTENAAR: 200}
NIET_AANGEBODEN = {ANONIEM: 401, "alle_rollen": 405}
EIGEN_201 = {"eigen": 201, "ander": 404}
MELDERS = ("register", R.LOKET, R.DIRECTEUR, R.LEERPLICHTAMBTENAAR)


def _api(**rollen: object) -> dict[str, object]:
    return {ANONIEM: 401, **rollen, OVERIGE: 403}


MATRIX: dict[str, Entry] = {
    "verzuim:rapportage": {"GET": {ANONIEM: NAAR_LOGIN, **RAPPORTEURS, OVERIGE: 403}},
    # Without a school year: the form (no pupil data).
    "verzuim:leerplichttelling": {"GET": {ANONIEM: NAAR_LOGIN, **RAPPORTEURS, OVERIGE: 403}},
    "api:verzuimmelding-list": {
        "GET": _api(
            register=200,
            bestuurder=200,
            loket=200,
            directeur=200,
            commissielid=200,
            gemeente=200,
        ),
        "POST": _api(**{rol: {"eigen": 201, "ander": 400} for rol in MELDERS}),
    },
    "api:verzuimmelding-detail": {
        "GET": _api(
            register=EIGEN_200,
            bestuurder=EIGEN_200,
            loket=EIGEN_200,
            directeur=EIGEN_200,
            commissielid=EIGEN_200,
            gemeente=EIGEN_200,
        ),
    },
    "api:verzuimmelding-beeindigen": {
        "GET": NIET_AANGEBODEN,
        "POST": _api(**{rol: EIGEN_200 for rol in MELDERS}),
    },
    "api:verzuimmelding-acties": {
        "GET": NIET_AANGEBODEN,
        "POST": _api(**{rol: EIGEN_201 for rol in (*MELDERS, R.JEUGDHULP)}),
    },
}


def _melding(regio: Any) -> Verzuimmelding:
    melding: Verzuimmelding = regio.extra["verzuimmelding"]
    return melding


ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("api:verzuimmelding-",): {"sleutel": lambda regio: str(_melding(regio).sleutel)},
}


def _nieuwe_melding(regio: Any) -> dict[str, Any]:
    # A pupil has one running case: end the scenario's case first (the matrix runs every
    # request in a transaction that is rolled back, this included).
    Verzuimmelding.objects.filter(leerling=regio.leerling, einde__isnull=True).update(
        einde=F("sinds"), uitkomst=Uitkomst.OVERIG, duur_weken=Decimal("0.0")
    )
    return {
        "soort": "relatief",
        "sinds": "2026-10-01",
        "reden": "psychisch",
        "leerling": str(regio.leerling.sleutel),
    }


def _beeindigen(regio: Any) -> dict[str, Any]:
    huidig = Verzuimmelding.objects.get(pk=_melding(regio).pk)
    return {"revisie": huidig.revisie, "einde": "2026-10-30", "uitkomst": "terug_naar_school"}


def _actie(regio: Any) -> dict[str, Any]:
    return {
        "omschrijving": "Huisbezoek plannen",
        "eigenaar": regio.extra["actiepunt"].eigenaar_id,
        "deadline": "2030-01-31",
    }


API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {
    ("api:verzuimmelding-list", "POST"): (_nieuwe_melding, True),
    ("api:verzuimmelding-beeindigen", "POST"): (_beeindigen, False),
    ("api:verzuimmelding-acties", "POST"): (_actie, False),
}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing beyond ``matrix.py``: the region's running case, its partners and action."""
