"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Each region gets a parent's running consent for its pupil (to the region's SWV) and a
contact of the steunpunt linked to that pupil. Only the steunpunt worker reads and writes
contacts (another SWV's contact: 404); the worker and the SWV's directeur read the signals
report; parents manage consent; the public list is open to everyone. An empty POST shows
the form again with its errors (200).
"""

from typing import Any

from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, PUBLIEK, Entry


def _pagina(**rollen: object) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


MATRIX: dict[str, Entry] = {
    "steunpunt:contacten": {"GET": _pagina(steunpunt=200)},
    "steunpunt:contact-nieuw": {"GET": _pagina(steunpunt=200), "POST": _pagina(steunpunt=200)},
    "steunpunt:contact": {"GET": _pagina(steunpunt=EIGEN_200)},
    "steunpunt:contact-wijzigen": {
        "GET": _pagina(steunpunt=EIGEN_200),
        "POST": _pagina(steunpunt=EIGEN_200),
    },
    "steunpunt:signalen": {"GET": _pagina(steunpunt=200, directeur=200)},
    "steunpunt:signalen-pdf": {"GET": _pagina(steunpunt=200, directeur=200)},
    "steunpunt:toestemming": {"GET": _pagina(ouder=200), "POST": _pagina(ouder=200)},
    "steunpunten:overzicht": {"GET": PUBLIEK},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("steunpunt:",): {"sleutel": lambda regio: str(regio.extra["steunpunt_contact"].sleutel)},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """A running consent of the region's parent and a contact linked to the pupil."""
    from passend.steunpunt.tests.factories import ContactFactory, ToestemmingFactory

    toestemming = ToestemmingFactory(
        leerling=regio.leerling, samenwerkingsverband=regio.swv, gegeven_door=regio.ouder
    )
    regio.extra["steunpunt_contact"] = ContactFactory(
        samenwerkingsverband=regio.swv,
        toestemming=toestemming,
        leerling=regio.leerling,
        vastgelegd_door=regio.ouder,
    )
