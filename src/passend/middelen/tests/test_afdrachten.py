"""The computed posts of a budget: afdrachten from the TLVs at the teldatum, the allocation
to schools, the arrangements pro rata, and the one access-log record of the computation."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.arrangementen.tests.factories import AanvraagFactory
from passend.core.models import Toegangsregel
from passend.middelen.rules import Postsoort, pro_rata
from passend.middelen.services.begroting import Conflict, berekende_posten_bijwerken
from passend.middelen.tests.factories import BegrotingFactory, BegrotingspostFactory
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import (
    LeerlingtellingFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.toelaatbaarheid.rules import Soort
from passend.toelaatbaarheid.tests.factories import TlvFactory

pytestmark = pytest.mark.django_db

PO_TELDATUM = datetime.date(2025, 2, 1)  # budget year 2026: 1 February of the year before
VO_TELDATUM = datetime.date(2025, 10, 1)
DAG = datetime.timedelta(days=1)


def controller(swv):
    rol = RolFactory(rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER, samenwerkingsverband=swv)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def tlv(swv, soort=Soort.SO, categorie=1, van=datetime.date(2024, 8, 1), tot=None):
    return TlvFactory(
        toegekend=True,
        verantwoordelijk_swv=swv,
        soort=soort,
        bekostigingscategorie=categorie if soort in (Soort.SO, Soort.VSO) else None,
        ingangsdatum=van,
        einddatum=tot or datetime.date(2027, 7, 31),
        ontvangen_op=datetime.date(2024, 5, 1),
        compleet_op=datetime.date(2024, 5, 8),
        besluit_op=datetime.date(2024, 6, 1),
    )


def berekenen(begroting, actor):
    return berekende_posten_bijwerken(
        actor=actor, begroting=begroting, revisie=begroting.revisie, route="/test/"
    )


def afdrachten(begroting):
    return {
        (p.soort, p.grondslag.get("categorie")): p
        for p in begroting.posten.filter(soort__startswith="afdracht")
    }


def test_afdrachten_per_soort_en_categorie_maal_normbedrag():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    for _ in range(3):
        tlv(swv, Soort.SO, 1)
    tlv(swv, Soort.SO, 3)
    tlv(swv, Soort.SBO)
    tlv(swv, Soort.SBO)
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    berekenen(begroting, actor)
    posten = afdrachten(begroting)
    assert set(posten) == {
        (Postsoort.AFDRACHT_SO, 1),
        (Postsoort.AFDRACHT_SO, 3),
        (Postsoort.AFDRACHT_SBO, None),
    }
    so1 = posten[(Postsoort.AFDRACHT_SO, 1)]
    assert so1.bedrag == Decimal("31950.00")  # 3 × 10.650
    assert so1.berekend
    assert so1.grondslag == {
        "teldatum": "2025-02-01",
        "aantal": 3,
        "normbedrag": "10650.00",
        "normjaar": 2026,
        "categorie": 1,
    }
    assert posten[(Postsoort.AFDRACHT_SO, 3)].bedrag == Decimal("21350.00")
    assert posten[(Postsoort.AFDRACHT_SBO, None)].bedrag == Decimal("10400.00")
    begroting.refresh_from_db()
    assert begroting.revisie == 2


def test_alleen_tlvs_die_op_de_teldatum_lopen_tellen():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    tlv(swv, van=datetime.date(2024, 2, 1), tot=PO_TELDATUM - DAG)  # ended the day before
    tlv(swv, van=PO_TELDATUM + DAG)  # starts the day after
    tlv(swv, van=datetime.date(2024, 2, 1), tot=PO_TELDATUM)  # ends on the teldatum: counts
    tlv(swv, van=PO_TELDATUM)  # starts on the teldatum: counts
    TlvFactory(compleet=True, verantwoordelijk_swv=swv, soort=Soort.SO)  # not decided
    tlv(SamenwerkingsverbandFactory(sector=Sector.PO))  # another SWV
    tlv(swv, Soort.PRO)  # pro has no afdracht
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    berekenen(begroting, actor)
    posten = afdrachten(begroting)
    assert list(posten) == [(Postsoort.AFDRACHT_SO, 1)]
    assert posten[(Postsoort.AFDRACHT_SO, 1)].grondslag["aantal"] == 2


def test_vo_telt_op_1_oktober_van_het_jaar_ervoor():
    swv = SamenwerkingsverbandFactory(sector=Sector.VO)
    actor = controller(swv)
    tlv(swv, Soort.VSO, 2, van=datetime.date(2024, 8, 1), tot=VO_TELDATUM)  # counts
    tlv(swv, Soort.VSO, 2, van=datetime.date(2024, 8, 1), tot=VO_TELDATUM - DAG)  # no
    tlv(swv, Soort.VSO, 2, van=VO_TELDATUM + DAG)  # no: after 1 October 2025
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    berekenen(begroting, actor)
    post = afdrachten(begroting)[(Postsoort.AFDRACHT_VSO, 2)]
    assert post.grondslag["teldatum"] == "2025-10-01"
    assert post.grondslag["aantal"] == 1
    assert post.bedrag == Decimal("17800.00")


def test_jaar_zonder_normbedragen_gebruikt_het_vorige_jaar():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    tlv(swv, Soort.SBO, van=datetime.date(2026, 8, 1), tot=datetime.date(2028, 7, 31))
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2028)
    berekenen(begroting, actor)
    post = afdrachten(begroting)[(Postsoort.AFDRACHT_SBO, None)]
    assert post.grondslag["normjaar"] == 2026
    assert post.bedrag == Decimal("5200.00")


@override_settings()
def test_zonder_normbedragen_een_duidelijke_fout_en_niets_gewijzigd(settings):
    settings.PASSEND = {**settings.PASSEND, "MIDDELEN_NORMBEDRAGEN": {"2030": {"sbo": 1}}}
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    BegrotingspostFactory(begroting=begroting, soort=Postsoort.AFDRACHT_SBO, berekend=True)
    with pytest.raises(ValidationError) as fout:
        berekenen(begroting, actor)
    assert "geen normbedragen" in fout.value.message_dict["normbedragen"][0]
    assert begroting.posten.count() == 1
    begroting.refresh_from_db()
    assert begroting.revisie == 1


def test_toewijzing_per_lidvestiging_met_laatste_telling():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    lid = VestigingFactory(naam="De Regenboog")
    SwvLidmaatschapFactory(vestiging=lid, samenwerkingsverband=swv)
    LeerlingtellingFactory(vestiging=lid, teldatum=datetime.date(2023, 10, 1), aantal=150)
    LeerlingtellingFactory(vestiging=lid, teldatum=datetime.date(2024, 10, 1), aantal=180)
    LeerlingtellingFactory(vestiging=lid, teldatum=datetime.date(2025, 10, 1), aantal=999)
    oud = VestigingFactory(naam="Vertrokken school")
    SwvLidmaatschapFactory(vestiging=oud, samenwerkingsverband=swv, tot=datetime.date(2025, 1, 31))
    LeerlingtellingFactory(vestiging=oud, aantal=100)
    begroting = BegrotingFactory(
        samenwerkingsverband=swv, jaar=2026, bedrag_per_leerling=Decimal("125.50")
    )
    berekenen(begroting, actor)
    posten = list(begroting.posten.filter(soort=Postsoort.TOEWIJZING_SCHOLEN))
    assert len(posten) == 1
    assert posten[0].vestiging == lid
    assert posten[0].bedrag == Decimal("22590.00")  # 180 × 125,50
    assert posten[0].grondslag == {
        "teldatum": "2024-10-01",
        "aantal": 180,
        "bedrag_per_leerling": "125.50",
    }


def test_geen_toewijzing_zonder_bedrag_per_leerling():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    lid = VestigingFactory()
    SwvLidmaatschapFactory(vestiging=lid, samenwerkingsverband=swv)
    LeerlingtellingFactory(vestiging=lid)
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    berekenen(begroting, controller(swv))
    assert not begroting.posten.filter(soort=Postsoort.TOEWIJZING_SCHOLEN).exists()


def test_pro_rata_op_dagen_in_het_jaar():
    # 1 Nov 2025 – 28 Feb 2026: 120 days, 59 of them in 2026.
    assert pro_rata(
        Decimal("1200.00"), datetime.date(2025, 11, 1), datetime.date(2026, 2, 28), 2026
    ) == Decimal("590.00")
    assert pro_rata(
        Decimal("1200.00"), datetime.date(2025, 11, 1), datetime.date(2026, 2, 28), 2025
    ) == Decimal("610.00")
    assert pro_rata(
        Decimal("100.00"), datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), 2026
    ) == Decimal("100.00")
    assert pro_rata(
        Decimal("100.00"), datetime.date(2027, 1, 1), datetime.date(2027, 3, 1), 2026
    ) == Decimal("0.00")


def test_arrangementen_naar_rato_in_een_post():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    AanvraagFactory(
        besloten=True,
        samenwerkingsverband=swv,
        van=datetime.date(2025, 11, 1),
        tot=datetime.date(2026, 2, 28),
        bedrag=Decimal("1200.00"),
        toegekend_bedrag=Decimal("1200.00"),
        toegekend_van=datetime.date(2025, 11, 1),
        toegekend_tot=datetime.date(2026, 2, 28),
    )
    AanvraagFactory(
        besloten=True,
        samenwerkingsverband=swv,
        van=datetime.date(2026, 3, 1),
        tot=datetime.date(2026, 6, 30),
        toegekend_bedrag=Decimal("2500.00"),
        toegekend_van=datetime.date(2026, 3, 1),
        toegekend_tot=datetime.date(2026, 6, 30),
    )
    AanvraagFactory(compleet=True, samenwerkingsverband=swv)  # not decided
    AanvraagFactory(besloten=True)  # another SWV
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    berekenen(begroting, actor)
    post = begroting.posten.get(soort=Postsoort.ARRANGEMENTEN)
    assert post.bedrag == Decimal("3090.00")  # 590 + 2500
    assert post.grondslag == {"aantal": 2, "van": "2026-01-01", "tot": "2026-12-31"}


def test_een_toegangslogregel_met_de_getelde_leerlingen():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    eerste, tweede = tlv(swv), tlv(swv, Soort.SBO)
    tlv(swv, van=PO_TELDATUM + DAG)  # not counted
    arrangement = AanvraagFactory(
        besloten=True,
        samenwerkingsverband=swv,
        toegekend_van=datetime.date(2026, 1, 1),
        toegekend_tot=datetime.date(2026, 2, 28),
        van=datetime.date(2026, 1, 1),
        tot=datetime.date(2026, 2, 28),
    )
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    voor = Toegangsregel.objects.count()
    berekenen(begroting, actor)
    regels = list(Toegangsregel.objects.order_by("-id")[: Toegangsregel.objects.count() - voor])
    assert len(regels) == 1
    regel = regels[0]
    assert regel.object_type == "middelen.begroting"
    assert regel.object_id == str(begroting.pk)
    assert set(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == {
        eerste.leerling.sleutel,
        tweede.leerling.sleutel,
        arrangement.leerling.sleutel,
    }


def test_opnieuw_berekenen_vervangt_en_laat_ingevoerde_posten_staan():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    tlv(swv)
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    BegrotingspostFactory(begroting=begroting, soort=Postsoort.STEUNPUNT, bedrag=Decimal("5"))
    berekenen(begroting, actor)
    tlv(swv)
    berekenen(begroting, actor)
    assert begroting.posten.filter(soort=Postsoort.AFDRACHT_SO).count() == 1
    assert begroting.posten.get(soort=Postsoort.AFDRACHT_SO).grondslag["aantal"] == 2
    assert begroting.posten.filter(soort=Postsoort.STEUNPUNT).count() == 1


def test_verouderde_revisie_wordt_geweigerd():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    actor = controller(swv)
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026, revisie=3)
    with pytest.raises(Conflict) as fout:
        berekende_posten_bijwerken(actor=actor, begroting=begroting, revisie=2, route="")
    assert fout.value.code == "revisie"
