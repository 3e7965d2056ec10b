"""The results API ``/api/v1/metingen/<id>/resultaten/``: figures, suppressed cells as null,
404 hidden wave or SWV, 403 role, 409 wave not closed, 400 bad ``swv``; one log record."""

import math

import pytest
from django.test import Client
from statsmodels.stats.proportion import proportions_ztest

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.doelstellingen.rules import Metingstatus, Respondentgroep
from passend.doelstellingen.tests.resultaten_data import antwoorden, bouw_meting
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
G = Respondentgroep


def url(meting) -> str:
    return f"/api/v1/metingen/{meting.pk}/resultaten/"


def client(rolsoort: str, swv=None) -> Client:
    velden = {"rolsoort": rolsoort}
    if swv is not None:
        velden["samenwerkingsverband"] = swv
    _, token = koppeling_aanmaken(naam=f"Koppeling {rolsoort}", rol=RolFactory(**velden))
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {token}")


def item(data: dict, groep: str, code: str) -> dict:
    return next(
        i
        for d in data["doelen"]
        for g in d["groepen"]
        if g["respondentgroep"] == groep
        for i in g["items"]
        if i["code"] == code
    )


@pytest.fixture
def swv_reeks():
    swv = SamenwerkingsverbandFactory()
    vorig = bouw_meting(swv=swv, jaar=2024, nulmeting=True)
    nu = bouw_meting(swv=swv, jaar=2025)
    antwoorden(vorig, swv=swv, groep=G.OUDER, waarden={"D1.behoefte": [4] * 5 + [2] * 10})
    antwoorden(
        nu,
        swv=swv,
        groep=G.OUDER,
        waarden={"D1.behoefte": [4] * 10 + [2] * 2, "D4.partner": [4] * 3},
    )
    return swv, vorig, nu


def test_directeur_leest_uitkomsten(swv_reeks):
    swv, vorig, nu = swv_reeks
    antwoord = client(R.DIRECTEUR, swv).get(url(nu))
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["meting"]["id"] == nu.pk and data["grens"] == 10
    assert data["samenwerkingsverband"]["code"] == swv.code
    assert [d["doelstelling"] for d in data["doelen"]] == [1, 2, 3, 4, 5, 6, 7]
    assert data["nulmeting"]["id"] == vorig.pk and data["vorige"]["id"] == vorig.pk
    d1 = item(data, G.OUDER, "D1.behoefte")
    assert d1["n"] == 12 and math.isclose(d1["resultaat"], 100 * 10 / 12)
    z, p = proportions_ztest([10, 5], [12, 15])
    assert d1["vorige"]["toets"] == "twee proporties"
    assert math.isclose(d1["vorige"]["statistiek"], z) and math.isclose(d1["vorige"]["p"], p)
    assert d1["vorige"]["oordeel"] == ("hoger" if p < 0.05 else "geen verschil")
    klein = item(data, G.OUDER, "D4.partner")
    assert klein["onderdrukt"] is True
    assert (klein["n"], klein["resultaat"], klein["ci_laag"], klein["ci_hoog"]) == (None,) * 4
    regel = Toegangsregel.objects.get()
    assert (regel.object_type, regel.object_id, regel.route, regel.resultaat) == (
        "doelstellingen.resultaten",
        str(nu.pk),
        "api:meting-resultaten",
        Resultaat.TOEGESTAAN,
    )


def test_anoniem_401(swv_reeks):
    *_, nu = swv_reeks
    assert Client().get(url(nu)).status_code == 401


def test_rol_zonder_recht_403(swv_reeks):
    swv, _, nu = swv_reeks
    antwoord = client(R.LOKET, swv).get(url(nu))
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


@pytest.mark.parametrize("wie", ["ander_swv", "ministerie"])
def test_verborgen_meting_404(swv_reeks, wie):
    *_, nu = swv_reeks
    c = (
        client(R.DIRECTEUR, SamenwerkingsverbandFactory())
        if wie == "ander_swv"
        else client(R.MINISTERIE)
    )
    antwoord = c.get(url(nu))
    assert antwoord.status_code == 404
    assert antwoord.json()["code"]
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


def test_open_meting_409():
    swv = SamenwerkingsverbandFactory()
    m = bouw_meting(swv=swv, jaar=2025, status=Metingstatus.OPEN)
    antwoord = client(R.DIRECTEUR, swv).get(url(m))
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "meting_niet_gesloten"
    assert "gesloten" in antwoord.json()["detail"]
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.reden) == (Resultaat.TOEGESTAAN, "meting nog niet gesloten")


@pytest.fixture
def landelijk():
    a, b = SamenwerkingsverbandFactory(naam="Aa"), SamenwerkingsverbandFactory(naam="Bb")
    m = bouw_meting(swv=None, jaar=2025)
    antwoorden(m, swv=a, groep=G.OUDER, waarden={"D1.behoefte": [4] * 30})
    antwoorden(m, swv=b, groep=G.OUDER, waarden={"D1.behoefte": [2] * 12})
    return m, a, b


def test_ministerie_kiest_een_swv(landelijk):
    m, a, b = landelijk
    c = client(R.MINISTERIE)
    totaal = c.get(url(m)).json()
    assert totaal["scope"] == "Landelijk" and totaal["samenwerkingsverband"] is None
    assert [k["code"] for k in totaal["keuzes"]] == [a.code, b.code]
    assert item(totaal, G.OUDER, "D1.behoefte")["n"] == 42
    van_b = c.get(url(m), {"swv": b.code}).json()
    assert van_b["samenwerkingsverband"]["code"] == b.code
    assert item(van_b, G.OUDER, "D1.behoefte")["resultaat"] == 0.0


@pytest.mark.parametrize("swv", ["PO 24!", "ZZ9999"])
def test_ongeldige_swv_400(landelijk, swv):
    m, *_ = landelijk
    antwoord = client(R.INSPECTEUR).get(url(m), {"swv": swv})
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig" and "swv" in antwoord.json()["velden"]


def test_dubbele_parameter_400(landelijk):
    m, a, b = landelijk
    antwoord = client(R.INSPECTEUR).get(f"{url(m)}?swv={a.code}&swv={b.code}")
    assert antwoord.status_code == 400


def test_swv_lezer_alleen_eigen_swv(landelijk):
    m, a, b = landelijk
    c = client(R.TOEZICHTHOUDER, a)
    data = c.get(url(m)).json()
    assert [k["code"] for k in data["keuzes"]] == [a.code]
    assert c.get(url(m), {"swv": a.code}).status_code == 200
    assert c.get(url(m), {"swv": b.code}).status_code == 404


def test_interval_van_de_vorige_meting(swv_reeks):
    swv, _, nu = swv_reeks
    d1 = item(client(R.DIRECTEUR, swv).get(url(nu)).json(), G.OUDER, "D1.behoefte")
    assert d1["vorige"]["ci_laag"] < 100 * 5 / 15 < d1["vorige"]["ci_hoog"]


@pytest.mark.parametrize("sleutel", ["abc", "99999999999999999999999"])
def test_sleutel_die_geen_getal_is_404(swv_reeks, sleutel):
    swv, *_ = swv_reeks
    antwoord = client(R.DIRECTEUR, swv).get(f"/api/v1/metingen/{sleutel}/resultaten/")
    assert antwoord.status_code == 404
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD
