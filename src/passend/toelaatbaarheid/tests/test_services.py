"""The TLV lifecycle through the services: request, grensverkeer, complete, advice (with
independence), decision, bezwaar and verlenging. Bad input is a clear error and nothing is
saved; every successful write leaves exactly one access-log record."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Actie, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Betrokkenheid
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.models import Advies, Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status
from passend.toelaatbaarheid.selectors import grensverkeer_van, regeling_van, tlvs_zichtbaar_voor
from passend.toelaatbaarheid.services.basis import _bewaar_als_status
from passend.toelaatbaarheid.tests.factories import DeskundigeFactory, VastgesteldOppFactory

R = Rolsoort
VANDAAG = timezone.localdate


def aanvragen(wereld, soort: str = "sbo") -> Toelaatbaarheidsverklaring:
    return services.tlv_aanvragen(
        actor=wereld.actor(R.INTERN_BEGELEIDER), opp=wereld.opp, soort=soort, toelichting="Kort."
    )


def compleet(wereld, soort: str = "sbo") -> Toelaatbaarheidsverklaring:
    tlv = aanvragen(wereld, soort)
    return services.tlv_compleet_verklaren(
        actor=wereld.actor(R.LOKET), tlv=tlv, compleet_op=VANDAAG()
    )


def advies(wereld, tlv, deskundige, actor=R.LOKET) -> Advies:
    return services.advies_vastleggen(
        actor=wereld.actor(actor),
        tlv=tlv,
        deskundige=deskundige,
        conclusie="toelaatbaar",
        toelichting="De ondersteuningsbehoefte is groter dan de school kan bieden.",
        datum=VANDAAG(),
    )


def met_twee_adviezen(wereld, soort: str = "sbo") -> Toelaatbaarheidsverklaring:
    tlv = compleet(wereld, soort)
    advies(wereld, tlv, wereld.ortho, actor=R.DESKUNDIGE)
    advies(wereld, tlv, wereld.arts)
    return tlv


def besluiten(wereld, tlv, **anders) -> Toelaatbaarheidsverklaring:
    vandaag = VANDAAG()
    gegevens = {
        "besluit": "toegekend",
        "motivering": "Beide deskundigen adviseren sbo.",
        "besluit_op": vandaag,
        "schoolsoort": "sbo",
        "bekostigingscategorie": None,
        "ingangsdatum": vandaag,
        "einddatum": vandaag + datetime.timedelta(days=400),
        **anders,
    }
    return services.tlv_besluiten(actor=wereld.actor(R.COMMISSIELID), tlv=tlv, **gegevens)


def aantal_logregels() -> int:
    return Toegangsregel.objects.count()


# --- The request ----------------------------------------------------------------------------


def test_aanvraag_vanuit_het_vastgestelde_opp_neemt_alles_mee(wereld):
    voor = aantal_logregels()
    tlv = aanvragen(wereld)
    assert tlv.status == Status.INGEDIEND
    assert (tlv.leerling, tlv.opp, tlv.vestiging) == (wereld.leerling, wereld.opp, wereld.vestiging)
    assert tlv.ontvangen_op == VANDAAG()
    assert tlv.verantwoordelijk_swv == wereld.swv
    assert not tlv.grensverkeer and not tlv.eerste_inschrijving
    assert Betrokkenheid.objects.filter(
        leerling=wereld.leerling,
        samenwerkingsverband=wereld.swv,
        grond=f"aanvraag TLV {tlv.kenmerk}",
    ).exists()
    assert aantal_logregels() == voor + 1
    regel = Toegangsregel.objects.first()
    assert regel.actie == Actie.AANMAKEN
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [
        wereld.leerling.sleutel
    ]


def test_de_swv_ziet_de_leerling_pas_na_de_aanvraag(wereld):
    loket = wereld.actor(R.LOKET)
    assert not tlvs_zichtbaar_voor(actor=loket).exists()
    tlv = aanvragen(wereld)
    assert list(tlvs_zichtbaar_voor(actor=loket)) == [tlv]


def test_een_concept_opp_wordt_geweigerd_en_er_wordt_niets_opgeslagen(wereld):
    Ontwikkelingsperspectief.objects.filter(pk=wereld.opp.pk).update(
        status=OppStatus.CONCEPT, vastgesteld_op=None
    )
    wereld.opp.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        aanvragen(wereld)
    assert "nog een concept" in fout.value.message_dict["opp"][0]
    assert not Toelaatbaarheidsverklaring.objects.exists()
    assert not Betrokkenheid.objects.filter(samenwerkingsverband=wereld.swv).exists()


def test_bestuurder_mag_aanvragen_leraar_niet(wereld):
    tlv = services.tlv_aanvragen(actor=wereld.actor(R.BESTUURDER), opp=wereld.opp, soort="so")
    assert tlv.soort == "so"
    with pytest.raises(Geweigerd):
        services.tlv_aanvragen(actor=wereld.actor(R.LERAAR), opp=wereld.opp, soort="sbo")


def test_ib_van_een_andere_school_kan_niet_aanvragen(wereld):
    vreemd = RolFactory(rolsoort=R.INTERN_BEGELEIDER)
    with pytest.raises(Geweigerd):
        services.tlv_aanvragen(
            actor=Actor(gebruiker=vreemd.gebruiker, rol=vreemd), opp=wereld.opp, soort="sbo"
        )
    assert not Toelaatbaarheidsverklaring.objects.exists()


def test_een_tweede_lopende_aanvraag_wordt_geweigerd(wereld):
    eerste = aanvragen(wereld)
    with pytest.raises(ValidationError, match="loopt al een TLV-aanvraag") as fout:
        aanvragen(wereld, "so")
    assert eerste.kenmerk in fout.value.messages[0]
    assert Toelaatbaarheidsverklaring.objects.count() == 1


def test_ongeldige_soort_is_een_fout_per_veld(wereld):
    with pytest.raises(ValidationError) as fout:
        services.tlv_aanvragen(
            actor=wereld.actor(R.INTERN_BEGELEIDER), opp=wereld.opp, soort="cluster2"
        )
    assert "soort" in fout.value.message_dict


# --- Grensverkeer ---------------------------------------------------------------------------


def test_leerling_uit_een_andere_regio_is_grensverkeer_en_de_school_swv_beslist(wereld):
    wereld.leerling.woongemeente = wereld.buurgemeente
    wereld.leerling.save()
    tlv = aanvragen(wereld)
    assert tlv.verantwoordelijk_swv == wereld.swv
    assert (tlv.woonregio_swv, tlv.school_swv) == (wereld.buur_swv, wereld.swv)
    assert tlv.grensverkeer and not tlv.eerste_inschrijving
    # Both SWVs see the case in their grensverkeer list; only the deciding one the dossier.
    buur = Actor(gebruiker=wereld.rollen["buur_loket"].gebruiker, rol=wereld.rollen["buur_loket"])
    assert list(grensverkeer_van(actor=buur)) == [tlv]
    assert list(grensverkeer_van(actor=wereld.actor(R.LOKET))) == [tlv]
    assert not tlvs_zichtbaar_voor(actor=buur).exists()
    assert list(tlvs_zichtbaar_voor(actor=wereld.actor(R.LOKET))) == [tlv]


def test_eerste_inschrijving_in_het_vo_gaat_naar_het_swv_van_de_woonregio(wereld):
    vo = SamenwerkingsverbandFactory(code="VO2701", sector=Sector.VO, naam="SWV VO Rivierenland")
    vo.werkgebied.add(wereld.gemeente)
    tlv = aanvragen(wereld, "pro")
    assert tlv.eerste_inschrijving
    assert tlv.verantwoordelijk_swv == vo
    assert tlv.woonregio_swv == vo and tlv.school_swv is None
    assert not tlv.grensverkeer


def test_onbekende_woongemeente_bij_een_eerste_inschrijving_is_een_duidelijke_fout(wereld):
    wereld.leerling.woongemeente = None
    wereld.leerling.save()
    with pytest.raises(ValidationError, match="woongemeente van de leerling is niet bekend"):
        aanvragen(wereld, "vso")
    assert not Toelaatbaarheidsverklaring.objects.exists()
    # Not a first enrolment (already in PO): the school's SWV decides, woongemeente or not.
    assert aanvragen(wereld, "sbo").verantwoordelijk_swv == wereld.swv


# --- Complete ---------------------------------------------------------------------------------


def test_compleet_verklaren_is_gedateerd_en_gecontroleerd(wereld):
    tlv = aanvragen(wereld)
    loket = wereld.actor(R.LOKET)
    for datum, melding in (
        (tlv.ontvangen_op - datetime.timedelta(days=1), "niet vóór de ontvangst"),
        (VANDAAG() + datetime.timedelta(days=1), "toekomst"),
    ):
        with pytest.raises(ValidationError, match=melding):
            services.tlv_compleet_verklaren(actor=loket, tlv=tlv, compleet_op=datum)
    tlv.refresh_from_db()
    assert tlv.status == Status.INGEDIEND and tlv.compleet_op is None
    voor = aantal_logregels()
    services.tlv_compleet_verklaren(actor=loket, tlv=tlv, compleet_op=VANDAAG())
    assert aantal_logregels() == voor + 1
    tlv.refresh_from_db()
    assert (tlv.status, tlv.compleet_op, tlv.compleet_door) == (
        Status.COMPLEET,
        VANDAAG(),
        loket.gebruiker,
    )
    with pytest.raises(ValidationError, match="al compleet"):
        services.tlv_compleet_verklaren(actor=loket, tlv=tlv, compleet_op=VANDAAG())


def test_alleen_het_loket_verklaart_compleet(wereld):
    tlv = aanvragen(wereld)
    with pytest.raises(Geweigerd):
        services.tlv_compleet_verklaren(
            actor=wereld.actor(R.COMMISSIELID), tlv=tlv, compleet_op=VANDAAG()
        )


# --- Advice and independence --------------------------------------------------------------------


def test_deskundige_legt_alleen_het_eigen_advies_vast(wereld):
    tlv = compleet(wereld)
    assert advies(wereld, tlv, wereld.ortho, actor=R.DESKUNDIGE).beroep == "orthopedagoog"
    with pytest.raises(ValidationError) as fout:
        advies(wereld, tlv, wereld.arts, actor=R.DESKUNDIGE)
    assert "eigen advies" in fout.value.message_dict["deskundige"][0]


def test_een_deskundige_geeft_maar_een_keer_advies(wereld):
    tlv = compleet(wereld)
    advies(wereld, tlv, wereld.arts)
    with pytest.raises(ValidationError, match="al advies gegeven"):
        advies(wereld, tlv, wereld.arts)
    assert Advies.objects.count() == 1


def test_deskundige_die_op_de_aanvragende_school_werkt_wordt_geweigerd(wereld):
    tlv = compleet(wereld)
    collega = DeskundigeFactory(
        samenwerkingsverband=wereld.swv,
        naam="Els Jansen",
        beroep="psycholoog",
        school=wereld.vestiging.school,
    )
    with pytest.raises(ValidationError) as fout:
        advies(wereld, tlv, collega)
    assert "werkt op de school die de TLV aanvraagt" in fout.value.message_dict["deskundige"][0]
    assert not Advies.objects.exists()


def test_deskundige_met_een_rol_op_de_school_wordt_geweigerd(wereld):
    tlv = compleet(wereld)
    RolFactory(rolsoort=R.LERAAR, school=wereld.vestiging.school, gebruiker=wereld.ortho.gebruiker)
    with pytest.raises(ValidationError, match="werkt op de school"):
        advies(wereld, tlv, wereld.ortho, actor=R.DESKUNDIGE)


@pytest.mark.parametrize(
    "wie", [R.INTERN_BEGELEIDER, R.SCHOOLLEIDER], ids=["schreef-het-opp", "legde-instemming-vast"]
)
def test_deskundige_die_meewerkte_aan_de_aanvraag_wordt_geweigerd(wereld, wie):
    tlv = compleet(wereld)
    betrokken = DeskundigeFactory(
        samenwerkingsverband=wereld.swv, beroep="psycholoog", gebruiker=wereld.rollen[wie].gebruiker
    )
    with pytest.raises(ValidationError) as fout:
        advies(wereld, tlv, betrokken)
    assert "meegewerkt aan de aanvraag" in " ".join(fout.value.message_dict["deskundige"])
    assert not Advies.objects.exists()


def test_deskundige_die_bestuurder_is_van_het_aanvragende_bestuur_wordt_geweigerd(wereld):
    """The board is the legal requester: a role at the board is not independent either."""
    tlv = compleet(wereld)
    RolFactory(
        rolsoort=R.BESTUURDER,
        schoolbestuur=wereld.vestiging.school.bestuur,
        gebruiker=wereld.ortho.gebruiker,
    )
    with pytest.raises(ValidationError, match="werkt op de school"):
        advies(wereld, tlv, wereld.ortho)
    assert not Advies.objects.exists()


def test_deskundige_zonder_actieve_plek_in_de_pool_ziet_geen_dossier(wereld):
    tlv = compleet(wereld)
    buiten = RolFactory(rolsoort=R.DESKUNDIGE, samenwerkingsverband=wereld.swv)
    actor = Actor(gebruiker=buiten.gebruiker, rol=buiten)
    assert not tlvs_zichtbaar_voor(actor=actor).filter(pk=tlv.pk).exists()
    plek = DeskundigeFactory(
        samenwerkingsverband=wereld.swv, gebruiker=buiten.gebruiker, actief=False
    )
    assert not tlvs_zichtbaar_voor(actor=actor).filter(pk=tlv.pk).exists()
    plek.actief = True
    plek.save()
    assert tlvs_zichtbaar_voor(actor=actor).filter(pk=tlv.pk).exists()


def test_deskundige_van_een_ander_swv_kan_niet(wereld):
    tlv = compleet(wereld)
    vreemd = DeskundigeFactory(samenwerkingsverband=wereld.buur_swv, beroep="jeugdarts")
    with pytest.raises(ValidationError, match="pool van het samenwerkingsverband"):
        advies(wereld, tlv, vreemd)


# --- The decision -------------------------------------------------------------------------------


def test_besluit_met_minder_dan_twee_adviezen_wordt_geweigerd_en_niets_opgeslagen(wereld):
    tlv = compleet(wereld)
    advies(wereld, tlv, wereld.ortho, actor=R.DESKUNDIGE)
    voor = aantal_logregels()
    with pytest.raises(ValidationError) as fout:
        besluiten(wereld, tlv)
    assert "minstens 2 deskundigen; er is er nu 1" in " ".join(fout.value.messages)
    tlv.refresh_from_db()
    assert (tlv.status, tlv.besluit, tlv.besluit_op, tlv.einddatum) == (
        Status.COMPLEET,
        "",
        None,
        None,
    )
    assert aantal_logregels() == voor


def test_twee_adviezen_zonder_orthopedagoog_of_psycholoog_zijn_niet_genoeg(wereld):
    tlv = compleet(wereld)
    advies(wereld, tlv, wereld.arts)
    advies(
        wereld,
        tlv,
        DeskundigeFactory(samenwerkingsverband=wereld.swv, beroep="maatschappelijk werker"),
    )
    with pytest.raises(ValidationError, match="orthopedagoog of psycholoog"):
        besluiten(wereld, tlv)


def test_einddatum_voor_de_ingangsdatum_wordt_geweigerd_en_niets_opgeslagen(wereld):
    tlv = met_twee_adviezen(wereld)
    with pytest.raises(ValidationError) as fout:
        besluiten(wereld, tlv, einddatum=VANDAAG() - datetime.timedelta(days=1))
    assert fout.value.message_dict["einddatum"] == ["De einddatum moet na de ingangsdatum liggen."]
    tlv.refresh_from_db()
    assert tlv.status == Status.COMPLEET and tlv.einddatum is None


def test_te_korte_tlv_volgt_de_duurregel_van_het_swv(wereld):
    tlv = met_twee_adviezen(wereld)
    with pytest.raises(ValidationError, match="minstens 12 maanden"):
        besluiten(wereld, tlv, einddatum=VANDAAG() + datetime.timedelta(days=100))


def test_so_vraagt_een_categorie_sbo_niet(wereld):
    tlv = met_twee_adviezen(wereld, "so")
    with pytest.raises(ValidationError) as fout:
        besluiten(wereld, tlv, schoolsoort="so")
    assert "bekostigingscategorie" in fout.value.message_dict
    with pytest.raises(ValidationError, match="Alleen so en vso"):
        besluiten(wereld, tlv, schoolsoort="sbo", bekostigingscategorie=2)
    besloten = besluiten(wereld, tlv, schoolsoort="so", bekostigingscategorie=3)
    assert (besloten.status, besloten.bekostigingscategorie) == (Status.TOEGEKEND, 3)


def test_toekennen_legt_het_besluit_vast_met_een_logregel(wereld):
    tlv = met_twee_adviezen(wereld)
    voor = aantal_logregels()
    besloten = besluiten(wereld, tlv)
    assert aantal_logregels() == voor + 1
    besloten.refresh_from_db()
    assert (besloten.status, besloten.besluit, besloten.schoolsoort) == (
        Status.TOEGEKEND,
        "toegekend",
        "sbo",
    )
    assert besloten.besloten_door == wereld.rollen[R.COMMISSIELID].gebruiker


def test_afwijzen_bewaart_geen_periode(wereld):
    tlv = met_twee_adviezen(wereld)
    besloten = besluiten(wereld, tlv, besluit="afgewezen", bekostigingscategorie=2)
    assert (
        besloten.status,
        besloten.schoolsoort,
        besloten.ingangsdatum,
        besloten.bekostigingscategorie,
    ) == (
        Status.AFGEWEZEN,
        "",
        None,
        None,
    )


def test_besluiten_kan_niet_voor_compleet_en_niet_twee_keer(wereld):
    tlv = aanvragen(wereld)
    with pytest.raises(ValidationError, match="nog niet compleet"):
        besluiten(wereld, tlv)
    tlv = Toelaatbaarheidsverklaring.objects.get(pk=tlv.pk)
    services.tlv_compleet_verklaren(actor=wereld.actor(R.LOKET), tlv=tlv, compleet_op=VANDAAG())
    advies(wereld, tlv, wereld.ortho, actor=R.DESKUNDIGE)
    advies(wereld, tlv, wereld.arts)
    besluiten(wereld, tlv)
    with pytest.raises(ValidationError, match="al besloten"):
        besluiten(wereld, tlv, besluit="afgewezen")
    tlv.refresh_from_db()
    assert tlv.besluit == "toegekend"


def test_twee_besluiten_tegelijk_overschrijven_elkaar_nooit(wereld):
    tlv = met_twee_adviezen(wereld)
    gelezen = Toelaatbaarheidsverklaring.objects.get(pk=tlv.pk)  # read by the second person
    besluiten(wereld, tlv)  # the first decides
    gelezen.besluit = "afgewezen"
    with pytest.raises(services.Conflict):
        _bewaar_als_status(gelezen, Status.COMPLEET, ["besluit"])
    tlv.refresh_from_db()
    assert tlv.besluit == "toegekend"


def test_alleen_commissie_of_directeur_besluit(wereld):
    tlv = met_twee_adviezen(wereld)
    with pytest.raises(Geweigerd):
        services.tlv_besluiten(
            actor=wereld.actor(R.LOKET),
            tlv=tlv,
            besluit="afgewezen",
            motivering="x",
            besluit_op=VANDAAG(),
        )


# --- Bezwaar ----------------------------------------------------------------------------------------


def toegekend(wereld) -> Toelaatbaarheidsverklaring:
    return besluiten(wereld, met_twee_adviezen(wereld))


def test_bezwaar_binnen_zes_weken_en_een_later_bezwaar_wordt_gemarkeerd(wereld):
    tlv = toegekend(wereld)
    loket = wereld.actor(R.LOKET)
    op_tijd = services.bezwaar_vastleggen(
        actor=loket,
        tlv=tlv,
        indiener="ouders",
        ingediend_op=VANDAAG(),
        omschrijving="Wij willen so.",
    )
    assert not op_tijd.te_laat
    Toelaatbaarheidsverklaring.objects.filter(pk=tlv.pk).update(
        besluit_op=VANDAAG() - datetime.timedelta(weeks=7)
    )
    tlv.refresh_from_db()
    te_laat = services.bezwaar_vastleggen(
        actor=loket,
        tlv=tlv,
        indiener="schoolbestuur",
        ingediend_op=VANDAAG(),
        omschrijving="Later.",
    )
    assert te_laat.te_laat


def test_bezwaar_voor_het_besluit_kan_niet(wereld):
    tlv = compleet(wereld)
    with pytest.raises(ValidationError, match="pas"):
        services.bezwaar_vastleggen(
            actor=wereld.actor(R.LOKET),
            tlv=tlv,
            indiener="ouders",
            ingediend_op=VANDAAG(),
            omschrijving="x",
        )
    assert not Bezwaar.objects.exists()


def test_bezwaar_doorloopt_adviesaanvraag_advies_en_uitkomst(wereld):
    tlv = toegekend(wereld)
    loket = wereld.actor(R.LOKET)
    bezwaar = services.bezwaar_vastleggen(
        actor=loket,
        tlv=tlv,
        indiener="ouders",
        ingediend_op=VANDAAG(),
        omschrijving="Wij willen so.",
    )
    with pytest.raises(ValidationError, match="na het advies"):
        services.bezwaar_beslissen(
            actor=loket, bezwaar=bezwaar, uitkomst="gegrond", uitkomst_op=VANDAAG(), toelichting="x"
        )
    with pytest.raises(services.Conflict):
        services.bezwaar_advies_ontvangen(
            actor=loket, bezwaar=bezwaar, advies_ontvangen_op=VANDAAG(), advies="x"
        )
    services.bezwaar_advies_gevraagd(actor=loket, bezwaar=bezwaar, adviesaanvraag_op=VANDAAG())
    services.bezwaar_advies_ontvangen(
        actor=loket, bezwaar=bezwaar, advies_ontvangen_op=VANDAAG(), advies="Ongegrond verklaren."
    )
    voor = aantal_logregels()
    services.bezwaar_beslissen(
        actor=wereld.actor(R.DIRECTEUR),
        bezwaar=bezwaar,
        uitkomst="ongegrond",
        uitkomst_op=VANDAAG(),
        toelichting="Het besluit blijft.",
    )
    assert aantal_logregels() == voor + 1
    bezwaar.refresh_from_db()
    assert (bezwaar.uitkomst, bezwaar.adviesaanvraag_op, bezwaar.advies_ontvangen_op) == (
        "ongegrond",
        VANDAAG(),
        VANDAAG(),
    )
    with pytest.raises(services.Conflict):
        services.bezwaar_beslissen(
            actor=loket,
            bezwaar=bezwaar,
            uitkomst="ingetrokken",
            uitkomst_op=VANDAAG(),
            toelichting="x",
        )


def test_bezwaar_kan_altijd_worden_ingetrokken(wereld):
    tlv = toegekend(wereld)
    loket = wereld.actor(R.LOKET)
    bezwaar = services.bezwaar_vastleggen(
        actor=loket, tlv=tlv, indiener="ouders", ingediend_op=VANDAAG(), omschrijving="x"
    )
    services.bezwaar_beslissen(
        actor=loket,
        bezwaar=bezwaar,
        uitkomst="ingetrokken",
        uitkomst_op=VANDAAG(),
        toelichting="Ouders trekken in.",
    )
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "ingetrokken"


def test_adviesaanvraag_voor_het_bezwaar_kan_niet(wereld):
    tlv = toegekend(wereld)
    loket = wereld.actor(R.LOKET)
    bezwaar = services.bezwaar_vastleggen(
        actor=loket, tlv=tlv, indiener="ouders", ingediend_op=VANDAAG(), omschrijving="x"
    )
    with pytest.raises(ValidationError) as fout:
        services.bezwaar_advies_gevraagd(
            actor=loket, bezwaar=bezwaar, adviesaanvraag_op=VANDAAG() - datetime.timedelta(days=1)
        )
    assert "adviesaanvraag_op" in fout.value.message_dict
    bezwaar.refresh_from_db()
    assert bezwaar.adviesaanvraag_op is None


# --- Verlenging ---------------------------------------------------------------------------------


def test_verlenging_is_een_nieuwe_aanvraag_bij_de_vorige_tlv(wereld):
    tlv = toegekend(wereld)
    nieuw = services.tlv_verlenging_aanvragen(actor=wereld.actor(R.SCHOOLLEIDER), tlv=tlv)
    assert nieuw.vorige == tlv
    assert (nieuw.status, nieuw.soort, nieuw.opp) == (Status.INGEDIEND, "sbo", wereld.opp)
    with pytest.raises(ValidationError, match="al een verlenging"):
        services.tlv_verlenging_aanvragen(actor=wereld.actor(R.SCHOOLLEIDER), tlv=tlv)


def test_verlenging_na_de_einddatum_kan_niet(wereld):
    tlv = toegekend(wereld)
    Toelaatbaarheidsverklaring.objects.filter(pk=tlv.pk).update(
        ingangsdatum=VANDAAG() - datetime.timedelta(days=500),
        einddatum=VANDAAG() - datetime.timedelta(days=1),
    )
    tlv.refresh_from_db()
    with pytest.raises(ValidationError, match="afgelopen"):
        services.tlv_verlenging_aanvragen(actor=wereld.actor(R.SCHOOLLEIDER), tlv=tlv)


def test_verlenging_door_de_huidige_school_vanuit_haar_eigen_opp(wereld):
    tlv = toegekend(wereld)
    # The pupil moves to an sbo school of the same SWV; that school writes its own OPP.
    sbo = VestigingFactory(naam="SBO De Sprong", soort="sbo")
    SwvLidmaatschapFactory(vestiging=sbo, samenwerkingsverband=wereld.swv)
    wereld.leerling.inschrijvingen.update(tot=VANDAAG() - datetime.timedelta(days=1))
    InschrijvingFactory(leerling=wereld.leerling, vestiging=sbo, van=VANDAAG())
    ib_sbo = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=sbo.school)
    actor = Actor(gebruiker=ib_sbo.gebruiker, rol=ib_sbo)
    with pytest.raises(ValidationError, match="geen vastgesteld OPP"):
        services.tlv_verlenging_aanvragen(actor=actor, tlv=tlv)
    opp = VastgesteldOppFactory(
        leerling=wereld.leerling, vestiging=sbo, aangemaakt_door=ib_sbo.gebruiker
    )
    nieuw = services.tlv_verlenging_aanvragen(actor=actor, tlv=tlv)
    assert (nieuw.opp, nieuw.vestiging, nieuw.verantwoordelijk_swv) == (opp, sbo, wereld.swv)
    # The former school no longer sees the pupil, so it cannot ask for a verlenging.
    with pytest.raises(Geweigerd):
        services.tlv_verlenging_aanvragen(actor=wereld.actor(R.INTERN_BEGELEIDER), tlv=tlv)


# --- The SWV's set-up -----------------------------------------------------------------------------


def test_regeling_van_het_swv_geldt_voor_de_duur_en_de_tweede_deskundige(wereld):
    directeur = wereld.actor(R.DIRECTEUR)
    services.regeling_opslaan(
        actor=directeur,
        versie="",
        tweede_deskundigen=["Logopedist", "logopedist", ""],
        categorie_labels=["licht", "gemiddeld", "zwaar"],
        minimale_duur_maanden=24,
        maximale_duur_maanden=None,
        einde_signaal_maanden=3,
        bezwaar_indienen_bij="Het bestuur van SWV Rivierenland, Postbus 1, 4000 AA Tiel",
        bezwaaradviescommissie="de LBT",
    )
    regeling = regeling_van(wereld.swv)
    assert regeling.tweede_deskundigen == ("logopedist",)
    assert regeling.categorie_label(3) == "categorie 3 (zwaar)"
    tlv = met_twee_adviezen(wereld)  # orthopedagoog + jeugdarts: jeugdarts is no longer on the list
    with pytest.raises(ValidationError) as fout:
        besluiten(wereld, tlv)
    berichten = " ".join(fout.value.messages)
    assert "uit de lijst" in berichten and "minstens 24 maanden" in berichten
    with pytest.raises(services.Conflict):
        services.regeling_opslaan(
            actor=directeur,
            versie="",
            tweede_deskundigen=["jeugdarts"],
            categorie_labels=["a", "b", "c"],
            minimale_duur_maanden=12,
            maximale_duur_maanden=None,
            einde_signaal_maanden=6,
            bezwaar_indienen_bij="x",
            bezwaaradviescommissie="y",
        )


def test_regeling_met_onzinnige_waarden_wordt_geweigerd(wereld):
    with pytest.raises(ValidationError) as fout:
        services.regeling_opslaan(
            actor=wereld.actor(R.FUNCTIONEEL_BEHEERDER),
            versie="",
            tweede_deskundigen=[" "],
            categorie_labels=["a", "", "c"],
            minimale_duur_maanden=24,
            maximale_duur_maanden=12,
            einde_signaal_maanden=0,
            bezwaar_indienen_bij="",
            bezwaaradviescommissie="",
        )
    assert set(fout.value.message_dict) == {
        "tweede_deskundigen",
        "categorie_labels",
        "maximale_duur_maanden",
        "einde_signaal_maanden",
        "bezwaar_indienen_bij",
        "bezwaaradviescommissie",
    }
    with pytest.raises(Geweigerd):
        services.regeling_opslaan(
            actor=wereld.actor(R.LOKET),
            versie="",
            tweede_deskundigen=["jeugdarts"],
            categorie_labels=["a", "b", "c"],
            minimale_duur_maanden=12,
            maximale_duur_maanden=None,
            einde_signaal_maanden=6,
            bezwaar_indienen_bij="x",
            bezwaaradviescommissie="y",
        )


def test_deskundige_toevoegen_aan_de_pool(wereld):
    loket = wereld.actor(R.LOKET)
    nieuw = services.deskundige_toevoegen(
        actor=loket, naam="Kees de Boer", beroep=" Kinder- en Jeugdpsychiater "
    )
    assert (nieuw.samenwerkingsverband, nieuw.beroep) == (wereld.swv, "kinder- en jeugdpsychiater")
    with pytest.raises(ValidationError) as fout:
        services.deskundige_toevoegen(
            actor=loket, naam="", beroep="arts", gebruiker=wereld.rollen[R.LERAAR].gebruiker
        )
    assert set(fout.value.message_dict) == {"naam", "gebruiker"}
    with pytest.raises(Geweigerd):
        services.deskundige_toevoegen(actor=wereld.actor(R.COMMISSIELID), naam="X", beroep="arts")


def test_deskundige_wijzigen_met_versiecontrole(wereld):
    loket = wereld.actor(R.LOKET)
    versie = wereld.arts.gewijzigd_op.isoformat()
    services.deskundige_wijzigen(
        actor=loket,
        deskundige=wereld.arts,
        versie=versie,
        naam="Joost Bakker",
        beroep="jeugdarts",
        school=None,
        actief=False,
    )
    wereld.arts.refresh_from_db()
    assert not wereld.arts.actief
    with pytest.raises(services.Conflict):
        services.deskundige_wijzigen(
            actor=loket,
            deskundige=wereld.arts,
            versie=versie,
            naam="J",
            beroep="arts",
            school=None,
            actief=True,
        )


def test_nieuwe_leerling_zonder_tlv_ziet_niemand_bij_het_swv(wereld):
    andere = LeerlingFactory()
    InschrijvingFactory(leerling=andere, vestiging=wereld.vestiging)
    assert not tlvs_zichtbaar_voor(actor=wereld.actor(R.DIRECTEUR)).filter(leerling=andere).exists()


def test_twee_gelijktijdige_aanvragen_botsen_op_de_database(wereld, monkeypatch):
    """Even when both pass the check at the same moment, the database allows one."""
    aanvragen(wereld)
    monkeypatch.setattr(
        "passend.toelaatbaarheid.services.aanvraag.lopende_aanvraag", lambda leerling_id: None
    )
    with pytest.raises(ValidationError) as fout:
        aanvragen(wereld, "so")
    assert "loopt al een TLV-aanvraag" in fout.value.messages[0]
    assert Toelaatbaarheidsverklaring.objects.count() == 1
    assert Betrokkenheid.objects.filter(samenwerkingsverband=wereld.swv).count() == 1
