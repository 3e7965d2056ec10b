import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning import services
from passend.ondersteuning.rules import Besluit, Einde, FactorSoort, Hoorwijze, Status
from passend.ondersteuning.selectors import bron_perioden, opp_voor_actor, opps_met_signalen
from passend.ondersteuning.services import Bevroren, Conflict, OppOnvolledig

pytestmark = pytest.mark.django_db


def _actor(rol):
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@dataclass
class Wereld:
    leerling: Leerling
    ib: Actor
    ouder: Actor
    ouder_zonder_gezag: Actor
    kind: Actor


@pytest.fixture
def wereld():
    inschrijving = InschrijvingFactory(
        leerling=LeerlingFactory(geboortedatum=datetime.date(2013, 4, 1))
    )
    leerling = inschrijving.leerling
    ib = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    met = OuderschapFactory(leerling=leerling, gezag=True)
    zonder = OuderschapFactory(leerling=leerling, gezag=False)
    kind_gebruiker = GebruikerFactory()
    leerling.gebruiker = kind_gebruiker
    leerling.save()
    return Wereld(
        leerling=leerling,
        ib=_actor(ib),
        ouder=_actor(RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=met.ouder)),
        ouder_zonder_gezag=_actor(RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=zonder.ouder)),
        kind=_actor(RolFactory(rolsoort=Rolsoort.LEERLING, gebruiker=kind_gebruiker)),
    )


def _compleet_concept(w: Wereld):
    opp = services.opp_starten(
        actor=w.ib, leerling=w.leerling, start_extra_ondersteuning=datetime.date(2026, 9, 1)
    )
    opp = services.opp_bijwerken(
        actor=w.ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={"uitstroombestemming": "vmbo_kb", "onderbouwing": "Toetsen en observaties."},
    )
    services.factor_toevoegen(
        actor=w.ib, opp=opp, soort=FactorSoort.BELEMMEREND, omschrijving="Leest langzaam"
    )
    services.factor_toevoegen(
        actor=w.ib, opp=opp, soort=FactorSoort.BEVORDEREND, omschrijving="Werkt hard"
    )
    services.doel_toevoegen(
        actor=w.ib,
        opp=opp,
        doel="Leest vloeiend",
        aanpak="Leesgroep",
        door_wie="RT",
        frequentie="2x per week",
        van=datetime.date(2026, 9, 1),
        tot=datetime.date(2027, 1, 31),
        evaluatiewijze="AVI-toets",
    )
    services.overleg_vastleggen(
        actor=w.ib,
        opp=opp,
        datum=datetime.date(2026, 9, 20),
        deelnemers="Moeder, IB",
        samenvatting="Besproken.",
    )
    stem = services.leerlingstem_vastleggen(
        actor=w.kind,
        opp=opp,
        wat_gaat_goed="Rekenen",
        wat_is_moeilijk="Lezen",
        wat_wil_ik="Hulp bij lezen",
        hoorwijze=Hoorwijze.ZELF,
    )
    services.reactie_op_leerlingstem(actor=w.ib, stem=stem, reactie="We starten een leesgroep.")
    services.instemming_geven(
        actor=w.ouder, opp=opp, besluit=Besluit.GEGEVEN, herauthenticatie_op=timezone.now()
    )
    opp.refresh_from_db()
    return opp


def test_volledig_opp_wordt_vastgesteld_en_bevroren(wereld):
    opp = services.opp_vaststellen(actor=wereld.ib, opp=_compleet_concept(wereld))
    assert opp.status == Status.VASTGESTELD
    assert opp.volgende_evaluatie == timezone.localdate().replace(
        year=timezone.localdate().year + 1
    )
    with pytest.raises(Bevroren):
        services.factor_toevoegen(
            actor=wereld.ib, opp=opp, soort=FactorSoort.BEVORDEREND, omschrijving="x"
        )


def test_vaststellen_zonder_onderdelen_noemt_wat_ontbreekt(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    with pytest.raises(OppOnvolledig) as fout:
        services.opp_vaststellen(actor=wereld.ib, opp=opp)
    assert len(fout.value.ontbrekend) == 8
    opp.refresh_from_db()
    assert opp.status == Status.CONCEPT


def test_ouder_zonder_gezag_kan_niet_instemmen(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    with pytest.raises(Geweigerd):
        services.instemming_geven(
            actor=wereld.ouder_zonder_gezag,
            opp=opp,
            besluit=Besluit.GEGEVEN,
            herauthenticatie_op=timezone.now(),
        )


def test_instemmen_online_vraagt_verse_inlogcontrole(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    with pytest.raises(ValidationError):
        services.instemming_geven(
            actor=wereld.ouder, opp=opp, besluit=Besluit.GEGEVEN, herauthenticatie_op=None
        )
    with pytest.raises(ValidationError):
        services.instemming_geven(
            actor=wereld.ouder,
            opp=opp,
            besluit=Besluit.GEGEVEN,
            herauthenticatie_op=timezone.now() - datetime.timedelta(minutes=30),
        )


def test_weigeren_vraagt_een_toelichting_en_telt_niet_als_instemming(wereld):
    opp = _compleet_concept(wereld)
    with pytest.raises(ValidationError):
        services.instemming_geven(
            actor=wereld.ouder,
            opp=opp,
            besluit=Besluit.GEWEIGERD,
            herauthenticatie_op=timezone.now(),
        )
    services.instemming_geven(
        actor=wereld.ouder,
        opp=opp,
        besluit=Besluit.GEWEIGERD,
        toelichting="Te weinig uren.",
        herauthenticatie_op=timezone.now(),
    )
    with pytest.raises(OppOnvolledig) as fout:
        services.opp_vaststellen(actor=wereld.ib, opp=opp)
    assert any("instemming" in m for m in fout.value.ontbrekend)


def test_instemming_op_papier_door_de_school(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    instemming = services.instemming_op_papier_vastleggen(
        actor=wereld.ib,
        opp=opp,
        door=wereld.ouder.gebruiker,
        besluit=Besluit.GEGEVEN,
        datum=datetime.date(2026, 9, 25),
    )
    assert instemming.wijze == "papier"
    with pytest.raises(ValidationError):
        services.instemming_op_papier_vastleggen(
            actor=wereld.ib,
            opp=opp,
            door=wereld.ouder_zonder_gezag.gebruiker,
            besluit=Besluit.GEGEVEN,
            datum=datetime.date(2026, 9, 25),
        )


def test_meerderjarige_leerling_stemt_zelf_in(wereld):
    wereld.leerling.geboortedatum = datetime.date(2007, 1, 1)
    wereld.leerling.save()
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    with pytest.raises(Geweigerd):
        services.instemming_geven(
            actor=wereld.ouder, opp=opp, besluit=Besluit.GEGEVEN, herauthenticatie_op=timezone.now()
        )
    services.instemming_geven(
        actor=wereld.kind, opp=opp, besluit=Besluit.GEGEVEN, herauthenticatie_op=timezone.now()
    )


def test_herziening_maakt_nieuwe_versie_en_vraagt_opnieuw_instemming(wereld):
    eerste = services.opp_vaststellen(actor=wereld.ib, opp=_compleet_concept(wereld))
    tweede = services.opp_herzien(actor=wereld.ib, opp=eerste)
    assert (tweede.versie, tweede.status, tweede.vorige_versie) == (2, Status.CONCEPT, eerste)
    assert tweede.factoren.count() == 2
    assert tweede.doelen.count() == 1
    assert not tweede.instemmingen.exists()
    with pytest.raises(OppOnvolledig) as fout:
        services.opp_vaststellen(actor=wereld.ib, opp=tweede)
    assert any("instemming" in m for m in fout.value.ontbrekend)
    eerste.refresh_from_db()
    assert eerste.status == Status.VASTGESTELD  # still the valid one until the revision is set


def test_gelijktijdig_bewerken_geeft_conflict(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    versie = opp.gewijzigd_op.isoformat()
    services.opp_bijwerken(
        actor=wereld.ib, opp=opp, versie=versie, wijzigingen={"onderbouwing": "Eerste"}
    )
    with pytest.raises(Conflict):
        services.opp_bijwerken(
            actor=wereld.ib, opp=opp, versie=versie, wijzigingen={"onderbouwing": "Tweede"}
        )
    opp.refresh_from_db()
    assert opp.onderbouwing == "Eerste"


def test_ib_van_een_andere_school_wordt_geweigerd_en_gelogd(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    vreemde_ib = _actor(RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER))
    from django.http import Http404

    with pytest.raises(Http404):
        opp_voor_actor(actor=vreemde_ib, sleutel=opp.sleutel, actie="bekijken", doel="OPP bekijken")
    regel = Toegangsregel.objects.filter(gebruiker=vreemde_ib.gebruiker).get()
    assert regel.resultaat == "geweigerd"
    with pytest.raises(Geweigerd):
        services.factor_toevoegen(
            actor=vreemde_ib, opp=opp, soort=FactorSoort.BELEMMEREND, omschrijving="x"
        )


def test_ouder_van_een_ander_kind_ziet_het_opp_niet(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    andere_ouder = _actor(RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=OuderschapFactory().ouder))
    from django.http import Http404

    with pytest.raises(Http404):
        opp_voor_actor(
            actor=andere_ouder, sleutel=opp.sleutel, actie="bekijken", doel="OPP bekijken"
        )
    with pytest.raises(Geweigerd):
        services.zienswijze_ouders_geven(actor=andere_ouder, opp=opp, tekst="Niet mijn kind")


def test_evaluatie_en_beeindigen_en_bron_export(wereld):
    opp = services.opp_vaststellen(actor=wereld.ib, opp=_compleet_concept(wereld))
    services.evaluatie_vastleggen(
        actor=wereld.ib,
        opp=opp,
        datum=datetime.date(2027, 6, 1),
        deelnemers="Ouders, leerling, IB",
        conclusie="Doelen gehaald.",
        ouders_aanwezig=True,
        leerling_gehoord=True,
    )
    opp.refresh_from_db()
    assert opp.volgende_evaluatie == datetime.date(2028, 6, 1)
    services.opp_beeindigen(
        actor=wereld.ib, opp=opp, einddatum=datetime.date(2027, 7, 10), reden=Einde.NIET_MEER_NODIG
    )
    [periode] = bron_perioden(actor=wereld.ib)
    assert (periode["begin"], periode["eind"]) == (
        datetime.date(2026, 9, 1),
        datetime.date(2027, 7, 10),
    )


def test_school_ziet_te_laat_vastgestelde_opps_eerst(wereld):
    opp = services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 1, 5),
    )
    [rij] = opps_met_signalen(actor=wereld.ib, vandaag=datetime.date(2026, 11, 23))
    assert rij["opp"] == opp
    assert rij["te_laat_vastgesteld"]


def test_een_tweede_lopend_opp_op_dezelfde_school_kan_niet(wereld):
    services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    with pytest.raises(ValidationError):
        services.opp_starten(
            actor=wereld.ib,
            leerling=wereld.leerling,
            start_extra_ondersteuning=datetime.date(2026, 9, 2),
        )


def test_bron_export_houdt_de_einddatum_van_een_vertrokken_leerling(wereld):
    opp = services.opp_vaststellen(actor=wereld.ib, opp=_compleet_concept(wereld))
    services.opp_beeindigen(
        actor=wereld.ib,
        opp=opp,
        einddatum=datetime.date(2026, 12, 1),
        reden=Einde.LEERLING_VERTROKKEN,
    )
    inschrijving = wereld.leerling.inschrijvingen.get()
    inschrijving.tot = datetime.date(2026, 11, 1)
    inschrijving.save()
    [periode] = bron_perioden(actor=wereld.ib)
    assert periode["eind"] == datetime.date(2026, 12, 1)


def test_een_tweede_herziening_naast_een_concept_kan_niet(wereld):
    eerste = services.opp_vaststellen(actor=wereld.ib, opp=_compleet_concept(wereld))
    services.opp_herzien(actor=wereld.ib, opp=eerste)
    with pytest.raises(ValidationError):
        services.opp_herzien(actor=wereld.ib, opp=eerste)


def test_startpagina_van_de_ib_herinnert_aan_te_late_opps(wereld, maak_client):
    from django.urls import reverse

    services.opp_starten(
        actor=wereld.ib,
        leerling=wereld.leerling,
        start_extra_ondersteuning=datetime.date(2026, 1, 5),
    )
    html = maak_client(wereld.ib.rol).get(reverse("accounts:mijn-werk")).content.decode()
    assert "OPP&#x27;s te laat" in html or "OPP's te laat" in html
