import pytest
from django.urls import reverse
from django.utils.html import escape

from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.leerlingen.tests.factories import InschrijvingFactory, OuderschapFactory

pytestmark = pytest.mark.django_db


def test_ib_ziet_leerling_van_eigen_school_en_het_wordt_gelogd(rol_factory, maak_client):
    inschrijving = InschrijvingFactory()
    rol = rol_factory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    client = maak_client(rol)
    antwoord = client.get(reverse("leerlingen:detail", args=[inschrijving.leerling.sleutel]))
    assert antwoord.status_code == 200
    # Escaped as in the page: a random surname may hold an apostrophe ("van 't Wel").
    assert escape(inschrijving.leerling.achternaam) in antwoord.content.decode()
    regel = Toegangsregel.objects.get()
    assert regel.resultaat == "toegestaan"
    assert regel.gebruiker == rol.gebruiker
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [
        inschrijving.leerling.sleutel
    ]


def test_ib_van_andere_school_krijgt_404_en_weigering_wordt_gelogd(rol_factory, maak_client):
    inschrijving = InschrijvingFactory()
    rol = rol_factory(rolsoort=Rolsoort.INTERN_BEGELEIDER)
    antwoord = maak_client(rol).get(
        reverse("leerlingen:detail", args=[inschrijving.leerling.sleutel])
    )
    assert antwoord.status_code == 404
    assert escape(inschrijving.leerling.achternaam) not in antwoord.content.decode()
    assert Toegangsregel.objects.get().resultaat == "geweigerd"


def test_ouder_ziet_eigen_kind_en_wie_keek(rol_factory, maak_client):
    ouderschap = OuderschapFactory()
    InschrijvingFactory(leerling=ouderschap.leerling)
    rol = rol_factory(rolsoort=Rolsoort.OUDER, gebruiker=ouderschap.ouder)
    client = maak_client(rol)
    start = client.get(reverse("accounts:mijn-werk"))
    assert start.status_code == 200
    assert ouderschap.leerling.achternaam in start.content.decode()
    inzage = client.get(reverse("leerlingen:inzage", args=[ouderschap.leerling.sleutel]))
    assert inzage.status_code == 200
    assert "Wie heeft gekeken" in inzage.content.decode()


def test_ouder_ziet_geen_technische_sleutel(rol_factory, maak_client):
    ouderschap = OuderschapFactory()
    InschrijvingFactory(leerling=ouderschap.leerling)
    rol = rol_factory(rolsoort=Rolsoort.OUDER, gebruiker=ouderschap.ouder)
    html = (
        maak_client(rol)
        .get(reverse("leerlingen:detail", args=[ouderschap.leerling.sleutel]))
        .content.decode()
    )
    assert "Pseudoniem" not in html
    assert "Scholen" in html


@pytest.mark.parametrize("gezag", [True, False])
def test_alleen_een_ouder_met_gezag_ziet_start_een_onenigheid(rol_factory, maak_client, gezag):
    """Regression: a parent without gezag saw the link and was refused afterwards."""
    ouderschap = OuderschapFactory(gezag=gezag)
    InschrijvingFactory(leerling=ouderschap.leerling)
    rol = rol_factory(rolsoort=Rolsoort.OUDER, gebruiker=ouderschap.ouder)
    html = (
        maak_client(rol)
        .get(reverse("leerlingen:detail", args=[ouderschap.leerling.sleutel]))
        .content.decode()
    )
    assert escape(ouderschap.leerling.achternaam) in html
    assert ("Start een onenigheid" in html) is gezag
