"""Bounded queries on the list and case pages that ``test_portaal`` does not bound: the
parents' portal (list and case) and the API (list and case). Small and large data give the
same bound."""

import datetime

import pytest
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.geschillen.tests.factories import OnenigheidFactory, StapFactory, standaardstap

pytestmark = pytest.mark.django_db
R = Rolsoort


@pytest.fixture
def regio() -> Regio:
    return maak_regio("eigen", 1)


def _meer_onenigheden(regio: Regio) -> None:
    for _ in range(15):
        zaak = OnenigheidFactory(
            leerling=regio.leerling,
            vestiging=regio.vestiging,
            samenwerkingsverband=regio.swv,
            gestart_door=regio.ouder,
            bij_swv=True,
        )
        StapFactory(onenigheid=zaak, vastgelegd_door=regio.ouder)


def _meer_stappen(regio: Regio) -> None:
    zaak = regio.extra["onenigheid"]
    for dag in range(3, 13):
        StapFactory(
            onenigheid=zaak,
            routestap=standaardstap("schoolbestuur"),
            begonnen_op=datetime.date(2026, 10, dag),
            afgerond_op=datetime.date(2026, 10, dag),
            uitkomst="niet_opgelost",
            vastgelegd_door=regio.ouder,
        )


def _zelfde_grens(client, url: str, meer, regio: Regio, assert_max, start: int) -> None:
    client.get(url)  # warm caches (session, role)
    with assert_max(start) as klein:
        assert client.get(url).status_code == 200
    meer(regio)
    with assert_max(len(klein.captured_queries)):
        assert client.get(url).status_code == 200


def test_portaal_lijst(regio, django_assert_max_num_queries):
    _zelfde_grens(
        client_voor(regio.rollen[R.OUDER]),
        reverse("geschillen:portaal"),
        _meer_onenigheden,
        regio,
        django_assert_max_num_queries,
        20,
    )


def test_portaal_onenigheid(regio, django_assert_max_num_queries):
    _zelfde_grens(
        client_voor(regio.rollen[R.OUDER]),
        reverse("geschillen:portaal-onenigheid", args=[regio.extra["onenigheid"].sleutel]),
        _meer_stappen,
        regio,
        django_assert_max_num_queries,
        25,
    )


def test_api_lijst(regio, django_assert_max_num_queries):
    _zelfde_grens(
        client_voor(regio.rollen[R.LOKET]),
        reverse("api:onenigheid-list"),
        _meer_onenigheden,
        regio,
        django_assert_max_num_queries,
        20,
    )


def test_api_onenigheid(regio, django_assert_max_num_queries):
    _zelfde_grens(
        client_voor(regio.rollen[R.DIRECTEUR]),
        reverse("api:onenigheid-detail", args=[regio.extra["onenigheid"].sleutel]),
        _meer_stappen,
        regio,
        django_assert_max_num_queries,
        25,
    )
