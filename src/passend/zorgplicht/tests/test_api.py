"""The API /api/v1/aanmeldingen/: the same policy, services and access log as the pages;
machine-readable refusals; a clean OpenAPI schema."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

from passend.accounts.services import koppeling_aanmaken
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Inschrijving
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import Uitkomst
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
LIJST = "/api/v1/aanmeldingen/"


def token(actor):
    _, sleutel = koppeling_aanmaken(naam=f"Koppeling {actor.rolsoort}", rol=actor.rol)
    from django.test import Client

    return Client(HTTP_AUTHORIZATION=f"Token {sleutel}")


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def aantal_regels() -> int:
    return Toegangsregel.objects.count()


def open_aanmelding(wereld, dagen_geleden=10, **kwargs) -> Aanmelding:
    return AanmeldingFactory(
        leerling=wereld.kind,
        vestiging=wereld.vestiging,
        ontvangen_op=VANDAAG - timedelta(days=dagen_geleden),
        **kwargs,
    )


def test_lijst_en_detail_met_de_termijnen(wereld):
    aanmelding = open_aanmelding(wereld, dagen_geleden=75)
    AanmeldingFactory(vestiging=wereld.elders)
    c = token(wereld.schoolleider)
    voor = aantal_regels()
    antwoord = c.get(LIJST)
    assert antwoord.status_code == 200
    [item] = antwoord.json()["results"]
    assert item["sleutel"] == str(aanmelding.sleutel)
    for veld in (
        "ontvangen_op",
        "beslissen_uiterlijk",
        "verlengd_tot",
        "tijdelijke_plaatsing_vanaf",
    ):
        assert veld in item
    assert item["beslissen_uiterlijk"] == aanmelding.beslissen_uiterlijk.isoformat()
    assert item["recht_op_tijdelijke_plaatsing"] is True
    assert item["stand"] == "tijdelijke_plaatsing"
    assert item["dagen_over"] == -33
    assert item["uitkomst"] is None
    assert aantal_regels() == voor + 1
    detail = c.get(f"{LIJST}{aanmelding.sleutel}/")
    assert detail.status_code == 200 and detail.json()["leerling_naam"] == "Noor de Wit"
    assert aantal_regels() == voor + 2


def test_lijst_filter_open(wereld):
    open_aanmelding(wereld)
    AanmeldingFactory(vestiging=wereld.vestiging, vol=True)
    c = token(wereld.ib)
    assert len(c.get(LIJST + "?open=true").json()["results"]) == 1
    assert len(c.get(LIJST + "?open=false").json()["results"]) == 1
    assert len(c.get(LIJST).json()["results"]) == 2
    assert c.get(LIJST + "?open=misschien").status_code == 400


def test_verborgen_aanmelding_is_404_en_wordt_vastgelegd(wereld):
    aanmelding = AanmeldingFactory(vestiging=wereld.elders)
    voor = aantal_regels()
    antwoord = token(wereld.schoolleider).get(f"{LIJST}{aanmelding.sleutel}/")
    assert antwoord.status_code == 404 and antwoord.json()["code"] == "not_found"
    assert Toegangsregel.objects.order_by("-id").first().resultaat == Resultaat.GEWEIGERD
    assert aantal_regels() == voor + 1
    assert token(wereld.schoolleider).get(f"{LIJST}geen-sleutel/").status_code == 404


def test_school_legt_een_aanmelding_vast_via_de_api(wereld):
    voor = aantal_regels()
    antwoord = post(
        token(wereld.ib),
        LIJST,
        {
            "vestigingscode": wereld.vestiging.vestigingscode,
            "ontvangen_op": (VANDAAG - timedelta(days=1)).isoformat(),
            "ondersteuning_verwacht": True,
            "toelichting_ondersteuning": "Motorische achterstand.",
            "andere_vestigingscodes": ["51BB00"],
            "nieuwe_leerling": {
                "voornamen": "Fenna",
                "achternaam": "Smit",
                "geboortedatum": "2022-04-04",
                "postcode": "4141 AB",
                "woongemeente": wereld.gemeente.code,
            },
        },
    )
    assert antwoord.status_code == 201, antwoord.json()
    body = antwoord.json()
    assert body["wijze"] == "papier"
    assert body["beslissen_uiterlijk"] == (VANDAAG + timedelta(days=41)).isoformat()
    assert body["andere_vestigingscodes"] == ["51BB00"]
    assert [s["soort"] for s in body["stappen"]] == ["aangemeld"]
    assert aantal_regels() == voor + 1


def test_vastleggen_met_fouten_is_400_met_velden(wereld):
    c = token(wereld.ib)
    antwoord = post(
        c, LIJST, {"vestigingscode": wereld.vestiging.vestigingscode, "ontvangen_op": "morgen"}
    )
    assert antwoord.status_code == 400
    body = antwoord.json()
    assert body["code"] == "ongeldig" and set(body["velden"]) == {"ontvangen_op"}
    antwoord = post(
        c,
        LIJST,
        {"vestigingscode": wereld.vestiging.vestigingscode, "ontvangen_op": VANDAAG.isoformat()},
    )
    assert antwoord.status_code == 400 and set(antwoord.json()["velden"]) == {"leerling"}
    antwoord = post(
        c,
        LIJST,
        {
            "vestigingscode": wereld.vestiging.vestigingscode,
            "ontvangen_op": (VANDAAG + timedelta(days=2)).isoformat(),
            "nieuwe_leerling": {
                "voornamen": "A",
                "achternaam": "B",
                "geboortedatum": "2022-01-01",
                "postcode": "4141AB",
            },
        },
    )
    assert antwoord.status_code == 400 and "ontvangen_op" in antwoord.json()["velden"]
    assert not Aanmelding.objects.exists()


def test_ouder_legt_niets_vast_via_de_api(wereld):
    antwoord = post(client_voor(wereld.ouder.rol), LIJST, {})
    assert antwoord.status_code == 403


def test_verlengen_en_een_tweede_keer_geeft_409(wereld):
    aanmelding = open_aanmelding(wereld)
    c = token(wereld.schoolleider)
    url = f"{LIJST}{aanmelding.sleutel}/verlengen/"
    voor = aantal_regels()
    antwoord = post(c, url, {"weken": 4, "reden": "Onderzoek door de orthopedagoog."})
    assert antwoord.status_code == 200, antwoord.json()
    assert (
        antwoord.json()["verlengd_tot"]
        == (aanmelding.ontvangen_op + timedelta(days=70)).isoformat()
    )
    assert aantal_regels() == voor + 1
    tweede = post(c, url, {"weken": 1, "reden": "Nog eens."})
    assert tweede.status_code == 409
    assert tweede.json()["code"] == "al_verlengd"
    assert "Verlengen kan maar één keer" in tweede.json()["detail"]
    assert aantal_regels() == voor + 2


@pytest.mark.parametrize("weken", [0, 5, "2", True])
def test_verlengen_met_ongeldige_weken(wereld, weken):
    aanmelding = open_aanmelding(wereld)
    antwoord = post(
        token(wereld.bestuurder),
        f"{LIJST}{aanmelding.sleutel}/verlengen/",
        {"weken": weken, "reden": "x"},
    )
    assert antwoord.status_code == 400 and "weken" in antwoord.json()["velden"]


def test_verlengen_na_de_termijn_geeft_409(wereld):
    aanmelding = open_aanmelding(wereld, dagen_geleden=50)
    antwoord = post(
        token(wereld.schoolleider),
        f"{LIJST}{aanmelding.sleutel}/verlengen/",
        {"weken": 2, "reden": "x"},
    )
    assert antwoord.status_code == 409 and antwoord.json()["code"] == "termijn_verstreken"


def test_ib_verlengt_niet_404(wereld):
    aanmelding = open_aanmelding(wereld)
    antwoord = post(
        token(wereld.ib), f"{LIJST}{aanmelding.sleutel}/verlengen/", {"weken": 2, "reden": "x"}
    )
    assert antwoord.status_code == 404


def test_besluit_via_de_api(wereld):
    aanmelding = open_aanmelding(wereld)
    c = token(wereld.schoolleider)
    url = f"{LIJST}{aanmelding.sleutel}/besluit/"
    antwoord = post(
        c,
        url,
        {"uitkomst": "toegelaten", "ingangsdatum": (VANDAAG + timedelta(days=5)).isoformat()},
    )
    assert antwoord.status_code == 200, antwoord.json()
    assert antwoord.json()["uitkomst"] == Uitkomst.TOEGELATEN
    assert antwoord.json()["stand"] == "besloten"
    assert antwoord.json()["dagen_over"] is None
    assert Inschrijving.objects.filter(leerling=wereld.kind, vestiging=wereld.vestiging).exists()
    tweede = post(c, url, {"uitkomst": "ingetrokken"})
    assert tweede.status_code == 409 and tweede.json()["code"] == "al_besloten"


def test_besluit_zorgplicht_zonder_andere_school_is_400(wereld):
    aanmelding = open_aanmelding(wereld)
    c = token(wereld.bestuurder)
    url = f"{LIJST}{aanmelding.sleutel}/besluit/"
    antwoord = post(c, url, {"uitkomst": "geplaatst_elders"})
    assert antwoord.status_code == 400
    assert {"geplaatst_bij", "geplaatst_op"} <= set(antwoord.json()["velden"])
    antwoord = post(
        c,
        url,
        {
            "uitkomst": "geplaatst_elders",
            "geplaatst_bij": "99ZZ00",
            "geplaatst_op": VANDAAG.isoformat(),
        },
    )
    assert antwoord.status_code == 400 and antwoord.json()["velden"]["geplaatst_bij"] == [
        "Onbekende vestigingscode."
    ]
    antwoord = post(c, url, {"uitkomst": "onzin"})
    assert antwoord.status_code == 400 and "uitkomst" in antwoord.json()["velden"]
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == ""


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_wijzigen_en_verwijderen_bestaan_niet(wereld, methode):
    aanmelding = open_aanmelding(wereld)
    antwoord = getattr(token(wereld.schoolleider), methode)(
        f"{LIJST}{aanmelding.sleutel}/", "{}", content_type="application/json"
    )
    assert antwoord.status_code == 405


def test_schema_beschrijft_de_aanmeldingen_zonder_waarschuwingen():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paden = schema["paths"]
    assert {"/api/v1/aanmeldingen/", "/api/v1/aanmeldingen/{sleutel}/"} <= set(paden)
    assert "post" in paden["/api/v1/aanmeldingen/{sleutel}/verlengen/"]
    assert "post" in paden["/api/v1/aanmeldingen/{sleutel}/besluit/"]
    velden = schema["components"]["schemas"]["Aanmelding"]["properties"]
    for veld in (
        "ontvangen_op",
        "beslissen_uiterlijk",
        "verlengd_tot",
        "tijdelijke_plaatsing_vanaf",
    ):
        assert veld in velden
    assert schema["components"]["schemas"]["Aanmelduitkomst"]["enum"] == list(Uitkomst.values)
    eigen = [
        melding
        for melding in list(GENERATOR_STATS._warn_cache) + list(GENERATOR_STATS._error_cache)
        if "anmeld" in melding or "zorgplicht" in melding
    ]
    assert not eigen, eigen


def test_route_naam_van_de_lijst():
    assert reverse("api:aanmelding-list") == LIJST


def test_het_swv_krijgt_de_termijnen_maar_niet_de_vrije_tekst_van_de_school(wereld):
    aanmelding = open_aanmelding(
        wereld, toelichting_ondersteuning="Diagnose: ernstige epilepsie.", dagen_geleden=75
    )
    school = token(wereld.schoolleider).get(f"{LIJST}{aanmelding.sleutel}/").json()
    assert school["toelichting_ondersteuning"] == "Diagnose: ernstige epilepsie."
    swv = token(wereld.loket).get(f"{LIJST}{aanmelding.sleutel}/")
    assert swv.status_code == 200
    assert swv.json()["toelichting_ondersteuning"] == ""
    assert swv.json()["recht_op_tijdelijke_plaatsing"] is True
    assert "epilepsie" not in token(wereld.loket).get(LIJST).content.decode()
    pagina = client_voor(wereld.loket.rol).get(
        reverse("zorgplicht:detail", kwargs={"sleutel": aanmelding.sleutel})
    )
    assert pagina.status_code == 200
    assert "epilepsie" not in pagina.content.decode()
