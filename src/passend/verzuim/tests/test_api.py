"""The verzuim API: what each role sees, the derived facts, reporting, ending (with the
``revisie`` lock) and adding an action; errors per field; one access-log record per request."""

import datetime
import json
from uuid import uuid4

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.verzuim.models import Actiepunt, Partner, Verzuimmelding
from passend.verzuim.rules import Verzuimsoort
from passend.verzuim.tests.factories import DoorbraakplanFactory, VerzuimmeldingFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
LIJST = reverse("api:verzuimmelding-list")


@pytest.fixture
def eigen() -> Regio:
    return maak_regio("eigen", 1)


@pytest.fixture
def ander() -> Regio:
    return maak_regio("ander", 2)


def _detail(melding: Verzuimmelding) -> str:
    return reverse("api:verzuimmelding-detail", kwargs={"sleutel": melding.sleutel})


def _post(client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


def _regels(route: str) -> list[Toegangsregel]:
    return list(Toegangsregel.objects.filter(route=route).prefetch_related("leerlingen"))


def _melding(regio: Regio) -> Verzuimmelding:
    return regio.extra["verzuimmelding"]


# --- Reading --------------------------------------------------------------------------------


def test_lijst_toont_wat_de_actor_mag_zien_met_een_zoekregel(eigen, ander):
    antwoord = client_voor(eigen.rollen[R.LOKET]).get(LIJST)
    assert antwoord.status_code == 200
    assert [m["sleutel"] for m in antwoord.json()["results"]] == [str(_melding(eigen).sleutel)]
    (regel,) = _regels("api:verzuimmelding-list")
    assert regel.actie == "zoeken"
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [eigen.leerling.sleutel]


def test_leerplichtambtenaar_ziet_alleen_meldingen_waarin_hij_partner_is(eigen):
    collega = RolFactory(rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=eigen.gemeente)
    assert client_voor(eigen.rollen[R.LEERPLICHTAMBTENAAR]).get(LIJST).json()["count"] == 1
    client = client_voor(collega)
    assert client.get(LIJST).json()["count"] == 0
    antwoord = client.get(_detail(_melding(eigen)))
    assert antwoord.status_code == 404
    assert antwoord.json()["code"] == "not_found"
    (regel,) = _regels("api:verzuimmelding-detail")
    assert regel.resultaat == "geweigerd"


def test_lijst_filtert_op_status_en_thuiszitter(eigen):
    vandaag = timezone.localdate()
    beeindigd = VerzuimmeldingFactory(
        leerling=eigen.leerling,
        samenwerkingsverband=eigen.swv,
        vestiging=eigen.vestiging,
        gemeente=eigen.gemeente,
        sinds=vandaag - datetime.timedelta(days=60),
        beeindigd=True,
        einde=vandaag - datetime.timedelta(days=2),
    )
    kort = VerzuimmeldingFactory(
        leerling=LeerlingFactory(),
        samenwerkingsverband=eigen.swv,
        vestiging=eigen.vestiging,
        gemeente=eigen.gemeente,
        sinds=vandaag - datetime.timedelta(days=27),  # day 28: not yet langdurig
    )
    client = client_voor(eigen.rollen[R.DIRECTEUR])

    def sleutels(**params) -> set[str]:
        return {m["sleutel"] for m in client.get(LIJST, params).json()["results"]}

    lang = str(_melding(eigen).sleutel)  # since 1-9-2026
    assert sleutels(status="beeindigd") == {str(beeindigd.sleutel)}
    assert sleutels(status="open") == {lang, str(kort.sleutel)}
    assert sleutels(thuiszitter="true") == {lang}
    antwoord = client.get(LIJST, {"status": "dicht"})
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig"
    assert "status" in antwoord.json()["velden"]


def test_lijst_met_ongeldig_filter_wordt_gelogd(eigen):
    """Regression: a list request with a bad filter answered 400 without a log record."""
    _melding(eigen)
    client = client_voor(eigen.rollen[R.DIRECTEUR])
    voor = Toegangsregel.objects.count()
    antwoord = client.get(LIJST, {"thuiszitter": "misschien"})
    assert antwoord.status_code == 400
    assert "thuiszitter" in antwoord.json()["velden"]
    (regel,) = Toegangsregel.objects.order_by("id")[voor:]
    assert (regel.actie, regel.resultaat) == ("zoeken", "toegestaan")
    assert "ongeldige invoer" in regel.reden
    assert regel.route == "api:verzuimmelding-list"
    assert not regel.leerlingen.exists()


@pytest.mark.parametrize(
    "params",
    [{"limit": "x"}, {"offset": "-1"}, {"limit": "0"}, {"offset": "99999999999999999999"}],
)
def test_lijst_met_ongeldige_paginering_wordt_gelogd(eigen, params):
    """Regression: a bad paging value answered 400 without an access-log record."""
    _melding(eigen)
    client = client_voor(eigen.rollen[R.DIRECTEUR])
    voor = Toegangsregel.objects.count()
    antwoord = client.get(LIJST, params)
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig"
    assert set(antwoord.json()["velden"]) == set(params)
    (regel,) = Toegangsregel.objects.order_by("id")[voor:]
    assert (regel.actie, regel.resultaat) == ("zoeken", "toegestaan")
    assert "ongeldige invoer" in regel.reden
    assert not regel.leerlingen.exists()


def test_detail_met_afgeleide_feiten_partners_plan_en_doorbraakplan(eigen):
    melding = _melding(eigen)
    DoorbraakplanFactory(melding=melding)
    antwoord = client_voor(eigen.rollen[R.INTERN_BEGELEIDER]).get(_detail(melding))
    assert antwoord.status_code == 200
    data = antwoord.json()
    vandaag = timezone.localdate()
    assert data["meldnummer"] == melding.meldnummer
    assert data["leerling"] == str(eigen.leerling.sleutel)
    assert data["soort"] == "relatief"
    assert data["thuiszitter_vanaf"] == "2026-09-29"  # day 29 of 1-9-2026
    langdurig = vandaag >= datetime.date(2026, 9, 29)
    assert data["verzuimvorm"] == ("langdurig_relatief" if langdurig else "relatief")
    assert data["thuiszitter"] is langdurig
    dagen = (vandaag - datetime.date(2026, 9, 1)).days + 1
    assert float(data["weken_thuis"]) == pytest.approx(dagen / 7, abs=0.05)
    assert isinstance(data["doorbraak_nodig"], bool)
    assert {p["soort"] for p in data["partners"]} == {"leerplicht", "jeugdhulp"}
    assert [a["id"] for a in data["actiepunten"]] == [eigen.extra["actiepunt"].pk]
    assert data["doorbraakplan"]["doorzettingsmacht"]
    assert data["revisie"] == melding.revisie
    (regel,) = _regels("api:verzuimmelding-detail")
    assert regel.actie == "lezen" and regel.resultaat == "toegestaan"


def test_detail_van_een_andere_regio_is_verborgen(eigen, ander):
    antwoord = client_voor(eigen.rollen[R.LOKET]).get(_detail(_melding(ander)))
    assert antwoord.status_code == 404
    antwoord = client_voor(eigen.rollen[R.LOKET]).get(
        reverse("api:verzuimmelding-detail", kwargs={"sleutel": "geen-sleutel"})
    )
    assert antwoord.status_code == 404


@pytest.mark.parametrize("rolsoort", [R.OUDER, R.LERAAR, R.STEUNPUNTMEDEWERKER])
def test_rollen_zonder_verzuim_krijgen_een_vastgelegde_weigering(eigen, rolsoort):
    antwoord = client_voor(eigen.rollen[rolsoort]).get(LIJST)
    assert antwoord.status_code == 403
    (regel,) = _regels("api:verzuimmelding-list")
    assert regel.resultaat == "geweigerd"


# --- Reporting --------------------------------------------------------------------------------


def test_school_meldt_relatief_verzuim(eigen):
    kind = LeerlingFactory(woongemeente=eigen.gemeente)
    InschrijvingFactory(leerling=kind, vestiging=eigen.vestiging)
    antwoord = _post(
        client_voor(eigen.rollen[R.INTERN_BEGELEIDER]),
        LIJST,
        {
            "soort": "relatief",
            "sinds": "2026-10-01",
            "reden": "gedrag",
            "leerling": str(kind.sleutel),
            "gemiste_uren": 20,
            "leerplichtambtenaar": eigen.leerplichtambtenaar.pk,
        },
    )
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["vestigingscode"] == eigen.vestiging.vestigingscode
    assert {p["soort"] for p in data["partners"]} == {"school", "leerplicht"}
    (regel,) = _regels("api:verzuimmelding-list")
    assert regel.actie == "aanmaken" and regel.resultaat == "toegestaan"


def test_swv_meldt_absoluut_verzuim_van_een_nieuw_kind(eigen):
    antwoord = _post(
        client_voor(eigen.rollen[R.LOKET]),
        LIJST,
        {
            "soort": "absoluut",
            "sinds": "2026-10-01",
            "reden": "verhuizing",
            "nieuw_kind": {
                "voornamen": "Nieuw",
                "achternaam": "Kindnaam",
                "geboortedatum": "2015-05-05",
                "postcode": "3511 AB",
                "woongemeente": eigen.gemeente.code,
            },
        },
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["vestigingscode"] == ""
    assert Leerling.objects.filter(achternaam="Kindnaam").exists()


@pytest.mark.parametrize(
    ("body", "velden"),
    [
        ({}, {"soort", "sinds", "reden"}),
        ({"soort": "ziek", "sinds": "gisteren", "reden": "psychisch"}, {"soort", "sinds"}),
        ({"soort": "relatief", "sinds": "2026-10-01", "reden": "psychisch"}, {"leerling"}),
        (
            {"soort": "relatief", "sinds": "2026-10-01", "reden": "psychisch", "leerling": "X"},
            {"leerling"},
        ),
        ({"soort": "relatief", "sinds": "2999-10-01", "reden": "psychisch"}, {"sinds"}),
    ],
)
def test_ongeldige_melding_geeft_400_per_veld_en_een_logregel(eigen, body, velden):
    if body.get("sinds") == "2999-10-01":
        body = {**body, "leerling": str(eigen.leerling.sleutel)}
    antwoord = _post(client_voor(eigen.rollen[R.LOKET]), LIJST, body)
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig"
    assert set(antwoord.json()["velden"]) == velden
    assert Verzuimmelding.objects.count() == 1
    assert len(_regels("api:verzuimmelding-list")) == 1


def test_leerling_van_een_andere_regio_of_onbekend_is_een_veldfout(eigen, ander):
    for sleutel in (ander.leerling.sleutel, uuid4()):
        antwoord = _post(
            client_voor(eigen.rollen[R.LOKET]),
            LIJST,
            {
                "soort": "relatief",
                "sinds": "2026-10-01",
                "reden": "psychisch",
                "leerling": str(sleutel),
            },
        )
        assert antwoord.status_code == 400
        assert antwoord.json()["velden"] == {
            "leerling": ["Deze leerling bestaat niet of u mag deze niet zien."]
        }


def test_jeugdhulp_meldt_niet(eigen):
    antwoord = _post(client_voor(eigen.rollen[R.JEUGDHULP]), LIJST, {})
    assert antwoord.status_code == 403
    (regel,) = _regels("api:verzuimmelding-list")
    assert regel.resultaat == "geweigerd" and regel.actie == "aanmaken"


# --- Ending and the plan ------------------------------------------------------------------------


def _beeindigen_url(melding: Verzuimmelding) -> str:
    return reverse("api:verzuimmelding-beeindigen", kwargs={"sleutel": melding.sleutel})


def test_beeindigen_slaat_einde_uitkomst_en_duur_op(eigen):
    melding = _melding(eigen)
    antwoord = _post(
        client_voor(eigen.rollen[R.LEERPLICHTAMBTENAAR]),
        _beeindigen_url(melding),
        {"revisie": melding.revisie, "einde": "2026-10-30", "uitkomst": "andere_school"},
    )
    assert antwoord.status_code == 200, antwoord.json()
    data = antwoord.json()
    assert (data["einde"], data["uitkomst"], data["duur_weken"]) == (
        "2026-10-30",
        "andere_school",
        "8.6",  # 60 days
    )
    assert data["revisie"] == melding.revisie + 1
    (regel,) = _regels("api:verzuimmelding-beeindigen")
    assert regel.actie == "wijzigen" and regel.resultaat == "toegestaan"


def test_verouderde_revisie_geeft_409_en_slaat_niets_op(eigen):
    melding = _melding(eigen)
    antwoord = _post(
        client_voor(eigen.rollen[R.LOKET]),
        _beeindigen_url(melding),
        {"revisie": melding.revisie + 5, "einde": "2026-10-30", "uitkomst": "andere_school"},
    )
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "revisie"
    assert antwoord.json()["revisie"] == melding.revisie
    melding.refresh_from_db()
    assert melding.einde is None
    (regel,) = _regels("api:verzuimmelding-beeindigen")
    assert "conflict" in regel.reden


def test_beeindigen_voor_de_eerste_dag_is_een_veldfout(eigen):
    melding = _melding(eigen)
    antwoord = _post(
        client_voor(eigen.rollen[R.LOKET]),
        _beeindigen_url(melding),
        {"revisie": melding.revisie, "einde": "2026-08-01", "uitkomst": "andere_school"},
    )
    assert antwoord.status_code == 400
    assert list(antwoord.json()["velden"]) == ["einde"]
    melding.refresh_from_db()
    assert melding.einde is None


def test_jeugdhulp_beeindigt_niet_en_een_andere_regio_is_verborgen(eigen, ander):
    melding = _melding(eigen)
    body = {"revisie": melding.revisie, "einde": "2026-10-30", "uitkomst": "andere_school"}
    assert (
        _post(client_voor(eigen.rollen[R.JEUGDHULP]), _beeindigen_url(melding), body).status_code
        == 403
    )
    assert (
        _post(client_voor(ander.rollen[R.LOKET]), _beeindigen_url(melding), body).status_code == 404
    )
    assert [r.resultaat for r in _regels("api:verzuimmelding-beeindigen")] == [
        "geweigerd",
        "geweigerd",
    ]


def test_actie_toevoegen_voor_een_partner(eigen):
    melding = _melding(eigen)
    partner = Partner.objects.get(melding=melding, soort="jeugdhulp")
    url = reverse("api:verzuimmelding-acties", kwargs={"sleutel": melding.sleutel})
    antwoord = _post(
        client_voor(eigen.rollen[R.JEUGDHULP]),
        url,
        {"omschrijving": "Gezinsgesprek", "eigenaar": partner.pk, "deadline": "2030-01-31"},
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["eigenaar_naam"] == partner.naam
    assert Actiepunt.objects.filter(melding=melding).count() == 2


def test_actie_met_een_partner_van_een_andere_melding_is_een_veldfout(eigen, ander):
    melding = _melding(eigen)
    vreemd = ander.extra["actiepunt"].eigenaar
    url = reverse("api:verzuimmelding-acties", kwargs={"sleutel": melding.sleutel})
    client = client_voor(eigen.rollen[R.INTERN_BEGELEIDER])
    antwoord = _post(
        client, url, {"omschrijving": "X", "eigenaar": vreemd.pk, "deadline": "2030-01-31"}
    )
    assert antwoord.status_code == 400
    assert list(antwoord.json()["velden"]) == ["eigenaar"]
    antwoord = _post(client, url, {"omschrijving": "", "deadline": "morgen"})
    assert set(antwoord.json()["velden"]) == {"omschrijving", "eigenaar", "deadline"}
    assert Actiepunt.objects.filter(melding=melding).count() == 1
    assert len(_regels("api:verzuimmelding-acties")) == 2


def test_vrijstelling_is_nooit_thuiszitter_in_de_api(eigen):
    melding = VerzuimmeldingFactory(
        leerling=LeerlingFactory(),
        samenwerkingsverband=eigen.swv,
        vestiging=eigen.vestiging,
        gemeente=eigen.gemeente,
        soort=Verzuimsoort.VRIJSTELLING_5A,
        sinds=datetime.date(2026, 1, 5),
    )
    data = client_voor(eigen.rollen[R.LOKET]).get(_detail(melding)).json()
    assert data["verzuimvorm"] == "vrijstelling_5a"
    assert data["thuiszitter"] is False and data["thuiszitter_vanaf"] is None
    assert data["doorbraak_nodig"] is False


@pytest.mark.parametrize("aantal", [3, 60])
def test_lijst_heeft_een_vast_aantal_queries(eigen, aantal, django_assert_max_num_queries):
    for _ in range(aantal):
        VerzuimmeldingFactory(
            leerling=LeerlingFactory(),
            samenwerkingsverband=eigen.swv,
            vestiging=eigen.vestiging,
            gemeente=eigen.gemeente,
        )
    client = client_voor(eigen.rollen[R.LOKET])
    # Measured 13, the same for 3 and 60 cases (session, user, second factor, role, count,
    # page, the access-log record with its savepoints, the session save) + a margin of 2.
    with django_assert_max_num_queries(15):
        antwoord = client.get(LIJST)
    assert antwoord.json()["count"] == aantal + 1
