"""The school routes of the aanbod app in the authorization matrix (see matrix).

The school's intern begeleider and schoolleider ("register") describe the offer of their
own school's locations, keep the waiting list of its sbo/so/vso locations and the
schoolgids text; only the schoolleider publishes. The board and the SWV's loket,
commissielid, directeur and functioneel beheerder read the offer (the SWV of the region
only: another region's location is a 404). The overview is the school's and the board's;
the SWV has its own pages (403). Every other role gets a 403.

Each region gets, besides the objects of ``matrix.scenario_aanvullen``: a concept of the
running school year (when the foundation's is of another year), a schoolgids text of that
year, and an sbo location of the region's school (in the region's SWV) with a waiting-list
figure, for the waiting-list route.
"""

import datetime
from typing import Any

from django.utils import timezone

from passend.aanbod.models import Aanbod
from passend.aanbod.rules import Status, schooljaar_van
from passend.aanbod.tests.factories import (
    AanbodFactory,
    SchoolgidstekstFactory,
    WachtlijststandFactory,
)
from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import ANONIEM, EIGEN_200, NAAR_LOGIN, OVERIGE, Entry
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import SwvLidmaatschapFactory, VestigingFactory

R = Rolsoort
#: Who reads a location's offer: the school, its board, the SWV of the region.
LEZEN = {
    "register": EIGEN_200,
    "bestuurder": EIGEN_200,
    R.LOKET: EIGEN_200,
    R.COMMISSIELID: EIGEN_200,
    R.DIRECTEUR: EIGEN_200,
    R.FUNCTIONEEL_BEHEERDER: EIGEN_200,
}
#: A POST-only route: a GET is refused whoever asks.
ALLEEN_POST = {ANONIEM: NAAR_LOGIN, "alle_rollen": 405}
#: A POST that succeeds (or is refused with a message) and redirects to a page of the
#: location (a route with arguments: the status is compared).
DOORSTUREN = {"eigen": 302, "ander": 404}

MATRIX: dict[str, Entry] = {
    "aanbod:overzicht": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": 200, "bestuurder": 200, OVERIGE: 403}
    },
    "aanbod:vestiging": {"GET": {ANONIEM: NAAR_LOGIN, **LEZEN, OVERIGE: 403}},
    # Starting (or continuing) the concept: never on a GET; the POST sends on to the form.
    "aanbod:beschrijven": {
        "GET": ALLEEN_POST,
        "POST": {ANONIEM: NAAR_LOGIN, "register": DOORSTUREN, OVERIGE: 403},
    },
    # An empty POST shows the form again with its message (the revision is missing).
    "aanbod:bewerken": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
    },
    # Only the schoolleider publishes; an empty POST is refused with a message (302).
    "aanbod:publiceren": {
        "GET": ALLEEN_POST,
        "POST": {ANONIEM: NAAR_LOGIN, R.SCHOOLLEIDER: DOORSTUREN, OVERIGE: 403},
    },
    # Everyone who reads the offer sees the history; the school adds a figure (an empty
    # POST shows the form again with its errors).
    "aanbod:wachtlijst-bijhouden": {
        "GET": {ANONIEM: NAAR_LOGIN, **LEZEN, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
    },
    "aanbod:schoolgids": {"GET": {ANONIEM: NAAR_LOGIN, **LEZEN, OVERIGE: 403}},
    "aanbod:schoolgids-pdf": {"GET": {ANONIEM: NAAR_LOGIN, **LEZEN, OVERIGE: 403}},
    # Writing the text from the offer (the scenario's text was not edited by hand).
    "aanbod:schoolgids-opstellen": {
        "GET": ALLEEN_POST,
        "POST": {ANONIEM: NAAR_LOGIN, "register": DOORSTUREN, OVERIGE: 403},
    },
    "aanbod:schoolgids-bewerken": {
        "GET": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
        "POST": {ANONIEM: NAAR_LOGIN, "register": EIGEN_200, OVERIGE: 403},
    },
}


def _schooljaar(regio: Any) -> str:
    return schooljaar_van(timezone.localdate())


def _sbo(regio: Any) -> str:
    return str(regio.extra["sbo_vestiging"].vestigingscode)


#: Route-name prefixes → URL-argument makers for this part's routes.
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    (
        "aanbod:vestiging",
        "aanbod:beschrijven",
        "aanbod:bewerken",
        "aanbod:publiceren",
        "aanbod:schoolgids",
    ): {"schooljaar": _schooljaar},
    ("aanbod:wachtlijst-bijhouden",): {"vestigingscode": _sbo},
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """Objects these routes need beyond those of matrix.scenario_aanvullen."""
    schoolleider = regio.rollen[R.SCHOOLLEIDER].gebruiker
    jaar = schooljaar_van(timezone.localdate())
    if not Aanbod.objects.filter(
        vestiging=regio.vestiging, schooljaar=jaar, status=Status.CONCEPT
    ).exists():
        AanbodFactory(
            vestiging=regio.vestiging,
            schooljaar=jaar,
            status=Status.CONCEPT,
            bewerkt_door=schoolleider,
        )
    SchoolgidstekstFactory(vestiging=regio.vestiging, schooljaar=jaar, bijgewerkt_door=schoolleider)
    # Code 50: other security tests add a second location with code 01 to the school.
    sbo = VestigingFactory(
        school=regio.school,
        vestigingscode=f"{regio.school.brin}50",
        naam=f"SBO {regio.label}",
        soort=Soort.SBO,
        gemeente=regio.gemeente,
    )
    SwvLidmaatschapFactory(vestiging=sbo, samenwerkingsverband=regio.swv)
    WachtlijststandFactory(
        vestiging=sbo,
        peildatum=timezone.localdate() - datetime.timedelta(days=30),
        vastgelegd_door=schoolleider,
    )
    regio.extra["sbo_vestiging"] = sbo
