"""The demo region's verzuim cases, disagreements, Veilig Thuis reports and steunpunt
contacts (``bouwer.verzuim_en_geschillen``)."""

from datetime import timedelta

import pytest
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from passend.core.models import Toegangsregel
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.inlogplan import LEERPLICHTAMBTENAAR
from passend.demo.bouwer.monitor import voormalige_leerlingen
from passend.demo.bouwer.regio import SWV_PO, SWV_VO
from passend.demo.bouwer.verzuim_en_geschillen import demo_verzuim_en_geschillen_opslaan
from passend.geschillen.models import Onenigheid, Stap, VeiligThuisMelding
from passend.geschillen.rules import Onderwerp, Stapsoort, Status
from passend.geschillen.selectors.veilig_thuis import aantallen
from passend.ondersteuning.models import Instemming
from passend.ondersteuning.rules import Besluit
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap
from passend.steunpunt.models import Contact
from passend.verzuim.models import Actiepunt, Doorbraakplan, Partner, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Verzuimsoort

pytestmark = pytest.mark.django_db

KLEIN = 2500


@pytest.fixture
def figuren():
    """The demo region with this step (``bouw_demo_regio`` calls it last) and its figures."""
    return bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN).aantallen, []


def _huidig(queryset):
    """This step's cases: the monitor's history (former pupils, ``bouwer.monitor``) aside."""
    return queryset.exclude(leerling__in=voormalige_leerlingen())


def test_verzuim(figuren) -> None:
    aantal, _ = figuren
    vandaag = timezone.localdate()
    meldingen = list(_huidig(Verzuimmelding.objects.select_related("samenwerkingsverband")))
    assert len(meldingen) == aantal["verzuimmeldingen"]
    assert 22 <= len(meldingen) <= 28
    assert {m.samenwerkingsverband.code for m in meldingen} == {SWV_PO.code, SWV_VO.code}
    soorten = {m.soort for m in meldingen}
    assert soorten == {Verzuimsoort.ABSOLUUT, Verzuimsoort.RELATIEF, Verzuimsoort.VRIJSTELLING_5A}
    # Spread over the last two school years; some long ago (langdurig when running).
    assert min(m.sinds for m in meldingen) < vandaag - timedelta(days=365)
    assert max(m.sinds for m in meldingen) > vandaag - timedelta(days=200)
    beeindigd = [m for m in meldingen if m.einde is not None]
    assert len(beeindigd) == aantal["verzuim_beeindigd"] >= 5
    assert all(m.uitkomst and m.duur_weken is not None for m in beeindigd)
    lopend = [m for m in meldingen if m.einde is None]
    assert any(m.soort == Verzuimsoort.RELATIEF and (vandaag - m.sinds).days > 28 for m in lopend)
    # Partners: the leerplichtambtenaar of gemeente 9901 in many cases, jeugdhulp in some.
    assert (
        Partner.objects.filter(
            soort=Partnersoort.LEERPLICHT, gebruiker__username=LEERPLICHTAMBTENAAR
        ).count()
        >= 8
    )
    assert Partner.objects.filter(soort=Partnersoort.JEUGDHULP).exists()
    assert Actiepunt.objects.count() == aantal["actiepunten"] >= len(lopend)
    assert Doorbraakplan.objects.count() == 2
    assert Verzuimmelding.objects.filter(onderwijsconsulent_op__isnull=False).count() == 3
    # The history's cases are all closed.
    assert not Verzuimmelding.objects.filter(
        leerling__in=voormalige_leerlingen(), einde__isnull=True
    ).exists()


def test_onenigheden_en_veilig_thuis(figuren) -> None:
    aantal, _ = figuren
    onenigheden = list(_huidig(Onenigheid.objects.all()))
    assert len(onenigheden) == aantal["onenigheden"] == 8
    assert {o.status for o in onenigheden} == {Status.OPEN, Status.OPGELOST, Status.GESLOTEN}
    gpo = _huidig(Onenigheid.objects).get(onderwerp=Onderwerp.VERWIJDERING)
    assert gpo.commissie_ingediend_op is not None and gpo.bestuur_antwoord_op is not None
    assert gpo.besluit_op < gpo.commissie_ingediend_op
    assert Stap.objects.filter(
        onenigheid=gpo, routestap__soort=Stapsoort.GESCHILLENCOMMISSIE
    ).exists()
    over_opp = _huidig(Onenigheid.objects).get(onderwerp=Onderwerp.OPP)
    assert Instemming.objects.filter(opp=over_opp.opp, besluit=Besluit.GEWEIGERD).exists()
    # Some reached the SWV (the SWV sees those).
    assert _huidig(Onenigheid.objects.filter(swv_betrokken_sinds__isnull=False)).count() >= 3

    meldingen = list(_huidig(VeiligThuisMelding.objects.all()))
    assert len(meldingen) == aantal["veilig_thuis_meldingen"] == 3
    tijdens = [m for m in meldingen if m.open_onenigheid_id]
    assert len(tijdens) == 1 and tijdens[0].bevestiging_signalen
    swv = Samenwerkingsverband.objects.get(code=SWV_PO.code)
    vandaag = timezone.localdate()
    van = vandaag - timedelta(days=400)
    # The monitor's history (closed before the demo's school year) may fall in the window.
    lid = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("vestiging"), samenwerkingsverband=swv, van__lte=OuterRef("gemeld_op")
    ).filter(Q(tot__isnull=True) | Q(tot__gte=OuterRef("gemeld_op")))
    historie = VeiligThuisMelding.objects.filter(
        Exists(lid), leerling__in=voormalige_leerlingen(), gemeld_op__range=(van, vandaag)
    )
    assert aantallen(samenwerkingsverband=swv, van=van, tot=vandaag) == {
        "totaal": 3 + historie.count(),
        "tijdens_onenigheid": 1 + historie.filter(open_onenigheid__isnull=False).count(),
    }


def test_steunpunt(figuren) -> None:
    aantal, _ = figuren
    contacten = Contact.objects.all()
    assert contacten.count() == aantal["steunpuntcontacten"] >= 20
    assert not contacten.filter(leerling__isnull=False).exists()
    assert contacten.exclude(signaal="").count() >= 10


def test_via_de_services_gelogd(figuren) -> None:
    assert (
        Toegangsregel.objects.filter(route="demo", object_type="veilig-thuis-melding").count() == 3
    )


def test_idempotent_en_deterministisch(figuren) -> None:
    aantal, _ = figuren
    voor = Verzuimmelding.objects.count()
    meldingen: list[str] = []
    assert demo_verzuim_en_geschillen_opslaan(meldingen.append) == {}
    assert Verzuimmelding.objects.count() == voor
    assert meldingen == ["  verzuim, onenigheden en steunpunt waren er al"]
    assert aantal["doorbraakplannen"] == 2 and aantal["onderwijsconsulenten"] == 3
