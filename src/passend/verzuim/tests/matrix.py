"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Two sub-parts: ``matrix_zaken`` (reporting and working in a verzuim case) and
``matrix_rapportage`` (the reports, the Leerplichttelling export and the API).

Each region of the scenario gets a running verzuim case of its pupil at its location
(``verzuimmelding``), with the region's leerplichtambtenaar and jeugdhulp worker as partners
(the scenario already gives them a betrokkenheid with the pupil), and an action of the plan
(``actiepunt``); the sub-parts add what else they need.
"""

import datetime
from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import Entry
from passend.verzuim.rules import Partnersoort
from passend.verzuim.tests import matrix_rapportage, matrix_zaken
from passend.verzuim.tests.factories import (
    ActiepuntFactory,
    PartnerFactory,
    VerzuimmeldingFactory,
)

_DELEN = (matrix_zaken, matrix_rapportage)

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    assert not _dubbel, f"routes staan twee keer in de verzuim-matrix: {sorted(_dubbel)}"
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """A running case of the region's pupil with the municipality's partners and an action."""
    ib = regio.rollen[Rolsoort.INTERN_BEGELEIDER].gebruiker
    melding = VerzuimmeldingFactory(
        leerling=regio.leerling,
        samenwerkingsverband=regio.swv,
        vestiging=regio.vestiging,
        schoolbestuur=regio.bestuur,
        gemeente=regio.gemeente,
        sinds=datetime.date(2026, 9, 1),
        gemeld_door=ib,
    )
    leerplicht = PartnerFactory(
        melding=melding,
        soort=Partnersoort.LEERPLICHT,
        gebruiker=regio.leerplichtambtenaar,
        van=datetime.date(2026, 9, 1),
    )
    PartnerFactory(
        melding=melding,
        soort=Partnersoort.JEUGDHULP,
        gebruiker=regio.rollen[Rolsoort.JEUGDHULP].gebruiker,
        van=datetime.date(2026, 9, 1),
    )
    regio.extra["verzuimmelding"] = melding
    regio.extra["actiepunt"] = ActiepuntFactory(
        melding=melding, eigenaar=leerplicht, aangemaakt_door=ib
    )
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
