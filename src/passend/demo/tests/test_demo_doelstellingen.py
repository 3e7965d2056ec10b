"""The doelstellingenmonitor's demo data (``bouwer.doelstellingen``): five waves of the PO
SWV with questionnaires for every group, synthetic responses and invitations, and three
codes a person can try; the ministry's two national waves answered in the PO and VO SWVs."""

from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.demo import bouwer
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.doelstellingen import (
    LANDELIJK_RESPONDENTEN_PO,
    LANDELIJK_RESPONDENTEN_VO,
    LANDELIJKE_GROEPEN,
    PROBEERCODES,
    RESPONDENTEN,
    demo_doelstellingen_opslaan,
)
from passend.demo.bouwer.regio import SWV_PO, SWV_VO
from passend.doelstellingen.models import Antwoord, Meting, Respons, Uitnodiging, Vraag
from passend.doelstellingen.rules import SCHOOLGROEPEN, Metingstatus, Respondentgroep, code_hash
from passend.doelstellingen.selectors.resultaten import analyse
from passend.doelstellingen.services.invullen import uitnodiging_voor_code
from passend.doelstellingen.vragenbank import vragen_voor
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap

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
            aantallen = demo_doelstellingen_opslaan(meldingen.append)
            yield aantallen, meldingen
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def metingen(demo, db):
    return {m.jaar: m for m in Meting.objects.filter(samenwerkingsverband__code=SWV_PO.code)}


def test_vier_gesloten_metingen_met_nulmeting_en_een_lopende(metingen):
    assert sorted(metingen) == [2022, 2023, 2024, 2025, 2026]
    assert [j for j, m in metingen.items() if m.is_nulmeting] == [2022]
    for jaar in (2022, 2023, 2024, 2025):
        assert metingen[jaar].status == Metingstatus.GESLOTEN
        assert metingen[jaar].gesloten_op is not None
    lopend = metingen[2026]
    vandaag = timezone.localdate()
    assert lopend.status == Metingstatus.OPEN
    assert lopend.open_van < vandaag < lopend.open_tot


def test_elke_meting_heeft_de_vragen_van_de_vragenbank_voor_alle_groepen(metingen):
    for meting in metingen.values():
        lijsten = {v.respondentgroep: v for v in meting.vragenlijsten.all()}
        assert set(lijsten) == set(Respondentgroep.values)
        for groep, lijst in lijsten.items():
            codes = list(lijst.vragen.order_by("volgorde").values_list("code", flat=True))
            assert codes == [v.code for v in vragen_voor(groep)]
        assert lijsten[Respondentgroep.LEERLING].kindvriendelijk


def test_responsen_per_groep_en_weet_ik_niet(metingen):
    for jaar, meting in metingen.items():
        per_groep = Counter(
            Respons.objects.filter(vragenlijst__meting=meting).values_list(
                "vragenlijst__respondentgroep", flat=True
            )
        )
        for groep, aantal in RESPONDENTEN.items():
            if jaar == 2026:
                assert 0 < per_groep[groep] < aantal
            else:
                assert per_groep[groep] == aantal
    # "Weet ik niet" is no row: fewer answers than responses × items, but most are there.
    meting = metingen[2025]
    mogelijk = sum(
        Respons.objects.filter(vragenlijst=lijst).count() * lijst.vragen.count()
        for lijst in meting.vragenlijsten.all()
    )
    gegeven = Antwoord.objects.filter(respons__vragenlijst__meting=meting).count()
    assert 0.85 * mogelijk < gegeven < mogelijk


def test_uitnodigingen_passen_bij_de_responsen(metingen):
    scholen = set(
        SwvLidmaatschap.objects.filter(samenwerkingsverband__code=SWV_PO.code).values_list(
            "vestiging_id", flat=True
        )
    )
    for jaar, meting in metingen.items():
        for lijst in meting.vragenlijsten.all():
            responsen = lijst.responsen.count()
            uitnodigingen = lijst.uitnodigingen.all()
            gebruikt = sum(u.gebruikt for u in uitnodigingen)
            assert gebruikt == responsen
            assert len(uitnodigingen) > responsen
            ongebruikt = (
                len(uitnodigingen)
                - gebruikt
                - (1 if jaar == 2026 and lijst.respondentgroep in PROBEERCODES else 0)
            )
            respons = responsen / (responsen + ongebruikt)
            if jaar == 2026:
                assert 0.4 <= respons <= 0.6, (jaar, lijst.respondentgroep, respons)
            else:
                assert 0.38 <= respons <= 0.82, (jaar, lijst.respondentgroep, respons)
            vestigingen = {u.vestiging_id for u in uitnodigingen}
            if lijst.respondentgroep in SCHOOLGROEPEN:
                assert None not in vestigingen
                assert vestigingen <= scholen
            else:
                assert vestigingen == {None}


def test_gebruikte_uitnodigingen_per_school(metingen):
    per_school = (
        Uitnodiging.objects.filter(
            vragenlijst__meting=metingen[2024],
            vragenlijst__respondentgroep=Respondentgroep.LEERLING,
            gebruikt=True,
        )
        .values("vestiging_id")
        .annotate(n=Count("id"))
    )
    assert len(per_school) > 1
    assert sum(r["n"] for r in per_school) == RESPONDENTEN[Respondentgroep.LEERLING]


def test_probeercodes_werken_in_de_lopende_meting(metingen, demo):
    _, meldingen = demo
    for groep, code in PROBEERCODES.items():
        uitnodiging = uitnodiging_voor_code(code_hash=code_hash(code))
        assert uitnodiging.vragenlijst.meting == metingen[2026]
        assert uitnodiging.vragenlijst.respondentgroep == groep
        assert code in "".join(meldingen)


def test_resultaten_2025_tegen_de_nulmeting(metingen):
    resultaten = analyse(metingen[2025], samenwerkingsverband_id=None)
    assert resultaten.nulmeting == metingen[2022]
    vergelijkingen = [
        item.nulmeting
        for doel in resultaten.doelen
        for groep in doel.groepen
        for item in groep.items
        if item.nulmeting is not None and item.nulmeting.toets
    ]
    assert any(v.significant and v.oordeel == "hoger" for v in vergelijkingen)
    assert any(v.significant and v.oordeel == "lager" for v in vergelijkingen)
    assert any(not v.significant for v in vergelijkingen)
    bestuur = [
        groep
        for doel in resultaten.doelen
        for groep in doel.groepen
        if groep.respondentgroep == Respondentgroep.BESTUUR
    ]
    assert bestuur
    assert all(g.responsen is None for g in bestuur)
    assert all(item.onderdrukt and item.resultaat is None for g in bestuur for item in g.items)
    leerlingen = [
        groep
        for doel in resultaten.doelen
        for groep in doel.groepen
        if groep.respondentgroep == Respondentgroep.LEERLING
    ]
    assert all(g.responsen == RESPONDENTEN[Respondentgroep.LEERLING] for g in leerlingen)


def test_aantallen_en_meldingen(demo, metingen):
    aantallen, meldingen = demo
    assert aantallen == {
        "doelstellingenmetingen": 7,
        "doelstellingenuitnodigingen": Uitnodiging.objects.count(),
        "doelstellingenresponsen": Respons.objects.count(),
        "doelstellingenantwoorden": Antwoord.objects.count(),
    }
    assert Vraag.objects.filter(vragenlijst__meting__in=metingen.values()).exists()
    assert any("5 metingen" in m for m in meldingen)
    assert any(
        "Landelijke doelstellingenmonitor (ministerie): 2 gesloten metingen" in m for m in meldingen
    )


def test_nog_een_keer_draaien_voegt_niets_toe(demo, db):
    voor = (Meting.objects.count(), Uitnodiging.objects.count(), Respons.objects.count())
    assert demo_doelstellingen_opslaan(lambda tekst: None) == {}
    assert (Meting.objects.count(), Uitnodiging.objects.count(), Respons.objects.count()) == voor


# --- The national waves ----------------------------------------------------------------------


@pytest.fixture
def landelijk(demo, db):
    return {m.jaar: m for m in Meting.objects.filter(samenwerkingsverband=None)}


def test_landelijke_metingen_gesloten_met_nulmeting(landelijk):
    assert sorted(landelijk) == [2022, 2025]
    assert landelijk[2022].is_nulmeting and not landelijk[2025].is_nulmeting
    for meting in landelijk.values():
        assert meting.status == Metingstatus.GESLOTEN
        assert meting.aangemaakt_door.rollen.filter(rolsoort=Rolsoort.MINISTERIE).exists()
        assert set(meting.vragenlijsten.values_list("respondentgroep", flat=True)) == set(
            LANDELIJKE_GROEPEN
        )


def test_landelijke_responsen_in_po_en_vo(landelijk):
    for meting in landelijk.values():
        per_swv_groep = Counter(
            Respons.objects.filter(vragenlijst__meting=meting).values_list(
                "samenwerkingsverband__code", "vragenlijst__respondentgroep"
            )
        )
        verwacht = {
            (SWV_PO.code, groep): aantal for groep, aantal in LANDELIJK_RESPONDENTEN_PO.items()
        } | {(SWV_VO.code, groep): aantal for groep, aantal in LANDELIJK_RESPONDENTEN_VO.items()}
        assert dict(per_swv_groep) == verwacht
        for lijst in meting.vragenlijsten.all():
            gebruikt = lijst.uitnodigingen.filter(gebruikt=True).count()
            assert gebruikt == lijst.responsen.count()
            if lijst.respondentgroep in SCHOOLGROEPEN:
                assert not lijst.uitnodigingen.filter(vestiging=None).exists()


def test_ministerie_ziet_landelijke_resultaten_met_onderdrukking(landelijk):
    grens = settings.PASSEND["KLEINE_CEL_GRENS"]
    landelijke = analyse(landelijk[2025], samenwerkingsverband_id=None)
    assert landelijke.nulmeting == landelijk[2022]
    per_groep = {
        groep.respondentgroep: groep for doel in landelijke.doelen for groep in doel.groepen
    }
    assert per_groep[Respondentgroep.LEERLING].responsen == (
        LANDELIJK_RESPONDENTEN_PO[Respondentgroep.LEERLING]
        + LANDELIJK_RESPONDENTEN_VO[Respondentgroep.LEERLING]
    )
    # Municipalities: 5 in the country, below the threshold.
    assert per_groep[Respondentgroep.GEMEENTE].responsen is None
    assert any(item.resultaat is not None for item in per_groep[Respondentgroep.LEERLING].items)
    # The VO SWV alone: its parents (8) are suppressed, its pupils (40) are not.
    vo = Samenwerkingsverband.objects.get(code=SWV_VO.code)
    alleen_vo = analyse(landelijk[2025], samenwerkingsverband_id=vo.pk)
    vo_groepen = {g.respondentgroep: g for d in alleen_vo.doelen for g in d.groepen}
    assert LANDELIJK_RESPONDENTEN_VO[Respondentgroep.OUDER] < grens
    assert vo_groepen[Respondentgroep.OUDER].responsen is None
    assert all(item.onderdrukt for item in vo_groepen[Respondentgroep.OUDER].items)
    assert vo_groepen[Respondentgroep.LEERLING].responsen == 40
