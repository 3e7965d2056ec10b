"""This app's part of the authorization matrix (see core/tests/autorisatiematrix.py).

Each region gets a vastgesteld OPP of its pupil, a deskundigen pool (with the region's
deskundige in it) and two TLVs of that pupil (one request per pupil runs at a time): one
toegekend with a bezwaar (for the dossier, the letter, bezwaar and verlenging) and its
verlenging, complete with two valid advices (for compleet, advies and the decision). The SWV
of the region decides on both.

Choices, following the code: a role that may never do an action gets 403 (logged) before
anything is read; a TLV of another region is hidden (404). An empty POST shows the form again
with its errors (200) for who may act; the API answers an empty body with 400.
"""

import datetime
from typing import Any

from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.tests.matrixtypen import (
    ANONIEM,
    API_INGELOGD,
    EIGEN_200,
    NAAR_LOGIN,
    NIETS,
    OVERIGE,
    Entry,
)

R = Rolsoort

#: Who reads TLV dossiers on the staff pages.
DOSSIER = {"register": EIGEN_200, "bestuurder": EIGEN_200, "swv_dossier": EIGEN_200}
EIGEN_400 = {"eigen": 400, "ander": 404}


def _pagina(**rollen: object) -> dict[str, object]:
    return {ANONIEM: NAAR_LOGIN, **rollen, OVERIGE: 403}


def _api_actie(**rollen: object) -> dict[str, dict[str, object]]:
    return {
        "GET": {ANONIEM: 401, "alle_rollen": 405},
        "POST": {ANONIEM: 401, **rollen, OVERIGE: 403},
    }


MATRIX: dict[str, Entry] = {
    # --- Lists (no object of an organisation) -----------------------------------------------
    "toelaatbaarheid:overzicht": {"GET": _pagina(register=200, bestuurder=200, swv_dossier=200)},
    "toelaatbaarheid:eindigt-binnenkort": {
        "GET": _pagina(register=200, bestuurder=200, swv_dossier=200)
    },
    "toelaatbaarheid:grensverkeer": {"GET": _pagina(swv_dossier=200)},
    "toelaatbaarheid:rapportage": {"GET": _pagina(loket=200, commissielid=200, directeur=200)},
    "toelaatbaarheid:export": {"GET": _pagina(loket=200, directeur=200)},
    # --- The SWV's set-up (an empty POST shows the form with its errors) --------------------
    "toelaatbaarheid:deskundigen": {
        "GET": _pagina(loket=200, directeur=200, functioneel_beheerder=200),
        "POST": _pagina(loket=200, directeur=200, functioneel_beheerder=200),
    },
    "toelaatbaarheid:deskundige-wijzigen": {
        "GET": _pagina(loket=EIGEN_200, directeur=EIGEN_200, functioneel_beheerder=EIGEN_200),
        "POST": _pagina(loket=EIGEN_200, directeur=EIGEN_200, functioneel_beheerder=EIGEN_200),
    },
    "toelaatbaarheid:regeling": {
        "GET": _pagina(directeur=200, functioneel_beheerder=200),
        "POST": _pagina(directeur=200, functioneel_beheerder=200),
    },
    # --- The school requests, from the vastgesteld OPP --------------------------------------
    "toelaatbaarheid:aanvragen": {
        "GET": _pagina(register=EIGEN_200, bestuurder=EIGEN_200),
        "POST": _pagina(register=EIGEN_200, bestuurder=EIGEN_200),
    },
    "toelaatbaarheid:verlenging": {
        "GET": _pagina(register=EIGEN_200, bestuurder=EIGEN_200),
        "POST": _pagina(register=EIGEN_200, bestuurder=EIGEN_200),
    },
    # --- One TLV ------------------------------------------------------------------------------
    "toelaatbaarheid:detail": {"GET": _pagina(**DOSSIER)},
    "toelaatbaarheid:brief": {"GET": _pagina(**DOSSIER, prive=EIGEN_200)},
    # The running request is already complete: the desk is sent back to the dossier.
    "toelaatbaarheid:compleet": {
        "GET": _pagina(loket={"eigen": 302, "ander": 404}),
        "POST": _pagina(loket={"eigen": 302, "ander": 404}),
    },
    "toelaatbaarheid:advies": {
        "GET": _pagina(loket=EIGEN_200, commissielid=EIGEN_200, deskundige=EIGEN_200),
        "POST": _pagina(loket=EIGEN_200, commissielid=EIGEN_200, deskundige=EIGEN_200),
    },
    "toelaatbaarheid:besluit": {
        "GET": _pagina(commissielid=EIGEN_200, directeur=EIGEN_200),
        "POST": _pagina(commissielid=EIGEN_200, directeur=EIGEN_200),
    },
    **{
        f"toelaatbaarheid:{naam}": {
            "GET": _pagina(loket=EIGEN_200, commissielid=EIGEN_200, directeur=EIGEN_200),
            "POST": _pagina(loket=EIGEN_200, commissielid=EIGEN_200, directeur=EIGEN_200),
        }
        for naam in ("bezwaar", "bezwaar-afhandelen")
    },
    # The running request is already complete: answering is over, back to the dossier.
    "toelaatbaarheid:vragen": {
        "GET": _pagina(
            register={"eigen": 302, "ander": 404}, bestuurder={"eigen": 302, "ander": 404}
        ),
        "POST": _pagina(
            register={"eigen": 302, "ander": 404}, bestuurder={"eigen": 302, "ander": 404}
        ),
    },
    # The running (complete) request can be withdrawn by the school.
    "toelaatbaarheid:intrekken": {
        "GET": _pagina(register=EIGEN_200, bestuurder=EIGEN_200),
        "POST": _pagina(register=EIGEN_200, bestuurder=EIGEN_200),
    },
    # The bezwaar of the scenario is not gegrond: the commission is sent back to the dossier.
    "toelaatbaarheid:beslissing-op-bezwaar": {
        "GET": _pagina(
            commissielid={"eigen": 302, "ander": 404}, directeur={"eigen": 302, "ander": 404}
        ),
        "POST": _pagina(
            commissielid={"eigen": 302, "ander": 404}, directeur={"eigen": 302, "ander": 404}
        ),
    },
    # No beslissing op bezwaar yet: back to the dossier (or the portal).
    "toelaatbaarheid:brief-bezwaar": {
        "GET": _pagina(
            register={"eigen": 302, "ander": 404},
            bestuurder={"eigen": 302, "ander": 404},
            swv_dossier={"eigen": 302, "ander": 404},
            prive={"eigen": 302, "ander": 404},
        )
    },
    # --- The portal: parents and the pupil ---------------------------------------------------
    "toelaatbaarheid:portaal": {"GET": _pagina(prive=EIGEN_200)},
    # --- API ----------------------------------------------------------------------------------
    "api:toelaatbaarheidsverklaring-list": {
        "GET": API_INGELOGD,
        "POST": {ANONIEM: 401, "register": 400, "bestuurder": 400, OVERIGE: 403},
    },
    "api:toelaatbaarheidsverklaring-detail": {
        # The whole dossier (advices, answers, bezwaar) is for staff, as on the pages; parents
        # and pupils read their child's TLV in the portal, so it is hidden here (404).
        "GET": {ANONIEM: 401, **DOSSIER, OVERIGE: NIETS},
        "PUT": {ANONIEM: 401, "alle_rollen": 405},
        "PATCH": {ANONIEM: 401, "alle_rollen": 405},
        "DELETE": {ANONIEM: 401, "alle_rollen": 405},
    },
    "api:toelaatbaarheidsverklaring-compleet": _api_actie(loket=EIGEN_400),
    "api:toelaatbaarheidsverklaring-advies": _api_actie(
        loket=EIGEN_400, commissielid=EIGEN_400, deskundige=EIGEN_400
    ),
    "api:toelaatbaarheidsverklaring-besluit": _api_actie(
        commissielid=EIGEN_400, directeur=EIGEN_400
    ),
    "api:toelaatbaarheidsverklaring-bezwaar": _api_actie(
        loket=EIGEN_400, commissielid=EIGEN_400, directeur=EIGEN_400
    ),
    "api:toelaatbaarheidsverklaring-verlenging": _api_actie(
        register=EIGEN_400, bestuurder=EIGEN_400
    ),
    "api:toelaatbaarheidsverklaring-intrekken": _api_actie(
        register=EIGEN_400, bestuurder=EIGEN_400
    ),
    "api:toelaatbaarheidsverklaring-vragen": _api_actie(register=EIGEN_400, bestuurder=EIGEN_400),
    "api:toelaatbaarheidsverklaring-beslissing-op-bezwaar": _api_actie(
        commissielid=EIGEN_400, directeur=EIGEN_400
    ),
}

#: Route-name prefixes → URL-argument makers (regio → value) for this app's routes. The
#: most specific prefix comes last (it wins).
ROUTE_ARGUMENTEN: dict[tuple[str, ...], dict[str, Any]] = {
    ("toelaatbaarheid:", "api:toelaatbaarheidsverklaring-"): {
        "sleutel": lambda regio: str(regio.extra["tlv"].sleutel),
        "opp": lambda regio: str(regio.extra["tlv_opp"].sleutel),
        "leerling": lambda regio: str(regio.leerling.sleutel),
        "pk": lambda regio: regio.extra["bezwaar"].pk,
    },
    (
        "toelaatbaarheid:compleet",
        "toelaatbaarheid:advies",
        "toelaatbaarheid:besluit",
        "toelaatbaarheid:vragen",
        "toelaatbaarheid:intrekken",
    ): {
        "sleutel": lambda regio: str(regio.extra["tlv_compleet"].sleutel),
    },
    ("toelaatbaarheid:deskundige-wijzigen",): {
        "pk": lambda regio: regio.extra["deskundige"].pk,
    },
}

#: (route, METHOD) → (body maker, whether the body names an organisation's object).
API_BODIES: dict[tuple[str, str], tuple[Any, bool]] = {}


def scenario_aanvullen(regio: Any) -> None:
    """A vastgesteld OPP, a deskundigen pool, a granted TLV with a bezwaar and its verlenging."""
    from passend.toelaatbaarheid.tests.factories import (
        AdviesFactory,
        BezwaarFactory,
        DeskundigeFactory,
        TlvFactory,
        VastgesteldOppFactory,
    )

    vandaag = timezone.localdate()
    ib = regio.rollen[R.INTERN_BEGELEIDER].gebruiker
    opp = VastgesteldOppFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        aangemaakt_door=ib,
        vastgesteld_door=ib,
        vastgesteld_op=vandaag - datetime.timedelta(days=60),
    )
    regio.extra["tlv_opp"] = opp
    ortho = DeskundigeFactory(
        samenwerkingsverband=regio.swv,
        naam=f"Orthopedagoog {regio.label}",
        beroep="orthopedagoog",
        gebruiker=regio.rollen[R.DESKUNDIGE].gebruiker,
    )
    arts = DeskundigeFactory(
        samenwerkingsverband=regio.swv, naam=f"Jeugdarts {regio.label}", beroep="jeugdarts"
    )
    regio.extra["deskundige"] = ortho
    gemeen = {
        "leerling": regio.leerling,
        "vestiging": regio.vestiging,
        "opp": opp,
        "aangevraagd_door": ib,
        "verantwoordelijk_swv": regio.swv,
        "woonregio_swv": regio.swv,
        "school_swv": regio.swv,
    }
    toegekend = TlvFactory(
        **gemeen,
        toegekend=True,
        ontvangen_op=vandaag - datetime.timedelta(days=120),
        compleet_op=vandaag - datetime.timedelta(days=110),
        besluit_op=vandaag - datetime.timedelta(days=90),
        ingangsdatum=vandaag - datetime.timedelta(days=80),
        einddatum=vandaag + datetime.timedelta(days=300),
    )
    regio.extra["tlv"] = toegekend
    # Its verlenging, complete, with two valid advices (one running request per pupil).
    verlenging = TlvFactory(
        **gemeen,
        vorige=toegekend,
        compleet=True,
        ontvangen_op=vandaag - datetime.timedelta(days=30),
        compleet_op=vandaag - datetime.timedelta(days=20),
    )
    for deskundige in (ortho, arts):
        AdviesFactory(
            tlv=verlenging, deskundige=deskundige, datum=vandaag - datetime.timedelta(days=10)
        )
    regio.extra["tlv_compleet"] = verlenging
    regio.extra["bezwaar"] = BezwaarFactory(
        tlv=toegekend,
        ingediend_op=vandaag - datetime.timedelta(days=60),
        vastgelegd_door=regio.rollen[R.LOKET].gebruiker,
    )
