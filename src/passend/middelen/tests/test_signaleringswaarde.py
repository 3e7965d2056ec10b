"""The signaleringswaarde bovenmatig eigen vermogen = max(3.5 % of total income, € 250,000),
rounded half up to the cent; an explanation is needed only above it."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.middelen.rules import Begrotingsstatus, Postsoort, bovenmatig_eigen_vermogen
from passend.middelen.rules import signaleringswaarde as waarde
from passend.middelen.selectors.begroting import overzicht
from passend.middelen.services.begroting import begroting_vaststellen
from passend.middelen.tests.factories import BegrotingFactory, BegrotingspostFactory

D = Decimal


@pytest.mark.parametrize(
    ("baten", "verwacht"),
    [
        (D("0.00"), D("250000.00")),
        (D("7142857.14"), D("250000.00")),  # 249,999.9999 → 250,000.00 (half up)
        (D("7142857.13"), D("250000.00")),  # 249,999.99955 → 250,000.00: the minimum anyway
        (D("7142857.00"), D("250000.00")),  # 249,999.995 → the minimum
        (D("7142857.15"), D("250000.00")),  # 250,000.00025
        (D("7142857.43"), D("250000.01")),  # 250,000.01005
        (D("7142857.29"), D("250000.01")),  # 250,000.00515 → half up
        (D("7142857.28"), D("250000.00")),  # 250,000.0048 → down
        (D("10000000.00"), D("350000.00")),
    ],
)
def test_signaleringswaarde(baten, verwacht):
    assert waarde(baten) == verwacht


def test_net_onder_het_minimum_geldt_het_minimum():
    # 3.5 % of 7,142,856.86 is 249,999.9901 → 249,999.99; the minimum applies.
    assert (D("7142856.86") * D("3.5") / 100).quantize(D("0.01")) == D("249999.99")
    assert waarde(D("7142856.86")) == D("250000.00")


@pytest.mark.parametrize(
    ("eigen_vermogen", "bovenmatig"),
    [
        (D("250000.00"), D("0.00")),
        (D("250000.01"), D("0.01")),
        (D("249999.99"), D("0.00")),
        (D("0.00"), D("0.00")),
    ],
)
def test_precies_op_en_een_cent_boven_de_waarde(eigen_vermogen, bovenmatig):
    assert bovenmatig_eigen_vermogen(eigen_vermogen, D("1000000.00")) == bovenmatig


def controller(swv):
    rol = RolFactory(rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER, samenwerkingsverband=swv)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("eigen_vermogen", "toelichting", "geweigerd"),
    [
        (D("250000.00"), "", False),  # exactly at the value: no explanation needed
        (D("250000.01"), "", True),  # one cent above: explanation required
        (D("250000.01"), "Gereserveerd voor de nieuwe steunpuntlocatie.", False),
    ],
)
def test_vaststellen_vraagt_toelichting_alleen_boven_de_waarde(
    eigen_vermogen, toelichting, geweigerd
):
    begroting = BegrotingFactory(eigen_vermogen=eigen_vermogen, toelichting_reserve=toelichting)
    BegrotingspostFactory(
        begroting=begroting, soort=Postsoort.LICHTE_ONDERSTEUNING, bedrag=D("7142857.14")
    )
    actor = controller(begroting.samenwerkingsverband)
    ov = overzicht(begroting)
    assert ov.signaleringswaarde == D("250000.00")
    assert ov.toelichting_ontbreekt is geweigerd
    if geweigerd:
        with pytest.raises(ValidationError) as fout:
            begroting_vaststellen(
                actor=actor, begroting=begroting, revisie=1, datum=datetime.date(2025, 12, 15)
            )
        assert list(fout.value.message_dict) == ["toelichting_reserve"]
        begroting.refresh_from_db()
        assert begroting.status == Begrotingsstatus.CONCEPT
    else:
        begroting_vaststellen(
            actor=actor, begroting=begroting, revisie=1, datum=datetime.date(2025, 12, 15)
        )
        begroting.refresh_from_db()
        assert begroting.status == Begrotingsstatus.VASTGESTELD
        assert begroting.vastgesteld_door == actor.gebruiker
