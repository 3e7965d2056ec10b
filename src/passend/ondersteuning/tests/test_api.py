"""The OPP API: a school's koppeling draws up an OPP up to vaststellen; every request that
touches pupil data writes exactly one access-log record; another school sees nothing."""

import datetime
from dataclasses import dataclass

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import InschrijvingFactory, OuderschapFactory
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import FactorSoort, Status
from passend.ondersteuning.tests.factories import DoelFactory, FactorFactory, OppFactory
from passend.wsgi import application

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/ontwikkelingsperspectieven/"
VANDAAG = timezone.localdate()
GISTEREN = (VANDAAG - datetime.timedelta(days=1)).isoformat()


def _api(rol) -> Client:
    _, token = koppeling_aanmaken(naam="Leerlingvolgsysteem", rol=rol)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def _post(client: Client, url: str, body: dict | None = None):
    return client.post(url, body or {}, content_type="application/json")


def _patch(client: Client, url: str, body: dict):
    return client.patch(url, body, content_type="application/json")


@dataclass
class School:
    leerling: Leerling
    ib: Client
    ib_rol: object
    ouder_met_gezag: int
    ouder_zonder_gezag: int


@pytest.fixture
def school() -> School:
    inschrijving = InschrijvingFactory()
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    met = OuderschapFactory(leerling=inschrijving.leerling, gezag=True)
    zonder = OuderschapFactory(leerling=inschrijving.leerling, gezag=False)
    return School(
        leerling=inschrijving.leerling,
        ib=_api(rol),
        ib_rol=rol,
        ouder_met_gezag=met.ouder_id,
        ouder_zonder_gezag=zonder.ouder_id,
    )


class Logteller:
    """Counts the access-log records each request writes."""

    def __init__(self) -> None:
        self.voor = Toegangsregel.objects.count()

    def nieuw(self) -> list[Toegangsregel]:
        regels = list(Toegangsregel.objects.order_by("pk")[self.voor :])
        self.voor += len(regels)
        return regels


def _starten(school: School) -> dict:
    antwoord = _post(
        school.ib,
        LIJST,
        {"leerling": str(school.leerling.sleutel), "start_extra_ondersteuning": GISTEREN},
    )
    assert antwoord.status_code == 201, antwoord.content
    return antwoord.json()


def test_koppeling_stelt_een_opp_op_tot_en_met_vaststellen(school):
    log = Logteller()

    def stap(antwoord, status_code: int, actie: str) -> dict:
        assert antwoord.status_code == status_code, antwoord.content
        [regel] = log.nieuw()  # exactly one record per request
        assert (regel.actie, regel.koppeling) == (actie, "Leerlingvolgsysteem")
        assert [rl.leerling_sleutel for rl in regel.leerlingen.all()] == [school.leerling.sleutel]
        return antwoord.json()

    opp = stap(
        _post(
            school.ib,
            LIJST,
            {"leerling": str(school.leerling.sleutel), "start_extra_ondersteuning": GISTEREN},
        ),
        201,
        "aanmaken",
    )
    assert (opp["status"], opp["versienummer"], opp["leerling"]) == (
        "concept",
        1,
        str(school.leerling.sleutel),
    )
    url = f"{LIJST}{opp['sleutel']}/"
    opp = stap(
        _patch(
            school.ib,
            url,
            {
                "versie": opp["versie"],
                "uitstroombestemming": "havo",
                "uitstroomperspectief": "Havo, met extra tijd bij toetsen.",
                "onderbouwing": "Toetsen en observaties.",
            },
        ),
        200,
        "wijzigen",
    )
    assert opp["uitstroombestemming"] == "havo"
    for soort in FactorSoort.values:
        opp = stap(
            _post(school.ib, f"{url}factoren/", {"soort": soort, "omschrijving": f"Een {soort}"}),
            201,
            "wijzigen",
        )
    opp = stap(
        _post(
            school.ib,
            f"{url}doelen/",
            {
                "doel": "Leest vloeiend",
                "aanpak": "Leesgroep",
                "door_wie": "Remedial teacher",
                "frequentie": "2 keer per week",
                "van": GISTEREN,
                "tot": (VANDAAG + datetime.timedelta(days=120)).isoformat(),
                "evaluatiewijze": "AVI-toets",
            },
        ),
        201,
        "wijzigen",
    )
    opp = stap(
        _post(
            school.ib,
            f"{url}overleg/",
            {"datum": GISTEREN, "deelnemers": "Moeder, IB", "samenvatting": "Plan besproken."},
        ),
        201,
        "wijzigen",
    )
    assert [len(opp[deel]) for deel in ("factoren", "doelen", "overleggen")] == [2, 1, 1]

    fout = stap(_post(school.ib, f"{url}vaststellen/"), 400, "wijzigen")
    assert fout["code"] == "onvolledig"
    assert len(fout["ontbrekend"]) == 2  # consent and the pupil's view (hoorrecht)
    assert any("instemming" in regel for regel in fout["ontbrekend"])

    opp = stap(
        _post(
            school.ib,
            f"{url}hoorrecht/",
            {
                "hoorwijze": "samen",
                "wat_gaat_goed": "Rekenen",
                "wat_is_moeilijk": "Lezen",
                "wat_wil_ik": "Hulp bij lezen",
            },
        ),
        201,
        "wijzigen",
    )
    [stem] = opp["leerlingstemmen"]
    assert stem["hoorwijze"] == "samen"
    opp = stap(
        _post(
            school.ib,
            f"{url}leerlingstemmen/{stem['id']}/reactie/",
            {"reactie_school": "We starten een leesgroep."},
        ),
        200,
        "wijzigen",
    )
    ouders = {o["id"]: o["gezag"] for o in opp["ouders"]}
    assert ouders == {school.ouder_met_gezag: True, school.ouder_zonder_gezag: False}
    opp = stap(
        _post(
            school.ib,
            f"{url}instemming/",
            {"ouder": school.ouder_met_gezag, "besluit": "gegeven", "datum": GISTEREN},
        ),
        201,
        "wijzigen",
    )
    [instemming] = opp["instemmingen"]
    assert (instemming["wijze"], instemming["door"]) == ("papier", school.ouder_met_gezag)

    opp = stap(_post(school.ib, f"{url}vaststellen/"), 200, "wijzigen")
    assert (opp["status"], opp["vastgesteld_op"]) == ("vastgesteld", VANDAAG.isoformat())

    fout = stap(
        _post(school.ib, f"{url}factoren/", {"soort": "bevorderend", "omschrijving": "Te laat"}),
        400,
        "wijzigen",
    )
    assert fout["code"] == "bevroren"

    opp = stap(
        _post(
            school.ib,
            f"{url}evaluatie/",
            {
                "datum": VANDAAG.isoformat(),
                "deelnemers": "Ouders, leerling, IB",
                "conclusie": "Doelen gehaald.",
                "ouders_aanwezig": True,
                "leerling_gehoord": True,
            },
        ),
        201,
        "wijzigen",
    )
    assert len(opp["evaluaties"]) == 1
    opp = stap(
        _post(
            school.ib,
            f"{url}beeindigen/",
            {"einddatum": VANDAAG.isoformat(), "reden_einde": "niet_meer_nodig"},
        ),
        200,
        "wijzigen",
    )
    assert (opp["status"], opp["einddatum"]) == ("beeindigd", VANDAAG.isoformat())
    opp = stap(school.ib.get(url), 200, "lezen")
    assert opp["reden_einde"] == "niet_meer_nodig"


def test_afgewezen_vaststellen_noemt_alle_ontbrekende_onderdelen(school):
    opp = _starten(school)
    antwoord = _post(school.ib, f"{LIJST}{opp['sleutel']}/vaststellen/")
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "onvolledig"
    assert antwoord.json()["ontbrekend"] == [
        "Het uitstroomperspectief (de verwachte uitstroombestemming) ontbreekt.",
        "De onderbouwing van het uitstroomperspectief ontbreekt.",
        "Er is nog geen belemmerende factor beschreven.",
        "Er is nog geen bevorderende factor beschreven.",
        "Het handelingsdeel heeft nog geen doel.",
        "Het overleg met de ouders is nog niet vastgelegd.",
        "Er is nog geen instemming op het handelingsdeel van een ouder met ouderlijk gezag "
        "(of van de leerling zelf, vanaf 18 jaar).",
        "De mening van de leerling (hoorrecht) is nog niet vastgelegd.",
    ]
    assert Ontwikkelingsperspectief.objects.get().status == Status.CONCEPT


def test_gelijktijdige_wijziging_geeft_409_en_bewaart_de_eerste(school):
    opp = _starten(school)
    url = f"{LIJST}{opp['sleutel']}/"
    eerste = _patch(school.ib, url, {"versie": opp["versie"], "onderbouwing": "Eerste"})
    assert eerste.status_code == 200
    log = Logteller()
    tweede = _patch(school.ib, url, {"versie": opp["versie"], "onderbouwing": "Tweede"})
    assert tweede.status_code == 409
    assert tweede.json()["code"] == "conflict"
    [regel] = log.nieuw()
    assert "conflict" in regel.reden
    assert school.ib.get(url).json()["onderbouwing"] == "Eerste"


def test_andere_school_krijgt_404_en_wordt_gelogd(school):
    opp = _starten(school)
    url = f"{LIJST}{opp['sleutel']}/"
    vreemde_rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    vreemde = _api(vreemde_rol)
    log = Logteller()
    assert vreemde.get(url).status_code == 404
    assert _patch(vreemde, url, {"versie": opp["versie"], "onderbouwing": "x"}).status_code == 404
    for actie, body in (
        ("vaststellen", {}),
        ("factoren", {"soort": "belemmerend", "omschrijving": "x"}),
        ("beeindigen", {"einddatum": GISTEREN, "reden_einde": "vertrokken"}),
        ("instemming", {"ouder": school.ouder_met_gezag, "besluit": "gegeven", "datum": GISTEREN}),
    ):
        antwoord = _post(vreemde, f"{url}{actie}/", body)
        assert antwoord.status_code == 404, actie
        assert antwoord.json()["code"] == "not_found"
    regels = log.nieuw()
    assert len(regels) == 6
    assert {(r.gebruiker_id, r.resultaat) for r in regels} == {
        (vreemde_rol.gebruiker_id, "geweigerd")
    }
    assert all(
        [rl.leerling_sleutel for rl in r.leerlingen.all()] == [school.leerling.sleutel]
        for r in regels
    )
    assert vreemde.get(LIJST).json()["results"] == []
    assert Ontwikkelingsperspectief.objects.get().status == Status.CONCEPT


def test_leraar_leest_maar_wijzigt_niet(school):
    opp = _starten(school)
    url = f"{LIJST}{opp['sleutel']}/"
    leraar = _api(RolFactory(rolsoort=Rolsoort.LERAAR, school=school.ib_rol.school))
    assert leraar.get(url).status_code == 200
    assert (
        _post(leraar, f"{url}factoren/", {"soort": "belemmerend", "omschrijving": "x"}).status_code
        == 404
    )
    antwoord = _post(
        leraar,
        LIJST,
        {"leerling": str(school.leerling.sleutel), "start_extra_ondersteuning": GISTEREN},
    )
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.order_by("-pk").first().resultaat == "geweigerd"


def test_opp_starten_voor_een_leerling_van_een_andere_school_kan_niet(school):
    ander = InschrijvingFactory()
    log = Logteller()
    antwoord = _post(
        school.ib,
        LIJST,
        {"leerling": str(ander.leerling.sleutel), "start_extra_ondersteuning": GISTEREN},
    )
    assert antwoord.status_code == 400
    assert "leerling" in antwoord.json()["velden"]
    [regel] = log.nieuw()
    assert regel.resultaat == "geweigerd"
    assert not Ontwikkelingsperspectief.objects.exists()


def test_tweede_lopend_opp_geeft_400_en_een_logregel(school):
    _starten(school)
    log = Logteller()
    antwoord = _post(
        school.ib,
        LIJST,
        {"leerling": str(school.leerling.sleutel), "start_extra_ondersteuning": GISTEREN},
    )
    assert antwoord.status_code == 400
    [regel] = log.nieuw()
    assert regel.reden.startswith("OPP niet gestart")


def test_alleen_een_ouder_met_gezag_stemt_in(school):
    opp = _starten(school)
    url = f"{LIJST}{opp['sleutel']}/instemming/"
    zonder = _post(
        school.ib,
        url,
        {"ouder": school.ouder_zonder_gezag, "besluit": "gegeven", "datum": GISTEREN},
    )
    assert zonder.status_code == 400
    assert "ouder" in zonder.json()["velden"]
    onbekend = _post(school.ib, url, {"ouder": 999_999, "besluit": "gegeven", "datum": GISTEREN})
    assert onbekend.status_code == 400
    toekomst = _post(
        school.ib,
        url,
        {
            "ouder": school.ouder_met_gezag,
            "besluit": "gegeven",
            "datum": (VANDAAG + datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert toekomst.status_code == 400
    assert "datum" in toekomst.json()["velden"]
    assert not Ontwikkelingsperspectief.objects.get().instemmingen.exists()


def test_ongeldige_invoer_geeft_400_met_velden_en_een_logregel(school):
    opp = _starten(school)
    url = f"{LIJST}{opp['sleutel']}/"
    log = Logteller()
    antwoord = _post(
        school.ib,
        f"{url}doelen/",
        {
            "doel": "x",
            "aanpak": "y",
            "door_wie": "z",
            "frequentie": 3,
            "van": "2026-09-01",
            "tot": "2026-08-01",
            "evaluatiewijze": "",
        },
    )
    assert antwoord.status_code == 400
    assert {"frequentie", "evaluatiewijze"} <= set(antwoord.json()["velden"])
    [regel] = log.nieuw()
    assert regel.reden == "wijziging niet opgeslagen: ongeldige invoer"
    assert _post(school.ib, f"{url}evaluatie/", {"ouders_aanwezig": "ja"}).status_code == 400


def test_lijst_toont_alleen_eigen_opps_met_een_logregel(school):
    eigen = OppFactory(
        leerling=school.leerling, vestiging=school.leerling.inschrijvingen.get().vestiging
    )
    FactorFactory(opp=eigen)
    DoelFactory(opp=eigen)
    vreemd = InschrijvingFactory()
    OppFactory(leerling=vreemd.leerling, vestiging=vreemd.vestiging)
    log = Logteller()
    data = school.ib.get(LIJST).json()
    assert [r["sleutel"] for r in data["results"]] == [str(eigen.sleutel)]
    [regel] = log.nieuw()
    assert (regel.actie, regel.object_type) == ("lezen", "ontwikkelingsperspectievenlijst")
    assert [rl.leerling_sleutel for rl in regel.leerlingen.all()] == [school.leerling.sleutel]
    gefilterd = school.ib.get(LIJST, {"leerling": str(vreemd.leerling.sleutel)}).json()
    assert gefilterd["results"] == []
    assert school.ib.get(LIJST, {"leerling": "geen-sleutel"}).status_code == 400
    assert school.ib.get(LIJST, {"status": "onzin"}).status_code == 400


def test_misvormde_sleutels_zijn_json_404(school):
    opp = _starten(school)
    for methode, url in (
        ("get", f"{LIJST}geen-uuid/"),
        ("post", f"{LIJST}geen-uuid/vaststellen/"),
        ("post", f"{LIJST}{opp['sleutel']}/leerlingstemmen/abc/reactie/"),
        ("post", f"{LIJST}{opp['sleutel']}/leerlingstemmen/12345/reactie/"),
    ):
        antwoord = school.ib.get(url) if methode == "get" else _post(school.ib, url)
        assert antwoord.status_code == 404, url
        assert antwoord["Content-Type"] == "application/json"
        assert antwoord.json()["code"] == "not_found"


def test_openapi_schema_is_geldig_en_bevat_de_opp_acties():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate(schema)
    paden = set(schema["paths"])
    basis = "/api/v1/ontwikkelingsperspectieven/"
    assert {basis, basis + "{sleutel}/"} <= paden
    for actie in (
        "vaststellen",
        "instemming",
        "hoorrecht",
        "evaluatie",
        "beeindigen",
        "factoren",
        "doelen",
        "overleg",
        "leerlingstemmen/{id}/reactie",
    ):
        assert f"{basis}{{sleutel}}/{actie}/" in paden, actie
    vaststellen = schema["paths"][basis + "{sleutel}/vaststellen/"]["post"]
    assert "ontbrekend" in str(schema["components"]["schemas"]["OppFout"])
    assert "400" in vaststellen["responses"]
    assert "ouderportaal" in schema["paths"][basis + "{sleutel}/instemming/"]["post"]["description"]


# --- Generated input against an existing OPP (the shared schemathesis test only meets 404s) --

schema = schemathesis.openapi.from_wsgi("/api/schema/", application).include(
    path_regex="ontwikkelingsperspectieven/\\{sleutel\\}"
)


@pytest.fixture
def _verbinding_open_houden():
    """Calls go straight to the WSGI app, whose request signals would close the test's
    database connection (and its transaction); Django's test client disconnects them too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bestaand_opp(db, _verbinding_open_houden):
    inschrijving = InschrijvingFactory()
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    opp = OppFactory(
        leerling=inschrijving.leerling, vestiging=inschrijving.vestiging, ingevuld=True
    )
    FactorFactory(opp=opp)
    return opp, koppeling_aanmaken(naam="Schemathesis", rol=rol)[1]


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_opp_acties_op_een_bestaand_opp_volgen_het_schema(case, bestaand_opp):
    opp, token = bestaand_opp
    case.path_parameters = {**(case.path_parameters or {}), "sleutel": str(opp.sleutel)}
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
