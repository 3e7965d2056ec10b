"""A small world for the registration tests: a school (two locations) of a board in an SWV,
its staff, the SWV's staff, a parent with gezag of a child, and a school elsewhere."""

import datetime
from dataclasses import dataclass

import pytest

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import LeerlingFactory, OuderschapFactory
from passend.organisaties.models import Gemeente, Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)


@dataclass
class Wereld:
    gemeente: Gemeente
    swv: Samenwerkingsverband
    vestiging: Vestiging
    tweede_vestiging: Vestiging
    buurschool: Vestiging  # another school of the same board
    elders: Vestiging  # a school of another board and SWV
    kind: Leerling
    ib: Actor
    schoolleider: Actor
    leraar: Actor
    bestuurder: Actor
    loket: Actor
    deskundige: Actor
    ander_loket: Actor
    ouder: Actor
    ouder_zonder_gezag: Actor
    schoolleider_elders: Actor
    privacy_officer: Actor


def actor(rolsoort: str, **organisatie) -> Actor:
    rol = RolFactory(rolsoort=rolsoort, gebruiker=GebruikerFactory(), **organisatie)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.fixture
def wereld(db) -> Wereld:
    gemeente = GemeenteFactory(naam="Lingedorp", code="9950")
    swv = SamenwerkingsverbandFactory(code="PO2950", naam="SWV Linge")
    swv.werkgebied.add(gemeente)
    bestuur = SchoolbestuurFactory(naam="Stichting Openbaar Onderwijs Linge")
    school = SchoolFactory(brin="50AA", naam="OBS De Zonnewijzer", bestuur=bestuur)
    vestiging = VestigingFactory(
        school=school, vestigingscode="50AA00", naam="De Zonnewijzer", gemeente=gemeente
    )
    tweede = VestigingFactory(
        school=school, vestigingscode="50AA01", naam="De Zonnewijzer Noord", gemeente=gemeente
    )
    buurschool = VestigingFactory(
        school=SchoolFactory(brin="50AB", naam="OBS Het Anker", bestuur=bestuur),
        vestigingscode="50AB00",
        naam="Het Anker",
        gemeente=gemeente,
    )
    for v in (vestiging, tweede, buurschool):
        SwvLidmaatschapFactory(vestiging=v, samenwerkingsverband=swv)
    ander_swv = SamenwerkingsverbandFactory(code="PO2951")
    elders = VestigingFactory(
        school=SchoolFactory(brin="51BB", naam="CBS Elders"),
        vestigingscode="51BB00",
        naam="CBS Elders",
    )
    SwvLidmaatschapFactory(vestiging=elders, samenwerkingsverband=ander_swv)
    kind = LeerlingFactory(
        roepnaam="Noor",
        voornamen="Noor Anna",
        achternaam="de Wit",
        geboortedatum=datetime.date(2022, 5, 1),
        woongemeente=gemeente,
    )
    ouder = actor(Rolsoort.OUDER)
    OuderschapFactory(ouder=ouder.gebruiker, leerling=kind, gezag=True)
    zonder_gezag = actor(Rolsoort.OUDER)
    OuderschapFactory(ouder=zonder_gezag.gebruiker, leerling=kind, gezag=False)
    return Wereld(
        gemeente=gemeente,
        swv=swv,
        vestiging=vestiging,
        tweede_vestiging=tweede,
        buurschool=buurschool,
        elders=elders,
        kind=kind,
        ib=actor(Rolsoort.INTERN_BEGELEIDER, school=school),
        schoolleider=actor(Rolsoort.SCHOOLLEIDER, school=school),
        leraar=actor(Rolsoort.LERAAR, school=school),
        bestuurder=actor(Rolsoort.BESTUURDER, schoolbestuur=bestuur),
        loket=actor(Rolsoort.LOKET, samenwerkingsverband=swv),
        deskundige=actor(Rolsoort.DESKUNDIGE, samenwerkingsverband=swv),
        ander_loket=actor(Rolsoort.LOKET, samenwerkingsverband=ander_swv),
        ouder=ouder,
        ouder_zonder_gezag=zonder_gezag,
        schoolleider_elders=actor(Rolsoort.SCHOOLLEIDER, school=elders.school),
        privacy_officer=actor(Rolsoort.PRIVACY_OFFICER, samenwerkingsverband=swv),
    )
