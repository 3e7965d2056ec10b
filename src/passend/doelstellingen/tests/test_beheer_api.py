"""The waves in the API: list (paged), one wave with its items, creating (201), codes (201,
once), response rates; 4xx bodies are machine-readable; the schema documents them."""

import json
from typing import Any

import pytest
from django.test import Client

from passend.accounts.rules import Rolsoort as R
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.doelstellingen.models import Meting, Uitnodiging
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, code_hash
from passend.doelstellingen.tests.factories import MetingFactory
from passend.organisaties.tests.factories import SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/metingen/"
G = Respondentgroep
NIEUW = {
    "naam": "Meting 2026",
    "jaar": 2026,
    "open_van": "2026-05-01",
    "open_tot": "2026-06-30",
    "groepen": [G.OUDER, G.GEMEENTE],
}


def _client(rolsoort: str = R.DIRECTEUR, **kwargs: Any) -> tuple[Client, Any]:
    rol = RolFactory(rolsoort=rolsoort, **kwargs)
    return client_voor(rol), rol


def _post(client: Client, url: str, data: object) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def test_aanmaken_ophalen_en_lijst() -> None:
    client, rol = _client()
    antwoord = _post(client, LIJST, NIEUW)
    assert antwoord.status_code == 201
    data = antwoord.json()
    assert data["samenwerkingsverband"] == rol.samenwerkingsverband.code
    assert {lijst["respondentgroep"] for lijst in data["vragenlijsten"]} == {G.OUDER, G.GEMEENTE}
    assert all(lijst["vragen"] for lijst in data["vragenlijsten"])
    detail = client.get(f"{LIJST}{data['id']}/").json()
    assert detail["vragenlijsten"] == data["vragenlijsten"]
    lijst = client.get(LIJST).json()
    assert lijst["count"] == 1 and lijst["results"][0]["uitgegeven"] == 0


def test_fouten_machineleesbaar() -> None:
    client, _ = _client()
    antwoord = _post(client, LIJST, {**NIEUW, "groepen": ["onbekend"], "jaar": "x"})
    assert antwoord.status_code == 400
    body = antwoord.json()
    assert body["code"] == "ongeldig" and {"groepen", "jaar"} <= set(body["velden"])
    _post(client, LIJST, NIEUW)
    body = _post(client, LIJST, NIEUW).json()
    assert body["code"] == "ongeldig" and "jaar" in body["velden"]
    assert client.get(f"{LIJST}abc/").status_code == 404
    assert client.get(f"{LIJST}abc/").json()["code"]


def test_codes_eenmalig_en_respons() -> None:
    client, rol = _client()
    meting_id = _post(client, LIJST, NIEUW).json()["id"]
    school = SwvLidmaatschapFactory(samenwerkingsverband=rol.samenwerkingsverband).vestiging
    url = f"{LIJST}{meting_id}/uitnodigingen/"
    antwoord = _post(client, url, {"respondentgroep": G.OUDER, "vestiging": school.pk, "aantal": 4})
    assert antwoord.status_code == 201
    codes = antwoord.json()["codes"]
    assert len(codes) == 4
    assert set(Uitnodiging.objects.values_list("code_hash", flat=True)) == {
        code_hash(c) for c in codes
    }
    fout = _post(client, url, {"respondentgroep": G.OUDER, "aantal": 4})
    assert fout.status_code == 400 and "vestiging" in fout.json()["velden"]
    Uitnodiging.objects.filter(code_hash=code_hash(codes[0])).update(gebruikt=True)
    respons = client.get(f"{LIJST}{meting_id}/respons/").json()
    assert (respons["uitgegeven"], respons["gebruikt"], respons["percentage"]) == (4, 1, 25.0)
    ouders = next(g for g in respons["groepen"] if g["respondentgroep"] == G.OUDER)
    assert ouders["eenheden"][0]["code"] == school.vestigingscode
    assert ouders["eenheden"][0]["verborgen"] is False
    # A school with one code: no counts of its own, but in the group's total.
    klein = SwvLidmaatschapFactory(samenwerkingsverband=rol.samenwerkingsverband).vestiging
    _post(client, url, {"respondentgroep": G.OUDER, "vestiging": klein.pk, "aantal": 1})
    Uitnodiging.objects.filter(vestiging=klein).update(gebruikt=True)
    respons = client.get(f"{LIJST}{meting_id}/respons/").json()
    ouders = next(g for g in respons["groepen"] if g["respondentgroep"] == G.OUDER)
    eenheid = next(e for e in ouders["eenheden"] if e["code"] == klein.vestigingscode)
    assert eenheid == {
        "naam": klein.naam,
        "code": klein.vestigingscode,
        "verborgen": True,
        "uitgegeven": None,
        "gebruikt": None,
        "percentage": None,
    }
    assert (ouders["uitgegeven"], ouders["gebruikt"]) == (5, 2)
    Meting.objects.filter(pk=meting_id).update(status=Metingstatus.GESLOTEN)
    gesloten = _post(client, url, {"respondentgroep": G.GEMEENTE, "aantal": 1})
    assert gesloten.status_code == 409 and gesloten.json()["code"] == "gesloten"


def test_weigeringen_gelogd() -> None:
    eigen, rol = _client()
    meting = MetingFactory(samenwerkingsverband=rol.samenwerkingsverband, jaar=2026)
    ander, _ = _client()
    assert ander.get(f"{LIJST}{meting.pk}/").status_code == 404
    toezicht, _ = _client(R.TOEZICHTHOUDER, samenwerkingsverband=rol.samenwerkingsverband)
    assert toezicht.get(f"{LIJST}{meting.pk}/").status_code == 403
    assert toezicht.get(LIJST).status_code == 200
    landelijk = MetingFactory(samenwerkingsverband=None, jaar=2025)
    # An SWV directeur sees a national wave in the list but does not run it.
    assert eigen.get(f"{LIJST}{landelijk.pk}/").status_code == 403
    assert (
        Toegangsregel.objects.filter(
            object_type="doelstellingen.meting", resultaat=Resultaat.GEWEIGERD
        ).count()
        == 3
    )


def test_schema_documenteert_de_routes() -> None:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    paden = schema["paths"]
    assert "post" in paden["/api/v1/metingen/"]
    assert "201" in paden["/api/v1/metingen/{id}/uitnodigingen/"]["post"]["responses"]
    assert "409" in paden["/api/v1/metingen/{id}/uitnodigingen/"]["post"]["responses"]
    assert "get" in paden["/api/v1/metingen/{id}/respons/"]
