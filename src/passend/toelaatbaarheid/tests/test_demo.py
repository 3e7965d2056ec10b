"""The demo TLVs: built through the services into a small demo region, in every state."""

import io

import pytest
from django.urls import reverse

from passend.accounts.models import Rol
from passend.core.kalender import schooljaar_grenzen, schooljaar_van
from passend.core.tests.scenario import client_voor
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.regio import SWV_PO
from passend.organisaties.models import Samenwerkingsverband
from passend.toelaatbaarheid.models import (
    AanvullendAntwoord,
    AanvullendeVraag,
    BeslissingOpBezwaar,
    Bezwaar,
    Deskundige,
    Toelaatbaarheidsverklaring,
)
from passend.toelaatbaarheid.rules import Status
from passend.toelaatbaarheid.selectors import tlv_cijfers

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """The demo region as ``manage.py demo`` builds it, the TLVs included."""
    uit = io.StringIO()
    # 1,000 pupils: enough at De Zonnebloem without an OPP.
    resultaat = bouw_demo_regio(seed=2026, aantal_leerlingen=1000, stdout=uit)
    return resultaat.aantallen["toelaatbaarheidsverklaringen"], uit.getvalue().splitlines()


def _historische_tlvs():
    """TLVs of the monitor's history of earlier years (former pupils; tested on their own)."""
    from passend.demo.bouwer.monitor import voormalige_leerlingen

    return Toelaatbaarheidsverklaring.objects.filter(leerling__in=voormalige_leerlingen())


def _tlvs():
    """The demo's own TLVs."""
    from passend.demo.bouwer.monitor import voormalige_leerlingen

    return Toelaatbaarheidsverklaring.objects.exclude(leerling__in=voormalige_leerlingen())


def test_demo_heeft_tlvs_in_elke_status_met_grensverkeer_en_aflopend(demo):
    aantal, meldingen = demo
    assert aantal == _tlvs().count() == 10
    assert any(
        "10 toelaatbaarheidsverklaringen (TLV) en 5 deskundigen opgeslagen" in m for m in meldingen
    )
    statussen = set(_tlvs().values_list("status", flat=True))
    assert statussen == {
        Status.INGEDIEND,
        Status.COMPLEET,
        Status.TOEGEKEND,
        Status.AFGEWEZEN,
        Status.INGETROKKEN,
    }
    ingetrokken = _tlvs().get(status=Status.INGETROKKEN)
    assert ingetrokken.ingetrokken_op is not None and ingetrokken.reden_intrekking
    assert _tlvs().filter(grensverkeer=True, status=Status.TOEGEKEND).count() == 1
    assert _tlvs().filter(vorige__isnull=False).count() == 1
    assert Bezwaar.objects.filter(uitkomst="ongegrond").count() == 1
    assert Bezwaar.objects.filter(uitkomst="", adviesaanvraag_op__isnull=True).count() == 1
    assert Deskundige.objects.filter(gebruiker__username="deskundige.po").exists()


def test_demo_heeft_aanvullende_vragen_en_een_beslissing_op_bezwaar(demo):
    assert AanvullendeVraag.objects.count() == 2
    assert AanvullendeVraag.objects.filter(verplicht=True).count() == 1
    beantwoord = _tlvs().filter(antwoorden__isnull=False).distinct()
    assert beantwoord.count() >= 1
    assert AanvullendAntwoord.objects.filter(vraagtekst__startswith="Welke scholen").exists()
    # The just-submitted request still waits for its answers.
    assert (
        _tlvs()
        .filter(status=Status.INGEDIEND, vorige__isnull=True, antwoorden__isnull=True)
        .exists()
    )
    beslissing = BeslissingOpBezwaar.objects.select_related("tlv", "bezwaar").get()
    assert beslissing.bezwaar.uitkomst == "gegrond"
    assert beslissing.oorspronkelijke_schoolsoort == "sbo"
    assert (beslissing.tlv.schoolsoort, beslissing.tlv.bekostigingscategorie) == ("so", 1)


def test_demo_rapportcijfers_en_paginas(demo):
    po = Samenwerkingsverband.objects.get(code=SWV_PO.code)
    from django.utils import timezone

    van, tot = schooljaar_grenzen(schooljaar_van(timezone.localdate()))
    van = van.replace(year=van.year - 1)
    cijfers = tlv_cijfers(samenwerkingsverband=po, van=van, tot=tot)
    # The demo's own decisions, plus those of the monitor's history in the same window.
    historie = _historische_tlvs().filter(besluit_op__gte=van, besluit_op__lte=tot)
    eigen = historie.filter(verantwoordelijk_swv=po)
    assert cijfers["aantal_toegekend"] == 5 + eigen.filter(status=Status.TOEGEKEND).count()
    assert cijfers["aantal_afgewezen"] == 1 + eigen.filter(status=Status.AFGEWEZEN).count()
    assert (
        cijfers["grensverkeer"]["inkomend"]
        == 1
        + historie.filter(grensverkeer=True, status=Status.TOEGEKEND, school_swv=po)
        .exclude(woonregio_swv=po)
        .count()
    )
    assert cijfers["behandelduur"]["totaal"]["gemiddelde"] is not None
    for gebruiker, url in (
        ("loket.po", reverse("toelaatbaarheid:overzicht")),
        ("loket.po", reverse("toelaatbaarheid:eindigt-binnenkort")),
        ("directeur.po", reverse("toelaatbaarheid:rapportage")),
        ("ib.dezonnebloem", reverse("toelaatbaarheid:overzicht")),
    ):
        rol = Rol.objects.filter(gebruiker__username=gebruiker).first()
        assert client_voor(rol).get(url).status_code == 200, (gebruiker, url)
