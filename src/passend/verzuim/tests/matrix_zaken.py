"""A sub-part of this app's authorization matrix (see ``matrix.py``): reporting and working
in a verzuim case.

Choices, following the code: a role that may never do an action gets 403 (logged) before
anything is read; a case of another region is hidden (404), and so is a pupil of another
region on the report page. The leerplichtambtenaar and jeugdhulp of the region are running
partners of the region's case (``matrix.py``), so they see it; they never see the other
region's. An empty POST shows the form again with its errors (200).
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, Entry


def _pagina(**rollen: object) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


def _get_post(**rollen: object) -> Entry:
    return {"GET": _pagina(**rollen), "POST": _pagina(**rollen)}


#: Who reads the cases: the school, the board, the SWV and the municipality's partners.
LEZERS = {
    "register": EIGEN_200,
    "bestuurder": EIGEN_200,
    "loket": EIGEN_200,
    "directeur": EIGEN_200,
    "commissielid": EIGEN_200,
    "gemeente": EIGEN_200,
}
#: Who works in them.
WERKERS = {"register": EIGEN_200, "loket": EIGEN_200, "directeur": EIGEN_200, "gemeente": EIGEN_200}
#: Who manages the partners and ends a case (not jeugdhulp).
BEHEERDERS = {
    "register": EIGEN_200,
    "loket": EIGEN_200,
    "directeur": EIGEN_200,
    "leerplichtambtenaar": EIGEN_200,
}

MATRIX: dict[str, Entry] = {
    "verzuim:overzicht": {
        "GET": _pagina(
            register=200,
            bestuurder=200,
            loket=200,
            directeur=200,
            commissielid=200,
            gemeente=200,
        )
    },
    # A pupil of the region: the school, the SWV (betrokkenheid) and the region's
    # leerplichtambtenaar (betrokkenheid) see it; another region's pupil is hidden.
    "verzuim:melden-leerling": _get_post(**BEHEERDERS),
    # Absoluut verzuim of a child that is not enrolled: the SWV and leerplicht, not a school.
    "verzuim:melden": _get_post(loket=200, directeur=200, leerplichtambtenaar=200),
    "verzuim:melding": {"GET": _pagina(**LEZERS)},
    "verzuim:melding-wijzigen": _get_post(**WERKERS),
    "verzuim:partner-toevoegen": _get_post(**BEHEERDERS),
    "verzuim:partner-beeindigen": _get_post(**BEHEERDERS),
    "verzuim:actie-toevoegen": _get_post(**WERKERS),
    "verzuim:actie-afronden": _get_post(**WERKERS),
    "verzuim:doorbraak": _get_post(**WERKERS),
    "verzuim:onderwijsconsulent": _get_post(**WERKERS),
    "verzuim:aanbod": _get_post(**WERKERS),
    "verzuim:beeindigen": _get_post(**BEHEERDERS),
}

_MELDING = {"sleutel": lambda regio: str(regio.extra["verzuimmelding"].sleutel)}

ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    (
        "verzuim:melding",
        "verzuim:doorbraak",
        "verzuim:onderwijsconsulent",
        "verzuim:aanbod",
        "verzuim:beeindigen",
        "verzuim:actie-toevoegen",
        "verzuim:partner-toevoegen",
    ): _MELDING,
    ("verzuim:melden-leerling",): {"leerling": lambda regio: str(regio.leerling.sleutel)},
    ("verzuim:partner-beeindigen",): {
        **_MELDING,
        "pk": lambda regio: regio.extra["actiepunt"].eigenaar_id,
    },
    ("verzuim:actie-afronden",): {**_MELDING, "pk": lambda regio: regio.extra["actiepunt"].pk},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Nothing beyond ``matrix.py``: the region's running case, its partners and action."""
