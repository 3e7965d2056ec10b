"""The plan services and the status in words: the 4-year rule (edges, 29 February),
overlap, who writes which soort, versions numbered and kept (a stale form refused), the
meerjarenbegroting's snapshot of the budgets, the OPR's consent and the OOGO (dates, the
werkgebied), and the texts of what is missing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.middelen.models import Plan, Planversie
from passend.middelen.rules import Instemmingsuitkomst, Oogouitkomst, Plansoort, Postsoort
from passend.middelen.selectors.plannen import (
    GELDIG_MJB,
    GELDIG_OP,
    mijn_werk,
    plan_status,
    plannen_queryset,
    swv_status,
    werkgebied_van,
)
from passend.middelen.services.plannen import (
    Conflict,
    instemming_vastleggen,
    oogo_vastleggen,
    plan_aanmaken,
    versie_toevoegen,
)
from passend.middelen.tests.factories import (
    BegrotingFactory,
    BegrotingspostFactory,
    PlanFactory,
)
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
D = datetime.date


def actor(rolsoort: str, swv) -> Actor:
    rol = RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.fixture
def swv():
    return SamenwerkingsverbandFactory()


@pytest.fixture
def directeur(swv):
    return actor(R.DIRECTEUR, swv)


@pytest.fixture
def controller(swv):
    return actor(R.FINANCIEEL_MEDEWERKER, swv)


VAN = D(2026, 8, 1)
TOT = D(2030, 7, 31)


def op(directeur, van=VAN, tot=TOT, titel="Ondersteuningsplan"):
    return plan_aanmaken(
        actor=directeur,
        soort=Plansoort.ONDERSTEUNINGSPLAN,
        titel=titel,
        periode_van=van,
        periode_tot=tot,
    )


def herlaad(plan: Plan) -> Plan:
    return plannen_queryset().get(pk=plan.pk)


# --- The 4-year rule and overlap ------------------------------------------------------------


def test_een_ondersteuningsplan_van_precies_4_jaar_mag(directeur):
    plan = op(directeur)
    assert (plan.periode_van, plan.periode_tot) == (D(2026, 8, 1), D(2030, 7, 31))
    regel = Toegangsregel.objects.get(object_type="middelen.plan", object_id=str(plan.pk))
    assert (regel.actie, regel.resultaat) == (Actie.AANMAKEN, Resultaat.TOEGESTAAN)


def test_een_dag_langer_dan_4_jaar_wordt_geweigerd(directeur):
    with pytest.raises(ValidationError) as fout:
        op(directeur, tot=D(2030, 8, 1))
    assert "hoogstens 4 jaar" in fout.value.message_dict["periode_tot"][0]
    assert "31-7-2030" in fout.value.message_dict["periode_tot"][0]
    assert not Plan.objects.exists()


def test_29_februari(directeur):
    # From 29 February 2028 the plan may run until 28 February 2032, not a day more.
    with pytest.raises(ValidationError):
        op(directeur, van=D(2028, 2, 29), tot=D(2032, 2, 29))
    plan = op(directeur, van=D(2028, 2, 29), tot=D(2032, 2, 28))
    assert plan.periode_tot == D(2032, 2, 28)


def test_een_meerjarenbegroting_mag_langer_dan_4_jaar(controller):
    plan = plan_aanmaken(
        actor=controller,
        soort=Plansoort.MEERJARENBEGROTING,
        titel="Meerjarenbegroting",
        periode_van=D(2026, 1, 1),
        periode_tot=D(2030, 12, 31),
    )
    assert plan.soort == Plansoort.MEERJARENBEGROTING


def test_einde_voor_begin_wordt_geweigerd(directeur):
    with pytest.raises(ValidationError) as fout:
        op(directeur, van=D(2026, 8, 1), tot=D(2026, 7, 31))
    assert "periode_tot" in fout.value.message_dict


def test_plannen_van_dezelfde_soort_overlappen_niet(directeur, controller, swv):
    op(directeur, titel="Plan 2026")
    with pytest.raises(ValidationError) as fout:
        op(directeur, van=D(2030, 7, 31), tot=D(2034, 7, 30), titel="Te vroeg")
    assert "overlapt met 'Plan 2026'" in fout.value.message_dict["periode_van"][0]
    # Directly after it: fine; another soort in the same period: fine; another SWV: fine.
    op(directeur, van=D(2030, 8, 1), tot=D(2034, 7, 31), titel="Plan 2030")
    plan_aanmaken(
        actor=controller,
        soort=Plansoort.MEERJARENBEGROTING,
        titel="MJB",
        periode_van=D(2026, 1, 1),
        periode_tot=D(2029, 12, 31),
    )
    ander = actor(R.DIRECTEUR, SamenwerkingsverbandFactory())
    op(ander)
    assert Plan.objects.filter(samenwerkingsverband=swv).count() == 3


# --- Who writes what ------------------------------------------------------------------------


def test_de_controller_schrijft_geen_ondersteuningsplan(controller, directeur):
    with pytest.raises(Geweigerd):
        op(controller)
    plan = op(directeur)
    with pytest.raises(Geweigerd):
        versie_toevoegen(
            actor=controller, plan=plan, samenvatting="x", vastgesteld_op=None, revisie=1
        )
    assert not Planversie.objects.exists()


def test_de_directeur_schrijft_geen_meerjarenbegroting(directeur, swv):
    with pytest.raises(Geweigerd):
        plan_aanmaken(
            actor=directeur,
            soort=Plansoort.MEERJARENBEGROTING,
            titel="MJB",
            periode_van=D(2026, 1, 1),
            periode_tot=D(2029, 12, 31),
        )
    mjb = PlanFactory(samenwerkingsverband=swv, soort=Plansoort.MEERJARENBEGROTING)
    with pytest.raises(Geweigerd):
        versie_toevoegen(
            actor=directeur, plan=mjb, samenvatting="x", vastgesteld_op=None, revisie=1
        )


@pytest.mark.parametrize("rolsoort", [R.OPR_LID, R.TOEZICHTHOUDER, R.FUNCTIONEEL_BEHEERDER])
def test_lezers_schrijven_niets(rolsoort, swv, directeur):
    lezer = actor(rolsoort, swv)
    with pytest.raises(Geweigerd):
        op(lezer)
    plan = op(directeur)
    versie = versie_toevoegen(
        actor=directeur, plan=plan, samenvatting="v1", vastgesteld_op=None, revisie=1
    )
    with pytest.raises(Geweigerd):
        instemming_vastleggen(
            actor=lezer,
            planversie=versie,
            datum=D(2026, 6, 1),
            uitkomst=Instemmingsuitkomst.INGESTEMD,
        )


def test_een_plan_van_een_ander_swv_wordt_geweigerd(directeur):
    ander_plan = PlanFactory(samenwerkingsverband=SamenwerkingsverbandFactory())
    with pytest.raises(Geweigerd):
        versie_toevoegen(
            actor=directeur, plan=ander_plan, samenvatting="x", vastgesteld_op=None, revisie=1
        )


# --- Versions -------------------------------------------------------------------------------


def test_versies_worden_genummerd_en_blijven_bewaard(directeur):
    plan = op(directeur)
    v1 = versie_toevoegen(
        actor=directeur, plan=plan, samenvatting="Eerste", vastgesteld_op=None, revisie=1
    )
    voor = Planversie.objects.filter(pk=v1.pk).values().get()
    v2 = versie_toevoegen(
        actor=directeur,
        plan=plan,
        samenvatting="Tweede",
        vastgesteld_op=D(2026, 5, 1),
        revisie=plan.revisie,
    )
    assert (v1.nummer, v2.nummer) == (1, 2)
    assert Planversie.objects.filter(pk=v1.pk).values().get() == voor
    assert list(Planversie.objects.filter(plan=plan).values_list("nummer", flat=True)) == [2, 1]


def test_een_verouderd_formulier_wordt_geweigerd(directeur):
    plan = op(directeur)
    versie_toevoegen(actor=directeur, plan=plan, samenvatting="A", vastgesteld_op=None, revisie=1)
    with pytest.raises(Conflict):
        versie_toevoegen(
            actor=directeur, plan=plan, samenvatting="B", vastgesteld_op=None, revisie=1
        )
    assert Planversie.objects.filter(plan=plan).count() == 1
    assert Plan.objects.get(pk=plan.pk).revisie == 2


def test_lege_samenvatting_en_datum_in_de_toekomst(directeur):
    plan = op(directeur)
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        versie_toevoegen(
            actor=directeur, plan=plan, samenvatting="  ", vastgesteld_op=morgen, revisie=1
        )
    assert set(fout.value.message_dict) == {"samenvatting", "vastgesteld_op"}
    assert not Planversie.objects.exists()


def test_meerjarenbegroting_bewaart_de_totalen_per_jaar(controller, swv):
    b2026 = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    for soort, bedrag in [
        (Postsoort.LICHTE_ONDERSTEUNING, "800000.00"),
        (Postsoort.ZWARE_ONDERSTEUNING, "200000.00"),
        (Postsoort.AFDRACHT_SO, "60000.00"),
        (Postsoort.AFDRACHT_VSO, "40000.00"),
        (Postsoort.TOEWIJZING_SCHOLEN, "500000.00"),
        (Postsoort.ORGANISATIE, "50000.00"),
    ]:
        BegrotingspostFactory(begroting=b2026, soort=soort, bedrag=Decimal(bedrag))
    BegrotingFactory(samenwerkingsverband=swv, jaar=2027)  # no posts yet
    buiten = BegrotingFactory(samenwerkingsverband=swv, jaar=2031)
    BegrotingspostFactory(begroting=buiten, bedrag=Decimal("5.00"))
    plan = plan_aanmaken(
        actor=controller,
        soort=Plansoort.MEERJARENBEGROTING,
        titel="MJB 2026-2029",
        periode_van=D(2026, 1, 1),
        periode_tot=D(2029, 12, 31),
    )
    versie = versie_toevoegen(
        actor=controller, plan=plan, samenvatting="v1", vastgesteld_op=None, revisie=1
    )
    assert versie.bedragen == {
        "2026": {
            "baten": "1000000.00",
            "afdrachten": "100000.00",
            "lasten": "550000.00",
            "resultaat": "350000.00",
        },
        "2027": {"baten": "0.00", "afdrachten": "0.00", "lasten": "0.00", "resultaat": "0.00"},
    }
    # A later change of the budget does not change the version.
    BegrotingspostFactory(begroting=b2026, soort=Postsoort.STEUNPUNT, bedrag=Decimal("1.00"))
    assert Planversie.objects.get(pk=versie.pk).bedragen["2026"]["lasten"] == "550000.00"


# --- Consent and OOGO -----------------------------------------------------------------------


@pytest.fixture
def gemeenten(swv):
    a = GemeenteFactory(naam="Aadorp")
    b = GemeenteFactory(naam="Beekdal")
    swv.werkgebied.add(a, b)
    return a, b


def test_instemming_en_oogo_vastleggen(directeur, gemeenten):
    plan = op(directeur)
    versie = versie_toevoegen(
        actor=directeur, plan=plan, samenvatting="v1", vastgesteld_op=None, revisie=1
    )
    instemming = instemming_vastleggen(
        actor=directeur,
        planversie=versie,
        datum=D(2026, 6, 1),
        uitkomst=Instemmingsuitkomst.INGESTEMD,
        toelichting="Unaniem.",
    )
    oogo = oogo_vastleggen(
        actor=directeur,
        planversie=versie,
        gemeente_id=gemeenten[0].pk,
        datum=D(2026, 5, 1),
        uitkomst=Oogouitkomst.OVEREENSTEMMING,
    )
    assert instemming.vastgelegd_door == directeur.gebruiker
    assert oogo.gemeente == gemeenten[0]
    assert (
        Toegangsregel.objects.filter(object_type="middelen.plan", actie=Actie.WIJZIGEN).count() == 2
    )


def test_datum_in_de_toekomst_en_gemeente_buiten_het_werkgebied(directeur, gemeenten):
    plan = op(directeur)
    versie = versie_toevoegen(
        actor=directeur, plan=plan, samenvatting="v1", vastgesteld_op=None, revisie=1
    )
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        instemming_vastleggen(
            actor=directeur, planversie=versie, datum=morgen, uitkomst="misschien"
        )
    assert set(fout.value.message_dict) == {"datum", "uitkomst"}
    buiten = GemeenteFactory(naam="Verweg")
    with pytest.raises(ValidationError) as fout:
        oogo_vastleggen(
            actor=directeur,
            planversie=versie,
            gemeente_id=buiten.pk,
            datum=D(2026, 5, 1),
            uitkomst=Oogouitkomst.OVEREENSTEMMING,
        )
    assert "werkgebied" in fout.value.message_dict["gemeente"][0]
    assert not versie.instemmingen.exists() and not versie.oogo.exists()


def test_geen_oogo_over_een_meerjarenbegroting(controller, directeur, gemeenten):
    mjb = plan_aanmaken(
        actor=controller,
        soort=Plansoort.MEERJARENBEGROTING,
        titel="MJB",
        periode_van=D(2026, 1, 1),
        periode_tot=D(2029, 12, 31),
    )
    versie = versie_toevoegen(
        actor=controller, plan=mjb, samenvatting="v1", vastgesteld_op=None, revisie=1
    )
    with pytest.raises(ValidationError):
        oogo_vastleggen(
            actor=directeur,
            planversie=versie,
            gemeente_id=gemeenten[0].pk,
            datum=D(2026, 5, 1),
            uitkomst=Oogouitkomst.OVEREENSTEMMING,
        )
    # The directeur records the OPR's consent to the meerjarenbegroting; then it is valid.
    instemming_vastleggen(
        actor=directeur,
        planversie=versie,
        datum=D(2026, 6, 1),
        uitkomst=Instemmingsuitkomst.INGESTEMD,
    )
    status = plan_status(herlaad(mjb), [])
    assert status.geldig and status.tekst == f"Versie 1 is {GELDIG_MJB}."


# --- Status in words ------------------------------------------------------------------------


def test_status_in_woorden(directeur, swv, gemeenten):
    a, b = gemeenten
    plan = op(directeur)
    werkgebied = werkgebied_van(swv.pk)
    assert plan_status(herlaad(plan), werkgebied).tekst == "Er is nog geen versie van dit plan."

    v1 = versie_toevoegen(
        actor=directeur, plan=plan, samenvatting="v1", vastgesteld_op=None, revisie=1
    )
    status = plan_status(herlaad(plan), werkgebied)
    assert not status.geldig
    assert status.ontbreekt == [
        "De OPR heeft nog niet ingestemd met versie 1.",
        "Nog geen OOGO over versie 1 met Aadorp en Beekdal.",
    ]

    instemming_vastleggen(
        actor=directeur,
        planversie=v1,
        datum=D(2026, 5, 1),
        uitkomst=Instemmingsuitkomst.NIET_INGESTEMD,
    )
    oogo_vastleggen(
        actor=directeur,
        planversie=v1,
        gemeente_id=b.pk,
        datum=D(2026, 5, 1),
        uitkomst=Oogouitkomst.GEEN_OVEREENSTEMMING,
    )
    status = plan_status(herlaad(plan), werkgebied)
    assert status.ontbreekt == [
        "De OPR heeft niet ingestemd met versie 1 (besluit van 1-5-2026).",
        "Nog geen OOGO over versie 1 met Aadorp.",
        "Geen overeenstemming in het OOGO over versie 1 met Beekdal.",
    ]

    # A later decision replaces an earlier one.
    instemming_vastleggen(
        actor=directeur,
        planversie=v1,
        datum=D(2026, 6, 1),
        uitkomst=Instemmingsuitkomst.INGESTEMD,
    )
    for gemeente in (a, b):
        oogo_vastleggen(
            actor=directeur,
            planversie=v1,
            gemeente_id=gemeente.pk,
            datum=D(2026, 6, 2),
            uitkomst=Oogouitkomst.OVEREENSTEMMING,
        )
    status = plan_status(herlaad(plan), werkgebied)
    assert status.geldig and status.tekst == f"Versie 1 is {GELDIG_OP}."

    # A new version needs its own consent and OOGO.
    versie_toevoegen(actor=directeur, plan=plan, samenvatting="v2", vastgesteld_op=None, revisie=2)
    status = plan_status(herlaad(plan), werkgebied)
    assert not status.geldig
    assert "De OPR heeft nog niet ingestemd met versie 2." in status.ontbreekt


def test_swv_status_en_waarschuwing(swv):
    plan = PlanFactory(
        samenwerkingsverband=swv, periode_van=D(2026, 8, 1), periode_tot=D(2030, 7, 31)
    )
    geen = swv_status([plan], D(2026, 7, 31))
    assert geen.loopt is None and "geen ondersteuningsplan" in geen.waarschuwing

    ruim = swv_status([plan], D(2030, 1, 30))
    assert ruim.loopt == plan and ruim.waarschuwing == ""
    assert "moet ingaan op 1-8-2030" in ruim.tekst

    krap = swv_status([plan], D(2030, 1, 31))
    assert "eindigt op 31-7-2030" in krap.waarschuwing

    opvolger = PlanFactory(
        samenwerkingsverband=swv, periode_van=D(2030, 8, 1), periode_tot=D(2034, 7, 31)
    )
    assert swv_status([plan, opvolger], D(2030, 3, 1)).waarschuwing == ""


def test_mijn_werk_waarschuwt_de_directeur(directeur, controller, swv):
    assert (
        "geen ondersteuningsplan" in mijn_werk(actor=directeur, peildatum=D(2026, 9, 1))[0]["tekst"]
    )
    assert mijn_werk(actor=controller, peildatum=D(2026, 9, 1)) == []
    op(directeur)
    assert mijn_werk(actor=directeur, peildatum=D(2026, 9, 1)) == []
    item = mijn_werk(actor=directeur, peildatum=D(2030, 3, 1))[0]
    assert "eindigt op 31-7-2030" in item["tekst"] and item["url"] == "/middelen/plannen/"
    ander = actor(R.DIRECTEUR, SamenwerkingsverbandFactory())
    assert "geen ondersteuningsplan" in mijn_werk(actor=ander, peildatum=D(2026, 9, 1))[0]["tekst"]
