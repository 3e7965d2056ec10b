"""The verzuim services: every error per field, Conflict, Geweigerd, the partners and
betrokkenheden they make and end, and meldnummers that stay unique."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Betrokkenheid
from passend.leerlingen.permissions import beleid as leerlingbeleid
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.ondersteuning.permissions import beleid as oppbeleid
from passend.ondersteuning.tests.factories import OppFactory
from passend.verzuim import services
from passend.verzuim.models import Doorbraakplan, Partner, Verzuimmelding
from passend.verzuim.permissions import beleid
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort
from passend.verzuim.selectors import meldingen_zichtbaar_voor
from passend.verzuim.tests.conftest import ander_kind
from passend.verzuim.tests.factories import VerzuimmeldingFactory

R = Rolsoort
pytestmark = pytest.mark.django_db


def vandaag() -> date:
    return timezone.localdate()


def melden(regio: Any, **extra: Any) -> Verzuimmelding:
    velden: dict[str, Any] = {
        "actor": regio[R.INTERN_BEGELEIDER],
        "leerling": regio.leerling,
        "soort": Verzuimsoort.RELATIEF,
        "sinds": vandaag() - timedelta(weeks=6),
        "reden": Reden.GEEN_PASSEND_AANBOD,
        "gemiste_uren": 20,
        "leerplichtambtenaar": regio[R.LEERPLICHTAMBTENAAR].gebruiker,
        "route": "test",
    }
    velden.update(extra)
    return services.melding_maken(**velden)


def fouten(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


# --- melding_maken -------------------------------------------------------------------------


def test_melding_geeft_de_commissie_en_deskundige_van_het_swv_geen_inzage_in_het_dossier(
    wereld: Any,
) -> None:
    """A verzuim report must not open the pupil's file and OPPs to the SWV's commission and
    experts (regression: the case gave the SWV a betrokkenheid with the pupil)."""
    regio = wereld.eigen
    kind = LeerlingFactory(voornamen="Zonder", achternaam="Tlv", woongemeente=regio.gemeente)
    InschrijvingFactory(leerling=kind, vestiging=regio.vestiging)
    opp = OppFactory(leerling=kind, vestiging=regio.vestiging)
    melding = melden(regio, leerling=kind)
    assert not Betrokkenheid.objects.filter(leerling=kind, samenwerkingsverband__isnull=False)
    deskundige = RolFactory(rolsoort=R.DESKUNDIGE, samenwerkingsverband=regio.swv)
    for actor in (Actor(gebruiker=deskundige.gebruiker, rol=deskundige), regio[R.COMMISSIELID]):
        assert not oppbeleid.mag(actor, "bekijken", opp)
        assert not leerlingbeleid.mag(actor, "bekijken", kind)
    # The SWV still has the case itself through the verzuim policy.
    assert beleid.mag(regio[R.COMMISSIELID], "bekijken", melding)
    assert beleid.mag(regio[R.LOKET], "bekijken", melding)


def test_melding_maken_maakt_partners_en_betrokkenheden(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    assert melding.meldnummer == f"{vandaag().year}-001"
    assert melding.vestiging == regio.vestiging
    assert melding.samenwerkingsverband == regio.swv
    assert melding.gemeente == regio.gemeente
    assert melding.schoolbestuur == regio.vestiging.school.bestuur
    soorten = {p.soort: p.gebruiker for p in melding.partners.all()}
    assert soorten == {
        Partnersoort.SCHOOL: regio[R.INTERN_BEGELEIDER].gebruiker,
        Partnersoort.LEERPLICHT: regio[R.LEERPLICHTAMBTENAAR].gebruiker,
    }
    grond = f"verzuimmelding {melding.meldnummer}"
    betrokken = Betrokkenheid.objects.filter(leerling=regio.leerling, grond=grond)
    # Only the municipality's partner gets a (personal) betrokkenheid; the SWV none.
    assert {(b.gebruiker_id, b.samenwerkingsverband_id) for b in betrokken} == {
        (regio[R.LEERPLICHTAMBTENAAR].gebruiker.pk, None),
    }
    regel = Toegangsregel.objects.get(object_id=str(melding.sleutel))
    assert regel.actie == "aanmaken" and regel.resultaat == "toegestaan"
    # The chosen leerplichtambtenaar now sees the case; a colleague of the same
    # municipality does not.
    assert beleid.mag(regio[R.LEERPLICHTAMBTENAAR], "bekijken", melding)
    assert not beleid.mag(regio["collega"], "bekijken", melding)
    assert not meldingen_zichtbaar_voor(actor=regio["collega"]).exists()


def test_meldnummers_blijven_uniek_per_swv_en_jaar(wereld: Any) -> None:
    regio = wereld.eigen
    jaar = vandaag().year
    VerzuimmeldingFactory(
        samenwerkingsverband=regio.swv, meldnummer=f"{jaar}-009", gemeente=regio.gemeente
    )
    VerzuimmeldingFactory(samenwerkingsverband=regio.swv, meldnummer=f"{jaar - 1}-500")
    eerste = melden(regio, leerplichtambtenaar=None)
    tweede = melden(
        regio,
        leerplichtambtenaar=None,
        soort=Verzuimsoort.VRIJSTELLING_5A,
        leerling=ander_kind(regio),
    )
    assert (eerste.meldnummer, tweede.meldnummer) == (f"{jaar}-010", f"{jaar}-011")
    # Another SWV counts on its own.
    assert melden(wereld.ander, leerplichtambtenaar=None).meldnummer == f"{jaar}-001"


def test_melding_maken_fouten_per_veld(wereld: Any) -> None:
    regio = wereld.eigen
    with pytest.raises(ValidationError) as exc:
        melden(
            regio,
            soort="onzin",
            reden="onzin",
            sinds=vandaag() + timedelta(days=1),
            gemiste_uren=-1,
        )
    assert fouten(exc) == {
        "soort": ["Kies de soort verzuim."],
        "reden": ["Kies de reden van het verzuim."],
        "sinds": ["Deze datum kan niet in de toekomst liggen."],
        "gemiste_uren": ["Vul een aantal uren tussen 0 en 1000 in."],
    }
    with pytest.raises(ValidationError) as exc:
        melden(regio, leerplichtambtenaar=wereld.ander[R.LEERPLICHTAMBTENAAR].gebruiker)
    assert fouten(exc) == {
        "leerplichtambtenaar": [
            f"Kies een leerplichtambtenaar van de gemeente {regio.gemeente.naam}."
        ]
    }
    with pytest.raises(ValidationError) as exc:
        melden(regio, leerling=None)
    assert fouten(exc) == {"leerling": ["Kies de leerling."]}
    assert not Verzuimmelding.objects.exists()


def test_melding_maken_geweigerd(wereld: Any) -> None:
    regio = wereld.eigen
    with pytest.raises(Geweigerd):
        melden(regio, actor=regio[R.LERAAR])
    with pytest.raises(Geweigerd):
        melden(regio, leerling=wereld.ander.leerling)
    with pytest.raises(Geweigerd):
        melden(regio, actor=regio[R.LOKET], leerling=wereld.ander.leerling)
    with pytest.raises(Geweigerd):
        melden(regio, soort=Verzuimsoort.ABSOLUUT, leerling=None, nieuw_kind={})
    assert not Verzuimmelding.objects.exists()


def kind(gemeente: Any, **extra: Any) -> dict[str, Any]:
    return {
        "voornamen": "Noor",
        "achternaam": "Testkind",
        "geboortedatum": date(2014, 2, 3),
        "postcode": "3511 AB",
        "woongemeente": gemeente,
        **extra,
    }


def test_absoluut_verzuim_registreert_het_kind(wereld: Any) -> None:
    regio = wereld.eigen
    melding = services.melding_maken(
        actor=regio[R.LOKET],
        soort=Verzuimsoort.ABSOLUUT,
        sinds=vandaag() - timedelta(days=3),
        reden=Reden.VERHUIZING,
        nieuw_kind=kind(regio.gemeente),
    )
    assert melding.vestiging is None and melding.schoolbestuur is None
    assert melding.leerling.woongemeente == regio.gemeente
    assert melding.samenwerkingsverband == regio.swv
    assert melding.partners.get().soort == Partnersoort.SAMENWERKINGSVERBAND
    # The leerplichtambtenaar reports too: the SWV is the one of the municipality.
    door_leerplicht = services.melding_maken(
        actor=regio[R.LEERPLICHTAMBTENAAR],
        soort=Verzuimsoort.ABSOLUUT,
        sinds=vandaag(),
        reden=Reden.OVERIG,
        nieuw_kind=kind(regio.gemeente, voornamen="Sam"),
    )
    assert door_leerplicht.samenwerkingsverband == regio.swv
    assert beleid.mag(regio[R.LEERPLICHTAMBTENAAR], "bekijken", door_leerplicht)


def test_absoluut_verzuim_fouten(wereld: Any) -> None:
    regio = wereld.eigen
    with pytest.raises(ValidationError) as exc:
        services.melding_maken(
            actor=regio[R.LOKET],
            soort=Verzuimsoort.ABSOLUUT,
            sinds=vandaag(),
            reden=Reden.OVERIG,
            nieuw_kind={"geboortedatum": vandaag()},
        )
    assert set(fouten(exc)) == {
        "voornamen",
        "achternaam",
        "geboortedatum",
        "postcode",
        "woongemeente",
    }
    with pytest.raises(ValidationError) as exc:
        services.melding_maken(
            actor=regio[R.LOKET],
            soort=Verzuimsoort.ABSOLUUT,
            sinds=vandaag(),
            reden=Reden.OVERIG,
            nieuw_kind=kind(wereld.ander.gemeente),
        )
    assert fouten(exc) == {
        "woongemeente": ["Deze gemeente hoort niet bij het werkgebied van uw samenwerkingsverband."]
    }
    with pytest.raises(ValidationError) as exc:
        services.melding_maken(
            actor=regio[R.LEERPLICHTAMBTENAAR],
            soort=Verzuimsoort.ABSOLUUT,
            sinds=vandaag(),
            reden=Reden.OVERIG,
            nieuw_kind=kind(wereld.ander.gemeente),
        )
    assert fouten(exc) == {"woongemeente": ["U meldt alleen kinderen die in uw gemeente wonen."]}
    with pytest.raises(ValidationError) as exc:
        melden(regio, actor=regio[R.LOKET], soort=Verzuimsoort.ABSOLUUT)
    assert "soort" in fouten(exc)
    assert not Verzuimmelding.objects.exists()


# --- Changing the case ---------------------------------------------------------------------


def test_melding_wijzigen_en_conflict(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    gewijzigd = services.melding_wijzigen(
        actor=regio[R.LOKET],
        melding=melding,
        revisie=1,
        wijzigingen={"reden": Reden.WACHTLIJST, "toelichting": " Wacht op plek "},
    )
    assert (gewijzigd.revisie, gewijzigd.reden, gewijzigd.toelichting) == (
        2,
        Reden.WACHTLIJST,
        "Wacht op plek",
    )
    with pytest.raises(services.Conflict):
        services.melding_wijzigen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            revisie=1,
            wijzigingen={"reden": Reden.GEDRAG},
        )
    melding.refresh_from_db()
    assert melding.reden == Reden.WACHTLIJST
    with pytest.raises(ValidationError) as exc:
        services.melding_wijzigen(
            actor=regio[R.LOKET],
            melding=melding,
            revisie=2,
            wijzigingen={"sinds": vandaag() + timedelta(days=2), "reden": "x", "soort": "absoluut"},
        )
    assert fouten(exc) == {"soort": ["Dit veld kan niet worden gewijzigd."]}
    with pytest.raises(ValidationError) as exc:
        services.melding_wijzigen(
            actor=regio[R.LOKET],
            melding=melding,
            revisie=2,
            wijzigingen={"sinds": vandaag() + timedelta(days=2), "reden": "x"},
        )
    assert fouten(exc) == {
        "sinds": ["Deze datum kan niet in de toekomst liggen."],
        "reden": ["Kies de reden van het verzuim."],
    }
    with pytest.raises(Geweigerd):
        services.melding_wijzigen(
            actor=regio[R.BESTUURDER], melding=melding, revisie=2, wijzigingen={}
        )
    with pytest.raises(Geweigerd):
        services.melding_wijzigen(
            actor=regio["collega"], melding=melding, revisie=2, wijzigingen={}
        )


def test_partners_toevoegen_en_beeindigen(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    jeugdhulp = regio[R.JEUGDHULP].gebruiker
    partner = services.partner_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        soort=Partnersoort.JEUGDHULP,
        van=vandaag(),
        gebruiker=jeugdhulp,
    )
    assert partner.organisatie == f"Gemeente {regio.gemeente.naam}"
    grond = f"verzuimmelding {melding.meldnummer}"
    assert Betrokkenheid.objects.filter(gebruiker=jeugdhulp, grond=grond, tot=None).exists()
    assert beleid.mag(regio[R.JEUGDHULP], "bekijken", melding)
    # Jeugdhulp works in the case but does not manage its partners.
    with pytest.raises(Geweigerd):
        services.partner_toevoegen(
            actor=regio[R.JEUGDHULP],
            melding=melding,
            soort=Partnersoort.ANDERS,
            van=vandaag(),
            naam="X",
        )
    with pytest.raises(ValidationError) as exc:
        services.partner_toevoegen(
            actor=regio[R.LOKET],
            melding=melding,
            soort=Partnersoort.JEUGDHULP,
            van=melding.sinds - timedelta(days=1),
            gebruiker=jeugdhulp,
        )
    assert fouten(exc) == {
        "van": [
            f"Deze datum kan niet vóór de eerste verzuimdag ({melding.sinds:%d-%m-%Y}) liggen."
        ],
        "gebruiker": ["Deze persoon is al partner in deze melding."],
    }
    with pytest.raises(ValidationError) as exc:
        services.partner_toevoegen(
            actor=regio[R.LOKET],
            melding=melding,
            soort=Partnersoort.JEUGDHULP,
            van=vandaag(),
            gebruiker=wereld.ander[R.JEUGDHULP].gebruiker,
        )
    assert list(fouten(exc)) == ["gebruiker"]
    with pytest.raises(ValidationError) as exc:
        services.partner_toevoegen(actor=regio[R.LOKET], melding=melding, soort="", van=vandaag())
    assert fouten(exc) == {
        "soort": ["Kies de soort partner."],
        "naam": ["Vul de naam van de partner in."],
    }
    with pytest.raises(ValidationError) as exc:
        services.partner_beeindigen(
            actor=regio[R.LOKET], partner=partner, tot=partner.van - timedelta(days=1)
        )
    assert list(fouten(exc)) == ["tot"]
    services.partner_beeindigen(actor=regio[R.LOKET], partner=partner, tot=vandaag())
    assert Betrokkenheid.objects.get(gebruiker=jeugdhulp, grond=grond).tot == vandaag()
    with pytest.raises(ValidationError):
        services.partner_beeindigen(actor=regio[R.LOKET], partner=partner, tot=vandaag())


def test_acties_van_het_plan(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    andere = melden(wereld.ander)
    leerplicht = melding.partners.get(soort=Partnersoort.LEERPLICHT)
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_toevoegen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            omschrijving="  ",
            eigenaar=andere.partners.first(),
            deadline=vandaag() - timedelta(days=1),
        )
    assert fouten(exc) == {
        "omschrijving": ["Beschrijf de actie."],
        "eigenaar": ["Kies een partner die nu meedoet in deze melding."],
        "deadline": ["De deadline kan niet in het verleden liggen."],
    }
    actie = services.actiepunt_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        omschrijving="Huisbezoek",
        eigenaar=leerplicht,
        deadline=vandaag() + timedelta(days=7),
    )
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_afronden(
            actor=regio[R.LEERPLICHTAMBTENAAR],
            actiepunt=actie,
            afgerond_op=vandaag() + timedelta(days=1),
        )
    assert fouten(exc) == {"afgerond_op": ["Deze datum kan niet in de toekomst liggen."]}
    klaar = services.actiepunt_afronden(
        actor=regio[R.LEERPLICHTAMBTENAAR], actiepunt=actie, afgerond_op=vandaag()
    )
    assert klaar.afgerond_op == vandaag()
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_afronden(
            actor=regio[R.LEERPLICHTAMBTENAAR], actiepunt=actie, afgerond_op=vandaag()
        )
    assert fouten(exc) == {"__all__": ["Deze actie is al afgerond."]}
    with pytest.raises(Geweigerd):
        services.actiepunt_afronden(actor=regio["collega"], actiepunt=actie, afgerond_op=vandaag())


def test_onderwijsconsulent_pas_na_4_weken(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(days=27))
    with pytest.raises(ValidationError) as exc:
        services.onderwijsconsulent_vastleggen(
            actor=regio[R.LOKET], melding=melding, revisie=1, op=vandaag(), naam=""
        )
    vanaf = melding.sinds + timedelta(days=28)
    assert fouten(exc) == {
        "op": [
            "Een onderwijsconsulent kan pas na meer dan 4 weken thuis worden ingeschakeld: "
            f"vanaf {vanaf:%d-%m-%Y}."
        ],
        "naam": ["Vul de naam van de onderwijsconsulent in."],
    }
    ouder = melden(wereld.ander, sinds=vandaag() - timedelta(days=28))
    gedaan = services.onderwijsconsulent_vastleggen(
        actor=wereld.ander[R.LOKET], melding=ouder, revisie=1, op=vandaag(), naam="Mw. Consulent"
    )
    assert (gedaan.onderwijsconsulent_op, gedaan.revisie) == (vandaag(), 2)
    with pytest.raises(services.Conflict):
        services.onderwijsconsulent_vastleggen(
            actor=wereld.ander[R.LOKET], melding=ouder, revisie=1, op=vandaag(), naam="Ander"
        )


@override_settings(
    PASSEND={
        **settings.PASSEND,
        "VERZUIM_DOORBRAAK_NA_WEKEN": 6,
        "VERZUIM_DOORBRAAK_TERMIJN_WEKEN": 2,
        "VERZUIM_DOORZETTINGSMACHT": "de wethouder",
    }
)
def test_doorbraakplan_met_instellingen(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(weeks=7))
    gevraagd = melding.sinds + timedelta(weeks=6)
    with pytest.raises(ValidationError) as exc:
        services.doorbraakplan_vastleggen(
            actor=regio[R.LEERPLICHTAMBTENAAR],
            melding=melding,
            revisie=1,
            aanpak="",
            uiterlijk=gevraagd - timedelta(days=1),
            doorzettingsmacht="",
        )
    assert fouten(exc) == {
        "aanpak": ["Beschrijf de aanpak."],
        "doorzettingsmacht": ["Vul in wie de doorzettingsmacht heeft."],
        "uiterlijk": [
            "De deadline kan niet vóór de dag liggen waarop het plan is gevraagd "
            f"({gevraagd:%d-%m-%Y})."
        ],
    }
    plan = services.doorbraakplan_vastleggen(
        actor=regio[R.LEERPLICHTAMBTENAAR],
        melding=melding,
        revisie=1,
        aanpak="Samen met jeugdhulp een plek zoeken",
        uiterlijk=gevraagd + timedelta(weeks=2),
        doorzettingsmacht="de wethouder",
    )
    assert plan.gevraagd_op == gevraagd
    assert plan.vastgesteld_op == vandaag()
    assert plan.vastgesteld_door == regio[R.LEERPLICHTAMBTENAAR].gebruiker
    melding.refresh_from_db()
    assert melding.revisie == 2


def test_doorbraakplan_met_verouderde_revisie_overschrijft_niets(wereld: Any) -> None:
    """Two people edit the plan at once: the second, with the revision they read, is
    refused and the first one's plan stays (regression: the update had no revisie)."""
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(weeks=20))
    uiterlijk = vandaag() + timedelta(weeks=4)
    services.doorbraakplan_vastleggen(
        actor=regio[R.LEERPLICHTAMBTENAAR],
        melding=melding,
        revisie=1,
        aanpak="Plan van leerplicht",
        uiterlijk=uiterlijk,
        doorzettingsmacht="de wethouder",
    )
    with pytest.raises(services.Conflict):
        services.doorbraakplan_vastleggen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            revisie=1,
            aanpak="Plan van de school",
            uiterlijk=uiterlijk,
            doorzettingsmacht="de directeur",
        )
    plan = Doorbraakplan.objects.get(melding=melding)
    assert (plan.aanpak, plan.doorzettingsmacht) == ("Plan van leerplicht", "de wethouder")
    plan = services.doorbraakplan_vastleggen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        revisie=2,
        aanpak="Plan van de school",
        uiterlijk=uiterlijk,
        doorzettingsmacht="de directeur",
    )
    assert plan.aanpak == "Plan van de school"
    assert Verzuimmelding.objects.get(pk=melding.pk).revisie == 3


@override_settings(
    PASSEND={
        **settings.PASSEND,
        "VERZUIM_DOORBRAAK_NA_WEKEN": 12,
        "VERZUIM_DOORBRAAK_TERMIJN_WEKEN": 4,
    }
)
def test_doorbraakplan_vroeg_vastgelegd_is_vandaag_gevraagd(wereld: Any) -> None:
    """A plan made before the standard ask date (12 weeks after the start) counts as asked
    for today: its deadline may lie before that date (regression: gevraagd_op was always
    the standard date, months ahead)."""
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(weeks=2))
    standaard = melding.sinds + timedelta(weeks=12)
    plan = services.doorbraakplan_vastleggen(
        actor=regio[R.LEERPLICHTAMBTENAAR],
        melding=melding,
        revisie=1,
        aanpak="Nu al een plan",
        uiterlijk=vandaag() + timedelta(weeks=3),
        doorzettingsmacht="de wethouder",
    )
    assert plan.uiterlijk < standaard
    assert plan.gevraagd_op == vandaag()
    with pytest.raises(ValidationError) as exc:
        services.doorbraakplan_vastleggen(
            actor=regio[R.LEERPLICHTAMBTENAAR],
            melding=melding,
            revisie=2,
            aanpak="Nu al een plan",
            uiterlijk=vandaag() - timedelta(days=1),
            doorzettingsmacht="de wethouder",
        )
    assert fouten(exc) == {
        "uiterlijk": [
            "De deadline kan niet vóór de dag liggen waarop het plan is gevraagd "
            f"({vandaag():%d-%m-%Y})."
        ]
    }


def test_beeindigde_partner_kan_opnieuw_meedoen(wereld: Any) -> None:
    """Regression: the unique constraint ignored ``tot``, so an ended partner could never
    be added again."""
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(weeks=3))
    jeugdhulp = regio[R.JEUGDHULP].gebruiker
    eerste = services.partner_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        soort=Partnersoort.JEUGDHULP,
        van=vandaag() - timedelta(days=10),
        gebruiker=jeugdhulp,
    )
    with pytest.raises(ValidationError) as exc:
        services.partner_toevoegen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            soort=Partnersoort.JEUGDHULP,
            van=vandaag(),
            gebruiker=jeugdhulp,
        )
    assert fouten(exc) == {"gebruiker": ["Deze persoon is al partner in deze melding."]}
    services.partner_beeindigen(
        actor=regio[R.INTERN_BEGELEIDER], partner=eerste, tot=vandaag() - timedelta(days=5)
    )
    assert not beleid.mag(regio[R.JEUGDHULP], "bekijken", melding)
    tweede = services.partner_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        soort=Partnersoort.JEUGDHULP,
        van=vandaag(),
        gebruiker=jeugdhulp,
    )
    assert tweede.pk != eerste.pk and tweede.tot is None
    assert beleid.mag(regio[R.JEUGDHULP], "bekijken", melding)
    assert leerlingbeleid.mag(regio[R.JEUGDHULP], "bekijken", regio.leerling)
    perioden = Betrokkenheid.objects.filter(
        gebruiker=jeugdhulp, grond=f"verzuimmelding {melding.meldnummer}"
    ).order_by("van")
    assert [(b.van, b.tot) for b in perioden] == [
        (vandaag() - timedelta(days=10), vandaag() - timedelta(days=5)),
        (vandaag(), None),
    ]
    # A third time after ending again also works (no duplicate lookup in between).
    services.partner_beeindigen(actor=regio[R.INTERN_BEGELEIDER], partner=tweede, tot=vandaag())
    services.partner_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        soort=Partnersoort.JEUGDHULP,
        van=vandaag(),
        gebruiker=jeugdhulp,
    )
    assert Partner.objects.filter(melding=melding, gebruiker=jeugdhulp).count() == 3


def test_melding_beeindigen(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(days=41))
    with pytest.raises(ValidationError) as exc:
        services.melding_beeindigen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            revisie=1,
            einde=melding.sinds - timedelta(days=1),
            uitkomst="",
        )
    assert fouten(exc) == {
        "einde": [
            f"Deze datum kan niet vóór de eerste verzuimdag ({melding.sinds:%d-%m-%Y}) liggen."
        ],
        "uitkomst": ["Kies de uitkomst."],
    }
    with pytest.raises(ValidationError) as exc:
        services.melding_beeindigen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            revisie=1,
            einde=vandaag() + timedelta(days=1),
            uitkomst=Uitkomst.ANDERE_SCHOOL,
        )
    assert fouten(exc) == {"einde": ["Deze datum kan niet in de toekomst liggen."]}
    with pytest.raises(services.Conflict):
        services.melding_beeindigen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            revisie=7,
            einde=vandaag(),
            uitkomst=Uitkomst.ANDERE_SCHOOL,
        )
    with pytest.raises(Geweigerd):
        services.melding_beeindigen(
            actor=regio[R.JEUGDHULP],
            melding=melding,
            revisie=1,
            einde=vandaag(),
            uitkomst=Uitkomst.ANDERE_SCHOOL,
        )
    klaar = services.melding_beeindigen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        revisie=1,
        einde=vandaag(),
        uitkomst=Uitkomst.ANDERE_SCHOOL,
    )
    assert klaar.duur_weken == Decimal("6.0")
    assert not Partner.objects.filter(melding=melding, tot__isnull=True).exists()
    grond = f"verzuimmelding {melding.meldnummer}"
    assert not Betrokkenheid.objects.filter(grond=grond, tot__isnull=True).exists()
    assert Betrokkenheid.objects.filter(grond=grond).count() == 1  # leerplicht (no SWV)
    with pytest.raises(ValidationError) as exc:
        services.aanbod_vastleggen(
            actor=regio[R.LOKET], melding=klaar, revisie=2, aanbod_op=vandaag(), omschrijving="x"
        )
    assert fouten(exc) == {"__all__": ["Deze melding is al beëindigd. Er kan niets meer bij."]}


def test_aanbod_vastleggen(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    with pytest.raises(ValidationError) as exc:
        services.aanbod_vastleggen(
            actor=regio[R.LOKET],
            melding=melding,
            revisie=1,
            aanbod_op=melding.sinds - timedelta(days=1),
            omschrijving="",
        )
    assert set(fouten(exc)) == {"aanbod_op", "omschrijving"}
    gedaan = services.aanbod_vastleggen(
        actor=regio[R.LOKET],
        melding=melding,
        revisie=1,
        aanbod_op=vandaag(),
        omschrijving="Plek op een sbo-school",
    )
    assert gedaan.aanbod_op == vandaag()
