"""Matrix sub-part (see tests/matrix.py): preparing and running waves, pages and API.

- The list of waves: the SWV's directeur, functioneel beheerder, board (toezichthouder) and
  OPR, the inspectorate and the ministry (each sees what the policy shows them).
- A new wave: the SWV's directeur and functioneel beheerder, and the ministry (national).
- One SWV wave (``regio.extra["meting"]``, in preparation): its own SWV's directeur and
  functioneel beheerder (another SWV's: 404); the ministry does not see an SWV wave (404);
  every other role may never manage a wave (403).
- An empty POST saves nothing: the pages answer with their errors (200), the API with 400.
- The API: the same rules (anonymous: 401).
- Open, close and remove an item are POST buttons: a GET is 405.
- The API's writes (change, open, close, add and remove an item) with an empty body save
  nothing: 400 for who runs the wave, the same 401/403/404 as reading it otherwise.
"""

from typing import Any

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    NAAR_LOGIN,
    NIETS,
    OVERIGE,
    Entry,
)
from passend.doelstellingen.models import Vragenlijst
from passend.doelstellingen.rules import Respondentgroep
from passend.doelstellingen.tests.factories import VraagFactory

R = Rolsoort

LEZERS = (
    R.DIRECTEUR,
    R.FUNCTIONEEL_BEHEERDER,
    R.TOEZICHTHOUDER,
    R.OPR_LID,
    R.INSPECTEUR,
    R.MINISTERIE,
)
BEHEERDERS = (R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER)


def _pagina(rollen: dict[str, object]) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


def _api(rollen: dict[str, object]) -> dict[str, object]:
    return {ANONIEM: 401, **rollen, OVERIGE: 403}


#: One SWV wave: its own beheerders; hidden from the ministry and another SWV.
def _beheer(uitkomst: object) -> dict[str, object]:
    return {
        **{rol: {"eigen": uitkomst, "ander": 404} for rol in BEHEERDERS},
        R.MINISTERIE: NIETS,
    }


AANMAKERS_PAGINA = {R.DIRECTEUR: 200, R.FUNCTIONEEL_BEHEERDER: 200, R.MINISTERIE: 200}
POST_ALLEEN = {ANONIEM: NAAR_LOGIN, "alle_rollen": 405}
API_ALLEEN_SCHRIJVEN = {ANONIEM: 401, "alle_rollen": 405}

MATRIX: dict[str, Entry] = {
    "doelstellingen:overzicht": {"GET": _pagina(dict.fromkeys(LEZERS, 200))},
    "doelstellingen:meting-nieuw": {
        "GET": _pagina(AANMAKERS_PAGINA),
        "POST": _pagina(AANMAKERS_PAGINA),
    },
    "doelstellingen:meting": {"GET": _pagina(_beheer(200))},
    "doelstellingen:meting-wijzigen": {
        "GET": _pagina(_beheer(200)),
        "POST": _pagina(_beheer(200)),
    },
    "doelstellingen:vraag-toevoegen": {
        "GET": _pagina(_beheer(200)),
        "POST": _pagina(_beheer(200)),
    },
    "doelstellingen:vraag-verwijderen": {"GET": POST_ALLEEN, "POST": _pagina(_beheer(200))},
    "doelstellingen:meting-openen": {"GET": POST_ALLEEN, "POST": _pagina(_beheer(200))},
    "doelstellingen:meting-sluiten": {"GET": POST_ALLEEN, "POST": _pagina(_beheer(200))},
    "doelstellingen:uitnodigingen": {
        "GET": _pagina(_beheer(200)),
        "POST": _pagina(_beheer(200)),
    },
    "doelstellingen:respons": {"GET": _pagina(_beheer(200))},
    "api:meting-list": {
        "GET": _api(dict.fromkeys(LEZERS, 200)),
        "POST": _api({R.DIRECTEUR: 400, R.FUNCTIONEEL_BEHEERDER: 400, R.MINISTERIE: 400}),
    },
    "api:meting-detail": {"GET": _api(_beheer(200)), "PATCH": _api(_beheer(400))},
    "api:meting-openen": {"GET": API_ALLEEN_SCHRIJVEN, "POST": _api(_beheer(400))},
    "api:meting-sluiten": {"GET": API_ALLEEN_SCHRIJVEN, "POST": _api(_beheer(400))},
    "api:meting-vragen": {"GET": API_ALLEEN_SCHRIJVEN, "POST": _api(_beheer(400))},
    "api:meting-vraag": {"GET": API_ALLEEN_SCHRIJVEN, "DELETE": _api(_beheer(400))},
    "api:meting-respons": {"GET": _api(_beheer(200))},
    "api:meting-uitnodigingen": {
        "GET": API_ALLEEN_SCHRIJVEN,
        "POST": _api(_beheer(400)),
    },
}
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    (
        "doelstellingen:meting",
        "doelstellingen:meting-wijzigen",
        "doelstellingen:vraag-toevoegen",
        "doelstellingen:meting-openen",
        "doelstellingen:meting-sluiten",
        "doelstellingen:uitnodigingen",
        "doelstellingen:respons",
        "api:meting-detail",
        "api:meting-respons",
        "api:meting-uitnodigingen",
        "api:meting-openen",
        "api:meting-sluiten",
        "api:meting-vragen",
    ): {"pk": lambda regio: regio.extra["meting"].pk},
    ("api:meting-vraag",): {
        "pk": lambda regio: regio.extra["meting"].pk,
        "vraag_id": lambda regio: regio.extra["meting_beheer_vraag"].pk,
    },
    ("doelstellingen:vraag-verwijderen",): {
        "pk": lambda regio: regio.extra["meting"].pk,
        "vraag_pk": lambda regio: regio.extra["meting_beheer_vraag"].pk,
    },
}
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """An item in the wave in preparation (to remove)."""
    vragenlijst, _ = Vragenlijst.objects.get_or_create(
        meting=regio.extra["meting"], respondentgroep=Respondentgroep.OUDER
    )
    regio.extra["meting_beheer_vraag"] = VraagFactory(
        vragenlijst=vragenlijst, code="MATRIX.beheer", tekst="Een vraag om weg te halen."
    )
