"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Sub-parts: matrix_beheer, matrix_invullen, matrix_resultaten, matrix_resultaten_api (each owns its routes and what it adds to a
region in ``scenario_aanvullen``).
"""

from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import Entry
from passend.doelstellingen.models import Meting
from passend.doelstellingen.rules import Metingstatus
from passend.doelstellingen.tests import (
    matrix_beheer,
    matrix_invullen,
    matrix_resultaten,
    matrix_resultaten_api,
)
from passend.doelstellingen.tests.factories import MetingFactory

_DELEN = (
    matrix_beheer,
    matrix_invullen,
    matrix_resultaten,
    matrix_resultaten_api,
)

MATRIX: dict[str, Entry] = {}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}
for _deel in _DELEN:
    _dubbel = set(_deel.MATRIX) & set(MATRIX)
    assert not _dubbel, f"routes staan twee keer in de doelstellingen-matrix: {sorted(_dubbel)}"
    MATRIX.update(_deel.MATRIX)
    ROUTE_ARGUMENTEN.update(_deel.ROUTE_ARGUMENTEN)
    API_BODIES.update(_deel.API_BODIES)


def scenario_aanvullen(regio: Any) -> None:
    """Each region gets a wave in preparation (``meting``, 2026) and a closed wave
    (``meting_gesloten``, 2025) of its SWV; both regions share one closed national wave
    (``landelijke_meting``, 2025). The sub-parts add questions, codes and answers."""
    directeur = regio.rollen[Rolsoort.DIRECTEUR].gebruiker
    regio.extra["meting"] = MetingFactory(
        samenwerkingsverband=regio.swv,
        jaar=2026,
        status=Metingstatus.CONCEPT,
        aangemaakt_door=directeur,
    )
    regio.extra["meting_gesloten"] = MetingFactory(
        samenwerkingsverband=regio.swv, jaar=2025, aangemaakt_door=directeur
    )
    landelijk = Meting.objects.filter(samenwerkingsverband__isnull=True, jaar=2025).first()
    if landelijk is None:
        landelijk = MetingFactory(
            samenwerkingsverband=None,
            jaar=2025,
            naam="Landelijke meting 2025",
            aangemaakt_door=regio.rollen[Rolsoort.MINISTERIE].gebruiker,
        )
    regio.extra["landelijke_meting"] = landelijk
    for deel in _DELEN:
        deel.scenario_aanvullen(regio)
