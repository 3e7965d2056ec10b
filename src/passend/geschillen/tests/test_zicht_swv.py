"""A disagreement that reaches the SWV opens the case to the SWV, never the pupil's file: the
SWV's deskundige and commissielid still cannot read the pupil or the OPP, and the case page
links to the pupil's file, the OPP or the TLV only when that app's policy allows it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.geschillen import services
from passend.geschillen.rules import Onderwerp, Stapuitkomst
from passend.geschillen.tests.factories import standaardstap
from passend.leerlingen.models import Betrokkenheid
from passend.leerlingen.permissions import beleid as leerling_beleid
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.ondersteuning.tests.factories import OppFactory

pytestmark = pytest.mark.django_db
R = Rolsoort


@pytest.fixture
def regio() -> Regio:
    return maak_regio("eigen", 1)


def _actor(regio: Regio, rolsoort: str) -> Actor:
    rol = regio.rollen[rolsoort]
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def _zaak_bij_het_swv(regio: Regio):
    """A pupil the SWV is not involved with, whose parents' disagreement about the OPP
    reaches the SWV's multi-party meeting."""
    leerling = LeerlingFactory(roepnaam="Fenna", achternaam="Verzonnen")
    InschrijvingFactory(
        leerling=leerling, vestiging=regio.vestiging, van=datetime.date(2023, 8, 21)
    )
    OuderschapFactory(ouder=regio.ouder, leerling=leerling)
    opp = OppFactory(leerling=leerling, vestiging=regio.vestiging, ingevuld=True)
    zaak = services.onenigheid_starten(
        actor=_actor(regio, R.OUDER),
        leerling=leerling,
        onderwerp=Onderwerp.OPP,
        omschrijving="Wij zijn het niet eens met het plan.",
        opp=opp,
    )
    ib = _actor(regio, R.INTERN_BEGELEIDER)
    vandaag = timezone.localdate()
    gesprek = services.stap_beginnen(
        actor=ib, onenigheid=zaak, routestap=standaardstap("gesprek-school"), begonnen_op=vandaag
    )
    services.stap_afronden(
        actor=ib, stap=gesprek, afgerond_op=vandaag, uitkomst=Stapuitkomst.NIET_OPGELOST
    )
    services.stap_beginnen(
        actor=ib, onenigheid=zaak, routestap=standaardstap("swv-overleg"), begonnen_op=vandaag
    )
    zaak.refresh_from_db()
    assert zaak.swv_betrokken_sinds == vandaag
    return zaak, leerling, opp


@pytest.mark.parametrize("rolsoort", [R.DESKUNDIGE, R.COMMISSIELID, R.LOKET, R.DIRECTEUR])
def test_een_swv_stap_opent_het_dossier_en_het_opp_niet(regio, rolsoort):
    _zaak, leerling, opp = _zaak_bij_het_swv(regio)
    actor = _actor(regio, rolsoort)
    assert not Betrokkenheid.objects.filter(leerling=leerling).exists()
    assert not leerling_beleid.mag(actor, "bekijken", leerling)
    assert not opp_beleid.mag(actor, "bekijken", opp)
    assert not leerling_beleid.filter_zichtbaar(actor, type(leerling).objects.all()).filter(
        pk=leerling.pk
    )


def test_de_casuspagina_linkt_alleen_naar_wat_de_lezer_mag_zien(regio):
    zaak, leerling, opp = _zaak_bij_het_swv(regio)
    url = reverse("geschillen:onenigheid", args=[zaak.sleutel])
    dossier = reverse("leerlingen:detail", args=[leerling.sleutel])
    opp_pagina = reverse("ondersteuning:detail", args=[opp.sleutel])

    swv = client_voor(regio.rollen[R.COMMISSIELID]).get(url)
    assert swv.status_code == 200
    inhoud = swv.content.decode()
    assert "Fenna" in inhoud
    assert dossier not in inhoud and opp_pagina not in inhoud

    school = client_voor(regio.rollen[R.INTERN_BEGELEIDER]).get(url)
    assert school.status_code == 200
    inhoud = school.content.decode()
    assert dossier in inhoud and opp_pagina in inhoud
