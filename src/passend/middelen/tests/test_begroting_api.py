"""The budget API's reserves, adoption and import (POST /api/v1/begrotingen/{id}/reserve/,
…/vaststellen/, …/importeren/): only the SWV's controller (a reader gets a logged 403,
another SWV's controller a logged 404), a 400 per field, a 409 for a stale revisie or an
adopted budget, nothing half-saved, exactly one access-log record per request; and query
bounds of the budget and plan lists that do not grow with the data."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.middelen.models import Begroting
from passend.middelen.rules import Begrotingsstatus, Plansoort, Postsoort
from passend.middelen.tests.factories import (
    BegrotingFactory,
    BegrotingspostFactory,
    InstemmingFactory,
    OogoFactory,
    PlanFactory,
    PlanversieFactory,
)
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
D = Decimal
R = Rolsoort
NIEUWE_ROUTES = ("api:begroting-reserve", "api:begroting-vaststellen", "api:begroting-importeren")


def rol(swv, rolsoort=R.FINANCIEEL_MEDEWERKER):
    return RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)


def _begroting(toelichting=""):
    """A concept budget (po) with 8,000,000 of income (signaleringswaarde 280,000) and
    reserves of 400,000."""
    begroting = BegrotingFactory(
        samenwerkingsverband=SamenwerkingsverbandFactory(sector=Sector.PO),
        eigen_vermogen=D("400000.00"),
        toelichting_reserve=toelichting,
        bedrag_per_leerling=D("100.00"),
    )
    BegrotingspostFactory(
        begroting=begroting, soort=Postsoort.LICHTE_ONDERSTEUNING, bedrag=D("8000000.00")
    )
    BegrotingspostFactory(begroting=begroting, soort=Postsoort.STEUNPUNT, bedrag=D("150000.00"))
    return begroting


def _json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _csv(inhoud: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("posten.csv", inhoud, content_type="text/csv")


class Logteller:
    """The access-log records written since it was made."""

    def __init__(self) -> None:
        self.voor = Toegangsregel.objects.count()

    def nieuw(self):
        return list(Toegangsregel.objects.order_by("pk")[self.voor :])


# --- Reserves --------------------------------------------------------------------------------


def test_reserve_vastleggen_met_toelichting_en_bedrag_per_leerling():
    begroting = _begroting()
    controller = rol(begroting.samenwerkingsverband)
    client = client_voor(controller)
    url = reverse("api:begroting-reserve", args=[begroting.pk])
    log = Logteller()
    antwoord = _json(
        client,
        url,
        {"revisie": 1, "eigen_vermogen": "-25000.50", "toelichting_reserve": "  Een tekort.  "},
    )
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["revisie"] == 2
    assert data["eigen_vermogen"] == "-25000.50"
    assert data["toelichting_reserve"] == "Een tekort."
    # Left out: the amount per pupil stays as it was.
    assert data["bedrag_per_leerling"] == "100.00"
    regels = log.nieuw()
    assert len(regels) == 1
    assert regels[0].resultaat == Resultaat.TOEGESTAAN
    assert regels[0].object_id == str(begroting.pk)
    assert regels[0].gebruiker == controller.gebruiker

    antwoord = _json(
        client,
        url,
        {
            "revisie": 2,
            "eigen_vermogen": "400000.00",
            "toelichting_reserve": "Voor een nieuw steunpunt in 2027.",
            "bedrag_per_leerling": None,
        },
    )
    assert antwoord.status_code == 200
    begroting.refresh_from_db()
    assert begroting.eigen_vermogen == D("400000.00")
    assert begroting.toelichting_reserve == "Voor een nieuw steunpunt in 2027."
    assert begroting.bedrag_per_leerling is None
    assert antwoord.json()["totalen"]["toelichting_ontbreekt"] is False


@pytest.mark.parametrize(
    ("invoer", "veld"),
    [
        ({"eigen_vermogen": "abc", "toelichting_reserve": ""}, "eigen_vermogen"),
        ({"eigen_vermogen": "1.234", "toelichting_reserve": ""}, "eigen_vermogen"),
        ({"eigen_vermogen": "-99999999999.00", "toelichting_reserve": ""}, "eigen_vermogen"),
        ({"toelichting_reserve": ""}, "eigen_vermogen"),
        ({"eigen_vermogen": "1.00"}, "toelichting_reserve"),
        ({"eigen_vermogen": "1.00", "toelichting_reserve": "x" * 10_001}, "toelichting_reserve"),
        (
            {"eigen_vermogen": "1.00", "toelichting_reserve": "", "bedrag_per_leerling": "-1"},
            "bedrag_per_leerling",
        ),
    ],
)
def test_reserve_ongeldige_invoer_400_per_veld(invoer, veld):
    begroting = _begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    antwoord = _json(
        client, reverse("api:begroting-reserve", args=[begroting.pk]), {"revisie": 1, **invoer}
    )
    assert antwoord.status_code == 400, antwoord.content
    assert antwoord.json()["code"] == "ongeldig"
    assert veld in antwoord.json()["velden"]
    begroting.refresh_from_db()
    assert (begroting.revisie, begroting.eigen_vermogen) == (1, D("400000.00"))
    assert begroting.bedrag_per_leerling == D("100.00")


def test_reserve_met_oude_revisie_409_en_niets_opgeslagen():
    begroting = _begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    Begroting.objects.filter(pk=begroting.pk).update(revisie=3)
    antwoord = _json(
        client,
        reverse("api:begroting-reserve", args=[begroting.pk]),
        {"revisie": 2, "eigen_vermogen": "1.00", "toelichting_reserve": "x"},
    )
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "revisie"
    assert antwoord.json()["revisie"] == 3
    begroting.refresh_from_db()
    assert begroting.eigen_vermogen == D("400000.00")


# --- Adoption --------------------------------------------------------------------------------


def test_vaststellen_weigert_per_veld_en_stelt_daarna_vast():
    begroting = _begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("api:begroting-vaststellen", args=[begroting.pk])
    # Reserves 400,000 above the signaleringswaarde (280,000) without an explanation.
    antwoord = _json(client, url, {"revisie": 1, "datum": "2025-12-15"})
    assert antwoord.status_code == 400
    assert list(antwoord.json()["velden"]) == ["toelichting_reserve"]
    antwoord = _json(client, url, {"revisie": 1, "datum": "15-12-2025"})
    assert antwoord.status_code == 400
    assert "datum" in antwoord.json()["velden"]
    antwoord = _json(client, url, {"revisie": 1, "datum": "1999-12-31"})
    assert antwoord.status_code == 400
    assert "datum" in antwoord.json()["velden"]
    begroting.refresh_from_db()
    assert begroting.status == Begrotingsstatus.CONCEPT

    Begroting.objects.filter(pk=begroting.pk).update(toelichting_reserve="Voor een steunpunt.")
    log = Logteller()
    antwoord = _json(client, url, {"revisie": 1, "datum": "2025-12-15"})
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["status"] == Begrotingsstatus.VASTGESTELD
    assert antwoord.json()["vastgesteld_op"] == "2025-12-15"
    assert len(log.nieuw()) == 1
    begroting.refresh_from_db()
    assert begroting.vastgesteld_op == datetime.date(2025, 12, 15)

    # Adopted is final: adopting again and changing the reserves are a 409.
    antwoord = _json(client, url, {"revisie": 2, "datum": "2025-12-16"})
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "vastgesteld"
    antwoord = _json(
        client,
        reverse("api:begroting-reserve", args=[begroting.pk]),
        {"revisie": 2, "eigen_vermogen": "0.00", "toelichting_reserve": ""},
    )
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "vastgesteld"


def test_vaststellen_zonder_baten_en_eigen_vermogen():
    begroting = BegrotingFactory()
    client = client_voor(rol(begroting.samenwerkingsverband))
    antwoord = _json(
        client,
        reverse("api:begroting-vaststellen", args=[begroting.pk]),
        {"revisie": 1, "datum": "2025-12-15"},
    )
    assert antwoord.status_code == 400
    assert set(antwoord.json()["velden"]) == {"posten", "eigen_vermogen"}


# --- Import ----------------------------------------------------------------------------------


def test_importeren_vervangt_de_ingevoerde_posten():
    begroting = _begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("api:begroting-importeren", args=[begroting.pk])
    bestand = (
        "soort;omschrijving;bedrag\n"
        "lichte_ondersteuning;Rijksbijdrage;1.234.567,89\n"
        "Steunpunt;Één steunpunt;€ 50.000\n"
    ).encode("cp1252")
    log = Logteller()
    antwoord = client.post(url, {"revisie": 1, "bestand": _csv(bestand)})
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["revisie"] == 2
    assert sorted(begroting.posten.values_list("soort", "omschrijving", "bedrag")) == [
        (Postsoort.LICHTE_ONDERSTEUNING, "Rijksbijdrage", D("1234567.89")),
        (Postsoort.STEUNPUNT, "Één steunpunt", D("50000.00")),
    ]
    assert len(log.nieuw()) == 1


def test_importeren_met_fouten_400_per_regel_en_niets_opgeslagen():
    begroting = _begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("api:begroting-importeren", args=[begroting.pk])
    bestand = b"soort;omschrijving;bedrag\nsteunpunt;x;-1\nonbekend;y;5\nafdracht_so;z;5\n"
    antwoord = client.post(url, {"revisie": 1, "bestand": _csv(bestand)})
    assert antwoord.status_code == 400
    data = antwoord.json()
    assert data["code"] == "ongeldig"
    fouten = data["velden"]["bestand"]
    assert fouten[0].startswith("Regel 2, kolom bedrag")
    assert fouten[1].startswith("Regel 3, kolom soort")
    assert fouten[2].startswith("Regel 4, kolom soort")
    assert begroting.posten.count() == 2
    begroting.refresh_from_db()
    assert begroting.revisie == 1

    antwoord = client.post(url, {"revisie": 1})
    assert antwoord.status_code == 400
    assert "bestand" in antwoord.json()["velden"]
    te_groot = b"soort;omschrijving;bedrag\n" + b"steunpunt;x;1\n" * 80_000
    antwoord = client.post(url, {"revisie": 1, "bestand": _csv(te_groot)})
    assert antwoord.status_code == 400
    assert "te groot" in antwoord.json()["velden"]["bestand"][0]


def test_importeren_met_oude_revisie_409_en_zonder_multipart_415():
    begroting = _begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("api:begroting-importeren", args=[begroting.pk])
    goed = b"soort;omschrijving;bedrag\nsteunpunt;x;1\n"
    Begroting.objects.filter(pk=begroting.pk).update(revisie=2)
    antwoord = client.post(url, {"revisie": 1, "bestand": _csv(goed)})
    assert antwoord.status_code == 409
    assert antwoord.json() == {"code": "revisie", "detail": antwoord.json()["detail"], "revisie": 2}
    antwoord = _json(client, url, {"revisie": 2})
    assert antwoord.status_code == 415
    assert antwoord.json()["code"]
    assert begroting.posten.count() == 2


# --- Who may ---------------------------------------------------------------------------------


def _verzoek(client, route, begroting):
    url = reverse(route, args=[begroting.pk])
    if route == "api:begroting-importeren":
        return client.post(
            url, {"revisie": 1, "bestand": _csv(b"soort;omschrijving;bedrag\nsteunpunt;x;1\n")}
        )
    if route == "api:begroting-reserve":
        return _json(
            client, url, {"revisie": 1, "eigen_vermogen": "1.00", "toelichting_reserve": ""}
        )
    return _json(client, url, {"revisie": 1, "datum": "2025-12-15"})


@pytest.mark.parametrize("route", NIEUWE_ROUTES)
@pytest.mark.parametrize("rolsoort", [R.DIRECTEUR, R.OPR_LID, R.TOEZICHTHOUDER, R.LOKET])
def test_andere_rollen_403_gelogd(route, rolsoort):
    begroting = _begroting(toelichting="Uitleg.")
    lezer = rol(begroting.samenwerkingsverband, rolsoort)
    client = client_voor(lezer)
    log = Logteller()
    antwoord = _verzoek(client, route, begroting)
    assert antwoord.status_code == 403
    assert antwoord.json()["code"]
    regels = log.nieuw()
    assert len(regels) == 1
    assert regels[0].resultaat == Resultaat.GEWEIGERD
    assert regels[0].gebruiker == lezer.gebruiker
    begroting.refresh_from_db()
    assert (begroting.revisie, begroting.posten.count()) == (1, 2)


@pytest.mark.parametrize("route", NIEUWE_ROUTES)
def test_controller_van_een_ander_swv_404_gelogd(route):
    begroting = _begroting(toelichting="Uitleg.")
    ander = rol(SamenwerkingsverbandFactory())
    client = client_voor(ander)
    log = Logteller()
    antwoord = _verzoek(client, route, begroting)
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"].startswith("application/json")
    regels = log.nieuw()
    assert len(regels) == 1
    assert regels[0].resultaat == Resultaat.GEWEIGERD
    assert regels[0].object_id == str(begroting.pk)
    begroting.refresh_from_db()
    assert (begroting.revisie, begroting.status) == (1, Begrotingsstatus.CONCEPT)


@pytest.mark.parametrize("route", NIEUWE_ROUTES)
def test_de_controller_een_logregel_per_verzoek(route):
    begroting = _begroting(toelichting="Uitleg.")
    client = client_voor(rol(begroting.samenwerkingsverband))
    log = Logteller()
    antwoord = _verzoek(client, route, begroting)
    assert antwoord.status_code == 200, antwoord.content
    regels = log.nieuw()
    assert len(regels) == 1
    assert regels[0].resultaat == Resultaat.TOEGESTAAN


@pytest.mark.parametrize("route", NIEUWE_ROUTES)
def test_misvormd_id_is_een_json_404(route):
    client = client_voor(rol(SamenwerkingsverbandFactory()))
    antwoord = client.post(reverse(route, args=["abc"]), content_type="application/json")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"].startswith("application/json")


# --- Query bounds of the lists ---------------------------------------------------------------


#: Session, user, role, the access log, the budgets with their totals (one query), and slack.
MAX_BEGROTINGLIJST = 12


@pytest.mark.parametrize("aantal", [1, 12])
def test_begrotingenlijst_api_heeft_een_vast_aantal_queries(aantal, django_assert_max_num_queries):
    swv = SamenwerkingsverbandFactory()
    for i in range(aantal):
        begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2015 + i)
        for soort in (Postsoort.LICHTE_ONDERSTEUNING, Postsoort.ORGANISATIE):
            BegrotingspostFactory(begroting=begroting, soort=soort, bedrag=D(i))
    client = client_voor(rol(swv, R.DIRECTEUR))
    url = reverse("api:begroting-list")
    with django_assert_max_num_queries(MAX_BEGROTINGLIJST):
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert [b["jaar"] for b in antwoord.json()] == [2015 + i for i in reversed(range(aantal))]


#: Session, user, role, the access log, the plans with versions, consent and OOGO, the
#: werkgebied, and slack (the same bound as the plan pages).
MAX_PLANLIJST = 16


@pytest.mark.parametrize("aantal", [1, 8])
def test_plannenlijst_api_heeft_een_vast_aantal_queries(aantal, django_assert_max_num_queries):
    swv = SamenwerkingsverbandFactory()
    gemeenten = [GemeenteFactory() for _ in range(3)]
    swv.werkgebied.add(*gemeenten)
    for i in range(aantal):
        plan = PlanFactory(
            samenwerkingsverband=swv,
            soort=Plansoort.ONDERSTEUNINGSPLAN if i % 2 else Plansoort.MEERJARENBEGROTING,
            titel=f"Plan {i}",
            periode_van=datetime.date(2000 + 4 * i, 8, 1),
            periode_tot=datetime.date(2004 + 4 * i, 7, 31),
        )
        for nummer in (1, 2):
            versie = PlanversieFactory(plan=plan, nummer=nummer)
            InstemmingFactory(planversie=versie)
            for gemeente in gemeenten:
                OogoFactory(planversie=versie, gemeente=gemeente)
    client = client_voor(rol(swv, R.DIRECTEUR))
    with django_assert_max_num_queries(MAX_PLANLIJST):
        antwoord = client.get(reverse("api:plan-list"))
    assert antwoord.status_code == 200
    assert len(antwoord.json()["plannen"]) == aantal
