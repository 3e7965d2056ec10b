"""The arrangement lists use a fixed number of SQL queries, whether they hold 10 requests
or 1,000 (no query per row). Each maximum is the measured count plus a small margin."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Status
from passend.arrangementen.selectors import mijn_werk
from passend.arrangementen.tests.conftest import actor
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling, Ouderschap
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.tests.factories import SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
AANTALLEN = [10, 1000]
VANDAAG = timezone.localdate()

# Measured on SQLite + a margin of 2; the same maximum for 10 and 1,000 requests. Each
# count includes the session, the user, the second factor, the active role and the
# access-log record (with its savepoint).
MAX_SCHOOLOVERZICHT = 15  # measured 13 (50 per page)
MAX_WERKVOORRAAD = 16  # measured 14 (50 per page, counts per status in one query)
MAX_PORTAAL = 14  # measured 12 (every child's requests; the log names each child)
MAX_API_LIJST = 9  # measured 7 (token, 50 per page)
MAX_MIJN_WERK = 1  # one aggregate query


def aanvragen_in(lid, aantal: int, ouder=None) -> None:
    """``aantal`` pupils at the location, each with a vastgesteld OPP and a request to the
    location's SWV (and the SWV's betrokkenheid); optionally all children of one parent."""
    vestiging, swv = lid.vestiging, lid.samenwerkingsverband
    ib = GebruikerFactory()
    Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Voornaam{i}",
            roepnaam=f"Roep{i}",
            achternaam=f"Achternaam{i:04d}",
            geboortedatum=datetime.date(2016, 1, 1),
            postcode="3511 AB",
        )
        for i in range(aantal)
    )
    leerlingen = list(Leerling.objects.order_by("-id")[:aantal])
    Inschrijving.objects.bulk_create(
        Inschrijving(leerling=leerling, vestiging=vestiging, van=datetime.date(2022, 8, 22))
        for leerling in leerlingen
    )
    Betrokkenheid.objects.bulk_create(
        Betrokkenheid(leerling=leerling, samenwerkingsverband=swv, grond="aanvraag", van=VANDAAG)
        for leerling in leerlingen
    )
    if ouder is not None:
        Ouderschap.objects.bulk_create(
            Ouderschap(ouder=ouder, leerling=leerling) for leerling in leerlingen
        )
    Ontwikkelingsperspectief.objects.bulk_create(
        Ontwikkelingsperspectief(
            leerling=leerling,
            vestiging=vestiging,
            status=OppStatus.VASTGESTELD,
            start_extra_ondersteuning=datetime.date(2026, 9, 1),
            vastgesteld_op=datetime.date(2026, 9, 20),
            aangemaakt_door=ib,
        )
        for leerling in leerlingen
    )
    opps = Ontwikkelingsperspectief.objects.filter(leerling__in=leerlingen)
    statussen = [Status.INGEDIEND, Status.ONVOLLEDIG, Status.INGETROKKEN]
    Arrangementaanvraag.objects.bulk_create(
        Arrangementaanvraag(
            leerling_id=opp.leerling_id,
            opp=opp,
            vestiging=vestiging,
            samenwerkingsverband=swv,
            ondersteuning="Begeleiding",
            van=VANDAAG,
            tot=VANDAAG + datetime.timedelta(days=100),
            bedrag=Decimal("1000.00"),
            toelichting="Nodig.",
            status=statussen[i % 3],
            ingediend_op=VANDAAG - datetime.timedelta(days=i % 40),
            ingediend_door=ib,
        )
        for i, opp in enumerate(opps)
    )


@pytest.fixture
def meet(django_assert_max_num_queries):
    def _meet(client: Client, url: str, maximum: int) -> None:
        client.get(url)  # warm up: the first request of a session may set up caches
        with django_assert_max_num_queries(maximum):
            antwoord = client.get(url)
        assert antwoord.status_code == 200

    return _meet


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_schooloverzicht(meet, aantal):
    lid = SwvLidmaatschapFactory()
    aanvragen_in(lid, aantal)
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=lid.vestiging.school)
    meet(client_voor(rol), reverse("arrangementen:overzicht"), MAX_SCHOOLOVERZICHT)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_werkvoorraad(meet, aantal):
    lid = SwvLidmaatschapFactory()
    aanvragen_in(lid, aantal)
    rol = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=lid.samenwerkingsverband)
    meet(client_voor(rol), reverse("arrangementen:werkvoorraad") + "?status=alle", MAX_WERKVOORRAAD)


@pytest.mark.parametrize("aantal", [10, 200])
def test_portaal(meet, aantal):
    lid = SwvLidmaatschapFactory()
    rol = RolFactory(rolsoort=R.OUDER)
    aanvragen_in(lid, aantal, ouder=rol.gebruiker)
    meet(client_voor(rol), reverse("arrangementen:portaal"), MAX_PORTAAL)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_api_lijst(meet, aantal):
    lid = SwvLidmaatschapFactory()
    aanvragen_in(lid, aantal)
    rol = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=lid.samenwerkingsverband)
    _, token = koppeling_aanmaken(naam="Regiosysteem", rol=rol)
    meet(Client(HTTP_AUTHORIZATION=f"Token {token}"), "/api/v1/arrangementen/", MAX_API_LIJST)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_mijn_werk(django_assert_max_num_queries, aantal):
    lid = SwvLidmaatschapFactory()
    aanvragen_in(lid, aantal)
    rollen = [
        RolFactory(rolsoort=R.LOKET, samenwerkingsverband=lid.samenwerkingsverband),
        RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=lid.vestiging.school),
    ]
    for rol in rollen:
        wie = actor(rol)
        with django_assert_max_num_queries(MAX_MIJN_WERK):
            items = mijn_werk(actor=wie, peildatum=VANDAAG)
        assert items and all(item["aantal"] > 0 for item in items)
