"""List pages and API lists use a fixed number of SQL queries, whether they hold 10 rows or
1,000 (no query per row). Each maximum is the measured count plus a small margin."""

import datetime
import math

import pytest
from django.test import Client
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Actie, Resultaat, Toegangsregel, ToegangsregelLeerling
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.organisaties.models import School, Schoolbestuur, SwvLidmaatschap, Vestiging
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db

R = Rolsoort
AANTALLEN = [10, 1000]

# Measured (SQLite and PostgreSQL) + a margin of 2; the same maximum for 10 and 1,000 rows.
# Each count includes the session, the user, the second factor, the active role and the
# access-log record (with its savepoint).
MAX_LEERLINGENLIJST = 15  # measured 13 (50 per page)
MAX_TOEGANGSLOG = 17  # measured 15 (50 per page, names of the pupils in one query)
MAX_ORGANISATIES = 12  # measured 10 (50 per page, boards in one query)
# Measured 15: counts per location in one query, plus the count queries of the process apps
# (aanmeldingen, arrangementen, TLV's, aanbod, and two for verzuim: cases and overdue
# actions; accounts.startpagina.WERKVOORRAAD).
MAX_MIJN_WERK_SCHOOL = 17
# Measured 12 with 10 children and 12 with 1,000 on PostgreSQL; 14 with 1,000 on SQLite: the
# access-log record names every child, and SQLite splits that insert into 3 statements.
# Plus one query per process app for the parent's work list: 18 measured on SQLite.
MAX_MIJN_WERK_OUDER = 20
MAX_MIJN_WERK_INSPECTEUR = 10  # measured 8 (one aggregate query)
MAX_API_LEERLINGEN = 9  # measured 7 (token, 50 per page)
MAX_API_VESTIGINGEN = 5  # measured 3 (token, 50 per page)


def leerlingen_op(vestiging: Vestiging, aantal: int) -> list[Leerling]:
    Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Voornaam{i}",
            roepnaam=f"Roep{i}",
            achternaam=f"Achternaam{i:04d}",
            geboortedatum=datetime.date(2015, 1, 1) + datetime.timedelta(days=i % 700),
            postcode="3511 AB",
        )
        for i in range(aantal)
    )
    leerlingen = list(Leerling.objects.order_by("-id")[:aantal])
    Inschrijving.objects.bulk_create(
        Inschrijving(leerling=leerling, vestiging=vestiging, van=datetime.date(2022, 8, 22))
        for leerling in leerlingen
    )
    return leerlingen


def vestigingen_in(swv, aantal: int) -> None:
    """``aantal`` locations in the SWV, spread over schools and boards (100 per school)."""
    scholen = math.ceil(aantal / 100)
    Schoolbestuur.objects.bulk_create(
        Schoolbestuur(bevoegd_gezag_nummer=f"{80000 + i}", naam=f"Bestuur {i}")
        for i in range(scholen)
    )
    besturen = list(Schoolbestuur.objects.filter(bevoegd_gezag_nummer__gte="80000"))
    School.objects.bulk_create(
        School(brin=f"{i:02d}YY", naam=f"School {i}", bestuur=besturen[i]) for i in range(scholen)
    )
    scholen_lijst = list(School.objects.filter(brin__endswith="YY").order_by("brin"))
    Vestiging.objects.bulk_create(
        Vestiging(
            school=scholen_lijst[i // 100],
            vestigingscode=f"{scholen_lijst[i // 100].brin}{i % 100:02d}",
            naam=f"Vestiging {i:04d}",
            soort=Soort.BAO,
            plaats="Utrecht",
        )
        for i in range(aantal)
    )
    SwvLidmaatschap.objects.bulk_create(
        SwvLidmaatschap(
            vestiging=vestiging,
            samenwerkingsverband=swv,
            sector=swv.sector,
            van=datetime.date(2020, 8, 1),
        )
        for vestiging in Vestiging.objects.filter(school__brin__endswith="YY")
    )


@pytest.fixture
def meet(django_assert_max_num_queries):
    """GET the URL within the maximum; the response must be a 200."""

    def _meet(client: Client, url: str, maximum: int) -> None:
        client.get(url)  # warm up: the first request of a session may set up caches
        with django_assert_max_num_queries(maximum):
            antwoord = client.get(url)
        assert antwoord.status_code == 200

    return _meet


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_leerlingenlijst(meet, aantal: int):
    vestiging = VestigingFactory()
    leerlingen_op(vestiging, aantal)
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=vestiging.school)
    meet(client_voor(rol), reverse("leerlingen:lijst"), MAX_LEERLINGENLIJST)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_toegangslog(meet, aantal: int):
    lid = SwvLidmaatschapFactory()
    leerlingen = leerlingen_op(lid.vestiging, 20)
    rol = RolFactory(rolsoort=R.PRIVACY_OFFICER, samenwerkingsverband=lid.samenwerkingsverband)
    gebruiker = GebruikerFactory()
    Toegangsregel.objects.bulk_create(
        Toegangsregel(
            gebruiker=gebruiker,
            gebruikersnaam=gebruiker.username,
            rol="Intern begeleider",
            organisatie="School",
            organisatie_sleutel=f"samenwerkingsverband:{lid.samenwerkingsverband_id}",
            actie=Actie.LEZEN,
            object_type="leerling",
            resultaat=Resultaat.TOEGESTAAN,
            reden="test",
        )
        for _ in range(aantal)
    )
    ToegangsregelLeerling.objects.bulk_create(
        ToegangsregelLeerling(regel=regel, leerling_sleutel=leerlingen[i % 20].sleutel)
        for i, regel in enumerate(Toegangsregel.objects.all())
    )
    meet(client_voor(rol), reverse("privacy:toegangslog"), MAX_TOEGANGSLOG)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_organisatieoverzicht(meet, aantal: int):
    swv = SamenwerkingsverbandFactory()
    vestigingen_in(swv, aantal)
    rol = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=swv)
    meet(client_voor(rol), reverse("organisaties:overzicht"), MAX_ORGANISATIES)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_mijn_werk_school(meet, aantal: int):
    vestiging = VestigingFactory()
    VestigingFactory(school=vestiging.school, vestigingscode=f"{vestiging.school.brin}01")
    leerlingen_op(vestiging, aantal)
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=vestiging.school)
    meet(client_voor(rol), reverse("accounts:mijn-werk"), MAX_MIJN_WERK_SCHOOL)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_mijn_werk_ouder(meet, aantal: int):
    vestiging = VestigingFactory()
    rol = RolFactory(rolsoort=R.OUDER)
    Ouderschap.objects.bulk_create(
        Ouderschap(ouder=rol.gebruiker, leerling=leerling)
        for leerling in leerlingen_op(vestiging, aantal)
    )
    meet(client_voor(rol), reverse("accounts:mijn-werk"), MAX_MIJN_WERK_OUDER)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_mijn_werk_inspecteur(meet, aantal: int):
    for _ in range(3):
        lid = SwvLidmaatschapFactory()
        leerlingen_op(lid.vestiging, aantal // 3)
    rol = RolFactory(rolsoort=R.INSPECTEUR)
    meet(client_voor(rol), reverse("accounts:mijn-werk"), MAX_MIJN_WERK_INSPECTEUR)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_api_leerlingen(meet, aantal: int):
    vestiging = VestigingFactory()
    leerlingen_op(vestiging, aantal)
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=vestiging.school)
    _, token = koppeling_aanmaken(naam="Leerlingadministratie", rol=rol)
    meet(
        Client(HTTP_AUTHORIZATION=f"Token {token}"),
        reverse("api:leerling-list"),
        MAX_API_LEERLINGEN,
    )


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_api_vestigingen(meet, aantal: int):
    swv = SamenwerkingsverbandFactory()
    vestigingen_in(swv, aantal)
    rol = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=swv)
    _, token = koppeling_aanmaken(naam="Regio-overzicht", rol=rol)
    meet(
        Client(HTTP_AUTHORIZATION=f"Token {token}"),
        reverse("api:vestiging-list"),
        MAX_API_VESTIGINGEN,
    )
