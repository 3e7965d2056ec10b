"""The arrangement API: a school's koppeling requests from a vastgesteld OPP, the SWV's
loket and commission act through their own koppelingen; every request that touches pupil
data writes exactly one access-log record; another school or SWV sees nothing."""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Besluit, Status
from passend.arrangementen.tests.conftest import VANDAAG, Wereld, maak_wereld
from passend.core.models import Toegangsregel
from passend.ondersteuning.tests.factories import OppFactory
from passend.wsgi import application

pytestmark = pytest.mark.django_db
R = Rolsoort
LIJST = "/api/v1/arrangementen/"


def _api(rol) -> Client:
    _, token = koppeling_aanmaken(naam=f"Koppeling {rol.rolsoort}", rol=rol)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


@pytest.fixture
def api(wereld: Wereld):
    def maak(rolsoort: str, elders: bool = False) -> Client:
        return _api((wereld.elders if elders else wereld.rollen)[rolsoort])

    return maak


def _post(client: Client, url: str, body: dict | None = None):
    return client.post(url, body or {}, content_type="application/json")


def _body(wereld: Wereld, **velden) -> dict:
    return {
        "opp": str(wereld.opp.sleutel),
        "ondersteuning": "Ambulante begeleiding bij lezen",
        "van": VANDAAG().isoformat(),
        "tot": (VANDAAG() + datetime.timedelta(days=180)).isoformat(),
        "bedrag": "4500.00",
        "toelichting": "De basisondersteuning is niet genoeg.",
        **velden,
    }


class Log:
    def __init__(self) -> None:
        self.voor = Toegangsregel.objects.count()

    def nieuw(self) -> list[Toegangsregel]:
        regels = list(Toegangsregel.objects.order_by("pk")[self.voor :])
        self.voor += len(regels)
        return regels


def _een(log: Log, resultaat: str = "toegestaan") -> Toegangsregel:
    regels = log.nieuw()
    assert len(regels) == 1, [(r.actie, r.resultaat, r.reden) for r in regels]
    assert regels[0].resultaat == resultaat, regels[0].reden
    return regels[0]


def _url(aanvraag: Arrangementaanvraag, actie: str = "") -> str:
    return f"{LIJST}{aanvraag.sleutel}/" + (f"{actie}/" if actie else "")


# --- Creating --------------------------------------------------------------------------------------


def test_de_school_vraagt_aan_en_krijgt_de_kijk_van_ouders_en_leerling_mee(wereld, api):
    log = Log()
    antwoord = _post(api(R.INTERN_BEGELEIDER), LIJST, _body(wereld))
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["status"] == "ingediend"
    assert data["besluit"] is None
    assert data["bedrag"] == "4500.00"
    assert data["samenwerkingsverband"] == wereld.swv.code
    assert data["opp"] == str(wereld.opp.sleutel)
    assert data["kijk_ouders"] == wereld.opp.zienswijze_ouders
    assert data["instemming"]["besluit"] == "gegeven"
    assert data["leerlingstemmen"][0]["wat_wil_ik"] == "Meer tijd bij toetsen"
    assert [(s["van_status"], s["naar_status"]) for s in data["verloop"]] == [(None, "ingediend")]
    regel = _een(log)
    assert regel.actie == "aanmaken"
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [wereld.leerling.sleutel]


def test_een_concept_opp_wordt_geweigerd_met_een_veldfout(wereld, api):
    concept = OppFactory(leerling=wereld.leerling, vestiging=wereld.vestiging)
    log = Log()
    antwoord = _post(api(R.INTERN_BEGELEIDER), LIJST, _body(wereld, opp=str(concept.sleutel)))
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig"
    assert "nog een concept" in antwoord.json()["velden"]["opp"][0]
    assert not Arrangementaanvraag.objects.exists()
    _een(log)


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"bedrag": "abc"}, "bedrag"),
        ({"bedrag": "0.00"}, "bedrag"),
        ({"bedrag": "12.345"}, "bedrag"),
        ({"van": "1850-01-01"}, "van"),
        ({"ondersteuning": 12}, "ondersteuning"),
    ],
)
def test_ongeldige_invoer_is_400_per_veld_zonder_gegevens(wereld, api, velden, veld):
    log = Log()
    antwoord = _post(api(R.INTERN_BEGELEIDER), LIJST, _body(wereld, **velden))
    assert antwoord.status_code == 400
    assert veld in antwoord.json()["velden"]
    assert not Arrangementaanvraag.objects.exists()
    assert log.nieuw() == []  # no pupil data was touched


def test_een_einddatum_voor_de_begindatum_is_een_regelfout(wereld, api):
    antwoord = _post(
        api(R.INTERN_BEGELEIDER),
        LIJST,
        _body(wereld, tot=(VANDAAG() - datetime.timedelta(days=3)).isoformat()),
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"]["tot"] == ["De einddatum moet na de begindatum liggen."]


def test_het_opp_van_een_andere_school_bestaat_niet(wereld, api):
    log = Log()
    antwoord = _post(api(R.INTERN_BEGELEIDER, elders=True), LIJST, _body(wereld))
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"]["opp"] == ["Dit OPP bestaat niet of u mag het niet zien."]
    _een(log, "geweigerd")


@pytest.mark.parametrize("rolsoort", [R.LERAAR, R.LOKET, R.OUDER])
def test_wie_nooit_aanvraagt_krijgt_403(wereld, api, rolsoort):
    log = Log()
    assert _post(api(rolsoort), LIJST, _body(wereld)).status_code == 403
    _een(log, "geweigerd")


# --- Reading --------------------------------------------------------------------------------------


def test_lijst_per_rol(wereld, api):
    aanvraag = wereld.aanvraag()
    for rolsoort in (R.INTERN_BEGELEIDER, R.BESTUURDER, R.LOKET, R.DESKUNDIGE, R.OUDER):
        log = Log()
        antwoord = api(rolsoort).get(LIJST)
        assert antwoord.status_code == 200, rolsoort
        assert [a["sleutel"] for a in antwoord.json()["results"]] == [str(aanvraag.sleutel)]
        assert [r.leerling_sleutel for r in _een(log).leerlingen.all()] == [wereld.leerling.sleutel]
    for rolsoort in (R.INTERN_BEGELEIDER, R.LOKET, R.OUDER):
        assert api(rolsoort, elders=True).get(LIJST).json()["results"] == []


def test_lijst_filtert_op_status_en_leerling(wereld, api):
    aanvraag = wereld.aanvraag()
    client = api(R.LOKET)
    assert client.get(LIJST + "?status=open").json()["count"] == 1
    assert client.get(LIJST + "?status=besloten").json()["count"] == 0
    assert client.get(f"{LIJST}?leerling={wereld.leerling.sleutel}").json()["count"] == 1
    assert client.get(f"{LIJST}?leerling={aanvraag.sleutel}").json()["count"] == 0
    for fout in ("?status=zomaar", "?leerling=geen-uuid", "?limit=0"):
        antwoord = client.get(LIJST + fout)
        assert antwoord.status_code == 400, fout
        assert antwoord.json()["code"] == "ongeldig"


def test_een_aanvraag_opvragen(wereld, api):
    aanvraag = wereld.aanvraag()
    log = Log()
    antwoord = api(R.DESKUNDIGE).get(_url(aanvraag))
    assert antwoord.status_code == 200
    assert antwoord.json()["kenmerk"] == aanvraag.kenmerk
    _een(log)
    assert api(R.LOKET, elders=True).get(_url(aanvraag)).status_code == 404
    _een(log, "geweigerd")
    assert api(R.LERAAR).get(_url(aanvraag)).status_code == 403
    _een(log, "geweigerd")
    antwoord = api(R.LOKET).get(f"{LIJST}geen-sleutel/")
    assert antwoord.status_code == 404
    assert antwoord.json()["code"] == "not_found"


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_een_aanvraag_wordt_niet_vervangen_gewijzigd_of_verwijderd(wereld, api, methode):
    aanvraag = wereld.aanvraag()
    antwoord = getattr(api(R.INTERN_BEGELEIDER), methode)(
        _url(aanvraag), {}, content_type="application/json"
    )
    assert antwoord.status_code == 405
    assert Arrangementaanvraag.objects.filter(pk=aanvraag.pk, status=Status.INGEDIEND).exists()


# --- The lifecycle through the API -----------------------------------------------------------------


def test_compleet_onvolledig_aanvullen_en_besluit(wereld, api):
    aanvraag = wereld.aanvraag()
    loket, commissie, ib = api(R.LOKET), api(R.COMMISSIELID), api(R.INTERN_BEGELEIDER)

    log = Log()
    antwoord = _post(loket, _url(aanvraag, "onvolledig"))
    assert antwoord.status_code == 400
    assert "ontbreekt" in antwoord.json()["velden"]
    _een(log)
    antwoord = _post(loket, _url(aanvraag, "onvolledig"), {"ontbreekt": "Het leesonderzoek."})
    assert antwoord.json()["status"] == "onvolledig"
    assert antwoord.json()["ontbreekt"] == "Het leesonderzoek."
    _een(log)

    antwoord = _post(
        ib,
        _url(aanvraag, "aanvullen"),
        {"aanvulling": "Onderzoek bijgevoegd.", "bedrag": "4200.00"},
    )
    assert antwoord.status_code == 200, antwoord.json()
    assert (antwoord.json()["status"], antwoord.json()["bedrag"]) == ("ingediend", "4200.00")
    _een(log)

    assert _post(commissie, _url(aanvraag, "compleet")).status_code == 403
    _een(log, "geweigerd")
    antwoord = _post(loket, _url(aanvraag, "compleet"))
    assert antwoord.status_code == 200
    assert antwoord.json()["compleet_op"] == VANDAAG().isoformat()
    _een(log)
    antwoord = _post(loket, _url(aanvraag, "compleet"))
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "status"
    _een(log)

    aanvraag.refresh_from_db()
    besluit = {
        "besluit": "toegekend",
        "redenen": "Past bij het OPP.",
        "toegekend_bedrag": "3000.00",
        "toegekend_van": aanvraag.van.isoformat(),
        "toegekend_tot": aanvraag.tot.isoformat(),
    }
    antwoord = _post(commissie, _url(aanvraag, "besluit"), besluit)
    assert antwoord.status_code == 400
    assert "deels toegekend" in antwoord.json()["velden"]["besluit"][0]
    antwoord = _post(commissie, _url(aanvraag, "besluit"), {**besluit, "besluit": "deels"})
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert (data["status"], data["besluit"], data["toegekend_bedrag"]) == (
        "besloten",
        "deels",
        "3000.00",
    )
    assert [s["naar_status"] for s in data["verloop"]] == [
        "ingediend",
        "onvolledig",
        "ingediend",
        "compleet",
        "besloten",
    ]
    # A second decision, from another member at the same time: refused, nothing changes.
    antwoord = _post(
        api(R.DIRECTEUR), _url(aanvraag, "besluit"), {"besluit": "afgewezen", "redenen": "x"}
    )
    assert antwoord.status_code == 409
    aanvraag.refresh_from_db()
    assert aanvraag.besluit == Besluit.DEELS


def test_afwijzen_met_een_bedrag_is_een_fout(wereld, api):
    aanvraag = wereld.compleet()
    antwoord = _post(
        api(R.DIRECTEUR),
        _url(aanvraag, "besluit"),
        {"besluit": "afgewezen", "redenen": "Basis.", "toegekend_bedrag": "10.00"},
    )
    assert antwoord.status_code == 400
    assert "toegekend_bedrag" in antwoord.json()["velden"]


def test_intrekken_via_de_api(wereld, api):
    aanvraag = wereld.aanvraag()
    assert _post(api(R.SCHOOLLEIDER), _url(aanvraag, "intrekken")).status_code == 400
    antwoord = _post(api(R.SCHOOLLEIDER), _url(aanvraag, "intrekken"), {"reden": "Verhuist."})
    assert antwoord.json()["status"] == "ingetrokken"
    assert _post(api(R.LOKET), _url(aanvraag, "compleet")).status_code == 409


def test_acties_op_een_aanvraag_van_elders_zijn_404(wereld, api):
    aanvraag = wereld.aanvraag()
    log = Log()
    assert _post(api(R.LOKET, elders=True), _url(aanvraag, "compleet")).status_code == 404
    _een(log, "geweigerd")
    assert (
        _post(
            api(R.INTERN_BEGELEIDER, elders=True), _url(aanvraag, "intrekken"), {"reden": "x"}
        ).status_code
        == 404
    )
    _een(log, "geweigerd")


# --- The schema -----------------------------------------------------------------------------------


def test_openapi_schema_is_geldig_en_bevat_de_acties():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    eigen = [
        melding
        for melding in list(GENERATOR_STATS._warn_cache) + list(GENERATOR_STATS._error_cache)
        if "rrangement" in melding
    ]
    assert not eigen, eigen
    validate(schema)
    paden = set(schema["paths"])
    assert {LIJST, LIJST + "{sleutel}/"} <= paden
    for actie in ("compleet", "onvolledig", "besluit", "aanvullen", "intrekken"):
        assert f"{LIJST}{{sleutel}}/{actie}/" in paden, actie
        assert set(schema["paths"][f"{LIJST}{{sleutel}}/{actie}/"]) == {
            "post",
            "parameters",
        } or set(schema["paths"][f"{LIJST}{{sleutel}}/{actie}/"]) == {"post"}
    assert set(schema["paths"][LIJST + "{sleutel}/"]) <= {"get", "parameters"}
    onderdelen = schema["components"]["schemas"]
    assert onderdelen["Arrangementstatus"]["enum"] == Status.values
    assert onderdelen["Arrangementbesluit"]["enum"] == Besluit.values
    # Our own named sets: no collision with the OPP's ``status`` and ``besluit`` enums.
    velden = onderdelen["Arrangementaanvraag"]["properties"]
    assert "#/components/schemas/Arrangementstatus" in str(velden["status"])
    assert "#/components/schemas/Arrangementbesluit" in str(velden["besluit"])
    assert "#/components/schemas/Arrangementbesluit" in str(
        onderdelen["ArrangementBesluitInvoerRequest"]["properties"]["besluit"]
    )
    assert "409" in schema["paths"][f"{LIJST}{{sleutel}}/besluit/"]["post"]["responses"]


# --- Generated input against an existing request (the shared test only meets 404s) ----------------

schema = schemathesis.openapi.from_wsgi("/api/schema/", application).include(
    path_regex="arrangementen/\\{sleutel\\}"
)


@pytest.fixture
def _verbinding_open_houden():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bestaande_aanvraag(db, _verbinding_open_houden):
    wereld = maak_wereld()
    aanvraag = wereld.compleet()
    _, token = koppeling_aanmaken(naam="Schemathesis", rol=wereld.rollen[R.COMMISSIELID])
    return aanvraag, token


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_acties_op_een_bestaande_aanvraag_volgen_het_schema(case, bestaande_aanvraag):
    aanvraag, token = bestaande_aanvraag
    case.path_parameters = {**(case.path_parameters or {}), "sleutel": str(aanvraag.sleutel)}
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
