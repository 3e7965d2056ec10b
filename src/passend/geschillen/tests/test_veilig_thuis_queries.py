"""The Veilig Thuis pages use a fixed number of SQL queries, whether the pupil has 1 report
or 40 and the region 2 or 60. Each maximum is the measured count plus a small margin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.tests.scenario import client_voor
from passend.geschillen.tests.factories import OnenigheidFactory, VeiligThuisMeldingFactory
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
# Each count includes the session, the user, the second factor, the active role and the
# access-log record (with its savepoint).
MAX_LEERLING = 16  # measured 14
MAX_POST_GEWEIGERD = 22  # measured 20 (the service reads the pupil again, locked)
MAX_MELDING = 15  # measured 13
MAX_CIJFERS = 13  # measured 11 (one query for every count)


@pytest.mark.parametrize("aantal", [1, 40])
def test_pagina_van_de_leerling(django_assert_max_num_queries, aantal: int) -> None:
    swv = SamenwerkingsverbandFactory()
    vestiging = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
    leerling = LeerlingFactory()
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    onenigheid = OnenigheidFactory(leerling=leerling, vestiging=vestiging, samenwerkingsverband=swv)
    for i in range(aantal):
        VeiligThuisMeldingFactory(
            leerling=leerling,
            vestiging=vestiging,
            vastgelegd_door=GebruikerFactory(),
            gemeld_op=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            open_onenigheid=onenigheid if i % 2 else None,
            bevestiging_signalen=bool(i % 2),
        )
    ib = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=vestiging.school)
    client = client_voor(ib)
    url = reverse("geschillen:veilig-thuis", kwargs={"leerling": leerling.sleutel})
    with django_assert_max_num_queries(MAX_LEERLING):
        assert client.get(url).status_code == 200
    # A refused POST (no confirmation) shows the page again, still bounded.
    with django_assert_max_num_queries(MAX_POST_GEWEIGERD):
        antwoord = client.post(
            url,
            {
                "gemeld_op": timezone.localdate().isoformat(),
                "signalen": "Signalen",
                "meldcode_stappen": ["signalen"],
            },
        )
    assert antwoord.status_code == 200
    melding = leerling.veilig_thuis_meldingen.first()
    with django_assert_max_num_queries(MAX_MELDING):
        assert (
            client.get(
                reverse("geschillen:veilig-thuis-melding", args=[melding.sleutel])
            ).status_code
            == 200
        )


@pytest.mark.parametrize("aantal", [2, 60])
def test_cijfers(django_assert_max_num_queries, aantal: int) -> None:
    swv = SamenwerkingsverbandFactory()
    leerling = LeerlingFactory()
    vandaag = timezone.localdate()
    for i in range(aantal):
        vestiging = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
        VeiligThuisMeldingFactory(
            leerling=leerling,
            vestiging=vestiging,
            gemeld_op=vandaag - datetime.timedelta(days=7 * i),
        )
    client = client_voor(RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=swv))
    with django_assert_max_num_queries(MAX_CIJFERS):
        assert client.get(reverse("geschillen:veilig-thuis-cijfers")).status_code == 200
