"""The disagreements API: what each role sees, the steps and derived terms, starting one
(parents and school) and recording a step; errors per field, 403/404 as on the pages, 409
for a closed case; one access-log record per request."""

import datetime
import json
from uuid import uuid4

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.geschillen.models import Onenigheid, Stap
from passend.geschillen.rules import Onderwerp, Status
from passend.geschillen.tests.factories import scenario_sluiten
from passend.leerlingen.models import Ouderschap
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.ondersteuning.tests.factories import OppFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
LIJST = reverse("api:onenigheid-list")


@pytest.fixture
def eigen() -> Regio:
    return maak_regio("eigen", 1)


@pytest.fixture
def ander() -> Regio:
    return maak_regio("ander", 2)


def _detail(onenigheid: Onenigheid) -> str:
    return reverse("api:onenigheid-detail", kwargs={"sleutel": onenigheid.sleutel})


def _stappen(onenigheid: Onenigheid) -> str:
    return reverse("api:onenigheid-stappen", kwargs={"sleutel": onenigheid.sleutel})


def _post(client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


def _regels(route: str) -> list[Toegangsregel]:
    return list(Toegangsregel.objects.filter(route=route).prefetch_related("leerlingen"))


def _bij_swv(regio: Regio) -> Onenigheid:
    return regio.extra["onenigheid"]


def _bij_school(regio: Regio) -> Onenigheid:
    return regio.extra["onenigheid_school"]


def _nieuw(regio: Regio, **extra) -> dict:
    return {
        "leerling": str(regio.leerling.sleutel),
        "onderwerp": "opp",
        "opp": str(regio.opp.sleutel),
        "omschrijving": "Wij zijn het niet eens met de doelen in het OPP.",
        **extra,
    }


# --- Reading --------------------------------------------------------------------------------


def test_school_ziet_beide_onenigheden_met_een_zoekregel_met_de_leerlingen(eigen, ander):
    antwoord = client_voor(eigen.rollen[R.INTERN_BEGELEIDER]).get(LIJST)
    assert antwoord.status_code == 200
    assert {o["sleutel"] for o in antwoord.json()["results"]} == {
        str(_bij_swv(eigen).sleutel),
        str(_bij_school(eigen).sleutel),
    }
    (regel,) = _regels("api:onenigheid-list")
    assert regel.actie == "zoeken"
    assert {r.leerling_sleutel for r in regel.leerlingen.all()} == {eigen.leerling.sleutel}


def test_swv_ziet_een_onenigheid_pas_na_een_stap_bij_het_swv(eigen, ander):
    client = client_voor(eigen.rollen[R.LOKET])
    antwoord = client.get(LIJST)
    assert [o["sleutel"] for o in antwoord.json()["results"]] == [str(_bij_swv(eigen).sleutel)]
    assert client.get(_detail(_bij_school(eigen))).status_code == 404
    (regel,) = _regels("api:onenigheid-detail")
    assert regel.resultaat == "geweigerd"


def test_lijst_filtert_op_status_en_weigert_een_onbekende_status(eigen):
    client = client_voor(eigen.rollen[R.INTERN_BEGELEIDER])
    Onenigheid.objects.filter(pk=_bij_school(eigen).pk).update(
        status=Status.OPGELOST, afgesloten_op=timezone.localdate()
    )
    gesloten = client.get(LIJST, {"status": "opgelost"}).json()["results"]
    assert [o["sleutel"] for o in gesloten] == [str(_bij_school(eigen).sleutel)]
    fout = client.get(LIJST, {"status": "kwijt"})
    assert fout.status_code == 400
    assert fout.json()["code"] == "ongeldig"
    assert "status" in fout.json()["velden"]


@pytest.mark.parametrize("query", [{"status": "kwijt"}, {"limit": "veel"}, {"offset": "-1"}])
def test_een_ongeldig_filter_op_de_lijst_wordt_vastgelegd_zonder_leerlingen(eigen, query):
    antwoord = client_voor(eigen.rollen[R.INTERN_BEGELEIDER]).get(LIJST, query)
    assert antwoord.status_code == 400
    (regel,) = _regels("api:onenigheid-list")
    assert regel.actie == "zoeken"
    assert regel.resultaat == "toegestaan"
    assert "ongeldige invoer" in regel.reden
    assert not regel.leerlingen.exists()


def test_ouder_en_leerling_krijgen_geen_lijst(eigen):
    for rol in (R.OUDER, R.LEERLING, R.LEERPLICHTAMBTENAAR):
        assert client_voor(eigen.rollen[rol]).get(LIJST).status_code == 403
    regels = _regels("api:onenigheid-list")
    assert len(regels) == 3
    assert {r.resultaat for r in regels} == {"geweigerd"}


def test_detail_toont_stappen_volgende_stap_en_gpo_termijnen(eigen):
    onenigheid = _bij_swv(eigen)
    Onenigheid.objects.filter(pk=onenigheid.pk).update(
        besluit_op=datetime.date(2026, 10, 1), commissie_ingediend_op=datetime.date(2026, 10, 10)
    )
    antwoord = client_voor(eigen.rollen[R.DIRECTEUR]).get(_detail(onenigheid))
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["leerling"] == str(eigen.leerling.sleutel)
    assert data["onderwerp"] == "opp"
    assert data["opp"] == str(eigen.opp.sleutel)
    assert data["aanmelding"] is None
    assert [s["routestap"] for s in data["stappen"]] == ["gesprek-school"]
    assert data["stappen"][0]["afgerond_op"] is None
    assert data["volgende_stap"] is None  # a step is running
    assert data["commissie"] == "GPO"
    assert [t["uiterlijk"] for t in data["termijnen"]] == [
        "2026-11-12",  # 6 weeks after the decision
        "2026-10-24",  # 2 weeks after the filing
        "2026-12-19",  # 10 weeks after the filing
    ]
    assert data["termijnen"][0]["stand"] == "Op tijd gedaan"
    (regel,) = _regels("api:onenigheid-detail")
    assert regel.actie == "lezen"
    assert regel.resultaat == "toegestaan"
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [eigen.leerling.sleutel]


def test_detail_van_een_andere_regio_of_een_onzin_sleutel_is_een_404(eigen, ander):
    client = client_voor(eigen.rollen[R.INTERN_BEGELEIDER])
    assert client.get(_detail(_bij_swv(ander))).status_code == 404
    assert client.get(reverse("api:onenigheid-detail", args=["geen-sleutel"])).status_code == 404
    (regel,) = _regels("api:onenigheid-detail")
    assert regel.resultaat == "geweigerd"


def test_ouder_leest_de_onenigheid_over_het_eigen_kind(eigen, ander):
    client = client_voor(eigen.rollen[R.OUDER])
    assert client.get(_detail(_bij_school(eigen))).status_code == 200
    assert client.get(_detail(_bij_school(ander))).status_code == 404


# --- Starting ---------------------------------------------------------------------------------


def test_ouder_start_een_onenigheid_over_het_opp(eigen):
    scenario_sluiten(eigen)
    antwoord = _post(client_voor(eigen.rollen[R.OUDER]), LIJST, _nieuw(eigen))
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    onenigheid = Onenigheid.objects.get(sleutel=data["sleutel"])
    assert onenigheid.opp == eigen.opp
    assert onenigheid.gestart_door == eigen.ouder
    assert data["stappen"] == []
    assert data["volgende_stap"]["code"] == "gesprek-school"
    assert data["commissie"] == "GPO"
    (regel,) = _regels("api:onenigheid-list")
    assert (regel.actie, regel.resultaat) == ("aanmaken", "toegestaan")


def test_school_start_een_onenigheid_over_de_eigen_leerling(eigen):
    scenario_sluiten(eigen)
    body = {
        "leerling": str(eigen.leerling.sleutel),
        "onderwerp": "ondersteuning",
        "omschrijving": "De ouders willen meer begeleiding in de klas.",
    }
    antwoord = _post(client_voor(eigen.rollen[R.INTERN_BEGELEIDER]), LIJST, body)
    assert antwoord.status_code == 201
    assert antwoord.json()["commissie"] is None
    assert antwoord.json()["termijnen"] == []


def test_een_tweede_open_onenigheid_over_hetzelfde_wordt_geweigerd(eigen):
    # The scenario's disagreement about this OPP is still open.
    voor = Onenigheid.objects.count()
    antwoord = _post(client_voor(eigen.rollen[R.OUDER]), LIJST, _nieuw(eigen))
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"]["__all__"] == [
        "Er loopt al een onenigheid over hetzelfde voor dit kind. Kijk bij die onenigheid in "
        "plaats van een nieuwe te starten."
    ]
    assert Onenigheid.objects.count() == voor


def test_starten_met_fouten_geeft_fouten_per_veld_en_slaat_niets_op(eigen):
    client = client_voor(eigen.rollen[R.OUDER])
    aantal = Onenigheid.objects.count()
    leeg = _post(client, LIJST, {"leerling": str(eigen.leerling.sleutel), "onderwerp": "x"})
    assert leeg.status_code == 400
    assert set(leeg.json()["velden"]) == {"onderwerp", "omschrijving"}
    verkeerd = _post(client, LIJST, _nieuw(eigen, onderwerp="tlv"))
    assert verkeerd.status_code == 400
    assert verkeerd.json()["velden"]["opp"] == [
        "Dit past niet bij het onderwerp. Kies het onderwerp dat erbij hoort."
    ]
    assert Onenigheid.objects.count() == aantal
    regels = _regels("api:onenigheid-list")
    assert len(regels) == 2
    assert all(r.reden.startswith("niets opgeslagen") for r in regels)


def test_opp_van_een_ander_kind_of_onbekende_leerling_wordt_geweigerd(eigen, ander):
    client = client_voor(eigen.rollen[R.OUDER])
    ander_opp = _post(client, LIJST, _nieuw(eigen, opp=str(ander.opp.sleutel)))
    assert ander_opp.status_code == 400
    assert ander_opp.json()["velden"] == {"opp": ["Kies iets van dit kind."]}
    ander_kind = _post(client, LIJST, _nieuw(ander))
    assert ander_kind.status_code == 400
    assert ander_kind.json()["velden"] == {
        "leerling": ["Deze leerling bestaat niet of u mag deze niet zien."]
    }
    onbekend = _post(client, LIJST, _nieuw(eigen, leerling=str(uuid4())))
    assert onbekend.status_code == 400


def test_ouder_zonder_gezag_kan_niet_starten(eigen):
    Ouderschap.objects.filter(ouder=eigen.ouder).update(gezag=False)
    antwoord = _post(client_voor(eigen.rollen[R.OUDER]), LIJST, _nieuw(eigen))
    assert antwoord.status_code == 403
    (regel,) = _regels("api:onenigheid-list")
    assert regel.resultaat == "geweigerd"
    assert regel.reden == "geweigerd: alleen een ouder met gezag start een onenigheid over het kind"


def test_school_start_niet_over_een_leerling_van_een_andere_school(eigen, ander):
    body = {
        "leerling": str(ander.leerling.sleutel),
        "onderwerp": "overig",
        "omschrijving": "Iets anders.",
    }
    antwoord = _post(client_voor(eigen.rollen[R.INTERN_BEGELEIDER]), LIJST, body)
    assert antwoord.status_code == 400
    assert "leerling" in antwoord.json()["velden"]


def test_leerling_en_swv_starten_niet(eigen):
    for rol in (R.LEERLING, R.LOKET):
        antwoord = _post(client_voor(eigen.rollen[rol]), LIJST, _nieuw(eigen))
        assert antwoord.status_code == 403
    assert not Onenigheid.objects.filter(omschrijving__startswith="Wij zijn het niet eens").exists()


def test_json_typen_zijn_streng(eigen):
    antwoord = _post(client_voor(eigen.rollen[R.OUDER]), LIJST, _nieuw(eigen, omschrijving=12))
    assert antwoord.status_code == 400
    assert "omschrijving" in antwoord.json()["velden"]


# --- Steps --------------------------------------------------------------------------------


def test_school_legt_het_gesprek_vast_en_het_swv_ziet_de_zaak_na_het_overleg(eigen):
    onenigheid = _bij_school(eigen)
    ib = client_voor(eigen.rollen[R.INTERN_BEGELEIDER])
    vandaag = timezone.localdate().isoformat()
    antwoord = _post(
        ib,
        _stappen(onenigheid),
        {"routestap": "gesprek-school", "begonnen_op": vandaag, "toelichting": "Gesprek gepland."},
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert [s["routestap"] for s in antwoord.json()["stappen"]] == ["gesprek-school"]
    (regel,) = _regels("api:onenigheid-stappen")
    assert (regel.actie, regel.resultaat) == ("wijzigen", "toegestaan")
    loket = client_voor(eigen.rollen[R.LOKET])
    assert loket.get(_detail(onenigheid)).status_code == 404
    Stap.objects.filter(onenigheid=onenigheid).update(
        afgerond_op=timezone.localdate(), uitkomst="niet_opgelost"
    )
    overleg = _post(ib, _stappen(onenigheid), {"routestap": "swv-overleg", "begonnen_op": vandaag})
    assert overleg.status_code == 201
    assert overleg.json()["swv_betrokken_sinds"] == vandaag
    assert loket.get(_detail(onenigheid)).status_code == 200


def test_stap_met_fouten_geeft_fouten_per_veld(eigen):
    onenigheid = _bij_swv(eigen)  # its first step is still running
    client = client_voor(eigen.rollen[R.INTERN_BEGELEIDER])
    onbekend = _post(
        client, _stappen(onenigheid), {"routestap": "bestaat-niet", "begonnen_op": "2026-10-05"}
    )
    assert onbekend.status_code == 400
    assert onbekend.json()["velden"] == {"routestap": ["Kies een stap van de route."]}
    lopend = _post(
        client, _stappen(onenigheid), {"routestap": "schoolbestuur", "begonnen_op": "2026-09-01"}
    )
    assert lopend.status_code == 400
    velden = lopend.json()["velden"]
    assert velden["routestap"] == [
        "Er loopt nog een stap. Rond die eerst af en leg dan de volgende stap vast."
    ]
    assert velden["begonnen_op"] == ["Deze datum kan niet vóór de start (01-10-2026) liggen."]
    leeg = _post(client, _stappen(onenigheid), {})
    assert set(leeg.json()["velden"]) == {"routestap", "begonnen_op"}
    assert onenigheid.stappen.count() == 1
    assert len(_regels("api:onenigheid-stappen")) == 3


def test_stap_in_een_afgesloten_onenigheid_is_een_409(eigen):
    onenigheid = _bij_school(eigen)
    Onenigheid.objects.filter(pk=onenigheid.pk).update(
        status=Status.GESLOTEN, afgesloten_op=timezone.localdate()
    )
    antwoord = _post(
        client_voor(eigen.rollen[R.INTERN_BEGELEIDER]),
        _stappen(onenigheid),
        {"routestap": "gesprek-school", "begonnen_op": timezone.localdate().isoformat()},
    )
    assert antwoord.status_code == 409
    assert antwoord.json()["code"] == "afgesloten"
    assert not onenigheid.stappen.exists()
    (regel,) = _regels("api:onenigheid-stappen")
    assert regel.reden.startswith("niets opgeslagen")


def test_ouder_legt_geen_stap_vast_en_een_andere_regio_ziet_niets(eigen, ander):
    body = {"routestap": "gesprek-school", "begonnen_op": timezone.localdate().isoformat()}
    assert (
        _post(client_voor(eigen.rollen[R.OUDER]), _stappen(_bij_school(eigen)), body).status_code
        == 403
    )
    assert (
        _post(
            client_voor(eigen.rollen[R.INTERN_BEGELEIDER]), _stappen(_bij_school(ander)), body
        ).status_code
        == 404
    )
    regels = _regels("api:onenigheid-stappen")
    assert [r.resultaat for r in regels] == ["geweigerd", "geweigerd"]


def test_ouder_ziet_in_het_antwoord_het_nieuwe_kind_niet_van_een_ander(eigen):
    """A second child of the parent with its own OPP: linking the first child's OPP fails."""
    tweede = LeerlingFactory()
    Ouderschap.objects.create(ouder=eigen.ouder, leerling=tweede, gezag=True)
    OppFactory(leerling=tweede)
    antwoord = _post(
        client_voor(eigen.rollen[R.OUDER]),
        LIJST,
        _nieuw(eigen, leerling=str(tweede.sleutel)),
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"] == {"opp": ["Kies iets van dit kind."]}
    assert Onenigheid.objects.filter(leerling=tweede, onderwerp=Onderwerp.OPP).count() == 0
