"""A small world for the tests of the school's side of the offer: one school with a
primary location (bao) and an sbo location in an SWV, its people (intern begeleider,
schoolleider, leraar), its board, the SWV's loket, a parent, and another school with its
own intern begeleider. Imported by the other ``test_school_*`` / ``test_schoolgids*`` /
``test_wachtlijst*`` modules; it has one test of its own (the world is as described)."""

import re
from dataclasses import dataclass

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.models import Ondersteuningsgebied
from passend.aanbod.rules import schooljaren_om_te_beschrijven
from passend.aanbod.services.aanbod import Gebiedsinvoer
from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.organisaties.models import Samenwerkingsverband, Vestiging
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

R = Rolsoort
NORMGEBIEDEN = ("lezen-spellen-dyslexie", "hoogbegaafdheid", "leergedrag")


def url_van(naam: str, vestiging: Vestiging, *jaar: str) -> str:
    """The URL of one of the school's offer pages of a location (and school year)."""
    return reverse(f"aanbod:{naam}", args=[vestiging.vestigingscode, *jaar])


def paginatekst(antwoord: HttpResponse) -> str:
    """A page's text without tags, white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", antwoord.content.decode()).split())


def beschrijvingen(html: str) -> dict[str, list[str]]:
    """Every input's ``aria-describedby`` (by its id), after checking that each id it
    names is on the page."""
    gevonden: dict[str, list[str]] = {}
    for label in re.findall(r"<(?:input|textarea|select|fieldset)\b[^>]*>", html):
        verwijzing = re.search(r'aria-describedby="([^"]*)"', label)
        if verwijzing is None:
            continue
        ids = verwijzing.group(1).split()
        for doel in ids:
            assert f'id="{doel}"' in html, f"aria-describedby noemt {doel}, dat er niet is"
        eigen = re.search(r'\bid="([^"]*)"', label)
        gevonden[eigen.group(1) if eigen else label] = ids
    return gevonden


def actor(rol: Rol) -> Actor:
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def schooljaren() -> tuple[str, str]:
    """The running and the next school year (today)."""
    return schooljaren_om_te_beschrijven(timezone.localdate())


def gebied_id(code: str) -> int:
    return Ondersteuningsgebied.objects.values_list("pk", flat=True).get(code=code)


def norminvoer(*codes: str) -> list[Gebiedsinvoer]:
    """A description of the basisondersteuning of the given areas (default: the three of
    the landelijke norm)."""
    return [
        Gebiedsinvoer(
            gebied_id=gebied_id(code),
            basisondersteuning=f"Basisondersteuning voor {code}.",
            faciliteiten=("stilteruimte",),
        )
        for code in (codes or NORMGEBIEDEN)
    ]


@dataclass
class Wereld:
    swv: Samenwerkingsverband
    vestiging: Vestiging
    sbo: Vestiging
    ander: Vestiging
    ib: Rol
    schoolleider: Rol
    leraar: Rol
    bestuurder: Rol
    loket: Rol
    ouder: Rol
    ander_ib: Rol
    ander_schoolleider: Rol


def maak_wereld() -> Wereld:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    school = SchoolFactory(naam="De Linde")
    vestiging = VestigingFactory(school=school, naam="OBS De Linde", soort=Soort.BAO)
    sbo = VestigingFactory(
        school=school,
        vestigingscode=f"{school.brin}01",
        naam="SBO De Linde",
        soort=Soort.SBO,
    )
    ander = VestigingFactory(naam="OBS De Eik", soort=Soort.BAO)
    for locatie in (vestiging, sbo, ander):
        SwvLidmaatschapFactory(vestiging=locatie, samenwerkingsverband=swv)

    def rol(rolsoort: str, voornaam: str, **organisatie: object) -> Rol:
        gebruiker = GebruikerFactory(first_name=voornaam, last_name="Test")
        return RolFactory(rolsoort=rolsoort, gebruiker=gebruiker, **organisatie)

    return Wereld(
        swv=swv,
        vestiging=vestiging,
        sbo=sbo,
        ander=ander,
        ib=rol(R.INTERN_BEGELEIDER, "Ingrid", school=school),
        schoolleider=rol(R.SCHOOLLEIDER, "Sam", school=school),
        leraar=rol(R.LERAAR, "Lars", school=school),
        bestuurder=rol(R.BESTUURDER, "Bea", schoolbestuur=school.bestuur),
        loket=rol(R.LOKET, "Lotte", samenwerkingsverband=swv),
        ouder=rol(R.OUDER, "Eva"),
        ander_ib=rol(R.INTERN_BEGELEIDER, "Anna", school=ander.school),
        ander_schoolleider=rol(R.SCHOOLLEIDER, "Aad", school=ander.school),
    )


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


def test_de_wereld_heeft_drie_normgebieden_en_een_sbo(wereld: Wereld):
    assert Ondersteuningsgebied.objects.filter(landelijke_norm=True).count() == len(NORMGEBIEDEN)
    assert wereld.sbo.school_id == wereld.vestiging.school_id != wereld.ander.school_id
