import pytest
from django.test import Client

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.leerlingen.tests.factories import InschrijvingFactory
from passend.organisaties.tests.factories import GemeenteFactory, VestigingFactory

pytestmark = pytest.mark.django_db


def _api(rol):
    _, token = koppeling_aanmaken(naam="Leerlingadministratie", rol=rol)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def test_koppeling_ziet_alleen_leerlingen_van_eigen_school():
    eigen = InschrijvingFactory()
    InschrijvingFactory()
    client = _api(RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER, school=eigen.vestiging.school))
    data = client.get("/api/v1/leerlingen/").json()
    assert [r["sleutel"] for r in data["results"]] == [str(eigen.leerling.sleutel)]
    regel = Toegangsregel.objects.get()
    assert regel.koppeling == "Leerlingadministratie"
    assert regel.actie == "zoeken"


def test_koppeling_schrijft_leerling_in_en_fouten_zijn_machineleesbaar():
    vestiging = VestigingFactory()
    client = _api(RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER, school=vestiging.school))
    goed = {
        "voornamen": "Daan",
        "achternaam": "de Vries",
        "geboortedatum": "2017-02-03",
        "postcode": "3511 AB",
        "vestigingscode": vestiging.vestigingscode,
        "van": "2024-08-19",
    }
    antwoord = client.post("/api/v1/leerlingen/", goed, content_type="application/json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["inschrijvingen"][0]["vestigingscode"] == vestiging.vestigingscode
    fout = client.post(
        "/api/v1/leerlingen/", {**goed, "postcode": "x"}, content_type="application/json"
    )
    assert fout.status_code == 400
    assert fout.json()["code"] == "ongeldig"
    assert "postcode" in fout.json()["velden"]


def test_gelijktijdige_wijziging_geeft_409():
    inschrijving = InschrijvingFactory()
    client = _api(
        RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    )
    url = f"/api/v1/leerlingen/{inschrijving.leerling.sleutel}/"
    versie = client.get(url).json()["versie"]
    eerste = client.patch(
        url, {"versie": versie, "postcode": "1234 AB"}, content_type="application/json"
    )
    assert eerste.status_code == 200
    tweede = client.patch(
        url, {"versie": versie, "postcode": "9999 ZZ"}, content_type="application/json"
    )
    assert tweede.status_code == 409
    assert tweede.json()["code"] == "conflict"
    assert client.get(url).json()["postcode"] == "1234 AB"


def test_leerling_van_andere_school_is_404_via_api():
    inschrijving = InschrijvingFactory()
    client = _api(RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER))
    antwoord = client.get(f"/api/v1/leerlingen/{inschrijving.leerling.sleutel}/")
    assert antwoord.status_code == 404
    assert inschrijving.leerling.achternaam not in antwoord.content.decode()
    assert Toegangsregel.objects.get().resultaat == "geweigerd"


def test_woongemeente_wijzigen_op_naam_en_onbekende_gemeente_is_een_veldfout():
    inschrijving = InschrijvingFactory()
    gemeente = GemeenteFactory(naam="Lingewaard-test")
    client = _api(
        RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    )
    url = f"/api/v1/leerlingen/{inschrijving.leerling.sleutel}/"
    versie = client.get(url).json()["versie"]
    onbekend = client.patch(
        url, {"versie": versie, "woongemeente": "Nergenshuizen"}, content_type="application/json"
    )
    assert onbekend.status_code == 400
    assert "woongemeente" in onbekend.json()["velden"]
    goed = client.patch(
        url, {"versie": versie, "woongemeente": gemeente.naam}, content_type="application/json"
    )
    assert goed.status_code == 200, goed.content
    assert goed.json()["woongemeente"] == "Lingewaard-test"
    inschrijving.leerling.refresh_from_db()
    assert inschrijving.leerling.woongemeente == gemeente
