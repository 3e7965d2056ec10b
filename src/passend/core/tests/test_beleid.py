"""The pupil policy (``leerlingen.permissions.beleid``): the object check and the queryset
filter agree for every role, own and other pupil, and at the edges of periods."""

import datetime

import pytest
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.tests.scenario import ROLSOORTEN, Scenario
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import beleid
from passend.leerlingen.tests.factories import (
    BetrokkenheidFactory,
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.organisaties.tests.factories import SchoolFactory, VestigingFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
#: Who sees the pupils of their own organisation (own school, board, SWV case, own child...).
ZIET_EIGEN_LEERLING = {
    R.LERAAR,
    R.INTERN_BEGELEIDER,
    R.SCHOOLLEIDER,
    R.BESTUURDER,
    R.LOKET,
    R.COMMISSIELID,
    R.DESKUNDIGE,
    R.DIRECTEUR,
    R.LEERPLICHTAMBTENAAR,
    R.JEUGDHULP,
    R.OUDER,
    R.LEERLING,
}
MAG_WIJZIGEN = {R.INTERN_BEGELEIDER, R.SCHOOLLEIDER}
MAG_INZAGE = {R.OUDER, R.LEERLING}
MAG_ZOEKEN = ZIET_EIGEN_LEERLING - {R.OUDER, R.LEERLING}


def actor_van(rol, koppeling=None) -> Actor:
    return Actor(gebruiker=rol.gebruiker, rol=rol, koppeling=koppeling)


def zichtbaar(actor: Actor) -> set[int]:
    return set(beleid.filter_zichtbaar(actor, Leerling.objects.all()).values_list("pk", flat=True))


def vandaag() -> datetime.date:
    return timezone.localdate()


def _controleer_eens(actor: Actor, leerlingen: list[Leerling]) -> None:
    """The object check and the filter agree for every pupil, and the other actions never
    reach further than what the actor may see."""
    in_filter = zichtbaar(actor)
    for leerling in leerlingen:
        mag = beleid.mag(actor, "bekijken", leerling)
        assert mag == (leerling.pk in in_filter), (
            f"{actor.rolsoort}: mag('bekijken', {leerling}) is {mag}, "
            f"but the pupil is {'' if leerling.pk in in_filter else 'not '}in filter_zichtbaar"
        )
        for actie in ("wijzigen", "inzage_bekijken"):
            if beleid.mag(actor, actie, leerling):
                assert leerling.pk in in_filter, f"{actor.rolsoort} may {actie} a hidden pupil"


@pytest.mark.parametrize("rolsoort", ROLSOORTEN)
def test_object_check_en_filter_zijn_het_eens(scenario: Scenario, rolsoort: str):
    actor = actor_van(scenario.rollen[rolsoort])
    eigen, ander = scenario.eigen.leerling, scenario.ander.leerling
    _controleer_eens(actor, [eigen, ander])
    assert beleid.mag(actor, "bekijken", eigen) == (rolsoort in ZIET_EIGEN_LEERLING)
    assert not beleid.mag(actor, "bekijken", ander)
    assert beleid.mag(actor, "wijzigen", eigen) == (rolsoort in MAG_WIJZIGEN)
    assert not beleid.mag(actor, "wijzigen", ander)
    assert beleid.mag(actor, "inzage_bekijken", eigen) == (rolsoort in MAG_INZAGE)
    assert not beleid.mag(actor, "inzage_bekijken", ander)
    assert beleid.mag(actor, "zoeken") == (rolsoort in MAG_ZOEKEN)
    assert beleid.mag(actor, "inschrijven") == (rolsoort in MAG_WIJZIGEN)
    assert zichtbaar(actor) == ({eigen.pk} if rolsoort in ZIET_EIGEN_LEERLING else set())


@pytest.mark.parametrize("rolsoort", ROLSOORTEN)
def test_een_koppeling_mag_precies_wat_haar_rol_mag(scenario: Scenario, rolsoort: str):
    rol = scenario.rollen[rolsoort]
    koppeling, _ = koppeling_aanmaken(naam=f"Test {rolsoort}", rol=rol)
    persoon, via_koppeling = actor_van(rol), actor_van(rol, koppeling)
    assert zichtbaar(via_koppeling) == zichtbaar(persoon)
    for leerling in (scenario.eigen.leerling, scenario.ander.leerling):
        for actie in ("bekijken", "wijzigen", "inzage_bekijken"):
            assert beleid.mag(via_koppeling, actie, leerling) == beleid.mag(
                persoon, actie, leerling
            )
    for actie in ("zoeken", "lijst_eigen", "inschrijven"):
        assert beleid.mag(via_koppeling, actie) == beleid.mag(persoon, actie)


def test_zonder_actor_niets():
    leerling = InschrijvingFactory().leerling
    assert not beleid.mag(None, "bekijken", leerling)
    assert not beleid.filter_zichtbaar(None, Leerling.objects.all()).exists()


def test_onbekende_actie_is_een_fout(scenario: Scenario):
    with pytest.raises(KeyError):
        beleid.mag(actor_van(scenario.rollen[R.INTERN_BEGELEIDER]), "verwijderen")


# --- Periods ---------------------------------------------------------------------------


def test_beeindigde_inschrijving_oude_school_ziet_leerling_niet_meer():
    oude = VestigingFactory()
    nieuwe = VestigingFactory()
    leerling = LeerlingFactory()
    InschrijvingFactory(
        leerling=leerling,
        vestiging=oude,
        van=datetime.date(2019, 8, 19),
        tot=vandaag() - datetime.timedelta(days=1),
    )
    InschrijvingFactory(leerling=leerling, vestiging=nieuwe, van=vandaag())
    oude_ib = actor_van(RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=oude.school))
    nieuwe_ib = actor_van(RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=nieuwe.school))
    oud_bestuur = actor_van(RolFactory(rolsoort=R.BESTUURDER, schoolbestuur=oude.school.bestuur))
    for actor, ziet in ((oude_ib, False), (nieuwe_ib, True), (oud_bestuur, False)):
        _controleer_eens(actor, [leerling])
        assert beleid.mag(actor, "bekijken", leerling) is ziet


def test_inschrijving_tot_en_met_vandaag_telt_nog_mee():
    inschrijving = InschrijvingFactory(tot=vandaag())
    ib = actor_van(RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=inschrijving.vestiging.school))
    _controleer_eens(ib, [inschrijving.leerling])
    assert beleid.mag(ib, "bekijken", inschrijving.leerling)


def test_toekomstige_inschrijving_is_nog_niet_zichtbaar():
    inschrijving = InschrijvingFactory(van=vandaag() + datetime.timedelta(days=1))
    ib = actor_van(RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=inschrijving.vestiging.school))
    _controleer_eens(ib, [inschrijving.leerling])
    assert not beleid.mag(ib, "bekijken", inschrijving.leerling)


def test_betrokkenheid_met_einddatum_in_de_toekomst_telt_mee(scenario: Scenario):
    swv = scenario.eigen.swv
    loopt = BetrokkenheidFactory(
        samenwerkingsverband=swv, tot=vandaag() + datetime.timedelta(days=30)
    ).leerling
    voorbij = BetrokkenheidFactory(
        samenwerkingsverband=swv, tot=vandaag() - datetime.timedelta(days=1)
    ).leerling
    nog_niet = BetrokkenheidFactory(
        samenwerkingsverband=swv, van=vandaag() + datetime.timedelta(days=1)
    ).leerling
    for rolsoort in (R.LOKET, R.COMMISSIELID, R.DESKUNDIGE, R.DIRECTEUR):
        actor = actor_van(scenario.rollen[rolsoort])
        _controleer_eens(actor, [loopt, voorbij, nog_niet])
        assert beleid.mag(actor, "bekijken", loopt)
        assert not beleid.mag(actor, "bekijken", voorbij)
        assert not beleid.mag(actor, "bekijken", nog_niet)
    # The privacy officer and the functioneel beheerder never see a pupil's file.
    for rolsoort in (R.PRIVACY_OFFICER, R.FUNCTIONEEL_BEHEERDER):
        assert not beleid.mag(actor_van(scenario.rollen[rolsoort]), "bekijken", loopt)


def test_leerplichtambtenaar_ziet_alleen_eigen_zaken_niet_die_van_collegas(scenario: Scenario):
    lpa = scenario.rollen[R.LEERPLICHTAMBTENAAR]
    collega = actor_van(
        RolFactory(rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=lpa.gemeente, van=lpa.van)
    )
    eigen = scenario.eigen.leerling
    _controleer_eens(collega, [eigen])
    assert beleid.mag(actor_van(lpa), "bekijken", eigen)
    assert not beleid.mag(collega, "bekijken", eigen)


def test_betrokkenheid_van_een_swv_geeft_de_leerplichtambtenaar_niets(scenario: Scenario):
    leerling = BetrokkenheidFactory(samenwerkingsverband=scenario.eigen.swv).leerling
    lpa = actor_van(scenario.rollen[R.LEERPLICHTAMBTENAAR])
    _controleer_eens(lpa, [leerling])
    assert not beleid.mag(lpa, "bekijken", leerling)


def test_ouder_zonder_gezag_ziet_het_kind_nog_wel():
    ouderschap = OuderschapFactory(gezag=False)
    ouder = actor_van(RolFactory(rolsoort=R.OUDER, gebruiker=ouderschap.ouder))
    _controleer_eens(ouder, [ouderschap.leerling])
    assert beleid.mag(ouder, "bekijken", ouderschap.leerling)
    assert beleid.mag(ouder, "inzage_bekijken", ouderschap.leerling)
    assert not beleid.mag(ouder, "wijzigen", ouderschap.leerling)


def test_ouder_ziet_alle_eigen_kinderen_ook_op_verschillende_scholen(scenario: Scenario):
    ouder_rol = scenario.rollen[R.OUDER]
    broertje = OuderschapFactory(ouder=ouder_rol.gebruiker).leerling
    InschrijvingFactory(leerling=broertje, vestiging=scenario.ander.vestiging)
    ouder = actor_van(ouder_rol)
    _controleer_eens(ouder, [scenario.eigen.leerling, broertje, scenario.ander.leerling])
    assert zichtbaar(ouder) == {scenario.eigen.leerling.pk, broertje.pk}


def test_leerling_ziet_alleen_zichzelf_niet_broer_of_zus(scenario: Scenario):
    zus = OuderschapFactory(ouder=scenario.eigen.ouder).leerling
    InschrijvingFactory(leerling=zus, vestiging=scenario.eigen.vestiging)
    leerling = actor_van(scenario.rollen[R.LEERLING])
    _controleer_eens(leerling, [scenario.eigen.leerling, zus])
    assert zichtbaar(leerling) == {scenario.eigen.leerling.pk}


def test_bestuurder_ziet_alle_scholen_van_het_bestuur_en_geen_andere(scenario: Scenario):
    bestuur = scenario.eigen.bestuur
    tweede_school = VestigingFactory(school=SchoolFactory(bestuur=bestuur))
    op_tweede = InschrijvingFactory(vestiging=tweede_school).leerling
    elders = InschrijvingFactory().leerling
    bestuurder = actor_van(scenario.rollen[R.BESTUURDER])
    _controleer_eens(bestuurder, [scenario.eigen.leerling, op_tweede, elders])
    assert zichtbaar(bestuurder) == {scenario.eigen.leerling.pk, op_tweede.pk}


def test_schoolrol_ziet_leerling_op_elke_vestiging_van_de_eigen_school(scenario: Scenario):
    school = scenario.eigen.school
    tweede = VestigingFactory(school=school, vestigingscode=f"{school.brin}01")
    leerling = InschrijvingFactory(vestiging=tweede).leerling
    for rolsoort in (R.LERAAR, R.INTERN_BEGELEIDER, R.SCHOOLLEIDER):
        actor = actor_van(scenario.rollen[rolsoort])
        _controleer_eens(actor, [leerling])
        assert beleid.mag(actor, "bekijken", leerling)


def test_inspecteur_ziet_geen_enkele_leerling(scenario: Scenario):
    actor = actor_van(scenario.rollen[R.INSPECTEUR])
    _controleer_eens(actor, list(Leerling.objects.all()))
    assert zichtbaar(actor) == set()


def test_leerling_zonder_eigen_inlog_wordt_door_geen_leerlingrol_gezien(scenario: Scenario):
    zonder_inlog = InschrijvingFactory(vestiging=scenario.eigen.vestiging).leerling
    assert zonder_inlog.gebruiker_id is None
    ander_persoon = actor_van(
        RolFactory(rolsoort=R.LEERLING, gebruiker=GebruikerFactory(), van=datetime.date(2020, 1, 1))
    )
    _controleer_eens(ander_persoon, [zonder_inlog])
    assert zichtbaar(ander_persoon) == set()
