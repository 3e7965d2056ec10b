"""A sub-part of this app's authorization matrix (see ``matrix.py``): the Veilig Thuis guard.

Reports are recorded and read only by the IB / OC and schoolleider of the pupil's current
school ("register"): another school's pupil or report is hidden (404). Every other role gets
a logged 403 before anything is read, parents and pupils included. The SWV's directeur sees
the counts of the region (no object: 200). An empty POST (the region's pupil has an open
disagreement, ``regio.extra["onenigheid"]``) shows the form again with its errors (200).
"""

import datetime
from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, Entry


def _pagina(**rollen: object) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


MATRIX: dict[str, Entry] = {
    "geschillen:veilig-thuis": {
        "GET": _pagina(register=EIGEN_200),
        "POST": _pagina(register=EIGEN_200),
    },
    "geschillen:veilig-thuis-melding": {"GET": _pagina(register=EIGEN_200)},
    "geschillen:veilig-thuis-cijfers": {"GET": _pagina(directeur=200)},
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("geschillen:veilig-thuis",): {
        "leerling": lambda regio: str(regio.leerling.sleutel),
    },
    ("geschillen:veilig-thuis-melding",): {
        "sleutel": lambda regio: str(regio.extra["veilig_thuis_melding"].sleutel),
    },
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """A Veilig Thuis report about the region's pupil, made during its open disagreement."""
    from passend.geschillen.tests.factories import VeiligThuisMeldingFactory

    regio.extra["veilig_thuis_melding"] = VeiligThuisMeldingFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        gemeld_op=datetime.date(2026, 10, 5),
        open_onenigheid=regio.extra["onenigheid"],
        bevestiging_signalen=True,
        vastgelegd_door=regio.rollen[Rolsoort.INTERN_BEGELEIDER].gebruiker,
    )
