"""The plan pages and the plan API: what each role sees and may do, form errors kept on the
page, a stale version form, the access log (one record per request) and bounded queries."""

import datetime

import pytest
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.middelen.models import Instemming, Oogo, Plan, Planversie
from passend.middelen.rules import Instemmingsuitkomst, Oogouitkomst, Plansoort
from passend.middelen.services.plannen import (
    instemming_vastleggen,
    oogo_vastleggen,
    versie_toevoegen,
)
from passend.middelen.tests.factories import PlanFactory, PlanversieFactory
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
D = datetime.date


@pytest.fixture
def swv():
    swv = SamenwerkingsverbandFactory()
    swv.werkgebied.add(GemeenteFactory(naam="Aadorp"), GemeenteFactory(naam="Beekdal"))
    return swv


def rol(rolsoort, swv):
    return RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)


def test_overzicht_en_detail_voor_de_opr(swv):
    plan = PlanFactory(samenwerkingsverband=swv, titel="OP Noord")
    PlanversieFactory(plan=plan, nummer=1)
    client = client_voor(rol(R.OPR_LID, swv))
    antwoord = client.get(reverse("middelen:plannen"))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "OP Noord" in tekst
    assert "Nieuw plan maken" not in tekst
    detail = client.get(reverse("middelen:plan", args=[plan.pk])).content.decode()
    assert "Nog geen OOGO over versie 1 met Aadorp en Beekdal." in detail
    assert "Nieuwe versie toevoegen" not in detail
    assert "vastleggen" not in detail


def test_de_directeur_maakt_een_plan_en_ziet_fouten_per_veld(swv):
    client = client_voor(rol(R.DIRECTEUR, swv))
    url = reverse("middelen:plan-nieuw")
    pagina = client.get(url).content.decode()
    assert 'value="ondersteuningsplan"' in pagina and 'value="meerjarenbegroting"' not in pagina
    fout = client.post(
        url,
        {
            "soort": "ondersteuningsplan",
            "titel": "OP 2026",
            "periode_van": "2026-08-01",
            "periode_tot": "2030-08-01",
        },
    )
    assert fout.status_code == 200
    assert "hoogstens 4 jaar" in fout.content.decode()
    assert 'value="OP 2026"' in fout.content.decode()
    assert not Plan.objects.exists()
    goed = client.post(
        url,
        {
            "soort": "ondersteuningsplan",
            "titel": "OP 2026",
            "periode_van": "2026-08-01",
            "periode_tot": "2030-07-31",
        },
    )
    plan = Plan.objects.get()
    assert goed.status_code == 302 and goed["Location"] == reverse("middelen:plan", args=[plan.pk])


def test_de_controller_kiest_alleen_de_meerjarenbegroting(swv):
    client = client_voor(rol(R.FINANCIEEL_MEDEWERKER, swv))
    pagina = client.get(reverse("middelen:plan-nieuw")).content.decode()
    assert 'value="meerjarenbegroting"' in pagina and 'value="ondersteuningsplan"' not in pagina
    antwoord = client.post(
        reverse("middelen:plan-nieuw"),
        {
            "soort": "ondersteuningsplan",
            "titel": "OP",
            "periode_van": "2026-08-01",
            "periode_tot": "2030-07-31",
        },
    )
    assert antwoord.status_code == 200 and not Plan.objects.exists()


def test_versie_toevoegen_en_verouderd_formulier(swv):
    directeur = rol(R.DIRECTEUR, swv)
    plan = PlanFactory(samenwerkingsverband=swv)
    client = client_voor(directeur)
    url = reverse("middelen:versie-nieuw", args=[plan.pk])
    assert client.post(url, {"samenvatting": "Eerste", "revisie": "1"}).status_code == 302
    verouderd = client.post(url, {"samenvatting": "Mijn tekst", "revisie": "1"})
    tekst = verouderd.content.decode()
    assert verouderd.status_code == 200
    assert "Iemand anders heeft dit plan intussen gewijzigd" in tekst
    assert "Mijn tekst" in tekst
    assert list(Planversie.objects.values_list("samenvatting", flat=True)) == ["Eerste"]


def test_de_controller_mag_geen_versie_van_het_ondersteuningsplan(swv):
    plan = PlanFactory(samenwerkingsverband=swv)
    client = client_voor(rol(R.FINANCIEEL_MEDEWERKER, swv))
    url = reverse("middelen:versie-nieuw", args=[plan.pk])
    assert client.post(url, {"samenvatting": "x", "revisie": "1"}).status_code == 403
    assert not Planversie.objects.exists()
    regel = Toegangsregel.objects.filter(route="middelen:versie-nieuw").latest("pk")
    assert regel.resultaat == "geweigerd"


def test_instemming_en_oogo_vastleggen_via_de_pagina(swv):
    directeur = rol(R.DIRECTEUR, swv)
    versie = PlanversieFactory(plan=PlanFactory(samenwerkingsverband=swv), nummer=1)
    client = client_voor(directeur)
    url = reverse("middelen:instemming", args=[versie.pk])
    fout = client.post(url, {"datum": "2999-01-01", "uitkomst": "ingestemd"})
    assert "in de toekomst" in fout.content.decode()
    goed = client.post(url, {"datum": "2026-06-01", "uitkomst": "ingestemd"})
    assert goed.status_code == 302
    assert Instemming.objects.get().uitkomst == Instemmingsuitkomst.INGESTEMD
    gemeente = swv.werkgebied.get(naam="Aadorp")
    oogo = client.post(
        reverse("middelen:oogo", args=[versie.pk]),
        {"gemeente": gemeente.pk, "datum": "2026-06-01", "uitkomst": "overeenstemming"},
    )
    assert oogo.status_code == 302
    assert Oogo.objects.get().gemeente == gemeente


def test_elke_pagina_schrijft_een_regel_in_het_toegangslog(swv):
    plan = PlanFactory(samenwerkingsverband=swv)
    client = client_voor(rol(R.DIRECTEUR, swv))
    for url in (
        reverse("middelen:plannen"),
        reverse("middelen:plan", args=[plan.pk]),
        reverse("middelen:versie-nieuw", args=[plan.pk]),
    ):
        voor = Toegangsregel.objects.count()
        assert client.get(url).status_code == 200
        assert Toegangsregel.objects.count() == voor + 1


def _vul(swv, directeur, aantal):
    gemeenten = [GemeenteFactory() for _ in range(aantal)]
    swv.werkgebied.add(*gemeenten)
    actor = Actor(gebruiker=directeur.gebruiker, rol=directeur)
    for i in range(aantal):
        plan = PlanFactory(
            samenwerkingsverband=swv,
            titel=f"Plan {i}",
            periode_van=D(2000 + 4 * i, 8, 1),
            periode_tot=D(2004 + 4 * i, 7, 31),
        )
        for n in range(aantal):
            versie = versie_toevoegen(
                actor=actor, plan=plan, samenvatting=f"v{n}", vastgesteld_op=None, revisie=n + 1
            )
            instemming_vastleggen(
                actor=actor,
                planversie=versie,
                datum=D(2020, 1, 1),
                uitkomst=Instemmingsuitkomst.INGESTEMD,
            )
            for gemeente in gemeenten:
                oogo_vastleggen(
                    actor=actor,
                    planversie=versie,
                    gemeente_id=gemeente.pk,
                    datum=D(2020, 1, 1),
                    uitkomst=Oogouitkomst.OVEREENSTEMMING,
                )
    return Plan.objects.filter(samenwerkingsverband=swv).first()


#: Session, user, role (3-4), the access log (2), the plans (4), werkgebied (1), and slack.
MAX_QUERIES = 16


@pytest.mark.parametrize("aantal", [1, 4])
def test_vast_aantal_queries(swv, aantal, django_assert_max_num_queries):
    directeur = rol(R.DIRECTEUR, swv)
    plan = _vul(swv, directeur, aantal)
    client = client_voor(directeur)
    for url in (reverse("middelen:plannen"), reverse("middelen:plan", args=[plan.pk])):
        client.get(url)
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200
    api = reverse("api:plan-detail", args=[plan.pk])
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(api).status_code == 200


# --- API ------------------------------------------------------------------------------------


def test_api_plan_versie_instemming_oogo(swv):
    directeur = rol(R.DIRECTEUR, swv)
    client = client_voor(directeur)
    nieuw = client.post(
        reverse("api:plan-list"),
        {
            "soort": "ondersteuningsplan",
            "titel": "OP",
            "periode_van": "2026-08-01",
            "periode_tot": "2030-07-31",
        },
        content_type="application/json",
    )
    assert nieuw.status_code == 201, nieuw.json()
    plan_id = nieuw.json()["id"]
    te_lang = client.post(
        reverse("api:plan-list"),
        {
            "soort": "ondersteuningsplan",
            "titel": "OP2",
            "periode_van": "2030-08-01",
            "periode_tot": "2034-08-01",
        },
        content_type="application/json",
    )
    assert te_lang.status_code == 400
    assert te_lang.json()["code"] == "ongeldig" and "periode_tot" in te_lang.json()["velden"]
    versie = client.post(
        reverse("api:plan-versies", args=[plan_id]),
        {"samenvatting": "v1", "revisie": 1},
        content_type="application/json",
    )
    assert versie.status_code == 201 and versie.json()["nummer"] == 1
    verouderd = client.post(
        reverse("api:plan-versies", args=[plan_id]),
        {"samenvatting": "v2", "revisie": 1},
        content_type="application/json",
    )
    assert verouderd.status_code == 409 and verouderd.json()["revisie"] == 2
    versie_id = versie.json()["id"]
    assert (
        client.post(
            reverse("api:planversie-instemming", args=[versie_id]),
            {"datum": "2026-06-01", "uitkomst": "ingestemd"},
            content_type="application/json",
        ).status_code
        == 201
    )
    buiten = GemeenteFactory()
    geweigerd = client.post(
        reverse("api:planversie-oogo", args=[versie_id]),
        {"gemeente_id": buiten.pk, "datum": "2026-06-01", "uitkomst": "overeenstemming"},
        content_type="application/json",
    )
    assert geweigerd.status_code == 400 and "gemeente" in geweigerd.json()["velden"]
    for gemeente in swv.werkgebied.all():
        assert (
            client.post(
                reverse("api:planversie-oogo", args=[versie_id]),
                {"gemeente_id": gemeente.pk, "datum": "2026-06-01", "uitkomst": "overeenstemming"},
                content_type="application/json",
            ).status_code
            == 201
        )
    detail = client.get(reverse("api:plan-detail", args=[plan_id])).json()
    assert detail["status"]["geldig"] is True
    assert detail["versies"][0]["instemmingen"][0]["uitkomst"] == "ingestemd"
    lijst = client.get(reverse("api:plan-list")).json()
    assert [p["id"] for p in lijst["plannen"]] == [plan_id]


def test_api_opr_leest_alleen(swv):
    plan = PlanFactory(samenwerkingsverband=swv, soort=Plansoort.ONDERSTEUNINGSPLAN)
    client = client_voor(rol(R.OPR_LID, swv))
    assert client.get(reverse("api:plan-detail", args=[plan.pk])).status_code == 200
    antwoord = client.post(
        reverse("api:plan-versies", args=[plan.pk]),
        {"samenvatting": "x", "revisie": 1},
        content_type="application/json",
    )
    assert antwoord.status_code == 403 and antwoord.json()["code"]
    assert not Planversie.objects.exists()
