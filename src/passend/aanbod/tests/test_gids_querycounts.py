"""The guide's pages use a fixed number of SQL queries, whether the country has 5 or 200
locations with a published offer (no query per school, per area or per entry). Each
maximum is the measured count; anonymous visitors, so no session queries."""

import pytest
from django.test import Client
from django.urls import reverse

from passend.aanbod.models import Voorzieningsoort
from passend.aanbod.tests.factories import VoorzieningFactory, WachtlijststandFactory, gebied
from passend.aanbod.tests.test_zoeken import gepubliceerd, locatie
from passend.organisaties.models import SwvLidmaatschap
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

AANTALLEN = [5, 200]
#: areas for the form, the position, the candidates, the offers, their areas
MAX_ZOEKEN = 5
#: the offer, its areas, the SWVs, the steunpunten (+ their municipalities and areas), the
#: waiting list
MAX_SCHOOL = 7
#: the offers and their areas
MAX_VERGELIJKEN = 2
#: the municipalities and areas of the filter (twice: the choices and the chosen one), the
#: steunpunten (+2), the count, the page (+2)
MAX_HULP = 11


@pytest.fixture
def land(request):
    """``aantal`` locations around Utrecht, each with a published offer of three areas;
    all in one SWV with a steunpunt; every tenth an sbo with a waiting list."""
    aantal = request.param
    swv = SamenwerkingsverbandFactory()
    gemeente = GemeenteFactory(naam="Utrecht")
    swv.werkgebied.set([gemeente])
    lezen = ("Voorlezen", "Remedial teaching")
    scholen = []
    for i in range(aantal):
        vestiging = locatie(
            postcode=f"35{i % 100:02d} AA",
            plaats="Utrecht",
            gemeente="Utrecht",
            breedte=52.05 + (i % 20) * 0.004,
            lengte=5.08 + (i // 20) * 0.004,
            soort=Soort.SBO if i % 10 == 0 else Soort.BAO,
        )
        SwvLidmaatschap.objects.create(
            vestiging=vestiging, samenwerkingsverband=swv, sector="PO", van="2020-08-01"
        )
        if vestiging.soort == Soort.SBO:
            WachtlijststandFactory(vestiging=vestiging)
        scholen.append(
            gepubliceerd(
                vestiging,
                lezen_spellen_dyslexie=lezen,
                leergedrag=lezen,
                gedrag_sociaal_emotioneel=lezen,
            )
        )
    for i in range(aantal // 5 + 1):
        v = VoorzieningFactory(samenwerkingsverband=swv, naam=f"Hulp {i}")
        v.gebieden.set([gebied("leergedrag")])
    VoorzieningFactory(samenwerkingsverband=swv, soort=Voorzieningsoort.STEUNPUNT)
    return {"scholen": scholen, "gemeente": gemeente}


def meet(django_assert_max_num_queries, url: str, params: dict, maximum: int) -> str:
    client = Client()
    with django_assert_max_num_queries(maximum):
        antwoord = client.get(url, params)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


@pytest.mark.parametrize("land", AANTALLEN, indirect=True)
def test_zoeken(django_assert_max_num_queries, land):
    for params in (
        {"postcode": "3511 AB", "nodig": ["lezen-spellen-dyslexie", "leergedrag"], "straal": 50},
        {"plaats": "utrecht", "soort": ["basisonderwijs", "speciaal"]},
    ):
        pagina = meet(django_assert_max_num_queries, reverse("gids:zoeken"), params, MAX_ZOEKEN)
        assert pagina.count('name="v"') == min(len(land["scholen"]), 25)


@pytest.mark.parametrize("land", AANTALLEN, indirect=True)
def test_schoolpagina(django_assert_max_num_queries, land):
    sbo = land["scholen"][0].vestiging
    url = reverse("gids:school", args=[sbo.vestigingscode])
    pagina = meet(django_assert_max_num_queries, url, {}, MAX_SCHOOL)
    assert "ongeveer 8 weken" in pagina


@pytest.mark.parametrize("land", AANTALLEN, indirect=True)
def test_vergelijken(django_assert_max_num_queries, land):
    codes = [a.vestiging.vestigingscode for a in land["scholen"][:4]]
    pagina = meet(
        django_assert_max_num_queries, reverse("gids:vergelijken"), {"v": codes}, MAX_VERGELIJKEN
    )
    assert pagina.count("Remedial teaching") == 4 * 3


@pytest.mark.parametrize("land", AANTALLEN, indirect=True)
def test_hulp(django_assert_max_num_queries, land):
    params = {"gemeente": land["gemeente"].pk, "gebied": "leergedrag"}
    meet(django_assert_max_num_queries, reverse("gids:hulp"), params, MAX_HULP)
