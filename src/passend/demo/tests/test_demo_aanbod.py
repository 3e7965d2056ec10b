"""The demo region's support offer, waiting lists and sociale kaart (``bouwer.aanbod``)."""

import re
from collections import Counter
from datetime import timedelta
from itertools import pairwise
from statistics import mean

import pytest

from passend.aanbod.models import (
    Aanbod,
    Gebiedsaanbod,
    Ondersteuningsgebied,
    Voorziening,
    Voorzieningsoort,
    Wachtlijststand,
)
from passend.aanbod.rules import (
    SOORTEN_MET_WACHTLIJST,
    Faciliteit,
    Status,
    schooljaar_begin,
    volgend_schooljaar,
)
from passend.aanbod.selectors.catalogus import openbaar_aanbod, openbaar_aanbod_van
from passend.aanbod.services.aanbod import normgebieden_ontbreken
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.aanbod import demo_aanbod_opslaan, demo_vestigingen
from passend.demo.bouwer.aanbod.aanbodplan import (
    SCHOOLJAAR,
    VORIG_SCHOOLJAAR,
    Locatie,
    plan_aanbod,
)
from passend.demo.bouwer.aanbod.wachtlijsten import peildata, plan_wachtlijst
from passend.demo.bouwer.regio import PEILDATUM, SWV_PO, SWV_VO
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.rules import Soort

KLEIN = 300
NORM = ["lezen-spellen-dyslexie", "hoogbegaafdheid", "leergedrag"]
ANDERE = [
    "gedrag-sociaal-emotioneel",
    "taal-spraak",
    "rekenen-dyscalculie",
    "motoriek-fysiek",
    "medisch",
    "maatwerk-thuiszitters",
]
TELEFOON = re.compile(r"^0345 0\d\d \d{3}$")  # subscriber numbers never start with 0
WEBSITE = re.compile(r"^https://www\.[a-z0-9-]+\.example\.nl$")


@pytest.fixture
def regio(db):
    """The demo region as ``make demo`` builds it: the offer is one of its steps."""
    meldingen: list[str] = []

    class Melder:
        def write(self, tekst: str) -> None:
            meldingen.append(tekst.rstrip("\n"))

    resultaat = bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN, stdout=Melder())
    return resultaat.aantallen["aanbod"], meldingen


def locatie(soort: str, code: str = "99AA00", aantal: int = 150) -> Locatie:
    return Locatie(code, f"School {code}", f"School {code}", "Lingebroek", soort, aantal)


def test_het_plan_ligt_vast_per_vestiging_en_verschilt_tussen_vestigingen():
    eerste = plan_aanbod(locatie(Soort.BAO), normgebieden=NORM, andere_gebieden=ANDERE)
    assert eerste == plan_aanbod(locatie(Soort.BAO), normgebieden=NORM, andere_gebieden=ANDERE)
    plannen = [
        plan_aanbod(locatie(soort, f"99A{i:03d}"), normgebieden=NORM, andere_gebieden=ANDERE)
        for i, soort in enumerate(Soort.values * 4)
    ]
    assert len({tuple(g.code for g in p.gebieden) for p in plannen}) > 5
    assert len({p.gebieden[0].basisondersteuning for p in plannen}) > 5
    for plan, soort in zip(plannen, Soort.values * 4, strict=True):
        assert [g.code for g in plan.gebieden[:3]] == NORM
        assert all(g.basisondersteuning and "{" not in g.basisondersteuning for g in plan.gebieden)
        assert plan.gepubliceerd_op.date() < schooljaar_begin(SCHOOLJAAR)
        plaatsen = [g.capaciteit for g in plan.gebieden if g.capaciteit is not None]
        assert bool(plaatsen) == (soort in SOORTEN_MET_WACHTLIJST and len(plan.gebieden) > 3)


def test_wachtlijstplan_elke_twee_maanden_over_twee_schooljaren():
    data = peildata()
    assert data[0] < schooljaar_begin(VORIG_SCHOOLJAAR) - timedelta(days=300)
    assert data[-1] <= PEILDATUM
    assert all(59 <= (b - a).days <= 62 for a, b in pairwise(data))
    for soort in (Soort.SBO, Soort.SO, Soort.VSO):
        standen = plan_wachtlijst(locatie(soort))
        assert [s.peildatum for s in standen] == data
        assert all(s.aantal_wachtend >= 0 and s.capaciteit > 0 for s in standen)


def test_elke_vestiging_heeft_een_openbaar_aanbod_met_de_drie_normgebieden(regio):
    aantal, meldingen = regio
    vestigingen = demo_vestigingen()
    assert len(vestigingen) >= 30
    assert aantal == len(vestigingen)
    openbaar = {a.vestiging_id: a for a in openbaar_aanbod()}
    assert set(openbaar) == {v.pk for v in vestigingen}
    normgebieden = set(
        Ondersteuningsgebied.objects.filter(landelijke_norm=True).values_list("code", flat=True)
    )
    assert normgebieden == set(NORM)
    for vestiging in vestigingen:
        aanbod = openbaar[vestiging.pk]
        assert aanbod.schooljaar == SCHOOLJAAR
        assert normgebieden_ontbreken(aanbod) == []
        assert aanbod.gepubliceerd_op.date() < schooljaar_begin(SCHOOLJAAR)  # not today
        gebieden = list(aanbod.gebieden.all())
        assert normgebieden <= {g.gebied.code for g in gebieden}
        for g in gebieden:
            assert g.basisondersteuning and g.expertise
            assert set(g.faciliteiten) <= set(Faciliteit.values)
        plaatsen = [g.capaciteit for g in gebieden if g.capaciteit is not None]
        if vestiging.soort not in SOORTEN_MET_WACHTLIJST:
            assert plaatsen == []
        elif len(gebieden) > 3:
            assert plaatsen
    # Varied: not every school describes the same areas or says the same.
    assert len({frozenset(g.gebied_id for g in a.gebieden.all()) for a in openbaar.values()}) > 5
    teksten = Gebiedsaanbod.objects.filter(aanbod__openbaar=True, gebied__code="leergedrag")
    assert teksten.values("basisondersteuning").distinct().count() > 5
    assert Gebiedsaanbod.objects.filter(aanbod__openbaar=True).exclude(faciliteiten=[]).exists()
    # Through the services as the school's own schoolleider where the demo has one.
    for rol in Rol.objects.filter(rolsoort=Rolsoort.SCHOOLLEIDER, koppelingen__isnull=True):
        for vestiging in vestigingen:
            if vestiging.school_id == rol.school_id:
                assert openbaar[vestiging.pk].gepubliceerd_door == rol.gebruiker
    assert sum(a.gepubliceerd_door_id is not None for a in openbaar.values()) > len(openbaar) / 2
    assert any("gepubliceerd" in melding for melding in meldingen)


def test_concepten_en_vervangen_versies_zijn_niet_openbaar(regio):
    concepten = Aanbod.objects.filter(status=Status.CONCEPT)
    assert concepten.count() >= 3
    assert set(concepten.values_list("schooljaar", flat=True)) == {volgend_schooljaar(SCHOOLJAAR)}
    assert not concepten.filter(openbaar=True).exists()
    assert not openbaar_aanbod().filter(status=Status.CONCEPT).exists()
    for concept in concepten.select_related("vestiging", "bewerkt_door"):
        assert Rol.objects.filter(
            gebruiker=concept.bewerkt_door, school=concept.vestiging.school
        ).exists()
        publiek = openbaar_aanbod_van(vestigingscode=concept.vestiging.vestigingscode)
        assert publiek is not None and publiek.schooljaar == SCHOOLJAAR
        # The concept says something the public version does not (yet).
        assert set(concept.gebieden.values_list("basisondersteuning", flat=True)) - set(
            publiek.gebieden.values_list("basisondersteuning", flat=True)
        )
    vervangen = Aanbod.objects.get(status=Status.VERVANGEN)
    assert vervangen.schooljaar == VORIG_SCHOOLJAAR and not vervangen.openbaar
    opvolger = Aanbod.objects.get(
        vestiging=vervangen.vestiging, schooljaar=VORIG_SCHOOLJAAR, status=Status.GEPUBLICEERD
    )
    assert opvolger.versie == vervangen.versie + 1 and not opvolger.openbaar
    assert vervangen.gepubliceerd_op < opvolger.gepubliceerd_op
    assert openbaar_aanbod_van(vestigingscode=vervangen.vestiging.vestigingscode).schooljaar == (
        SCHOOLJAAR
    )


def test_wachtlijsten_van_sbo_so_en_vso_laten_een_trend_zien(regio):
    vestigingen = demo_vestigingen()
    met_wachtlijst = [v for v in vestigingen if v.soort in SOORTEN_MET_WACHTLIJST]
    assert {v.soort for v in met_wachtlijst} >= {Soort.SBO, Soort.SO, Soort.VSO}
    assert not Wachtlijststand.objects.exclude(vestiging__in=met_wachtlijst).exists()
    for vestiging in met_wachtlijst:
        standen = list(Wachtlijststand.objects.filter(vestiging=vestiging).order_by("peildatum"))
        assert len(standen) >= 12
        assert standen[0].peildatum < schooljaar_begin(VORIG_SCHOOLJAAR)
        assert standen[-1].peildatum <= PEILDATUM
        assert all(s.gebied_id is None and s.capaciteit for s in standen)
        aantallen = [s.aantal_wachtend for s in standen]
        assert len(set(aantallen)) > 3
        if vestiging.soort != Soort.SO_VSO:  # the expertise centre stays about level
            assert abs(mean(aantallen[-4:]) - mean(aantallen[:4])) >= 2, vestiging.naam
    # Where the school's intern begeleider logs in, the figures went through the service.
    ib_scholen = set(
        Rol.objects.filter(rolsoort=Rolsoort.INTERN_BEGELEIDER).values_list("school", flat=True)
    )
    door_de_school = Wachtlijststand.objects.filter(vestiging__school__in=ib_scholen)
    assert door_de_school.exists()
    assert not door_de_school.filter(vastgelegd_door__isnull=True).exists()


def test_elk_swv_heeft_een_sociale_kaart_met_steunpunt_en_wijkteams(regio):
    for code in (SWV_PO.code, SWV_VO.code):
        swv = Samenwerkingsverband.objects.get(code=code)
        kaart = list(Voorziening.objects.filter(samenwerkingsverband=swv))
        soorten = Counter(v.soort for v in kaart)
        assert soorten[Voorzieningsoort.STEUNPUNT] == 1
        assert soorten[Voorzieningsoort.JEUGDHULP] >= 2
        assert soorten[Voorzieningsoort.ONDERWIJS] >= 1
        assert soorten[Voorzieningsoort.GEMEENTE] >= 1
        [steunpunt] = [v for v in kaart if v.soort == Voorzieningsoort.STEUNPUNT]
        assert steunpunt.openingstijden and steunpunt.telefoon
        wijkteams = [v for v in kaart if v.soort == Voorzieningsoort.WIJKTEAM]
        assert sorted(g.pk for v in wijkteams for g in v.gemeenten.all()) == sorted(
            swv.werkgebied.values_list("pk", flat=True)
        )
        zorg = {g.code for v in kaart if v.soort == Voorzieningsoort.ZORG for g in v.gebieden.all()}
        assert {"taal-spraak", "motoriek-fysiek"} <= zorg
        for voorziening in kaart:
            assert voorziening.actief
            assert TELEFOON.match(voorziening.telefoon), voorziening.telefoon
            assert WEBSITE.match(voorziening.website), voorziening.website
            assert voorziening.email.endswith(".example.nl")
            assert Rol.objects.filter(
                gebruiker=voorziening.bewerkt_door,
                rolsoort=Rolsoort.LOKET,
                samenwerkingsverband=swv,
            ).exists()


def test_nog_een_keer_draaien_voegt_niets_toe(regio):
    aantal, _ = regio
    modellen = (Aanbod, Gebiedsaanbod, Wachtlijststand, Voorziening)
    voor = {model.__name__: model.objects.count() for model in modellen}
    assert bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN).al_aanwezig
    meldingen: list[str] = []
    assert demo_aanbod_opslaan(meldingen.append) == aantal
    assert {model.__name__: model.objects.count() for model in modellen} == voor
    assert "  aanbod was er al" in meldingen
    assert "  wachtlijsten waren er al" in meldingen
