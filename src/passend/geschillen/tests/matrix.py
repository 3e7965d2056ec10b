"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Two sub-parts: ``matrix_onenigheid`` (disagreements, their route, the parent portal and the
API) and ``matrix_veilig_thuis`` (the Veilig Thuis guard in the pupil's file).

Each region of the scenario gets a running disagreement of its pupil's parent with the
region's school that reached the SWV (``onenigheid``, with a first step), and one that is
still between parents and school (``onenigheid_school``); the sub-parts add what else they
need.
"""

import datetime
from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import Entry
from passend.geschillen.rules import Onderwerp
from passend.geschillen.tests import matrix_onenigheid, matrix_veilig_thuis
from passend.geschillen.tests.factories import OnenigheidFactory, StapFactory, standaardstap

_DELEN = (matrix_onenigheid, matrix_veilig_thuis)

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    assert not _dubbel, f"routes staan twee keer in de geschillen-matrix: {sorted(_dubbel)}"
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """Two disagreements of the region's parent: one at the SWV, one with the school."""
    ib = regio.rollen[Rolsoort.INTERN_BEGELEIDER].gebruiker
    onenigheid = OnenigheidFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        samenwerkingsverband=regio.swv,
        onderwerp=Onderwerp.OPP,
        opp=regio.opp,
        gestart_door=regio.ouder,
        gestart_op=datetime.date(2026, 10, 1),
        swv_betrokken_sinds=datetime.date(2026, 10, 20),
    )
    StapFactory(
        onenigheid=onenigheid,
        routestap=standaardstap("gesprek-school"),
        begonnen_op=datetime.date(2026, 10, 2),
        vastgelegd_door=ib,
    )
    regio.extra["onenigheid"] = onenigheid
    regio.extra["onenigheid_school"] = OnenigheidFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        samenwerkingsverband=regio.swv,
        onderwerp=Onderwerp.ONDERSTEUNING,
        gestart_door=regio.ouder,
        gestart_op=datetime.date(2026, 11, 1),
    )
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
