"""The regional monitor's demo data (``bouwer.monitor``): tellingen, OPP areas, four earlier
school years of cases, the current demand and supply, the monitor log-ins, and the two
dekkend netwerk analyses (``bouwer.netwerk``)."""

from datetime import date

import pytest
from django.db.models import F

from passend.aanbod.models import Gebiedsaanbod, Ondersteuningsgebied, Wachtlijststand
from passend.accounts.rules import Rolsoort
from passend.arrangementen.models import Arrangementaanvraag
from passend.core.perioden import actief_op
from passend.demo import bouwer
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.aanbod import demo_vestigingen
from passend.demo.bouwer.monitor import (
    EXTRA_GEBIEDEN,
    LOPEND_OPP,
    SPECIAAL_AANBOD,
    TLV_GEBIEDEN,
    demo_monitor_opslaan,
)
from passend.demo.bouwer.regio import PEILDATUM, SWV_PO
from passend.geschillen.models import Onenigheid, VeiligThuisMelding
from passend.geschillen.rules import Status as OnenigheidStatus
from passend.leerlingen.models import Inschrijving
from passend.monitor.bench_kpi import SPECIAAL
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.models import Leerlingtelling, Samenwerkingsverband
from passend.organisaties.rules import Soort
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status as TlvStatus
from passend.verzuim.models import Verzuimmelding
from passend.zorgplicht.models import Aanmelding

KLEIN = 300
EINDE = date(2026, 7, 31)


@pytest.fixture
def demo(db, monkeypatch):
    """The region without the monitor's steps, then the monitor step alone."""
    monkeypatch.setattr(bouwer, "demo_monitor_opslaan", lambda meld: {})
    monkeypatch.setattr(bouwer, "demo_netwerkanalyses_opslaan", lambda meld: {})
    resultaat = bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN)
    meldingen: list[str] = []
    aantallen = demo_monitor_opslaan(meldingen.append)
    return resultaat, aantallen, meldingen


@pytest.fixture
def gebouwd(db):
    """The region as ``manage.py demo`` builds it (the builder runs both monitor steps)."""
    return bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN)


def test_monitor_inloggers_staan_in_de_demo(demo):
    resultaat, *_ = demo
    rollen = {r.gebruikersnaam: r.rol for r in resultaat.inloggegevens}
    assert rollen["toezicht.po"] == Rolsoort.TOEZICHTHOUDER
    assert rollen["opr.po"] == Rolsoort.OPR_LID
    assert rollen["ministerie"] == Rolsoort.MINISTERIE


def test_tellingen_eindigen_bij_het_leerlingenaantal(demo):
    _r, aantallen, _m = demo
    vestigingen = demo_vestigingen()
    assert aantallen["monitor_leerlingtellingen"] == 5 * len(vestigingen)
    for vestiging in vestigingen:
        tellingen = list(
            Leerlingtelling.objects.filter(vestiging=vestiging).values_list("teldatum", "aantal")
        )
        assert [d for d, _a in tellingen] == [date(j, 10, 1) for j in range(2022, 2027)]
        assert tellingen[-1][1] == (vestiging.leerlingenaantal or tellingen[-1][1])
        assert all(abs(a - tellingen[-1][1]) <= 0.13 * tellingen[-1][1] + 1 for _d, a in tellingen)


def test_elk_opp_heeft_een_gebied_en_de_spreiding_is_breed(demo):
    assert not Ontwikkelingsperspectief.objects.filter(ondersteuningsgebied__isnull=True).exists()
    gebieden = set(Ontwikkelingsperspectief.objects.values_list("ondersteuningsgebied", flat=True))
    assert len(gebieden) >= 6


def test_vier_eerdere_schooljaren_met_zaken(demo):
    _r, aantallen, meldingen = demo
    assert meldingen and meldingen[0].startswith("  monitor:")
    for jaar in (2022, 2023, 2024, 2025):
        van, tot = date(jaar, 8, 1), date(jaar + 1, 7, 31)
        toegekend = Toelaatbaarheidsverklaring.objects.filter(
            status=TlvStatus.TOEGEKEND, besluit_op__range=(van, tot)
        )
        assert toegekend.filter(schoolsoort="sbo").exists()
        assert toegekend.filter(schoolsoort="so").exists()
        assert toegekend.filter(schoolsoort="vso").exists()
        assert Arrangementaanvraag.objects.filter(
            besloten_op__range=(van, tot), besluit__in=["toegekend", "deels"]
        ).exists()
        assert Verzuimmelding.objects.filter(sinds__range=(van, tot)).exists()
    assert Toelaatbaarheidsverklaring.objects.filter(bekostigingscategorie=3).exists()
    assert Toelaatbaarheidsverklaring.objects.filter(grensverkeer=True).exists()
    # Thuiszitters: relatief verzuim of more than four weeks, or absoluut verzuim.
    assert (
        Verzuimmelding.objects.filter(
            soort="relatief", einde__gt=F("sinds") + 28, sinds__lt=date(2026, 8, 1)
        ).exists()
        or Verzuimmelding.objects.filter(soort="absoluut").exists()
    )
    # Some zorgplicht terms were exceeded.
    assert Aanmelding.objects.filter(uitkomst_op__gt=F("beslissen_uiterlijk")).exists()
    # Waiting lists of earlier years, and a Veilig Thuis report during a disagreement.
    assert Wachtlijststand.objects.filter(peildatum__lt=date(2024, 8, 1)).exists()
    assert VeiligThuisMelding.objects.filter(open_onenigheid__isnull=False).exists()
    assert aantallen["monitor_toelaatbaarheidsverklaringen"] > 0


def test_historie_is_afgesloten_voor_het_demojaar(demo):
    historisch = Ontwikkelingsperspectief.objects.filter(onderbouwing__startswith="Synthetisch")
    assert historisch.exists()
    assert not historisch.exclude(status=OppStatus.BEEINDIGD).exists()
    assert not historisch.filter(einddatum__gt=EINDE).exists()
    synthetisch = Verzuimmelding.objects.filter(toelichting="Synthetische melding (monitor).")
    assert synthetisch.exists()
    assert not synthetisch.filter(einde__isnull=True).exists()
    assert not Onenigheid.objects.filter(
        omschrijving__startswith="Synthetische", status=OnenigheidStatus.OPEN
    ).exists()
    assert not Aanmelding.objects.filter(
        leerling__ontwikkelingsperspectieven__onderbouwing__startswith="Synthetisch", uitkomst=""
    ).exists()
    for rij in Toelaatbaarheidsverklaring.objects.order_by("pk")[:30]:
        rij.full_clean()


def test_speciale_locaties_hebben_plaatsen_in_twee_gebieden(demo):
    for vestiging in demo_vestigingen():
        if vestiging.soort not in SPECIAAL:
            continue
        met_plaatsen = Gebiedsaanbod.objects.filter(
            aanbod__vestiging=vestiging, aanbod__openbaar=True, capaciteit__gt=0
        ).count()
        assert met_plaatsen >= 2, vestiging


def test_tweede_keer_schrijft_niets(demo):
    meldingen: list[str] = []
    assert demo_monitor_opslaan(meldingen.append) == {}
    assert meldingen == ["  monitorgegevens waren er al"]


def test_lopende_opps_op_reguliere_scholen(demo):
    """The demand for extra support: a few percent of the pupils at regular PO schools have a
    running, vastgesteld OPP with an area, and their parents agreed (on paper)."""
    _r, aantallen, _m = demo
    bao = Inschrijving.objects.filter(actief_op(PEILDATUM), vestiging__soort=Soort.BAO)
    lopend = Ontwikkelingsperspectief.objects.filter(onderbouwing=LOPEND_OPP)
    assert lopend.count() == aantallen["monitor_lopende_opps"]
    assert 0.02 * bao.count() <= lopend.count() <= 0.04 * bao.count()
    for opp in lopend.select_related("ondersteuningsgebied"):
        assert opp.status == OppStatus.VASTGESTELD and opp.einddatum is None
        assert opp.vastgesteld_op <= PEILDATUM
        assert opp.ondersteuningsgebied.code in EXTRA_GEBIEDEN
        assert bao.filter(leerling=opp.leerling_id, vestiging=opp.vestiging_id).exists()
        assert opp.instemmingen.filter(besluit="gegeven").exists()
        opp.full_clean()


def test_tlv_leerlingen_hebben_gebieden_van_het_speciaal_onderwijs(demo):
    tlvs = Toelaatbaarheidsverklaring.objects.select_related("opp__ondersteuningsgebied")
    assert tlvs.count() > 100
    for tlv in tlvs:
        assert tlv.opp.ondersteuningsgebied.code in TLV_GEBIEDEN[tlv.soort], tlv.pk
    # Reading, dyslexia and giftedness are supported in regular schools.
    assert not tlvs.filter(
        opp__ondersteuningsgebied__code__in=["lezen-spellen-dyslexie", "hoogbegaafdheid"]
    ).exists()


def test_speciale_plaatsen_volgen_de_verdeling_en_regulier_blijft_zonder_plaatsen(demo):
    codes = dict(Ondersteuningsgebied.objects.values_list("pk", "code"))
    for vestiging in demo_vestigingen():
        rijen = Gebiedsaanbod.objects.filter(aanbod__vestiging=vestiging, aanbod__openbaar=True)
        met_plaatsen = {codes[r.gebied_id] for r in rijen if r.capaciteit}
        if vestiging.soort in SPECIAAL_AANBOD:
            assert met_plaatsen == set(SPECIAAL_AANBOD[vestiging.soort]), vestiging
            assert all(r.basisondersteuning and r.expertise for r in rijen)
        else:
            # Regular schools state no places: the analysis uses a % of their pupils.
            assert met_plaatsen == set(), vestiging
            if vestiging.soort == Soort.BAO:
                assert rijen.exclude(extra_ondersteuning="").exists(), vestiging


def test_netwerkanalyses_plaatsen_bijna_iedereen_en_het_wat_als_dicht_het_gat(gebouwd):
    """The current situation places most of the demand; the gap is so places for
    gedrag-sociaal-emotioneel; the what-if adds exactly those places and places everyone."""
    swv = Samenwerkingsverband.objects.get(code=SWV_PO.code)
    analyses = list(Netwerkanalyse.objects.filter(samenwerkingsverband=swv).order_by("pk"))
    assert gebouwd.aantallen["netwerkanalyses"] == len(analyses) == 2
    basis, wat_als = analyses
    assert basis.naam == "Huidige situatie" and basis.basis is None and not basis.wijzigingen
    assert basis.status == wat_als.status == Analysestatus.KLAAR
    uitkomst = basis.resultaat
    assert uitkomst["bewezen_optimaal"]
    per_niveau = {r["niveau"]: r for r in uitkomst["per_niveau"]}
    assert 45 <= per_niveau["sbo"]["vraag"] <= 65
    assert 35 <= per_niveau["so"]["vraag"] <= 50
    assert 3 <= per_niveau["extra"]["vraag"] < per_niveau["extra"]["capaciteit"]
    assert per_niveau["sbo"]["niet_geplaatst"] == per_niveau["extra"]["niet_geplaatst"] == 0
    assert 4 <= per_niveau["so"]["niet_geplaatst"] <= 15
    assert uitkomst["aantal_geplaatst"] >= 0.9 * uitkomst["aantal_vraag"]
    assert {(r["niveau"], r["gebied"]) for r in uitkomst["niet_geplaatst"]} == {
        ("so", "gedrag-sociaal-emotioneel")
    }
    # Every area with demand has places somewhere.
    assert all(r["capaciteit"] >= r["vraag"] for r in uitkomst["per_gebied"])

    assert wat_als.basis == basis
    assert wat_als.naam.startswith("Wat als ") and "erbij krijgt" in wat_als.naam
    [wijziging] = wat_als.wijzigingen
    assert (wijziging["soort"], wijziging["niveau"], wijziging["gebied"]) == (
        "capaciteit",
        "so",
        "gedrag-sociaal-emotioneel",
    )
    anders = wat_als.resultaat
    assert anders["aantal_vraag"] == uitkomst["aantal_vraag"]
    assert anders["aantal_niet_geplaatst"] == 0 < uitkomst["aantal_niet_geplaatst"]
    assert anders["doelwaarde_m"] != uitkomst["doelwaarde_m"]
