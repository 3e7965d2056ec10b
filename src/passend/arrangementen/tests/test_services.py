"""The lifecycle of an arrangement request through the services: request from a vastgesteld
OPP, completeness check, completion, decision, withdrawal; and every refusal leaves nothing
behind."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Q

from passend.accounts.rules import Rolsoort
from passend.arrangementen import services
from passend.arrangementen.models import Arrangementaanvraag, Statuswijziging
from passend.arrangementen.rules import Besluit, Status
from passend.arrangementen.services import basis, indienen
from passend.arrangementen.tests.conftest import VANDAAG, Wereld
from passend.arrangementen.tests.factories import AanvraagFactory, VastgesteldOppFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Betrokkenheid, Leerling
from passend.leerlingen.permissions import zichtbaarheid
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.models import SwvLidmaatschap
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db
R = Rolsoort


def _niets_opgeslagen() -> None:
    assert not Arrangementaanvraag.objects.exists()
    assert not Betrokkenheid.objects.filter(grond__startswith="aanvraag arrangement").exists()


# --- Requesting ----------------------------------------------------------------------------------


def test_aanvraag_vanuit_een_vastgesteld_opp_gaat_naar_het_swv_van_de_vestiging(wereld: Wereld):
    voor = Toegangsregel.objects.count()
    aanvraag = wereld.aanvraag()
    assert aanvraag.status == Status.INGEDIEND
    assert aanvraag.samenwerkingsverband == wereld.swv
    assert aanvraag.vestiging == wereld.vestiging
    assert aanvraag.opp == wereld.opp
    assert aanvraag.leerling == wereld.leerling
    assert aanvraag.ingediend_op == VANDAAG()
    assert aanvraag.ingediend_door == wereld.rollen[R.INTERN_BEGELEIDER].gebruiker
    assert aanvraag.kenmerk == f"ARR-{VANDAAG():%Y}-{aanvraag.pk:05d}"
    [stap] = Statuswijziging.objects.filter(aanvraag=aanvraag)
    assert (stap.van_status, stap.naar_status) == ("", Status.INGEDIEND)
    [regel] = Toegangsregel.objects.order_by("pk")[voor:]
    assert (regel.actie, regel.resultaat, regel.object_id) == (
        "aanmaken",
        "toegestaan",
        str(aanvraag.sleutel),
    )
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [wereld.leerling.sleutel]


def test_indienen_geeft_het_swv_zicht_op_de_leerling(wereld: Wereld):
    loket = wereld.actor(R.LOKET)
    assert not Leerling.objects.filter(zichtbaarheid(loket, VANDAAG()), pk=wereld.leerling.pk)
    aanvraag = wereld.aanvraag()
    betrokkenheid = Betrokkenheid.objects.get(leerling=wereld.leerling)
    assert betrokkenheid.samenwerkingsverband == wereld.swv
    assert betrokkenheid.grond == f"aanvraag arrangement {aanvraag.kenmerk}"
    assert Leerling.objects.filter(zichtbaarheid(loket, VANDAAG()), pk=wereld.leerling.pk)


def test_een_concept_opp_wordt_geweigerd_met_een_duidelijke_melding(wereld: Wereld):
    concept = OppFactory(
        leerling=wereld.leerling,
        vestiging=wereld.vestiging,
        aangemaakt_door=wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
    )
    with pytest.raises(ValidationError) as fout:
        wereld.aanvraag(opp=concept)
    assert fout.value.message_dict["opp"] == [
        "Dit OPP is nog een concept. U vraagt een arrangement aan vanuit een vastgesteld OPP: "
        "stel het OPP eerst vast."
    ]
    _niets_opgeslagen()


@pytest.mark.parametrize(
    ("status", "melding"),
    [
        (OppStatus.VERVANGEN, "vervangen door een nieuwere versie"),
        (OppStatus.BEEINDIGD, "beëindigd"),
    ],
)
def test_een_vervangen_of_beeindigd_opp_wordt_geweigerd(wereld: Wereld, status, melding):
    Ontwikkelingsperspectief.objects.filter(pk=wereld.opp.pk).update(
        status=status, einddatum=VANDAAG() if status == OppStatus.BEEINDIGD else None
    )
    wereld.opp.refresh_from_db()
    with pytest.raises(ValidationError, match=melding):
        wereld.aanvraag()
    _niets_opgeslagen()


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"bedrag": Decimal("0")}, "bedrag"),
        ({"bedrag": None}, "bedrag"),
        ({"bedrag": Decimal("12.345")}, "bedrag"),
        ({"tot": VANDAAG()}, "tot"),  # tot == van
        (
            {
                "van": VANDAAG() - datetime.timedelta(days=400),
                "tot": VANDAAG() - datetime.timedelta(days=1),
            },
            "tot",
        ),
        ({"ondersteuning": "  "}, "ondersteuning"),
        ({"toelichting": ""}, "toelichting"),
    ],
)
def test_ongeldige_invoer_geeft_een_fout_per_veld_en_slaat_niets_op(wereld: Wereld, velden, fout):
    voor = Toegangsregel.objects.count()
    with pytest.raises(ValidationError) as uitzondering:
        wereld.aanvraag(**velden)
    assert fout in uitzondering.value.message_dict
    _niets_opgeslagen()
    assert Toegangsregel.objects.count() == voor


def test_per_opp_loopt_maar_een_aanvraag_tegelijk(wereld: Wereld):
    eerste = wereld.aanvraag()
    with pytest.raises(ValidationError, match="loopt al een aanvraag"):
        wereld.aanvraag()
    services.aanvraag_intrekken(
        actor=wereld.actor(R.INTERN_BEGELEIDER), aanvraag=eerste, reden="Verkeerd bedrag"
    )
    tweede = wereld.aanvraag(bedrag=Decimal("3800.00"))
    assert tweede.status == Status.INGEDIEND
    assert Arrangementaanvraag.objects.count() == 2


def test_ook_de_database_weigert_een_tweede_open_aanvraag(wereld: Wereld, monkeypatch):
    wereld.aanvraag()
    monkeypatch.setattr(indienen, "open_aanvraag_van_opp", lambda opp: None)
    with pytest.raises(ValidationError, match="zojuist al een aanvraag"):
        wereld.aanvraag()
    assert Arrangementaanvraag.objects.count() == 1


def test_het_bestuur_vraagt_ook_aan(wereld: Wereld):
    aanvraag = services.aanvraag_indienen(
        actor=wereld.actor(R.BESTUURDER),
        opp=wereld.opp,
        ondersteuning="Onderwijsassistent 4 uur per week",
        van=VANDAAG(),
        tot=VANDAAG() + datetime.timedelta(days=100),
        bedrag=Decimal("6000"),
        toelichting="Zie het OPP.",
    )
    assert aanvraag.samenwerkingsverband == wereld.swv


@pytest.mark.parametrize("rolsoort", [R.LERAAR, R.LOKET, R.OUDER, R.COMMISSIELID])
def test_alleen_ib_schoolleider_en_bestuur_vragen_aan(wereld: Wereld, rolsoort):
    with pytest.raises(Geweigerd):
        services.aanvraag_indienen(
            actor=wereld.actor(rolsoort),
            opp=wereld.opp,
            ondersteuning="x",
            van=VANDAAG(),
            tot=VANDAAG() + datetime.timedelta(days=10),
            bedrag=Decimal("10"),
            toelichting="x",
        )
    _niets_opgeslagen()


def test_een_andere_school_vraagt_niet_aan_vanuit_ons_opp(wereld: Wereld):
    with pytest.raises(Geweigerd):
        services.aanvraag_indienen(
            actor=wereld.vreemde(R.INTERN_BEGELEIDER),
            opp=wereld.opp,
            ondersteuning="x",
            van=VANDAAG(),
            tot=VANDAAG() + datetime.timedelta(days=10),
            bedrag=Decimal("10"),
            toelichting="x",
        )
    _niets_opgeslagen()


def test_het_swv_is_dat_van_het_lidmaatschap_op_de_aanvraagdatum(wereld: Wereld):
    nieuw_swv = SamenwerkingsverbandFactory(naam="Nieuw SWV")
    SwvLidmaatschap.objects.filter(vestiging=wereld.vestiging).update(
        tot=VANDAAG() - datetime.timedelta(days=1)
    )
    SwvLidmaatschapFactory(
        vestiging=wereld.vestiging, samenwerkingsverband=nieuw_swv, van=VANDAAG()
    )
    assert wereld.aanvraag().samenwerkingsverband == nieuw_swv


def test_zonder_lidmaatschap_volgt_een_duidelijke_melding(wereld: Wereld):
    SwvLidmaatschap.objects.filter(vestiging=wereld.vestiging).delete()
    with pytest.raises(ValidationError, match=r"hoort op .* niet bij een samenwerkingsverband"):
        wereld.aanvraag()
    _niets_opgeslagen()


@pytest.mark.parametrize(
    ("geboren", "sector"), [(datetime.date(2018, 1, 1), "PO"), (datetime.date(2012, 1, 1), "VO")]
)
def test_op_een_so_vso_vestiging_beslist_de_leeftijd_welk_swv(wereld: Wereld, geboren, sector):
    vestiging = VestigingFactory(
        soort="so_vso",
        school=wereld.vestiging.school,
        vestigingscode=f"{wereld.vestiging.school.brin}01",
    )
    po = SamenwerkingsverbandFactory(sector="PO")
    vo = SamenwerkingsverbandFactory(sector="VO")
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=po)
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=vo)
    leerling = LeerlingFactory(geboortedatum=geboren)
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    opp = VastgesteldOppFactory(leerling=leerling, vestiging=vestiging)
    aanvraag = wereld.aanvraag(opp=opp)
    assert aanvraag.samenwerkingsverband.sector == sector


def test_een_aanvraag_op_papier_kan_eerder_gedateerd_maar_niet_in_de_toekomst(wereld: Wereld):
    eerder = VANDAAG() - datetime.timedelta(days=5)
    assert wereld.aanvraag(op=eerder).ingediend_op == eerder
    Arrangementaanvraag.objects.all().delete()
    Betrokkenheid.objects.all().delete()
    with pytest.raises(ValidationError, match="toekomst"):
        wereld.aanvraag(op=VANDAAG() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="vorige stap"):
        wereld.aanvraag(op=wereld.opp.vastgesteld_op - datetime.timedelta(days=1))


# --- Completeness ----------------------------------------------------------------------------------


def test_het_loket_verklaart_compleet_met_datum(wereld: Wereld):
    aanvraag = services.compleet_verklaren(actor=wereld.actor(R.LOKET), aanvraag=wereld.aanvraag())
    assert aanvraag.status == Status.COMPLEET
    assert aanvraag.compleet_op == VANDAAG()
    assert aanvraag.compleet_door == wereld.rollen[R.LOKET].gebruiker
    assert [s.naar_status for s in aanvraag.statuswijzigingen.order_by("tijdstip", "id")] == [
        Status.INGEDIEND,
        Status.COMPLEET,
    ]


def test_onvolledig_zegt_wat_er_ontbreekt_en_de_school_vult_aan(wereld: Wereld):
    loket, ib = wereld.actor(R.LOKET), wereld.actor(R.INTERN_BEGELEIDER)
    aanvraag = wereld.aanvraag()
    with pytest.raises(ValidationError, match="ontbreekt"):
        services.onvolledig_verklaren(actor=loket, aanvraag=aanvraag, ontbreekt=" ")
    aanvraag = services.onvolledig_verklaren(
        actor=loket, aanvraag=aanvraag, ontbreekt="Het leesonderzoek ontbreekt."
    )
    assert (aanvraag.status, aanvraag.onvolledig_op) == (Status.ONVOLLEDIG, VANDAAG())
    assert aanvraag.ontbreekt == "Het leesonderzoek ontbreekt."
    with pytest.raises(ValidationError, match="aangevuld"):
        services.aanvraag_aanvullen(
            actor=ib,
            aanvraag=aanvraag,
            aanvulling="",
            ondersteuning=aanvraag.ondersteuning,
            van=aanvraag.van,
            tot=aanvraag.tot,
            bedrag=aanvraag.bedrag,
            toelichting=aanvraag.toelichting,
        )
    aanvraag = services.aanvraag_aanvullen(
        actor=ib,
        aanvraag=aanvraag,
        aanvulling="Het verslag van het leesonderzoek staat nu in de motivering.",
        ondersteuning=aanvraag.ondersteuning,
        van=aanvraag.van,
        tot=aanvraag.tot,
        bedrag=Decimal("4200.00"),
        toelichting="Leesonderzoek april: grote achterstand bij technisch lezen.",
    )
    assert aanvraag.status == Status.INGEDIEND
    assert aanvraag.opnieuw_ingediend_op == VANDAAG()
    assert aanvraag.bedrag == Decimal("4200.00")
    assert aanvraag.ingediend_op == VANDAAG()  # the date of receipt stays
    stappen = list(aanvraag.statuswijzigingen.order_by("tijdstip", "id"))
    assert [(s.van_status, s.naar_status) for s in stappen] == [
        ("", Status.INGEDIEND),
        (Status.INGEDIEND, Status.ONVOLLEDIG),
        (Status.ONVOLLEDIG, Status.INGEDIEND),
    ]
    assert "leesonderzoek" in stappen[-1].toelichting


def test_na_een_herziening_steunt_de_aangevulde_aanvraag_op_de_geldende_versie(wereld: Wereld):
    aanvraag = services.onvolledig_verklaren(
        actor=wereld.actor(R.LOKET), aanvraag=wereld.aanvraag(), ontbreekt="Doelen te vaag."
    )
    nieuw = VastgesteldOppFactory(
        leerling=wereld.leerling,
        vestiging=wereld.vestiging,
        reeks=wereld.opp.reeks,
        versie=2,
        vorige_versie=wereld.opp,
        vastgesteld_op=VANDAAG(),
    )
    Ontwikkelingsperspectief.objects.filter(pk=wereld.opp.pk).update(status=OppStatus.VERVANGEN)
    aanvraag = services.aanvraag_aanvullen(
        actor=wereld.actor(R.INTERN_BEGELEIDER),
        aanvraag=aanvraag,
        aanvulling="De doelen zijn in versie 2 concreter gemaakt.",
        ondersteuning=aanvraag.ondersteuning,
        van=aanvraag.van,
        tot=aanvraag.tot,
        bedrag=aanvraag.bedrag,
        toelichting=aanvraag.toelichting,
    )
    assert aanvraag.opp == nieuw
    assert "versie 2" in aanvraag.statuswijzigingen.order_by("-id").first().toelichting


@pytest.mark.parametrize(
    "rolsoort", [R.COMMISSIELID, R.DIRECTEUR, R.DESKUNDIGE, R.INTERN_BEGELEIDER]
)
def test_alleen_het_loket_controleert_de_volledigheid(wereld: Wereld, rolsoort):
    aanvraag = wereld.aanvraag()
    with pytest.raises(Geweigerd):
        services.compleet_verklaren(actor=wereld.actor(rolsoort), aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND


def test_het_loket_van_een_ander_swv_ziet_de_aanvraag_niet(wereld: Wereld):
    aanvraag = wereld.aanvraag()
    with pytest.raises(Geweigerd):
        services.compleet_verklaren(actor=wereld.vreemde(R.LOKET), aanvraag=aanvraag)


def test_een_complete_aanvraag_wordt_niet_nog_eens_gecontroleerd(wereld: Wereld):
    aanvraag = wereld.compleet()
    with pytest.raises(services.Statusfout, match="nieuw ingediende"):
        services.onvolledig_verklaren(actor=wereld.actor(R.LOKET), aanvraag=aanvraag, ontbreekt="x")


# --- The decision -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rolsoort", [R.COMMISSIELID, R.DIRECTEUR])
def test_de_commissie_of_de_directeur_kent_toe(wereld: Wereld, rolsoort):
    aanvraag = wereld.compleet()
    aanvraag = services.besluit_nemen(
        actor=wereld.actor(rolsoort),
        aanvraag=aanvraag,
        besluit=Besluit.TOEGEKEND,
        redenen="Past bij het OPP en de criteria van het ondersteuningsplan.",
        toegekend_bedrag=aanvraag.bedrag,
        toegekend_van=aanvraag.van,
        toegekend_tot=aanvraag.tot,
    )
    assert (aanvraag.status, aanvraag.besluit) == (Status.BESLOTEN, Besluit.TOEGEKEND)
    assert aanvraag.besloten_op == VANDAAG()
    assert aanvraag.besloten_door == wereld.rollen[rolsoort].gebruiker
    assert aanvraag.toegekend_bedrag == Decimal("4500.00")


def test_deels_toekennen_met_minder_geld(wereld: Wereld):
    aanvraag = wereld.compleet()
    aanvraag = services.besluit_nemen(
        actor=wereld.actor(R.COMMISSIELID),
        aanvraag=aanvraag,
        besluit=Besluit.DEELS,
        redenen="Eerst een half jaar; daarna evalueren.",
        toegekend_bedrag=Decimal("2250.00"),
        toegekend_van=aanvraag.van,
        toegekend_tot=aanvraag.van + datetime.timedelta(days=90),
    )
    assert aanvraag.besluit == Besluit.DEELS
    assert aanvraag.toegekend_bedrag == Decimal("2250.00")


def test_afwijzen_met_redenen_zonder_bedrag(wereld: Wereld):
    aanvraag = services.besluit_nemen(
        actor=wereld.actor(R.DIRECTEUR),
        aanvraag=wereld.compleet(),
        besluit=Besluit.AFGEWEZEN,
        redenen="Dit valt binnen de basisondersteuning van de school.",
    )
    assert (aanvraag.besluit, aanvraag.toegekend_bedrag, aanvraag.toegekend_van) == (
        Besluit.AFGEWEZEN,
        None,
        None,
    )


def test_een_ongeldig_besluit_slaat_niets_op(wereld: Wereld):
    aanvraag = wereld.compleet()
    voor = Toegangsregel.objects.count()
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(
            actor=wereld.actor(R.COMMISSIELID),
            aanvraag=aanvraag,
            besluit=Besluit.DEELS,
            redenen="",
            toegekend_bedrag=Decimal("9999"),
            toegekend_van=aanvraag.van,
            toegekend_tot=aanvraag.tot,
        )
    assert set(fout.value.message_dict) == {"redenen"}
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.COMPLEET
    assert Toegangsregel.objects.count() == voor


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.DESKUNDIGE, R.INTERN_BEGELEIDER, R.BESTUURDER])
def test_alleen_een_commissielid_of_de_directeur_besluit(wereld: Wereld, rolsoort):
    aanvraag = wereld.compleet()
    with pytest.raises(Geweigerd):
        services.besluit_nemen(
            actor=wereld.actor(rolsoort),
            aanvraag=aanvraag,
            besluit=Besluit.AFGEWEZEN,
            redenen="x",
        )


def test_besluiten_over_een_aanvraag_die_niet_compleet_is_kan_niet(wereld: Wereld):
    aanvraag = wereld.aanvraag()
    with pytest.raises(services.Statusfout, match="compleet heeft verklaard"):
        services.besluit_nemen(
            actor=wereld.actor(R.COMMISSIELID), aanvraag=aanvraag, besluit="afgewezen", redenen="x"
        )


def test_twee_beslissers_tegelijk_overschrijven_elkaar_niet(wereld: Wereld):
    """Both read the complete request; the first decides; the second is refused and the
    first decision stays."""
    aanvraag = wereld.compleet()
    kopie_commissie = Arrangementaanvraag.objects.get(pk=aanvraag.pk)
    kopie_directeur = Arrangementaanvraag.objects.get(pk=aanvraag.pk)
    services.besluit_nemen(
        actor=wereld.actor(R.COMMISSIELID),
        aanvraag=kopie_commissie,
        besluit=Besluit.AFGEWEZEN,
        redenen="Basisondersteuning.",
    )
    with pytest.raises(services.Statusfout, match="al besloten"):
        services.besluit_nemen(
            actor=wereld.actor(R.DIRECTEUR),
            aanvraag=kopie_directeur,
            besluit=Besluit.TOEGEKEND,
            redenen="Toch wel.",
            toegekend_bedrag=aanvraag.bedrag,
            toegekend_van=aanvraag.van,
            toegekend_tot=aanvraag.tot,
        )
    aanvraag.refresh_from_db()
    assert aanvraag.besluit == Besluit.AFGEWEZEN
    assert aanvraag.besloten_door == wereld.rollen[R.COMMISSIELID].gebruiker
    assert aanvraag.statuswijzigingen.filter(naar_status=Status.BESLOTEN).count() == 1


def test_de_stap_wordt_alleen_geschreven_als_de_status_nog_dezelfde_is(wereld: Wereld, monkeypatch):
    """Even when the locked read was stale (a database without row locks), the status-guarded
    update refuses: nothing is overwritten."""
    aanvraag = wereld.compleet()
    verouderd = Arrangementaanvraag.objects.get(pk=aanvraag.pk)
    Arrangementaanvraag.objects.filter(pk=aanvraag.pk).update(
        status=Status.BESLOTEN, besluit=Besluit.AFGEWEZEN, redenen="x", besloten_op=VANDAAG()
    )
    monkeypatch.setattr(basis, "_vergrendeld", lambda a: verouderd)
    with pytest.raises(services.Statusfout, match="intussen behandeld"):
        services.besluit_nemen(
            actor=wereld.actor(R.COMMISSIELID), aanvraag=aanvraag, besluit="afgewezen", redenen="y"
        )
    aanvraag.refresh_from_db()
    assert aanvraag.redenen == "x"
    assert not aanvraag.statuswijzigingen.filter(naar_status=Status.BESLOTEN).exists()


# --- Withdrawing ------------------------------------------------------------------------------------


def test_de_school_trekt_in_voor_het_besluit_maar_niet_erna(wereld: Wereld):
    ib = wereld.actor(R.INTERN_BEGELEIDER)
    aanvraag = wereld.compleet()
    with pytest.raises(ValidationError, match="waarom"):
        services.aanvraag_intrekken(actor=ib, aanvraag=aanvraag, reden="")
    aanvraag = services.aanvraag_intrekken(actor=ib, aanvraag=aanvraag, reden="Leerling verhuist.")
    assert (aanvraag.status, aanvraag.ingetrokken_op) == (Status.INGETROKKEN, VANDAAG())
    besloten = AanvraagFactory(
        opp=wereld.opp, samenwerkingsverband=wereld.swv, besloten=True, ingediend_op=VANDAAG()
    )
    with pytest.raises(services.Statusfout, match="al besloten"):
        services.aanvraag_intrekken(actor=ib, aanvraag=besloten, reden="Te laat")


def test_een_ander_dan_de_school_trekt_niet_in(wereld: Wereld):
    aanvraag = wereld.aanvraag()
    for wie in (wereld.actor(R.LOKET), wereld.actor(R.OUDER), wereld.vreemde(R.INTERN_BEGELEIDER)):
        with pytest.raises(Geweigerd):
            services.aanvraag_intrekken(actor=wie, aanvraag=aanvraag, reden="x")
    assert Arrangementaanvraag.objects.filter(Q(status=Status.INGEDIEND)).count() == 1


def test_een_bestaand_opp_blijft_onveranderd(wereld: Wereld):
    """Requesting reads the OPP; it never changes it."""
    voor = Ontwikkelingsperspectief.objects.values().get(pk=wereld.opp.pk)
    wereld.compleet()
    assert Ontwikkelingsperspectief.objects.values().get(pk=wereld.opp.pk) == voor


def test_een_stap_in_het_verloop_wordt_nooit_gewijzigd(wereld: Wereld):
    stap = Statuswijziging.objects.get(aanvraag=wereld.aanvraag())
    stap.toelichting = "achteraf anders"
    with pytest.raises(ValueError, match="nooit gewijzigd"):
        stap.save()
