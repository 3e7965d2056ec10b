"""TLV lists use a fixed number of SQL queries, whether they hold 10 rows or 1,000.
Each maximum is the measured count plus a small margin; the same for 10 and 1,000."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, SwvLidmaatschapFactory
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status

pytestmark = pytest.mark.django_db

R = Rolsoort
AANTALLEN = [10, 1000]
# Measured + a margin of 2. Each count includes the session, the user, the second factor,
# the active role and the access-log record (with its savepoint).
MAX_OVERZICHT = 15  # measured 13 (50 per page)
MAX_GRENSVERKEER = 15  # measured 13
MAX_EINDIGT_BINNENKORT = 17  # measured 15 (the SWVs' signal windows in one query)
MAX_API_LIJST = 9  # measured 7 (token, 50 per page)


def tlvs_in(swv, aantal: int, *, buur=None) -> None:
    """``aantal`` pupils of one location with a granted TLV of ``swv`` ending soon."""
    lid = SwvLidmaatschapFactory(samenwerkingsverband=swv)
    vestiging = lid.vestiging
    ib = GebruikerFactory()
    Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Voornaam{i}",
            achternaam=f"Achternaam{i:04d}",
            geboortedatum=datetime.date(2015, 1, 1),
            postcode="3511 AB",
        )
        for i in range(aantal)
    )
    leerlingen = list(Leerling.objects.order_by("-id")[:aantal])
    vandaag = timezone.localdate()
    Inschrijving.objects.bulk_create(
        Inschrijving(leerling=leerling, vestiging=vestiging, van=datetime.date(2022, 8, 22))
        for leerling in leerlingen
    )
    Betrokkenheid.objects.bulk_create(
        Betrokkenheid(
            leerling=leerling, samenwerkingsverband=swv, grond="aanvraag TLV", van=vandaag
        )
        for leerling in leerlingen
    )
    Ontwikkelingsperspectief.objects.bulk_create(
        Ontwikkelingsperspectief(
            leerling=leerling,
            vestiging=vestiging,
            status="vastgesteld",
            vastgesteld_op=vandaag,
            start_extra_ondersteuning=vandaag,
            aangemaakt_door=ib,
        )
        for leerling in leerlingen
    )
    opps = {
        o.leerling_id: o for o in Ontwikkelingsperspectief.objects.filter(leerling__in=leerlingen)
    }
    Toelaatbaarheidsverklaring.objects.bulk_create(
        Toelaatbaarheidsverklaring(
            leerling=leerling,
            opp=opps[leerling.pk],
            vestiging=vestiging,
            soort="sbo",
            status=Status.TOEGEKEND,
            aangevraagd_door=ib,
            verantwoordelijk_swv=swv,
            school_swv=swv,
            woonregio_swv=buur,
            grensverkeer=buur is not None,
            ontvangen_op=vandaag - datetime.timedelta(days=100),
            compleet_op=vandaag - datetime.timedelta(days=90),
            besluit="toegekend",
            besluit_op=vandaag - datetime.timedelta(days=80),
            schoolsoort="sbo",
            ingangsdatum=vandaag - datetime.timedelta(days=300),
            einddatum=vandaag + datetime.timedelta(days=30),
            motivering="x",
        )
        for leerling in leerlingen
    )


@pytest.fixture
def meet(django_assert_max_num_queries):
    def _meet(client: Client, url: str, maximum: int) -> None:
        client.get(url)  # warm up
        with django_assert_max_num_queries(maximum):
            antwoord = client.get(url)
        assert antwoord.status_code == 200

    return _meet


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_overzicht_van_het_swv(meet, aantal: int):
    swv = SamenwerkingsverbandFactory()
    tlvs_in(swv, aantal)
    rol = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=swv)
    meet(client_voor(rol), reverse("toelaatbaarheid:overzicht"), MAX_OVERZICHT)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_grensverkeer(meet, aantal: int):
    swv, buur = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    tlvs_in(swv, aantal, buur=buur)
    rol = RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=buur)
    meet(client_voor(rol), reverse("toelaatbaarheid:grensverkeer"), MAX_GRENSVERKEER)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_eindigt_binnenkort(meet, aantal: int):
    swv = SamenwerkingsverbandFactory()
    tlvs_in(swv, aantal)
    rol = RolFactory(rolsoort=R.COMMISSIELID, samenwerkingsverband=swv)
    meet(client_voor(rol), reverse("toelaatbaarheid:eindigt-binnenkort"), MAX_EINDIGT_BINNENKORT)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_api_lijst(meet, aantal: int):
    swv = SamenwerkingsverbandFactory()
    tlvs_in(swv, aantal)
    rol = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=swv)
    _, token = koppeling_aanmaken(naam="Zaaksysteem", rol=rol)
    meet(
        Client(HTTP_AUTHORIZATION=f"Token {token}"),
        "/api/v1/toelaatbaarheidsverklaringen/",
        MAX_API_LIJST,
    )


MAX_REGELING = 12  # measured 10, for 2 and for 20 questions (each with two forms)


@pytest.mark.parametrize("aantal", [2, 20])
def test_regelingpagina_met_vragen_heeft_een_vast_aantal_queries(
    aantal, django_assert_max_num_queries
):
    from passend.accounts.actor import Actor
    from passend.toelaatbaarheid import services

    swv = SamenwerkingsverbandFactory()
    rol = RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=swv)
    directeur = Actor(gebruiker=rol.gebruiker, rol=rol)
    for i in range(aantal):
        services.vraag_toevoegen(actor=directeur, tekst=f"Vraag {i}", verplicht=i % 2 == 0)
    client = client_voor(rol)
    with django_assert_max_num_queries(MAX_REGELING):
        antwoord = client.get(reverse("toelaatbaarheid:regeling"))
    assert antwoord.status_code == 200
    assert f"Vraag {aantal - 1}" in antwoord.content.decode()
