"""The middelen demo data (``bouwer.middelen``): the PO SWV's budgets 2024-2026 with
computed posts and reserves, and its plans with the OPR's consent and the OOGO."""

from decimal import Decimal

import pytest
from django.db import transaction

from passend.core.models import Resultaat, Toegangsregel
from passend.demo import bouwer
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.middelen import (
    RESERVE_TOELICHTING,
    demo_middelen_opslaan,
)
from passend.demo.bouwer.regio import SWV_PO
from passend.middelen.models import Begroting, Plan
from passend.middelen.rules import (
    AFDRACHTEN,
    BATEN,
    Begrotingsstatus,
    Instemmingsuitkomst,
    Oogouitkomst,
    Plansoort,
    Postsoort,
    bovenmatig_eigen_vermogen,
)
from passend.organisaties.models import Samenwerkingsverband

KLEIN = 300


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The region (without the network analyses and this step), then this step alone; one
    transaction around the module, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic(), pytest.MonkeyPatch.context() as mp:
        mp.setattr(bouwer, "demo_netwerkanalyses_opslaan", lambda meld: {})
        mp.setattr(bouwer, "demo_doelstellingen_opslaan", lambda meld: {}, raising=False)
        mp.setattr(bouwer, "demo_middelen_opslaan", lambda meld: {}, raising=False)
        try:
            bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN)
            meldingen: list[str] = []
            aantallen = demo_middelen_opslaan(meldingen.append)
            yield aantallen, meldingen
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def swv(demo, db):
    return Samenwerkingsverband.objects.get(code=SWV_PO.code)


@pytest.fixture
def begrotingen(swv):
    return {b.jaar: b for b in Begroting.objects.filter(samenwerkingsverband=swv)}


def baten(begroting: Begroting) -> Decimal:
    return sum((p.bedrag for p in begroting.posten.all() if p.soort in BATEN), Decimal(0))


def test_twee_vastgestelde_begrotingen_en_een_concept(begrotingen):
    assert sorted(begrotingen) == [2024, 2025, 2026]
    for jaar in (2024, 2025):
        assert begrotingen[jaar].status == Begrotingsstatus.VASTGESTELD
        assert begrotingen[jaar].vastgesteld_op is not None
        assert begrotingen[jaar].vastgesteld_door is not None
    assert begrotingen[2026].status == Begrotingsstatus.CONCEPT
    assert all(b.bedrag_per_leerling > 0 for b in begrotingen.values())


def test_resultaat_2024_licht_positief_2025_negatief_2026_sluitend(begrotingen):
    resultaat = {}
    for jaar, begroting in begrotingen.items():
        lasten = sum((p.bedrag for p in begroting.posten.all() if p.soort not in BATEN), Decimal(0))
        resultaat[jaar] = (baten(begroting) - lasten) / baten(begroting)
    assert Decimal("0.005") < resultaat[2024] < Decimal("0.02")
    assert Decimal("-0.07") < resultaat[2025] < Decimal("-0.05")
    assert Decimal("-0.005") < resultaat[2026] < Decimal("0.005")


def test_baten_en_ingevoerde_lasten(begrotingen):
    for begroting in begrotingen.values():
        soorten = {p.soort for p in begroting.posten.filter(berekend=False)}
        assert {
            Postsoort.LICHTE_ONDERSTEUNING,
            Postsoort.ZWARE_ONDERSTEUNING,
            Postsoort.OVERIGE_BATEN,
            Postsoort.STEUNPUNT,
            Postsoort.ORGANISATIE,
            Postsoort.OVERIGE_LASTEN,
        } == soorten
        licht = begroting.posten.get(soort=Postsoort.LICHTE_ONDERSTEUNING).bedrag
        zwaar = begroting.posten.get(soort=Postsoort.ZWARE_ONDERSTEUNING).bedrag
        assert licht > 0
        assert zwaar / licht == Decimal(420) / Decimal(190)


def test_berekende_posten_uit_de_service(begrotingen):
    for begroting in begrotingen.values():
        berekend = list(begroting.posten.filter(berekend=True))
        toewijzingen = [p for p in berekend if p.soort == Postsoort.TOEWIJZING_SCHOLEN]
        assert len(toewijzingen) > 1
        for post in toewijzingen:
            assert post.vestiging_id is not None
            assert post.bedrag == begroting.bedrag_per_leerling * post.grondslag["aantal"]
        assert any(p.soort in AFDRACHTEN for p in berekend)
        for post in berekend:
            if post.soort in AFDRACHTEN:
                assert post.grondslag["aantal"] > 0


def test_reserve_2024_boven_signaleringswaarde_met_toelichting_2025_eronder(begrotingen):
    b2024, b2025 = begrotingen[2024], begrotingen[2025]
    assert bovenmatig_eigen_vermogen(b2024.eigen_vermogen, baten(b2024)) > 0
    assert b2024.toelichting_reserve == RESERVE_TOELICHTING
    assert bovenmatig_eigen_vermogen(b2025.eigen_vermogen, baten(b2025)) == 0
    assert b2025.eigen_vermogen > 0


def test_de_service_schreef_het_toegangslog_als_controller(begrotingen):
    records = Toegangsregel.objects.filter(
        object_type="middelen.begroting",
        object_id__in=[str(b.pk) for b in begrotingen.values()],
        route="demo",
    )
    assert records.filter(resultaat=Resultaat.TOEGESTAAN).count() >= 3 * 3 + 2 * 2
    assert set(records.values_list("gebruikersnaam", flat=True)) == {"controller.po"}


def test_ondersteuningsplan_2022_2026_met_instemming_en_oogo_met_elke_gemeente(swv):
    plan = Plan.objects.get(
        samenwerkingsverband=swv, soort=Plansoort.ONDERSTEUNINGSPLAN, periode_van__year=2022
    )
    assert (plan.periode_van.isoformat(), plan.periode_tot.isoformat()) == (
        "2022-08-01",
        "2026-07-31",
    )
    (versie,) = plan.versies.all()
    assert versie.nummer == 1
    assert [i.uitkomst for i in versie.instemmingen.all()] == [Instemmingsuitkomst.INGESTEMD]
    gemeenten = set(swv.werkgebied.values_list("pk", flat=True))
    assert len(gemeenten) > 1
    assert set(versie.oogo.values_list("gemeente_id", flat=True)) == gemeenten
    assert set(versie.oogo.values_list("uitkomst", flat=True)) == {Oogouitkomst.OVEREENSTEMMING}


def test_nieuw_ondersteuningsplan_met_twee_versies_en_een_ontbrekend_oogo(swv):
    plan = Plan.objects.get(
        samenwerkingsverband=swv, soort=Plansoort.ONDERSTEUNINGSPLAN, periode_van__year=2026
    )
    assert plan.periode_tot.isoformat() == "2030-07-31"
    versies = {v.nummer: v for v in plan.versies.all()}
    assert sorted(versies) == [1, 2]
    assert [i.uitkomst for i in versies[1].instemmingen.all()] == [
        Instemmingsuitkomst.NIET_INGESTEMD
    ]
    assert [i.uitkomst for i in versies[2].instemmingen.all()] == [Instemmingsuitkomst.INGESTEMD]
    gemeenten = set(swv.werkgebied.values_list("pk", flat=True))
    met_oogo = set(versies[2].oogo.values_list("gemeente_id", flat=True))
    assert met_oogo < gemeenten
    assert len(gemeenten - met_oogo) == 1


def test_meerjarenbegroting_met_instemming(swv, begrotingen):
    plan = Plan.objects.get(samenwerkingsverband=swv, soort=Plansoort.MEERJARENBEGROTING)
    assert (plan.periode_van.year, plan.periode_tot.year) == (2026, 2029)
    (versie,) = plan.versies.all()
    assert [i.uitkomst for i in versie.instemmingen.all()] == [Instemmingsuitkomst.INGESTEMD]
    assert Decimal(versie.bedragen["2026"]["baten"]) == baten(begrotingen[2026])


def test_aantallen_meldingen_en_nog_een_keer(demo, begrotingen):
    aantallen, meldingen = demo
    assert aantallen == {
        "begrotingen": 3,
        "vastgestelde begrotingen": 2,
        "plannen": 3,
        "planversies": 4,
        "instemmingen OPR": 4,
        "OOGO": 2 * Samenwerkingsverband.objects.get(code=SWV_PO.code).werkgebied.count() - 1,
    }
    assert any("signaleringswaarde" in m for m in meldingen)
    aantal = (Begroting.objects.count(), Plan.objects.count())
    assert demo_middelen_opslaan(lambda tekst: None) == {}
    assert (Begroting.objects.count(), Plan.objects.count()) == aantal
