"""The TLV API: the same rules as the pages, machine-readable errors, one access-log record
per request, PUT/DELETE refused, and a clean OpenAPI schema."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.toelaatbaarheid.models import Advies, Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status
from passend.toelaatbaarheid.tests.test_services import (
    aanvragen,
    compleet,
    met_twee_adviezen,
    toegekend,
)

R = Rolsoort
VANDAAG = timezone.localdate
LIJST = "/api/v1/toelaatbaarheidsverklaringen/"


def api(rol) -> Client:
    _, token = koppeling_aanmaken(naam=f"Koppeling {rol.pk}", rol=rol)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def post(client: Client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


def regels_na(voor: int) -> list[Toegangsregel]:
    return list(Toegangsregel.objects.filter(pk__gt=voor).order_by("pk"))


def laatste() -> int:
    regel = Toegangsregel.objects.order_by("-pk").first()
    return regel.pk if regel else 0


def test_aanvragen_vanuit_een_opp(wereld):
    client = api(wereld.rollen[R.INTERN_BEGELEIDER])
    voor = laatste()
    antwoord = post(
        client, LIJST, {"opp": str(wereld.opp.sleutel), "soort": "so", "toelichting": "Kort."}
    )
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["status"] == "ingediend" and data["soort"] == "so"
    assert data["leerling"] == str(wereld.leerling.sleutel)
    assert data["verantwoordelijk_swv"] == "PO2701" and data["grensverkeer"] is False
    assert data["opp"] == str(wereld.opp.sleutel)
    assert len(regels_na(voor)) == 1


def test_aanvragen_met_ongeldige_invoer_geeft_velden(wereld):
    client = api(wereld.rollen[R.INTERN_BEGELEIDER])
    antwoord = post(client, LIJST, {"opp": str(wereld.opp.sleutel), "soort": "cluster4"})
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig" and "soort" in antwoord.json()["velden"]
    vreemd = api(RolFactory(rolsoort=R.INTERN_BEGELEIDER))
    voor = laatste()
    antwoord = post(vreemd, LIJST, {"opp": str(wereld.opp.sleutel), "soort": "sbo"})
    assert antwoord.status_code == 400 and "opp" in antwoord.json()["velden"]
    (regel,) = regels_na(voor)
    assert regel.resultaat == Resultaat.GEWEIGERD
    assert not Toelaatbaarheidsverklaring.objects.exists()


def test_tweede_lopende_aanvraag_heeft_een_eigen_code(wereld):
    aanvragen(wereld)
    antwoord = post(
        api(wereld.rollen[R.SCHOOLLEIDER]), LIJST, {"opp": str(wereld.opp.sleutel), "soort": "so"}
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "loopt_al"


def test_leraar_krijgt_403(wereld):
    antwoord = post(
        api(wereld.rollen[R.LERAAR]), LIJST, {"opp": str(wereld.opp.sleutel), "soort": "sbo"}
    )
    assert antwoord.status_code == 403


def test_volledige_behandeling_via_de_api(wereld):
    tlv = aanvragen(wereld)
    url = f"{LIJST}{tlv.sleutel}/"
    loket = api(wereld.rollen[R.LOKET])
    assert post(loket, url + "compleet/", {"compleet_op": VANDAAG().isoformat()}).status_code == 200
    deskundige = api(wereld.rollen[R.DESKUNDIGE])
    antwoord = post(
        deskundige,
        url + "advies/",
        {
            "deskundige": wereld.ortho.pk,
            "conclusie": "toelaatbaar",
            "toelichting": "Ja.",
            "datum": VANDAAG().isoformat(),
        },
    )
    assert antwoord.status_code == 201
    commissie = api(wereld.rollen[R.COMMISSIELID])
    besluit = {
        "besluit": "toegekend",
        "motivering": "Eensluidend advies.",
        "besluit_op": VANDAAG().isoformat(),
        "schoolsoort": "sbo",
        "ingangsdatum": VANDAAG().isoformat(),
        "einddatum": (VANDAAG() + datetime.timedelta(days=400)).isoformat(),
    }
    voor = laatste()
    weigering = post(commissie, url + "besluit/", besluit)
    assert weigering.status_code == 400
    assert "minstens 2 deskundigen" in weigering.json()["velden"]["adviezen"][0]
    assert len(regels_na(voor)) == 1
    post(
        loket,
        url + "advies/",
        {
            "deskundige": wereld.arts.pk,
            "conclusie": "toelaatbaar",
            "toelichting": "Ja.",
            "datum": VANDAAG().isoformat(),
        },
    )
    antwoord = post(commissie, url + "besluit/", besluit)
    assert antwoord.status_code == 200, antwoord.json()
    data = antwoord.json()
    assert data["status"] == "toegekend" and len(data["adviezen"]) == 2
    assert data["bezwaar_uiterlijk"] == (VANDAAG() + datetime.timedelta(weeks=6)).isoformat()
    # Bezwaar, then the next steps.
    antwoord = post(
        loket,
        url + "bezwaar/",
        {"indiener": "ouders", "ingediend_op": VANDAAG().isoformat(), "omschrijving": "x"},
    )
    assert antwoord.status_code == 201
    bezwaar_id = antwoord.json()["bezwaren"][0]["id"]
    assert (
        antwoord.json()["bezwaren"][0]["adviesaanvraag_uiterlijk"]
        == (VANDAAG() + datetime.timedelta(weeks=2)).isoformat()
    )
    onvolledig = post(loket, url + "bezwaar/", {"stap": "advies_gevraagd", "bezwaar": bezwaar_id})
    assert onvolledig.status_code == 400 and "adviesaanvraag_op" in onvolledig.json()["velden"]
    stap = post(
        loket,
        url + "bezwaar/",
        {
            "stap": "advies_gevraagd",
            "bezwaar": bezwaar_id,
            "adviesaanvraag_op": VANDAAG().isoformat(),
        },
    )
    assert stap.status_code == 200
    dubbel = post(
        loket,
        url + "bezwaar/",
        {
            "stap": "advies_gevraagd",
            "bezwaar": bezwaar_id,
            "adviesaanvraag_op": VANDAAG().isoformat(),
        },
    )
    assert dubbel.status_code == 409 and dubbel.json()["code"] == "conflict"
    assert Bezwaar.objects.get().adviesaanvraag_op == VANDAAG()
    # Verlenging by the school.
    nieuw = post(api(wereld.rollen[R.INTERN_BEGELEIDER]), url + "verlenging/", {"soort": "sbo"})
    assert nieuw.status_code == 201
    assert nieuw.json()["verlenging_van"] == str(tlv.sleutel)


def test_niet_onafhankelijke_deskundige_geeft_400(wereld):
    tlv = compleet(wereld)
    wereld.arts.school = wereld.vestiging.school
    wereld.arts.save()
    antwoord = post(
        api(wereld.rollen[R.LOKET]),
        f"{LIJST}{tlv.sleutel}/advies/",
        {
            "deskundige": wereld.arts.pk,
            "conclusie": "toelaatbaar",
            "toelichting": "Ja.",
            "datum": VANDAAG().isoformat(),
        },
    )
    assert antwoord.status_code == 400
    assert "niet onafhankelijk" in antwoord.json()["velden"]["deskundige"][0]
    assert not Advies.objects.exists()


def test_einddatum_voor_ingangsdatum_geeft_400_en_niets_opgeslagen(wereld):
    tlv = met_twee_adviezen(wereld)
    antwoord = post(
        api(wereld.rollen[R.DIRECTEUR]),
        f"{LIJST}{tlv.sleutel}/besluit/",
        {
            "besluit": "toegekend",
            "motivering": "x",
            "besluit_op": VANDAAG().isoformat(),
            "schoolsoort": "sbo",
            "ingangsdatum": VANDAAG().isoformat(),
            "einddatum": (VANDAAG() - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"]["einddatum"] == [
        "De einddatum moet na de ingangsdatum liggen."
    ]
    tlv.refresh_from_db()
    assert tlv.status == Status.COMPLEET


def test_besluit_op_een_ingediende_aanvraag_heeft_code_status(wereld):
    tlv = aanvragen(wereld)
    antwoord = post(
        api(wereld.rollen[R.COMMISSIELID]),
        f"{LIJST}{tlv.sleutel}/besluit/",
        {"besluit": "afgewezen", "motivering": "x", "besluit_op": VANDAAG().isoformat()},
    )
    assert antwoord.status_code == 400 and antwoord.json()["code"] == "status"


def test_put_en_delete_worden_geweigerd(wereld):
    tlv = aanvragen(wereld)
    client = api(wereld.rollen[R.LOKET])
    url = f"{LIJST}{tlv.sleutel}/"
    assert client.put(url, "{}", content_type="application/json").status_code == 405
    assert client.patch(url, "{}", content_type="application/json").status_code == 405
    assert client.delete(url).status_code == 405
    assert Toelaatbaarheidsverklaring.objects.filter(pk=tlv.pk).exists()


def test_lijst_en_detail_met_een_logregel(wereld):
    tlv = toegekend(wereld)
    client = api(wereld.rollen[R.LOKET])
    voor = laatste()
    lijst = client.get(LIJST + "?status=toegekend")
    assert lijst.status_code == 200
    assert [r["sleutel"] for r in lijst.json()["results"]] == [str(tlv.sleutel)]
    (regel,) = regels_na(voor)
    assert set(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == {
        wereld.leerling.sleutel
    }
    voor = laatste()
    assert client.get(f"{LIJST}{tlv.sleutel}/").status_code == 200
    assert len(regels_na(voor)) == 1
    buur = api(wereld.rollen["buur_loket"])
    assert buur.get(f"{LIJST}{tlv.sleutel}/").status_code == 404
    assert buur.get(LIJST).json()["results"] == []
    assert client.get(f"{LIJST}geen-sleutel/").status_code == 404
    assert client.get(LIJST + "?status=onzin").status_code == 400


def test_openapi_schema_is_geldig_en_bevat_de_tlv_acties():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate(json.loads(json.dumps(schema, default=str)))
    paden = schema["paths"]
    assert set(paden["/api/v1/toelaatbaarheidsverklaringen/"]) == {"get", "post"}
    assert set(paden["/api/v1/toelaatbaarheidsverklaringen/{sleutel}/"]) == {"get"}
    for actie in ("advies", "compleet", "besluit", "bezwaar", "verlenging"):
        assert set(paden[f"/api/v1/toelaatbaarheidsverklaringen/{{sleutel}}/{actie}/"]) == {"post"}


@pytest.mark.parametrize("rolsoort", [R.INSPECTEUR, R.PRIVACY_OFFICER, R.LERAAR])
def test_rollen_zonder_recht_op_acties_krijgen_403(wereld, rolsoort):
    tlv = compleet(wereld)
    rol = wereld.rollen[rolsoort]
    antwoord = post(
        api(rol), f"{LIJST}{tlv.sleutel}/compleet/", {"compleet_op": VANDAAG().isoformat()}
    )
    assert antwoord.status_code == 403
