"""The KPI API: ``/api/v1/monitor/kengetallen/`` and ``/api/v1/monitor/landelijk/``.

Always the own SWV (naming one is a 400); the national roles read only ``landelijk`` (a
logged 403 on ``kengetallen``); a role without the right a 403; bad parameters a 400 with a
machine-readable body. Suppressed readers get one school year without the previous year.
Decimals are strings.
"""

import pytest
from django.test import Client

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.monitor.tests.test_kpi_paginas import PERIODE, SCHOOLJAAR, Wereld, maak_wereld, rol_in
from passend.organisaties.rules import Sector

pytestmark = pytest.mark.django_db

R = Rolsoort
KENGETALLEN = "/api/v1/monitor/kengetallen/"
LANDELIJK = "/api/v1/monitor/landelijk/"


@pytest.fixture
def wereld() -> Wereld:
    return maak_wereld()


def token_client(wereld: Wereld | None, rolsoort: str) -> Client:
    _, token = koppeling_aanmaken(naam=f"Koppeling {rolsoort}", rol=rol_in(wereld, rolsoort))
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {token}")


def _kengetal(data: dict, code: str) -> dict:
    return next(k for k in data["kengetallen"] if k["code"] == code)


def test_directeur_leest_de_eigen_kengetallen(wereld: Wereld):
    antwoord = token_client(wereld, R.DIRECTEUR).get(KENGETALLEN, PERIODE)
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["samenwerkingsverband"]["code"] == wereld.swv.code
    assert (data["van"], data["tot"]) == ("2025-08-01", "2026-07-31")
    assert data["onderdrukt"] is False
    assert data["grens"] == 10
    tlv = _kengetal(data, "tlv_toegekend")
    assert tlv["aantal"] == 3
    # 3 on 1,000 pupils: a decimal as a string.
    assert tlv["waarde"] == "3.0"
    assert tlv["noemer"] == 1000
    assert {r["code"] for r in data["reeksen"]}
    assert all(isinstance(p["schooljaar"], str) for r in data["reeksen"] for p in r["punten"])
    regel = Toegangsregel.objects.get()
    assert (regel.actie, regel.object_id, regel.route) == (
        Actie.LEZEN,
        wereld.swv.code,
        "api:monitor-kengetallen",
    )


def test_opr_krijgt_kleine_aantallen_als_null(wereld: Wereld):
    data = token_client(wereld, R.OPR_LID).get(KENGETALLEN, SCHOOLJAAR).json()
    assert data["onderdrukt"] is True
    tlv = _kengetal(data, "tlv_toegekend")
    assert tlv["aantal"] is None and tlv["waarde"] is None and tlv["onderdrukt"] is True


def test_filters(wereld: Wereld):
    bestuur = wereld.vestiging.school.bestuur
    antwoord = token_client(wereld, R.DIRECTEUR).get(
        KENGETALLEN, {**PERIODE, "bestuur": bestuur.bevoegd_gezag_nummer, "soort": "bao"}
    )
    assert antwoord.status_code == 200
    assert antwoord.json()["afbakening"] == {
        "bestuur": bestuur.bevoegd_gezag_nummer,
        "soort": "bao",
        "sector": None,
    }


@pytest.mark.parametrize(
    ("parameters", "veld"),
    [
        ({"van": "2020-08-01", "tot": "2026-07-31"}, "tot"),
        ({"van": "2025-08-01"}, "tot"),
        ({"van": "gisteren", "tot": "2026-01-01"}, "van"),
        ({"van": "2026-08-01", "tot": "2025-08-01"}, "tot"),
        ({"soort": "mbo"}, "soort"),
        ({"bestuur": "abc"}, "bestuur"),
        ({"bestuur": "99999"}, "bestuur"),
    ],
)
def test_ongeldige_parameters_geven_400(wereld: Wereld, parameters: dict, veld: str):
    antwoord = token_client(wereld, R.DIRECTEUR).get(KENGETALLEN, parameters)
    assert antwoord.status_code == 400
    data = antwoord.json()
    assert data["code"] == "ongeldig"
    assert veld in data["velden"]
    assert not Toegangsregel.objects.exists()


def test_parameter_twee_keer_is_400(wereld: Wereld):
    antwoord = token_client(wereld, R.DIRECTEUR).get(f"{KENGETALLEN}?soort=bao&soort=sbo")
    assert antwoord.status_code == 400
    assert "soort" in antwoord.json()["velden"]


@pytest.mark.parametrize("rolsoort", [R.DIRECTEUR, R.TOEZICHTHOUDER])
def test_een_swv_noemen_kan_niet(wereld: Wereld, rolsoort: str):
    ander = maak_wereld(tlvs=0, naam="SWV Elders")
    client = token_client(wereld, rolsoort)
    for code in (ander.swv.code, wereld.swv.code):
        antwoord = client.get(KENGETALLEN, {**SCHOOLJAAR, "samenwerkingsverband": code})
        assert antwoord.status_code == 400
        assert "samenwerkingsverband" in antwoord.json()["velden"]
        assert "kengetallen" not in antwoord.json()
    assert not Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).exists()


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.LERAAR, R.PRIVACY_OFFICER])
def test_rol_zonder_recht_is_403(wereld: Wereld, rolsoort: str):
    antwoord = token_client(wereld, rolsoort).get(KENGETALLEN)
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


@pytest.mark.parametrize("rolsoort", [R.INSPECTEUR, R.MINISTERIE])
def test_landelijke_rol_leest_geen_swv_in_de_api(wereld: Wereld, rolsoort: str):
    """The national table is their only view: the per-SWV figures are a logged 403."""
    client = token_client(None, rolsoort)
    for parameters in ({}, {**SCHOOLJAAR, "samenwerkingsverband": wereld.swv.code}):
        antwoord = client.get(KENGETALLEN, parameters)
        assert antwoord.status_code == 403
        assert "kengetallen" not in antwoord.json()
    regels = Toegangsregel.objects.all()
    assert [r.resultaat for r in regels] == [Resultaat.GEWEIGERD] * 2


@pytest.mark.parametrize("rolsoort", [R.TOEZICHTHOUDER, R.OPR_LID])
def test_onderdrukt_een_schooljaar_zonder_vorig_jaar(wereld: Wereld, rolsoort: str):
    client = token_client(wereld, rolsoort)
    twee = client.get(KENGETALLEN, {**SCHOOLJAAR, "jaren": 2})
    assert twee.status_code == 400
    assert "jaren" in twee.json()["velden"]
    data = client.get(KENGETALLEN, {**SCHOOLJAAR, "jaren": 1}).json()
    assert data["onderdrukt"] is True
    assert data["reeksen"] == []
    for k in data["kengetallen"]:
        assert (k["vorig_jaar_aantal"], k["vorig_jaar_waarde"], k["verandering"]) == (
            None,
            None,
            None,
        )


def test_directeur_houdt_vorig_jaar_en_reeksen(wereld: Wereld):
    data = token_client(wereld, R.DIRECTEUR).get(KENGETALLEN, {**SCHOOLJAAR, "jaren": 2}).json()
    assert data["onderdrukt"] is False
    assert data["reeksen"]
    assert any(k["vorig_jaar_aantal"] is not None for k in data["kengetallen"])


def test_landelijk(wereld: Wereld):
    vo = maak_wereld(tlvs=0, naam="SWV Hogeland", sector=Sector.VO)
    client = token_client(None, R.MINISTERIE)
    data = client.get(LANDELIJK, SCHOOLJAAR).json()
    assert [r["samenwerkingsverband"]["code"] for r in data["rijen"]] == sorted(
        [wereld.swv.code, vo.swv.code]
    )
    assert len(data["kolommen"]) == len(data["totaal"]) == len(data["rijen"][0]["kengetallen"])
    assert data["grens"] == 10
    alleen_vo = client.get(LANDELIJK, {"sector": "VO"}).json()
    assert [r["samenwerkingsverband"]["code"] for r in alleen_vo["rijen"]] == [vo.swv.code]
    slecht = client.get(LANDELIJK, {"sector": "MBO"})
    assert slecht.status_code == 400
    assert "sector" in slecht.json()["velden"]


def test_landelijk_niet_voor_een_swv(wereld: Wereld):
    assert token_client(wereld, R.DIRECTEUR).get(LANDELIJK).status_code == 403


def test_zonder_inloggen_401():
    assert Client().get(KENGETALLEN).status_code == 401
    assert Client().get(LANDELIJK).status_code == 401


def test_zonder_toegangslog_geen_cijfers(wereld: Wereld):
    from passend.core.tests.test_toegangslog import kapot_toegangslog

    client = token_client(wereld, R.DIRECTEUR)
    with kapot_toegangslog():
        antwoord = client.get(KENGETALLEN, PERIODE)
    assert antwoord.status_code == 503
    assert antwoord.json()["code"] == "toegangslog_niet_beschikbaar"
    assert "kengetallen" not in antwoord.json()
