"""The demo requests: built through the services into a small demo region, in every state,
with dates counted back from today."""

import pytest
from django.db.models import Count

from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Besluit, Status
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.arrangementen import GEVALLEN
from passend.leerlingen.models import Betrokkenheid
from passend.ondersteuning.rules import Status as OppStatus


@pytest.fixture
def demo(db):
    """The demo region as ``manage.py demo`` builds it (the requests included)."""
    return bouw_demo_regio(seed=2026, aantal_leerlingen=300).aantallen["arrangementaanvragen"]


def _aanvragen():
    """The demo's own requests: the monitor's history of earlier years has its own tests."""
    from passend.demo.bouwer.monitor import voormalige_leerlingen

    return Arrangementaanvraag.objects.exclude(leerling__in=voormalige_leerlingen())


def test_demo_heeft_aanvragen_in_elke_status(demo):
    assert demo == len(GEVALLEN) == _aanvragen().count()
    per_status = dict(_aanvragen().values_list("status").annotate(n=Count("id")).order_by())
    assert set(per_status) == set(Status.values)
    besluiten = set(_aanvragen().filter(status=Status.BESLOTEN).values_list("besluit", flat=True))
    assert besluiten == set(Besluit.values)
    assert {a.samenwerkingsverband.code for a in _aanvragen().all()} == {
        "PO2899",
        "VO2899",
    }


def test_demo_aanvragen_steunen_op_vastgestelde_opps_en_hebben_een_geschiedenis(demo):
    for aanvraag in _aanvragen().select_related("opp", "leerling"):
        assert aanvraag.opp.status == OppStatus.VASTGESTELD
        assert aanvraag.opp.vastgesteld_op < aanvraag.ingediend_op
        data = [s.datum for s in aanvraag.statuswijzigingen.order_by("tijdstip", "id")]
        assert data == sorted(data)
        assert data[0] == aanvraag.ingediend_op
        assert Betrokkenheid.objects.filter(
            leerling=aanvraag.leerling,
            samenwerkingsverband=aanvraag.samenwerkingsverband,
            grond=f"aanvraag arrangement {aanvraag.kenmerk}",
        ).exists()
    aangevuld = _aanvragen().exclude(opnieuw_ingediend_op=None).get()
    assert aangevuld.besluit == Besluit.DEELS
    assert aangevuld.statuswijzigingen.count() == 5


def test_een_ouder_met_login_ziet_een_aanvraag_van_het_kind(demo):
    assert _aanvragen().filter(leerling__ouderschappen__ouder__rollen__rolsoort="ouder").exists()
