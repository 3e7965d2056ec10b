"""The dekkend netwerk API: list, retrieve, start (202/400/403), the comparison of a what-if
with its basis, 404 for another SWV's analysis, one access-log record per read (figures
only), and a valid OpenAPI schema."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

from passend.accounts.rules import Rolsoort as R
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.tests.factories import NetwerkanalyseFactory
from passend.monitor.tests.test_netwerk_service import OPTIMUM_M
from passend.monitor.tests.test_netwerk_vraag_aanbod import PEILDATUM, wereld

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/netwerkanalyses/"


@pytest.fixture(autouse=True)
def _peildatum(monkeypatch):
    """The API starts on today; the region's case data is built around PEILDATUM."""
    monkeypatch.setattr("passend.monitor.services.netwerk.timezone.localdate", lambda: PEILDATUM)


def _client(swv, rolsoort=R.DIRECTEUR):
    rol = RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
    return client_voor(rol), rol


def _post(client, data):
    return client.post(LIJST, json.dumps(data), content_type="application/json")


def _starten(client, **data):
    data.setdefault("naam", "Huidige situatie")
    antwoord = _post(client, data)
    assert antwoord.status_code == 202, antwoord.content
    return antwoord.json()


def test_starten_en_ophalen():
    w = wereld()
    client, _rol = _client(w.swv)
    analyse = _starten(client)
    assert analyse["status"] == Analysestatus.KLAAR
    assert analyse["voortgang"] == 100
    assert abs(analyse["resultaat"]["doelwaarde_m"] - OPTIMUM_M) <= 2
    voor = Toegangsregel.objects.count()
    antwoord = client.get(f"{LIJST}{analyse['sleutel']}/")
    assert antwoord.status_code == 200
    gegevens = antwoord.json()
    assert gegevens["sleutel"] == analyse["sleutel"]
    assert gegevens["resultaat"]["aantal_vraag"] == 5
    # The pupil without a known home point is reported, not silently left out.
    assert gegevens["resultaat"]["zonder_woonplek"] == 1
    assert gegevens["samenwerkingsverband"] == w.swv.code
    # One access-log record for the read, with no pupil (figures only).
    regels = Toegangsregel.objects.order_by("id")[voor:]
    assert len(regels) == 1
    assert regels[0].object_id == analyse["sleutel"] and not regels[0].leerlingen.exists()


def test_de_lijst_toont_alleen_het_eigen_swv_de_nieuwste_eerst():
    w = wereld()
    client, _rol = _client(w.swv, R.FUNCTIONEEL_BEHEERDER)
    oud = NetwerkanalyseFactory(samenwerkingsverband=w.swv, naam="Oud")
    nieuw = NetwerkanalyseFactory(samenwerkingsverband=w.swv, naam="Nieuw")
    NetwerkanalyseFactory(samenwerkingsverband=w.ander, naam="Elders")
    voor = Toegangsregel.objects.count()
    antwoord = client.get(LIJST)
    assert antwoord.status_code == 200
    gegevens = antwoord.json()
    assert [a["sleutel"] for a in gegevens["results"]] == [str(nieuw.sleutel), str(oud.sleutel)]
    assert "resultaat" not in gegevens["results"][0]
    assert Toegangsregel.objects.count() == voor + 1


def test_de_lijst_heeft_een_vast_aantal_queries(django_assert_max_num_queries):
    w = wereld()
    client, _rol = _client(w.swv)
    for aantal in (1, 12):
        for _ in range(aantal):
            NetwerkanalyseFactory(
                samenwerkingsverband=w.swv, basis=NetwerkanalyseFactory(samenwerkingsverband=w.swv)
            )
        client.get(LIJST)
        with django_assert_max_num_queries(14):
            assert client.get(LIJST).status_code == 200


def test_een_analyse_van_een_ander_swv_of_een_onzinsleutel_is_404():
    w = wereld()
    client, rol = _client(w.swv)
    elders = NetwerkanalyseFactory(samenwerkingsverband=w.ander)
    for pad in (
        f"{LIJST}{elders.sleutel}/",
        f"{LIJST}geen-sleutel/",
        f"{LIJST}{elders.sleutel}/vergelijking/",
    ):
        antwoord = client.get(pad)
        assert antwoord.status_code == 404
        assert antwoord.json()["code"]
    assert (
        Toegangsregel.objects.filter(
            gebruiker=rol.gebruiker, resultaat=Resultaat.GEWEIGERD, object_id=str(elders.sleutel)
        ).count()
        == 2
    )


@pytest.mark.parametrize("rolsoort", [R.TOEZICHTHOUDER, R.OPR_LID, R.LOKET, R.INSPECTEUR])
def test_starten_zonder_recht_is_403(rolsoort):
    w = wereld()
    swv = w.swv if rolsoort != R.INSPECTEUR else None
    rol = (
        RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
        if swv
        else RolFactory(rolsoort=rolsoort)
    )
    antwoord = _post(client_voor(rol), {"naam": "Niet", "wijzigingen": []})
    assert antwoord.status_code == 403
    assert antwoord.json()["code"]
    assert not Netwerkanalyse.objects.exists()
    assert Toegangsregel.objects.filter(
        gebruiker=rol.gebruiker, resultaat=Resultaat.GEWEIGERD
    ).exists()


def test_lezen_zonder_recht_is_403():
    w = wereld()
    rol = RolFactory(rolsoort=R.INSPECTEUR)
    analyse = NetwerkanalyseFactory(samenwerkingsverband=w.swv)
    client = client_voor(rol)
    assert client.get(LIJST).status_code == 403
    assert client.get(f"{LIJST}{analyse.sleutel}/").status_code == 403


@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        ({"naam": ""}, "naam", None),
        ({"naam": "X", "wijzigingen": "sluiten"}, "wijzigingen", None),
        ({"naam": "X", "basis": "geen-uuid"}, "basis", None),
        (
            {"naam": "X", "wijzigingen": [{"soort": "sluiten", "vestiging": "22AA00"}]},
            "wijzigingen",
            "uitgangspunt",
        ),
    ],
)
def test_ongeldige_invoer_is_400_per_veld(data, veld, melding):
    w = wereld()
    client, _rol = _client(w.swv)
    antwoord = _post(client, data)
    assert antwoord.status_code == 400
    fout = antwoord.json()
    assert fout["code"] == "ongeldig"
    assert veld in fout["velden"]
    if melding:
        assert melding in " ".join(fout["velden"][veld])
    assert not Netwerkanalyse.objects.exists()


@pytest.mark.parametrize(
    ("wijzigingen", "melding"),
    [
        (
            [
                {
                    "soort": "capaciteit",
                    "vestiging": "11AA00",
                    "niveau": ["extra"],
                    "gebied": "leergedrag",
                    "capaciteit": 3,
                }
            ],
            "Wijziging 1: kies een niveau",
        ),
        (
            [
                {
                    "soort": "capaciteit",
                    "vestiging": {"id": 1},
                    "niveau": "extra",
                    "gebied": ["leergedrag"],
                    "capaciteit": 3,
                }
            ],
            "Wijziging 1: kies een vestiging",
        ),
        (
            [
                {
                    "soort": "openen",
                    "naam": "Nieuw",
                    "soort_locatie": ["sbo"],
                    "bij_vestiging": "11AA00",
                    "plaatsen": [{"niveau": {"x": 1}, "gebied": 7, "capaciteit": 2}],
                }
            ],
            "Wijziging 1: kies een bestaande soort school",
        ),
        ([{"soort": "sluiten", "vestiging": "22AA00"}, "sluiten"], "Wijziging 2: geef een"),
        ([[1]], "Wijziging 1: geef een wijziging als object"),
        ({"soort": "sluiten"}, "Geef de wijzigingen als een lijst."),
        ("sluiten", "Geef de wijzigingen als een lijst."),
        ([{"soort": "sluiten", "vestiging": "x"}] * 201, "ten hoogste 200"),
    ],
)
def test_waarden_van_het_verkeerde_type_zijn_400_met_een_genummerde_melding(wijzigingen, melding):
    w = wereld()
    client, _rol = _client(w.swv)
    basis = _starten(client)
    antwoord = _post(
        client, {"naam": "Fout", "basis": basis["sleutel"], "wijzigingen": wijzigingen}
    )
    assert antwoord.status_code == 400, antwoord.content
    fout = antwoord.json()
    assert fout["code"] == "ongeldig"
    assert any(melding in m for m in fout["velden"]["wijzigingen"]), fout
    assert Netwerkanalyse.objects.count() == 1


def test_wat_als_met_een_fout_per_wijziging_en_dan_de_vergelijking():
    w = wereld()
    client, _rol = _client(w.swv)
    basis = _starten(client)
    antwoord = _post(
        client,
        {
            "naam": "Fout",
            "basis": basis["sleutel"],
            "wijzigingen": [
                {"soort": "sluiten", "vestiging": "22AA00"},
                {
                    "soort": "capaciteit",
                    "vestiging": "55AA00",
                    "niveau": "extra",
                    "gebied": "leergedrag",
                    "capaciteit": 3,
                },
            ],
        },
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"]["wijzigingen"] == [
        "Wijziging 2: deze vestiging hoort niet bij uw samenwerkingsverband."
    ]
    # Another SWV's analysis as basis: a 404 as an unknown one (tested below).

    wat_als = _starten(
        client,
        naam="Zonder sbo1",
        basis=basis["sleutel"],
        wijzigingen=[{"soort": "sluiten", "vestiging": "22AA00"}],
    )
    assert wat_als["basis"] == basis["sleutel"]
    antwoord = client.get(f"{LIJST}{wat_als['sleutel']}/vergelijking/")
    assert antwoord.status_code == 200
    v = antwoord.json()
    assert v["basis"]["sleutel"] == basis["sleutel"]
    assert v["wat_als"]["hoofdcijfers"]["aantal_niet_geplaatst"] == 2
    assert v["basis"]["hoofdcijfers"]["aantal_niet_geplaatst"] == 0
    assert v["verschil"]["aantal_niet_geplaatst"] == 2
    assert v["verschil"]["aantal_geplaatst"] == -2
    assert v["wat_als"]["hoofdcijfers"]["zonder_woonplek"] == 1
    assert v["verschil"]["zonder_woonplek"] == 0
    assert v["wijzigingen"] == [{"soort": "sluiten", "vestiging": "22AA00"}]
    # The current situation has nothing to compare with.
    assert client.get(f"{LIJST}{basis['sleutel']}/vergelijking/").status_code == 404


def test_een_basis_van_een_ander_swv_of_onbekend_is_een_vastgelegde_404():
    w = wereld()
    client, rol = _client(w.swv)
    elders = NetwerkanalyseFactory(samenwerkingsverband=w.ander)
    onbekend = "00000000-0000-4000-8000-000000000000"
    for sleutel in (str(elders.sleutel), onbekend):
        antwoord = _post(
            client,
            {
                "naam": "X",
                "basis": sleutel,
                "wijzigingen": [{"soort": "sluiten", "vestiging": "22AA00"}],
            },
        )
        assert antwoord.status_code == 404, antwoord.content
        assert antwoord.json()["code"] and "velden" not in antwoord.json()
        regel = Toegangsregel.objects.get(
            gebruiker=rol.gebruiker, object_id=sleutel, route="api:netwerkanalyse-list"
        )
        assert regel.resultaat == Resultaat.GEWEIGERD
    assert Netwerkanalyse.objects.count() == 1


def test_vergelijking_met_een_basis_die_nog_loopt_heeft_geen_verschil():
    w = wereld()
    client, _rol = _client(w.swv, R.FUNCTIONEEL_BEHEERDER)
    basis = NetwerkanalyseFactory(samenwerkingsverband=w.swv)
    wat_als = NetwerkanalyseFactory(
        samenwerkingsverband=w.swv, basis=basis, status=Analysestatus.BEZIG, resultaat=None
    )
    v = client.get(f"{LIJST}{wat_als.sleutel}/vergelijking/").json()
    assert v["wat_als"]["hoofdcijfers"] is None
    assert v["verschil"] == {}


def test_openapi_schema_is_geldig_en_bevat_de_netwerkanalyses():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate(json.loads(json.dumps(schema, default=str)))
    paden = schema["paths"]
    assert set(paden[LIJST]) == {"get", "post"}
    assert set(paden[f"{LIJST}{{sleutel}}/"]) == {"get"}
    assert set(paden[f"{LIJST}{{sleutel}}/vergelijking/"]) == {"get"}
