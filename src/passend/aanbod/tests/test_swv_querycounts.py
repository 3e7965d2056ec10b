"""The SWV's pages and the offer API use a fixed number of SQL queries, whether the region
has 3 locations or 60 (no query per row). Each maximum is the measured count plus a small
margin; it includes the session, the user, the second factor and the active role."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.rules import schooljaren_om_te_beschrijven
from passend.aanbod.tests.factories import (
    AanbodFactory,
    GebiedsaanbodFactory,
    VoorzieningFactory,
    WachtlijststandFactory,
    gebied,
)
from passend.aanbod.tests.test_swv_selectors import R, maak_regio
from passend.core.tests.scenario import client_voor
from passend.organisaties.tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

AANTALLEN = [3, 60]
MAX_OVERZICHT = 14  # measured 12 (stand, summary, coverage: counts in aggregates)
MAX_WACHTLIJSTEN = 13  # measured 11 (the chart: one query; the table: a page and its count)
MAX_WACHTLIJSTEN_CSV = 10  # measured 8
MAX_EXPORT = 11  # measured 9 (versions and their areas: two queries)
MAX_KAART = 12  # measured 10 (gemeenten and gebieden prefetched)
MAX_API_LIJST = 5  # measured 3 (anonymous: count, page, areas)


def _jaar() -> str:
    return schooljaren_om_te_beschrijven(timezone.localdate())[0]


def _met_aanbod(aantal: int, soort: str = "bao"):
    regio = maak_regio(aantal, soort=soort)
    for i, vestiging in enumerate(regio.vestigingen):
        if i % 3 == 2:
            continue
        aanbod = AanbodFactory(vestiging=vestiging, schooljaar=_jaar(), gepubliceerd=i % 3 == 0)
        GebiedsaanbodFactory(aanbod=aanbod, gebied=gebied("medisch"))
    return regio


@pytest.fixture
def meet(django_assert_max_num_queries):
    def _meet(client: Client, url: str, maximum: int) -> None:
        client.get(url)  # warm up: the first request of a session may set up caches
        with django_assert_max_num_queries(maximum):
            antwoord = client.get(url)
        assert antwoord.status_code == 200

    return _meet


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_overzicht(meet, aantal):
    regio = _met_aanbod(aantal)
    meet(client_voor(regio.actor(R.LOKET).rol), reverse("aanbod:regio-overzicht"), MAX_OVERZICHT)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_wachtlijsten(meet, aantal):
    regio = maak_regio(aantal, soort="sbo")
    for vestiging in regio.vestigingen:
        for maand in (9, 10, 11):
            WachtlijststandFactory(vestiging=vestiging, peildatum=datetime.date(2026, maand, 1))
        WachtlijststandFactory(
            vestiging=vestiging, peildatum=datetime.date(2026, 11, 1), gebied=gebied("medisch")
        )
    client = client_voor(regio.actor(R.COMMISSIELID).rol)
    periode = "?van=2026-08-01&tot=2026-12-31"
    meet(client, reverse("aanbod:regio-wachtlijsten") + periode, MAX_WACHTLIJSTEN)
    meet(client, reverse("aanbod:regio-wachtlijsten-csv") + periode, MAX_WACHTLIJSTEN_CSV)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_export(meet, aantal):
    regio = _met_aanbod(aantal)
    meet(client_voor(regio.actor().rol), reverse("aanbod:regio-exporteren"), MAX_EXPORT)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_sociale_kaart(meet, aantal):
    regio = maak_regio(1)
    gemeenten = [GemeenteFactory() for _ in range(3)]
    regio.swv.werkgebied.add(*gemeenten)
    for i in range(aantal):
        voorziening = VoorzieningFactory(samenwerkingsverband=regio.swv, actief=i % 4 != 0)
        voorziening.gemeenten.add(*gemeenten[: i % 3])
        voorziening.gebieden.add(gebied("medisch"))
    meet(client_voor(regio.actor(R.LOKET).rol), reverse("aanbod:kaart-lijst"), MAX_KAART)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_api_lijst(meet, aantal):
    for _ in range(aantal):
        aanbod = AanbodFactory(gepubliceerd=True)
        GebiedsaanbodFactory(aanbod=aanbod, gebied=gebied("medisch"))
    meet(Client(), "/api/v1/aanbod/?limit=100", MAX_API_LIJST)
