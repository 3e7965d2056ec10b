"""The school's offer pages use a fixed number of SQL queries, whether a school has 2
locations or 20 and whatever the number of areas (2 or 20); the start-page item is one
query. Each maximum is the measured count (SQLite) plus a small margin; every count
includes the session, the user, the second factor and the active role."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.models import Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.rules import Status
from passend.aanbod.selectors.werk import mijn_werk
from passend.aanbod.tests.factories import (
    AanbodFactory,
    SchoolgidstekstFactory,
    WachtlijststandFactory,
)
from passend.aanbod.tests.test_school_wereld import actor, schooljaren
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.tests.scenario import client_voor
from passend.organisaties.models import School, Vestiging
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import (
    SchoolbestuurFactory,
    SchoolFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db
R = Rolsoort
AANTALLEN = [2, 20]

MAX_OVERZICHT = 11  # measured 9: a page of locations with their states, and the count
MAX_VESTIGING = 15  # measured 13: versions, their areas, the years, the norm areas
MAX_BEWERKEN = 13  # measured 11: location, concept, its areas, the active areas
MAX_WACHTLIJST = 13  # measured 11: location, the count and a page of figures
MAX_SCHOOLGIDS = 13  # measured 11: location, the text, the version it comes from
MAX_MIJN_WERK = 1


@pytest.fixture
def meet(django_assert_max_num_queries):
    def _meet(client: Client, url: str, maximum: int) -> None:
        client.get(url)  # warm up: the first request of a session may set up caches
        with django_assert_max_num_queries(maximum):
            antwoord = client.get(url)
        assert antwoord.status_code == 200

    return _meet


def locaties(school: School, aantal: int) -> list[Vestiging]:
    """``aantal`` locations of the school (every other one an sbo), each with a published
    offer of this year, a concept of next year, a schoolgids text and (sbo) a waiting list."""
    lopend, volgend = schooljaren()
    result = []
    for i in range(aantal):
        vestiging = VestigingFactory(
            school=school,
            vestigingscode=f"{school.brin}{i:02d}",
            naam=f"Locatie {i:02d}",
            soort=Soort.SBO if i % 2 else Soort.BAO,
        )
        AanbodFactory(vestiging=vestiging, schooljaar=lopend, gepubliceerd=True)
        AanbodFactory(vestiging=vestiging, schooljaar=volgend)
        SchoolgidstekstFactory(vestiging=vestiging, schooljaar=lopend)
        if i % 2:
            WachtlijststandFactory(vestiging=vestiging, peildatum=timezone.localdate())
        result.append(vestiging)
    return result


def gebieden(aantal: int) -> None:
    """Exactly ``aantal`` active areas (the three of the norm among them)."""
    bestaand = list(Ondersteuningsgebied.objects.order_by("volgorde"))
    for i in range(len(bestaand), aantal):
        Ondersteuningsgebied.objects.create(
            code=f"extra-{i}", naam=f"Extra gebied {i}", volgorde=200 + i
        )
    actief = list(Ondersteuningsgebied.objects.order_by("volgorde").values_list("pk", flat=True))[
        :aantal
    ]
    Ondersteuningsgebied.objects.exclude(pk__in=actief).update(actief=False)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_overzicht_van_de_school(meet, aantal):
    school = SchoolFactory()
    locaties(school, aantal)
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=school)
    meet(client_voor(rol), reverse("aanbod:overzicht"), MAX_OVERZICHT)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_overzicht_van_het_bestuur(meet, aantal):
    bestuur = SchoolbestuurFactory()
    for _ in range(aantal // 2):
        locaties(SchoolFactory(bestuur=bestuur), 2)
    rol = RolFactory(rolsoort=R.BESTUURDER, schoolbestuur=bestuur)
    meet(client_voor(rol), reverse("aanbod:overzicht"), MAX_OVERZICHT)


def _met_alle_gebieden(vestiging: Vestiging, jaar: str) -> None:
    """Every active area described in the concept and the published version of ``jaar``."""
    for aanbod in vestiging.aanbod_versies.filter(schooljaar=jaar):
        Gebiedsaanbod.objects.filter(aanbod=aanbod).delete()
        Gebiedsaanbod.objects.bulk_create(
            Gebiedsaanbod(
                aanbod=aanbod,
                gebied=gebied,
                basisondersteuning="Voor elk kind",
                faciliteiten=["lift", "stilteruimte"],
                capaciteit=10,
            )
            for gebied in Ondersteuningsgebied.objects.filter(actief=True)
        )


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_het_aanbod_van_een_vestiging(meet, aantal):
    gebieden(aantal)
    school = SchoolFactory()
    vestiging = locaties(school, 2)[1]
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=vestiging, schooljaar=lopend, versie=2, status=Status.CONCEPT)
    _met_alle_gebieden(vestiging, lopend)
    rol = RolFactory(rolsoort=R.SCHOOLLEIDER, school=school)
    url = reverse("aanbod:vestiging", args=[vestiging.vestigingscode, lopend])
    meet(client_voor(rol), url, MAX_VESTIGING)
    meet(client_voor(rol), url + "?toon=gepubliceerd", MAX_VESTIGING)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_het_formulier_om_te_beschrijven(meet, aantal):
    gebieden(aantal)
    school = SchoolFactory()
    vestiging = locaties(school, 2)[1]
    _, volgend = schooljaren()
    _met_alle_gebieden(vestiging, volgend)
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=school)
    url = reverse("aanbod:bewerken", args=[vestiging.vestigingscode, volgend])
    meet(client_voor(rol), url, MAX_BEWERKEN)


@pytest.mark.parametrize("aantal", [2, 120])
def test_de_wachtlijst(meet, aantal):
    gebieden(20)
    school = SchoolFactory()
    vestiging = locaties(school, 2)[1]
    vandaag = timezone.localdate()
    actief = list(Ondersteuningsgebied.objects.filter(actief=True))
    for i in range(1, aantal):
        WachtlijststandFactory(
            vestiging=vestiging,
            peildatum=vandaag - datetime.timedelta(days=7 * i),
            gebied=actief[i % len(actief)] if i % 3 else None,
        )
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=school)
    meet(
        client_voor(rol),
        reverse("aanbod:wachtlijst-bijhouden", args=[vestiging.vestigingscode]),
        MAX_WACHTLIJST,
    )


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_de_schoolgidstekst(meet, aantal):
    gebieden(aantal)
    school = SchoolFactory()
    vestiging = locaties(school, 2)[0]
    lopend, _ = schooljaren()
    _met_alle_gebieden(vestiging, lopend)
    rol = RolFactory(rolsoort=R.SCHOOLLEIDER, school=school)
    url = reverse("aanbod:schoolgids", args=[vestiging.vestigingscode, lopend])
    meet(client_voor(rol), url, MAX_SCHOOLGIDS)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_mijn_werk_is_een_query(django_assert_max_num_queries, aantal):
    school = SchoolFactory()
    lopend, _ = schooljaren()
    vestigingen = locaties(school, aantal)
    # Half of them have nothing published this year, the sbo's figures are old.
    for vestiging in vestigingen[::2]:
        vestiging.aanbod_versies.filter(schooljaar=lopend).update(
            status=Status.VERVANGEN, openbaar=False
        )
    for vestiging in vestigingen:
        vestiging.wachtlijststanden.update(
            peildatum=timezone.localdate() - datetime.timedelta(days=200)
        )
    for rolsoort in (R.SCHOOLLEIDER, R.INTERN_BEGELEIDER, R.BESTUURDER):
        organisatie = (
            {"schoolbestuur": school.bestuur} if rolsoort == R.BESTUURDER else {"school": school}
        )
        wie = actor(RolFactory(rolsoort=rolsoort, **organisatie))
        with django_assert_max_num_queries(MAX_MIJN_WERK):
            items = mijn_werk(actor=wie, peildatum=timezone.localdate())
        assert items and all(item["aantal"] > 0 for item in items)
