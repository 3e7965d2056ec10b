"""The waves in the API: list (paged), one wave with its items, creating (201), changing with
``revisie`` (409 on a stale one), opening and closing, adding (201) and removing (204) own
items, codes (201, once), response rates; 4xx bodies are machine-readable, every write logs
one record (what saved nothing too); the schema documents them."""

import json
from typing import Any
from unittest.mock import ANY

import pytest
from django.test import Client

from passend.accounts.rules import Rolsoort as R
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.doelstellingen.models import Meting, Uitnodiging, Vraag
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, code_hash
from passend.doelstellingen.tests.factories import MetingFactory, VraagFactory
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


def _patch(client: Client, url: str, data: object) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")


def _regels() -> list[tuple[str, str, str]]:
    return list(
        Toegangsregel.objects.filter(object_type="doelstellingen.meting")
        .order_by("pk")
        .values_list("resultaat", "reden", "route")
    )


class _Logboek:
    """The access-log records written since the last call."""

    def __init__(self) -> None:
        self.gezien = len(_regels())

    def nieuw(self) -> list[tuple[str, str, str]]:
        regels = _regels()
        nieuw, self.gezien = regels[self.gezien :], len(regels)
        return nieuw


def test_wijzigen_met_revisie() -> None:
    client, _ = _client()
    meting_id = _post(client, LIJST, NIEUW).json()["id"]
    url = f"{LIJST}{meting_id}/"
    log = _Logboek()
    antwoord = _patch(client, url, {"revisie": 1, "naam": "Voorjaar 2026", "is_nulmeting": True})
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert (data["naam"], data["is_nulmeting"], data["revisie"]) == ("Voorjaar 2026", True, 2)
    assert data["open_van"] == NIEUW["open_van"]  # left out: kept
    assert log.nieuw() == [(Resultaat.TOEGESTAAN, "Meting gewijzigd", "api:meting-detail")]
    # A stale revisie: 409 with the current one, nothing saved, one record.
    oud = _patch(client, url, {"revisie": 1, "naam": "Overschreven"})
    assert oud.status_code == 409
    assert oud.json() == {
        "code": "revisie",
        "detail": oud.json()["detail"],
        "revisie": 2,
    }
    assert Meting.objects.get(pk=meting_id).naam == "Voorjaar 2026"
    assert log.nieuw() == [
        (Resultaat.TOEGESTAAN, "niets opgeslagen: meting wijzigen", "api:meting-detail")
    ]
    zonder = _patch(client, url, {"naam": "Zonder revisie"})
    assert zonder.status_code == 400 and "revisie" in zonder.json()["velden"]
    datums = _patch(client, url, {"revisie": 2, "open_van": "2026-07-01"})
    assert datums.status_code == 400 and datums.json()["velden"].keys() == {"open_tot"}
    assert len(log.nieuw()) == 2
    assert Meting.objects.get(pk=meting_id).revisie == 2


def test_vragen_toevoegen_en_verwijderen() -> None:
    client, _ = _client()
    meting_id = _post(client, LIJST, NIEUW).json()["id"]
    url = f"{LIJST}{meting_id}/vragen/"
    eigen = {
        "respondentgroep": G.OUDER,
        "code": "OU.D4.eigen",
        "doelstelling": 4,
        "tekst": "De school vraagt mij om mee te denken.",
        "schaal": "eens_oneens",
        "revisie": 1,
    }
    log = _Logboek()
    antwoord = _post(client, url, eigen)
    assert antwoord.status_code == 201
    assert antwoord.json()["revisie"] == 2
    ouders = next(
        lijst for lijst in antwoord.json()["vragenlijsten"] if lijst["respondentgroep"] == G.OUDER
    )
    vraag = next(v for v in ouders["vragen"] if v["code"] == "OU.D4.eigen")
    assert (vraag["doelstelling"], vraag["schaal"]) == (4, "eens_oneens")
    assert log.nieuw() == [
        (Resultaat.TOEGESTAAN, "Vraag OU.D4.eigen toegevoegd", "api:meting-vragen")
    ]
    # The same code again (and no revisie: allowed): 400 on the field.
    dubbel = _post(client, url, _zonder(eigen, "revisie"))
    assert dubbel.status_code == 400 and dubbel.json()["velden"].keys() == {"code"}
    lang = _post(client, url, {**eigen, "code": "X" * 41})
    assert lang.status_code == 400 and lang.json()["code"] == "ongeldig"
    assert lang.json()["velden"].keys() == {"code"}
    fout = _post(client, url, {**eigen, "respondentgroep": G.LERAAR, "schaal": "x", "revisie": 2})
    assert fout.status_code == 400 and {"schaal"} <= fout.json()["velden"].keys()
    geen_lijst = _post(
        client, url, {**eigen, "code": "Nieuw", "respondentgroep": G.LERAAR, "revisie": 2}
    )
    assert geen_lijst.status_code == 400
    assert geen_lijst.json()["velden"].keys() == {"respondentgroep"}
    oud = _post(client, url, {**eigen, "code": "Nieuw", "revisie": 1})
    assert oud.status_code == 409 and oud.json()["revisie"] == 2
    assert [reden for _, reden, _ in log.nieuw()] == ["niets opgeslagen: vraag toevoegen"] * 5
    assert Vraag.objects.filter(code="Nieuw").count() == 0
    # Remove it: the revisie as a query parameter.
    weg = f"{url}{vraag['id']}/"
    assert client.delete(weg).status_code == 400
    assert client.delete(f"{weg}?revisie=1").json()["code"] == "revisie"
    assert client.delete(f"{weg}?revisie=2").status_code == 204
    assert not Vraag.objects.filter(pk=vraag["id"]).exists()
    assert log.nieuw()[-1] == (
        Resultaat.TOEGESTAAN,
        "Vraag OU.D4.eigen verwijderd",
        "api:meting-vraag",
    )
    for onbekend in (f"{weg}?revisie=3", f"{url}abc/?revisie=3", f"{url}{10**30}/?revisie=3"):
        antwoord = client.delete(onbekend)
        assert antwoord.status_code == 404 and antwoord.json()["code"]
        assert log.nieuw() == [
            (Resultaat.TOEGESTAAN, "niets opgeslagen: vraag verwijderen", "api:meting-vraag")
        ]
    # An item of another wave is not in this one.
    andere = VraagFactory()
    assert client.delete(f"{url}{andere.pk}/?revisie=3").status_code == 404
    assert Vraag.objects.filter(pk=andere.pk).exists()


def _zonder(data: dict[str, Any], sleutel: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != sleutel}


def test_openen_en_sluiten() -> None:
    client, _ = _client()
    meting = _post(client, LIJST, NIEUW).json()
    basis = f"{LIJST}{meting['id']}/"
    log = _Logboek()
    assert _post(client, f"{basis}openen/", {}).status_code == 400
    assert _post(client, f"{basis}openen/", {"revisie": 7}).json() == {
        "code": "revisie",
        "detail": ANY,
        "revisie": 1,
    }
    assert len(log.nieuw()) == 2
    open_ = _post(client, f"{basis}openen/", {"revisie": 1})
    assert open_.status_code == 200
    assert (open_.json()["status"], open_.json()["revisie"]) == (Metingstatus.OPEN, 2)
    assert open_.json()["geopend_op"]
    assert log.nieuw() == [(Resultaat.TOEGESTAAN, "Meting geopend", "api:meting-openen")]
    # Open: the questionnaires are fixed.
    assert _patch(client, basis, {"revisie": 2, "naam": "Later"}).json()["code"] == "niet_concept"
    assert _post(client, f"{basis}openen/", {"revisie": 2}).json()["code"] == "niet_concept"
    vraag_id = meting["vragenlijsten"][0]["vragen"][0]["id"]
    weg = client.delete(f"{basis}vragen/{vraag_id}/?revisie=2")
    assert weg.status_code == 409 and weg.json()["code"] == "niet_concept"
    assert Vraag.objects.filter(pk=vraag_id).exists()
    dicht = _post(client, f"{basis}sluiten/", {"revisie": 2})
    assert dicht.status_code == 200 and dicht.json()["status"] == Metingstatus.GESLOTEN
    nogmaals = _post(client, f"{basis}sluiten/", {"revisie": 3})
    assert nogmaals.status_code == 409 and nogmaals.json()["code"] == "niet_open"
    assert log.nieuw()[-2:] == [
        (Resultaat.TOEGESTAAN, "Meting gesloten", "api:meting-sluiten"),
        (Resultaat.TOEGESTAAN, "niets opgeslagen: meting sluiten", "api:meting-sluiten"),
    ]


def test_openen_zonder_vragen() -> None:
    client, rol = _client()
    meting = MetingFactory(
        samenwerkingsverband=rol.samenwerkingsverband, jaar=2026, status=Metingstatus.CONCEPT
    )
    antwoord = _post(client, f"{LIJST}{meting.pk}/openen/", {"revisie": 1})
    assert antwoord.status_code == 400 and antwoord.json()["code"] == "ongeldig"
    assert Meting.objects.get(pk=meting.pk).status == Metingstatus.CONCEPT


@pytest.mark.parametrize(
    ("methode", "pad", "body"),
    [
        ("patch", "", {"revisie": 1, "naam": "X"}),
        ("post", "openen/", {"revisie": 1}),
        ("post", "sluiten/", {"revisie": 1}),
        ("post", "vragen/", {"code": "X"}),
        ("delete", "vragen/1/?revisie=1", None),
    ],
)
def test_schrijven_geweigerd_en_gelogd(methode: str, pad: str, body: object) -> None:
    _, rol = _client()
    meting = MetingFactory(
        samenwerkingsverband=rol.samenwerkingsverband, jaar=2026, status=Metingstatus.CONCEPT
    )
    ander, _ = _client()
    toezicht, _ = _client(R.TOEZICHTHOUDER, samenwerkingsverband=rol.samenwerkingsverband)
    ministerie, _ = _client(R.MINISTERIE, samenwerkingsverband=None)
    for client, verwacht in ((ander, 404), (toezicht, 403), (ministerie, 404)):
        log = _Logboek()
        for url in (f"{LIJST}{meting.pk}/{pad}", f"{LIJST}x{meting.pk}/{pad}"):
            antwoord = client.generic(
                methode.upper(),
                url,
                json.dumps(body) if body is not None else "",
                content_type="application/json",
            )
            # A role that may never manage a wave: 403 before the id is looked at.
            assert antwoord.status_code == (
                404 if url.startswith(f"{LIJST}x") and verwacht != 403 else verwacht
            )
            assert antwoord.json()["code"]
        regels = log.nieuw()
        assert len(regels) == 2 and all(r == Resultaat.GEWEIGERD for r, _, _ in regels)
        assert all(reden.startswith("geweigerd: ") for _, reden, _ in regels)
    assert Meting.objects.get(pk=meting.pk).revisie == 1


def test_schema_documenteert_de_schrijfroutes() -> None:
    from drf_spectacular.generators import SchemaGenerator

    paden = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    detail = paden["/api/v1/metingen/{id}/"]["patch"]["responses"]
    assert {"200", "400", "404", "409"} <= set(detail)
    for actie in ("openen", "sluiten"):
        assert {"200", "400", "409"} <= set(
            paden[f"/api/v1/metingen/{{id}}/{actie}/"]["post"]["responses"]
        )
    assert "201" in paden["/api/v1/metingen/{id}/vragen/"]["post"]["responses"]
    verwijderen = paden["/api/v1/metingen/{id}/vragen/{vraag_id}/"]["delete"]
    assert "204" in verwijderen["responses"]
    assert any(p["name"] == "revisie" and p["required"] for p in verwijderen["parameters"])
