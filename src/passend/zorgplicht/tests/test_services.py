"""Registering, extending and deciding through the services: policy, state, history, the
access log, and nothing half-saved."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from passend.core.models import Resultaat, Toegangsregel
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.ondersteuning.rules import Status
from passend.ondersteuning.tests.factories import OppFactory
from passend.zorgplicht import rules, services
from passend.zorgplicht.models import Aanmelding, Stap
from passend.zorgplicht.rules import StapSoort, Uitkomst, Wijze
from passend.zorgplicht.services import NieuwKind
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def nieuw_kind(**kwargs) -> NieuwKind:
    gegevens = {
        "voornamen": "Sem",
        "achternaam": "Bakker",
        "geboortedatum": datetime.date(2022, 2, 2),
        "postcode": "4141ab",
    }
    return NieuwKind(**{**gegevens, **kwargs})


def open_aanmelding(wereld, dagen_geleden: int = 10, **kwargs) -> Aanmelding:
    return AanmeldingFactory(
        leerling=wereld.kind,
        vestiging=wereld.vestiging,
        ontvangen_op=VANDAAG - timedelta(days=dagen_geleden),
        **kwargs,
    )


def regels() -> list[Toegangsregel]:
    return list(Toegangsregel.objects.order_by("id"))


# --- Registering -----------------------------------------------------------------------------


def test_ouder_meldt_eigen_kind_aan_in_het_portaal(wereld):
    aanmelding = services.aanmelden(
        actor=wereld.ouder,
        vestiging=wereld.vestiging,
        leerling=wereld.kind,
        ontvangen_op=VANDAAG - timedelta(days=30),  # ignored: received now
        ondersteuning_verwacht=True,
        toelichting_ondersteuning="Noor praat nog weinig.",
        andere_scholen="CBS Elders",
        route="test",
    )
    assert aanmelding.wijze == Wijze.PORTAAL
    assert aanmelding.ontvangen_op == VANDAAG
    assert aanmelding.beslissen_uiterlijk == VANDAAG + timedelta(days=42)
    assert aanmelding.tijdelijke_plaatsing_vanaf == VANDAAG + timedelta(days=71)
    assert aanmelding.ingediend_door == wereld.ouder.gebruiker
    assert aanmelding.eerste_voorkeur
    stap = Stap.objects.get(aanmelding=aanmelding)
    assert stap.soort == StapSoort.AANGEMELD and stap.door == wereld.ouder.gebruiker
    [regel] = regels()
    assert regel.actie == "aanmaken" and regel.resultaat == Resultaat.TOEGESTAAN
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [
        wereld.kind.sleutel
    ]


def test_ouder_meldt_een_nieuw_kind_aan_en_wordt_ouder_met_gezag(wereld):
    aanmelding = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.vestiging, nieuw_kind=nieuw_kind(), route="test"
    )
    kind = aanmelding.leerling
    assert kind.naam == "Sem Bakker" and kind.postcode == "4141 AB"
    assert Ouderschap.objects.get(leerling=kind).ouder == wereld.ouder.gebruiker
    assert Ouderschap.objects.get(leerling=kind).gezag
    assert not Inschrijving.objects.filter(leerling=kind).exists()  # no file at the school yet


def test_ouder_zonder_gezag_kan_niet_aanmelden(wereld):
    with pytest.raises(Geweigerd):
        services.aanmelden(
            actor=wereld.ouder_zonder_gezag, vestiging=wereld.vestiging, leerling=wereld.kind
        )
    assert not Aanmelding.objects.exists()
    [regel] = regels()
    assert regel.resultaat == Resultaat.GEWEIGERD


def test_school_legt_papieren_aanmelding_van_een_nieuw_kind_vast_zonder_ouder(wereld):
    ontvangen = VANDAAG - timedelta(days=5)
    aanmelding = services.aanmelden(
        actor=wereld.ib,
        vestiging=wereld.tweede_vestiging,
        nieuw_kind=nieuw_kind(woongemeente=wereld.gemeente),
        ontvangen_op=ontvangen,
        andere_vestigingen=[wereld.elders],
        eerste_voorkeur=False,
    )
    assert aanmelding.wijze == Wijze.PAPIER
    assert aanmelding.ontvangen_op == ontvangen
    assert aanmelding.beslissen_uiterlijk == ontvangen + timedelta(days=42)
    assert list(aanmelding.andere_vestigingen.all()) == [wereld.elders]
    assert not Ouderschap.objects.filter(leerling=aanmelding.leerling).exists()
    assert aanmelding.leerling.woongemeente == wereld.gemeente


def test_school_legt_alleen_aanmeldingen_bij_de_eigen_school_vast(wereld):
    with pytest.raises(Geweigerd):
        services.aanmelden(
            actor=wereld.ib, vestiging=wereld.elders, nieuw_kind=nieuw_kind(), ontvangen_op=VANDAAG
        )
    assert not Leerling.objects.filter(achternaam="Bakker").exists()
    assert regels()[-1].resultaat == Resultaat.GEWEIGERD


def test_school_kan_geen_kind_aanmelden_dat_zij_niet_ziet(wereld):
    with pytest.raises(Geweigerd):
        services.aanmelden(
            actor=wereld.ib, vestiging=wereld.vestiging, leerling=wereld.kind, ontvangen_op=VANDAAG
        )


@pytest.mark.parametrize("rol", ["leraar", "bestuurder", "loket", "privacy_officer"])
def test_andere_rollen_melden_niet_aan(wereld, rol):
    with pytest.raises(Geweigerd):
        services.aanmelden(
            actor=getattr(wereld, rol),
            vestiging=wereld.vestiging,
            nieuw_kind=nieuw_kind(),
            ontvangen_op=VANDAAG,
        )
    assert regels()[-1].resultaat == Resultaat.GEWEIGERD


def test_ontvangstdatum_niet_in_de_toekomst_en_toelichting_bij_ondersteuning(wereld):
    with pytest.raises(ValidationError) as fout:
        services.aanmelden(
            actor=wereld.ib,
            vestiging=wereld.vestiging,
            nieuw_kind=nieuw_kind(),
            ontvangen_op=VANDAAG + timedelta(days=1),
            ondersteuning_verwacht=True,
        )
    assert set(fout.value.message_dict) == {"ontvangen_op", "toelichting_ondersteuning"}
    assert not Leerling.objects.filter(achternaam="Bakker").exists()
    assert not regels()  # nothing was shown or saved: the caller writes the record


def test_twee_keer_aanmelden_bij_dezelfde_school_kan_niet(wereld):
    services.aanmelden(actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind)
    with pytest.raises(ValidationError, match="al aangemeld bij deze school"):
        services.aanmelden(actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind)


def test_maar_een_school_van_eerste_voorkeur(wereld):
    services.aanmelden(actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind)
    with pytest.raises(ValidationError) as fout:
        services.aanmelden(actor=wereld.ouder, vestiging=wereld.buurschool, leerling=wereld.kind)
    assert "eerste_voorkeur" in fout.value.message_dict
    tweede = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.buurschool, leerling=wereld.kind, eerste_voorkeur=False
    )
    assert not tweede.eerste_voorkeur


def test_al_ingeschreven_kind_meldt_zich_niet_opnieuw_aan(wereld):
    InschrijvingFactory(
        leerling=wereld.kind, vestiging=wereld.vestiging, van=VANDAAG - timedelta(days=100)
    )
    with pytest.raises(ValidationError, match="al ingeschreven"):
        services.aanmelden(actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind)


@override_settings(
    PASSEND={
        "ZORGPLICHT_ZOMERVAKANTIE_SCHORT": True,
        "ZORGPLICHT_ZOMERVAKANTIE_REGIO": "midden",
        "ZOMERVAKANTIES": {
            "midden": [(str(VANDAAG - timedelta(days=5)), str(VANDAAG + timedelta(days=9)))]
        },
    }
)
def test_zomervakantie_schort_de_termijn_als_de_instelling_aan_staat(wereld):
    aanmelding = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind
    )
    assert aanmelding.zomervakantie_geschorst
    assert aanmelding.beslissen_uiterlijk == VANDAAG + timedelta(days=42 + 9)
    assert aanmelding.tijdelijke_plaatsing_vanaf == VANDAAG + timedelta(days=71 + 9)


def test_standaard_schort_de_zomervakantie_niet(wereld):
    aanmelding = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind
    )
    assert not aanmelding.zomervakantie_geschorst


# --- Extending -------------------------------------------------------------------------------


def test_schoolleider_verlengt_een_keer(wereld):
    aanmelding = open_aanmelding(wereld)
    verlengd = services.aanmelding_verlengen(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        weken=3,
        reden="Wij wachten op het onderzoek.",
    )
    assert verlengd.verlengd_tot == aanmelding.ontvangen_op + timedelta(days=42 + 21)
    assert (
        verlengd.verlengd_op == VANDAAG and verlengd.verlengd_door == wereld.schoolleider.gebruiker
    )
    assert verlengd.tijdelijke_plaatsing_vanaf == aanmelding.tijdelijke_plaatsing_vanaf  # unchanged
    assert (
        Stap.objects.get(aanmelding=aanmelding, soort=StapSoort.VERLENGD).door
        == wereld.schoolleider.gebruiker
    )
    [regel] = regels()
    assert regel.actie == "wijzigen" and regel.resultaat == Resultaat.TOEGESTAAN


def test_verlenging_kan_maar_een_keer(wereld):
    aanmelding = open_aanmelding(wereld)
    services.aanmelding_verlengen(
        actor=wereld.bestuurder, aanmelding=aanmelding, weken=1, reden="Onderzoek."
    )
    with pytest.raises(services.NietMogelijk) as fout:
        services.aanmelding_verlengen(
            actor=wereld.schoolleider, aanmelding=aanmelding, weken=2, reden="Nog meer."
        )
    assert fout.value.weigering == "al_verlengd"
    assert "Verlengen kan maar één keer" in fout.value.melding
    aanmelding.refresh_from_db()
    assert aanmelding.verlenging_weken == 1
    assert Stap.objects.filter(aanmelding=aanmelding, soort=StapSoort.VERLENGD).count() == 1


def test_verlengen_na_het_verstrijken_van_de_termijn_kan_niet(wereld):
    aanmelding = open_aanmelding(wereld, dagen_geleden=43)
    with pytest.raises(services.NietMogelijk) as fout:
        services.aanmelding_verlengen(
            actor=wereld.schoolleider, aanmelding=aanmelding, weken=2, reden="Te laat."
        )
    assert fout.value.weigering == "termijn_verstreken"
    # Recorded late, but decided on time (the letter went out on the last day): allowed.
    services.aanmelding_verlengen(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        weken=2,
        reden="Brief verstuurd op tijd.",
        verlengd_op=aanmelding.beslissen_uiterlijk,
    )


def test_een_verlenging_weken_na_de_termijn_terugdateren_kan_niet(wereld):
    """A board that let the term pass cannot hide it by recording an 'on time' extension
    weeks later: at most rules.NAREGISTRATIE_DAGEN after the term."""
    aanmelding = open_aanmelding(wereld, dagen_geleden=60)  # term ended 18 days ago
    with pytest.raises(services.NietMogelijk) as fout:
        services.aanmelding_verlengen(
            actor=wereld.schoolleider,
            aanmelding=aanmelding,
            weken=4,
            reden="Teruggedateerd.",
            verlengd_op=aanmelding.ontvangen_op + timedelta(days=1),
        )
    assert fout.value.weigering == "termijn_verstreken"
    aanmelding.refresh_from_db()
    assert aanmelding.verlengd_tot is None


@pytest.mark.parametrize("rol", ["ib", "leraar", "loket", "ouder", "schoolleider_elders"])
def test_alleen_schoolleider_en_bestuur_van_die_school_verlengen(wereld, rol):
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(Geweigerd):
        services.aanmelding_verlengen(
            actor=getattr(wereld, rol), aanmelding=aanmelding, weken=2, reden="x"
        )
    assert regels()[-1].resultaat == Resultaat.GEWEIGERD
    aanmelding.refresh_from_db()
    assert aanmelding.verlengd_tot is None


def test_verlengen_met_vijf_weken_of_zonder_reden_wordt_niets(wereld):
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(ValidationError) as fout:
        services.aanmelding_verlengen(
            actor=wereld.schoolleider, aanmelding=aanmelding, weken=5, reden=" "
        )
    assert set(fout.value.message_dict) == {"weken", "reden"}
    aanmelding.refresh_from_db()
    assert aanmelding.verlengd_tot is None and not Stap.objects.exists()


def test_gelijktijdig_verlengen_overschrijft_niets(wereld):
    """Two people read the same open registration; the second write finds it extended."""
    aanmelding = open_aanmelding(wereld)
    verouderd = Aanmelding.objects.get(pk=aanmelding.pk)
    services.aanmelding_verlengen(
        actor=wereld.schoolleider, aanmelding=aanmelding, weken=1, reden="Eerste."
    )
    with pytest.raises(services.NietMogelijk):
        services.aanmelding_verlengen(
            actor=wereld.bestuurder, aanmelding=verouderd, weken=4, reden="Tweede."
        )
    aanmelding.refresh_from_db()
    assert aanmelding.verlenging_weken == 1 and aanmelding.verlenging_reden == "Eerste."


# --- Deciding --------------------------------------------------------------------------------


def test_toelaten_schrijft_de_leerling_in_vanaf_de_ingangsdatum(wereld):
    aanmelding = open_aanmelding(wereld)
    begin = VANDAAG + timedelta(days=14)
    besloten = services.aanmelding_besluiten(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        uitkomst=Uitkomst.TOEGELATEN,
        ingangsdatum=begin,
    )
    assert besloten.uitkomst == Uitkomst.TOEGELATEN
    assert (
        besloten.uitkomst_op == VANDAAG and besloten.besloten_door == wereld.schoolleider.gebruiker
    )
    inschrijving = Inschrijving.objects.get(leerling=wereld.kind)
    assert inschrijving.vestiging == wereld.vestiging and inschrijving.van == begin
    assert list(Stap.objects.filter(aanmelding=aanmelding).values_list("soort", flat=True)) == [
        StapSoort.BESLOTEN,
        StapSoort.INGESCHREVEN,
    ]
    assert len(regels()) == 1


def test_toelaten_beeindigt_de_inschrijving_op_de_vorige_school(wereld):
    vorige = InschrijvingFactory(
        leerling=wereld.kind, vestiging=wereld.elders, van=VANDAAG - timedelta(days=400)
    )
    aanmelding = open_aanmelding(wereld)
    services.aanmelding_besluiten(
        actor=wereld.bestuurder,
        aanmelding=aanmelding,
        uitkomst=Uitkomst.TOEGELATEN,
        ingangsdatum=VANDAAG + timedelta(days=7),
    )
    vorige.refresh_from_db()
    assert vorige.tot == VANDAAG + timedelta(days=6)
    assert (
        Inschrijving.objects.filter(leerling=wereld.kind)
        .filter(actief_op(VANDAAG + timedelta(days=7)))
        .get()
        .vestiging
        == wereld.vestiging
    )


def test_mislukte_inschrijving_maakt_het_besluit_ongedaan(wereld):
    InschrijvingFactory(
        leerling=wereld.kind, vestiging=wereld.elders, van=VANDAAG + timedelta(days=30)
    )
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(ValidationError) as fout:
        services.aanmelding_besluiten(
            actor=wereld.schoolleider,
            aanmelding=aanmelding,
            uitkomst=Uitkomst.TOEGELATEN,
            ingangsdatum=VANDAAG + timedelta(days=1),
        )
    assert "ingangsdatum" in fout.value.message_dict
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == "" and not Stap.objects.exists()  # nothing half-saved


def test_toelaten_met_ondersteuning_koppelt_een_opp_van_het_kind(wereld):
    opp = OppFactory(leerling=wereld.kind, vestiging=wereld.buurschool, status=Status.CONCEPT)
    InschrijvingFactory(
        leerling=wereld.kind, vestiging=wereld.buurschool, van=VANDAAG - timedelta(days=300)
    )
    aanmelding = open_aanmelding(wereld)
    besloten = services.aanmelding_besluiten(
        actor=wereld.bestuurder,  # the board sees the OPPs of its schools
        aanmelding=aanmelding,
        uitkomst=Uitkomst.TOEGELATEN_MET_ONDERSTEUNING,
        ingangsdatum=VANDAAG + timedelta(days=10),
        opp=opp,
    )
    assert besloten.opp == opp


def test_een_opp_dat_de_beslisser_niet_ziet_kan_niet_gekoppeld(wereld):
    opp = OppFactory(leerling=wereld.kind, vestiging=wereld.elders)
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(ValidationError) as fout:
        services.aanmelding_besluiten(
            actor=wereld.schoolleider,
            aanmelding=aanmelding,
            uitkomst=Uitkomst.TOEGELATEN_MET_ONDERSTEUNING,
            ingangsdatum=VANDAAG,
            opp=opp,
        )
    assert "opp" in fout.value.message_dict


def test_weigeren_op_grond_van_zorgplicht_vraagt_de_school_die_het_kind_toeliet(wereld):
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(ValidationError) as fout:
        services.aanmelding_besluiten(
            actor=wereld.schoolleider, aanmelding=aanmelding, uitkomst=Uitkomst.GEPLAATST_ELDERS
        )
    assert {"geplaatst_bij", "geplaatst_op"} <= set(fout.value.message_dict)
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == ""
    besloten = services.aanmelding_besluiten(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        uitkomst=Uitkomst.GEPLAATST_ELDERS,
        geplaatst_bij=wereld.elders,
        geplaatst_op=VANDAAG - timedelta(days=1),
    )
    assert besloten.geplaatst_bij == wereld.elders
    assert not Inschrijving.objects.filter(leerling=wereld.kind).exists()


def test_aanmelding_bij_de_andere_school_moet_daar_toegelaten_zijn(wereld):
    daar = AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.buurschool, eerste_voorkeur=False
    )
    aanmelding = open_aanmelding(wereld)
    kwargs = {
        "actor": wereld.schoolleider,
        "aanmelding": aanmelding,
        "uitkomst": Uitkomst.GEPLAATST_ELDERS,
        "geplaatst_bij": wereld.buurschool,
        "geplaatst_op": VANDAAG,
    }
    with pytest.raises(ValidationError, match=r"\(nog\) niet toegelaten"):
        services.aanmelding_besluiten(**kwargs)
    Aanmelding.objects.filter(pk=daar.pk).update(
        uitkomst=Uitkomst.TOEGELATEN,
        uitkomst_op=VANDAAG,
        besloten_door=wereld.bestuurder.gebruiker,
        ingangsdatum=VANDAAG + timedelta(days=30),
    )
    assert services.aanmelding_besluiten(**kwargs).uitkomst == Uitkomst.GEPLAATST_ELDERS


def test_vol_vraagt_een_reden_en_schrijft_niet_in(wereld):
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(ValidationError, match="waarom de groep vol is"):
        services.aanmelding_besluiten(
            actor=wereld.schoolleider, aanmelding=aanmelding, uitkomst=Uitkomst.AFGEWEZEN_VOL
        )
    besloten = services.aanmelding_besluiten(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        uitkomst=Uitkomst.AFGEWEZEN_VOL,
        toelichting="Groep 1 heeft 28 kinderen.",
    )
    assert besloten.toelichting_besluit == "Groep 1 heeft 28 kinderen."
    assert not Inschrijving.objects.exists()


def test_ingetrokken(wereld):
    aanmelding = open_aanmelding(wereld)
    besloten = services.aanmelding_besluiten(
        actor=wereld.bestuurder, aanmelding=aanmelding, uitkomst=Uitkomst.INGETROKKEN
    )
    assert besloten.uitkomst == Uitkomst.INGETROKKEN


def test_een_besluit_wordt_niet_overschreven(wereld):
    aanmelding = open_aanmelding(wereld)
    verouderd = Aanmelding.objects.get(pk=aanmelding.pk)
    services.aanmelding_besluiten(
        actor=wereld.schoolleider, aanmelding=aanmelding, uitkomst=Uitkomst.INGETROKKEN
    )
    with pytest.raises(services.NietMogelijk) as fout:
        services.aanmelding_besluiten(
            actor=wereld.bestuurder,
            aanmelding=verouderd,
            uitkomst=Uitkomst.TOEGELATEN,
            ingangsdatum=VANDAAG,
        )
    assert fout.value.weigering == "al_besloten"
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == Uitkomst.INGETROKKEN
    assert not Inschrijving.objects.exists()


def test_na_een_besluit_kan_het_kind_opnieuw_worden_aangemeld(wereld):
    aanmelding = open_aanmelding(wereld)
    services.aanmelding_besluiten(
        actor=wereld.schoolleider, aanmelding=aanmelding, uitkomst=Uitkomst.INGETROKKEN
    )
    opnieuw = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind
    )
    assert opnieuw.pk != aanmelding.pk


@pytest.mark.parametrize("rol", ["ib", "loket", "ouder", "schoolleider_elders", "ander_loket"])
def test_alleen_schoolleider_en_bestuur_beslissen(wereld, rol):
    aanmelding = open_aanmelding(wereld)
    with pytest.raises(Geweigerd):
        services.aanmelding_besluiten(
            actor=getattr(wereld, rol), aanmelding=aanmelding, uitkomst=Uitkomst.INGETROKKEN
        )
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == ""


def test_de_geschiedenis_wordt_niet_gewijzigd(wereld):
    aanmelding = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind
    )
    stap = Stap.objects.get(aanmelding=aanmelding)
    stap.omschrijving = "Anders"
    with pytest.raises(RuntimeError):
        stap.save()
    with pytest.raises(RuntimeError):
        Stap.objects.filter(pk=stap.pk).update(omschrijving="Anders")
    with pytest.raises(RuntimeError):
        stap.delete()


def test_termijnen_staan_in_de_database_zoals_de_regels_ze_berekenen(wereld):
    ontvangen = VANDAAG - timedelta(days=3)
    aanmelding = services.aanmelden(
        actor=wereld.schoolleider,
        vestiging=wereld.vestiging,
        nieuw_kind=nieuw_kind(),
        ontvangen_op=ontvangen,
    )
    assert aanmelding.beslissen_uiterlijk == rules.beslissen_uiterlijk(ontvangen)
    assert aanmelding.tijdelijke_plaatsing_vanaf == rules.tijdelijke_plaatsing_vanaf(ontvangen)
    LeerlingFactory()  # unrelated pupils do not matter


def test_twee_gelijktijdige_aanmeldingen_geven_geen_dubbele(wereld, monkeypatch):
    """When both requests pass the checks at the same moment, the database refuses the second."""
    services.aanmelden(actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind)
    monkeypatch.setattr(Aanmelding, "full_clean", lambda self, *a, **k: None)
    monkeypatch.setattr(
        Aanmelding.objects, "filter", lambda *a, **k: Aanmelding.objects.none(), raising=False
    )
    with pytest.raises(ValidationError, match="zojuist al aangemeld"):
        services.aanmelden(actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind)
    monkeypatch.undo()
    assert Aanmelding.objects.count() == 1
