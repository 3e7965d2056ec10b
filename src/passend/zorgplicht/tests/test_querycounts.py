"""The list pages and the API list use a fixed number of SQL queries for 10 or 1,000
registrations (no query per row). Each maximum is the measured count plus a margin of 2."""

import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passend.accounts.services import koppeling_aanmaken
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Leerling, Ouderschap
from passend.zorgplicht import rules
from passend.zorgplicht.models import Aanmelding, Stap

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
AANTALLEN = [10, 1000]
# Each count includes the session, the user, the second factor, the active role and the
# access-log record (with its savepoint).
MAX_OVERZICHT = 16  # measured 14 (50 per page; count, page, counts per signal in one query)
MAX_TERMIJNEN = 16  # measured 14
MAX_PORTAAL = 16  # measured 12 with 10 and 14 with 1,000 on SQLite (the log names every child)
MAX_API = 11  # measured 9 (token, 50 per page, stappen and andere vestigingen prefetched)


def aanmeldingen(wereld, aantal: int, ouder=None) -> None:
    Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Kind{i}",
            roepnaam=f"Kind{i}",
            achternaam=f"Achternaam{i:04d}",
            geboortedatum=datetime.date(2022, 1, 1) + timedelta(days=i % 300),
            postcode="4141 AB",
        )
        for i in range(aantal)
    )
    kinderen = list(Leerling.objects.filter(voornamen__startswith="Kind").order_by("id"))
    if ouder is not None:
        Ouderschap.objects.bulk_create(
            Ouderschap(ouder=ouder.gebruiker, leerling=k) for k in kinderen
        )
    rijen = []
    for i, kind in enumerate(kinderen):
        ontvangen = VANDAAG - timedelta(days=i % 90)
        rijen.append(
            Aanmelding(
                leerling=kind,
                vestiging=wereld.vestiging if i % 2 else wereld.tweede_vestiging,
                ontvangen_op=ontvangen,
                wijze="papier",
                ingediend_door=wereld.ib.gebruiker,
                beslissen_uiterlijk=rules.beslissen_uiterlijk(ontvangen),
                tijdelijke_plaatsing_vanaf=rules.tijdelijke_plaatsing_vanaf(ontvangen),
            )
        )
    Aanmelding.objects.bulk_create(rijen)
    Stap.objects.bulk_create(
        Stap(
            aanmelding=a,
            soort="aangemeld",
            datum=a.ontvangen_op,
            door=wereld.ib.gebruiker,
            rol="IB",
            omschrijving="x",
        )
        for a in Aanmelding.objects.all()
    )


def tel(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(queries)


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_overzicht_van_de_school(wereld, aantal):
    aanmeldingen(wereld, aantal)
    assert tel(client_voor(wereld.ib.rol), reverse("zorgplicht:overzicht")) <= MAX_OVERZICHT


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_lopende_termijnen_van_het_swv(wereld, aantal):
    aanmeldingen(wereld, aantal)
    assert tel(client_voor(wereld.loket.rol), reverse("zorgplicht:termijnen")) <= MAX_TERMIJNEN


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_portaal_van_de_ouder(wereld, aantal):
    aanmeldingen(wereld, aantal, ouder=wereld.ouder)
    assert tel(client_voor(wereld.ouder.rol), reverse("zorgplicht:portaal")) <= MAX_PORTAAL


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_api_lijst(wereld, aantal):
    from django.test import Client

    aanmeldingen(wereld, aantal)
    _, token = koppeling_aanmaken(naam="Administratie", rol=wereld.schoolleider.rol)
    assert tel(Client(HTTP_AUTHORIZATION=f"Token {token}"), "/api/v1/aanmeldingen/") <= MAX_API
