"""A small world for the verzuim tests: one SWV with a municipality, a school location and
an enrolled pupil; the school, the SWV and the municipality's people; a second region."""

from dataclasses import dataclass, field
from typing import Any

import pytest

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    BetrokkenheidFactory,
    InschrijvingFactory,
    LeerlingFactory,
)
from passend.organisaties.models import Gemeente, Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

R = Rolsoort


@dataclass
class Regio:
    swv: Samenwerkingsverband
    gemeente: Gemeente
    vestiging: Vestiging
    leerling: Leerling
    actoren: dict[str, Actor] = field(default_factory=dict)

    def __getitem__(self, rolsoort: str) -> Actor:
        return self.actoren[rolsoort]


def ander_kind(regio: Any, naam: str = "Tweede") -> Leerling:
    """Another pupil enrolled at the region's location (a pupil has one running case)."""
    kind = LeerlingFactory(voornamen=naam, achternaam="Anders", woongemeente=regio.gemeente)
    InschrijvingFactory(leerling=kind, vestiging=regio.vestiging)
    return kind


def maak_regio(label: str) -> Regio:
    gemeente = GemeenteFactory(naam=f"Gemeente {label}")
    swv = SamenwerkingsverbandFactory(naam=f"SWV {label}")
    swv.werkgebied.add(gemeente)
    school = SchoolFactory(naam=f"School {label}")
    vestiging = VestigingFactory(school=school, naam=f"Vestiging {label}", gemeente=gemeente)
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    leerling = LeerlingFactory(
        voornamen=f"Kind{label}", achternaam=f"Achternaam{label}", woongemeente=gemeente
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    BetrokkenheidFactory(leerling=leerling, samenwerkingsverband=swv, grond="aanvraag TLV")
    regio = Regio(swv=swv, gemeente=gemeente, vestiging=vestiging, leerling=leerling)
    organisatie: dict[str, dict[str, Any]] = {
        R.INTERN_BEGELEIDER: {"school": school},
        R.SCHOOLLEIDER: {"school": school},
        R.LERAAR: {"school": school},
        R.BESTUURDER: {"schoolbestuur": school.bestuur},
        R.LOKET: {"samenwerkingsverband": swv},
        R.DIRECTEUR: {"samenwerkingsverband": swv},
        R.COMMISSIELID: {"samenwerkingsverband": swv},
        R.LEERPLICHTAMBTENAAR: {"gemeente": gemeente},
        R.JEUGDHULP: {"gemeente": gemeente},
    }
    for rolsoort, org in organisatie.items():
        gebruiker = GebruikerFactory(username=f"{label}-{rolsoort}")
        rol = RolFactory(gebruiker=gebruiker, rolsoort=rolsoort, **org)
        regio.actoren[rolsoort] = Actor(gebruiker=gebruiker, rol=rol)
    collega = GebruikerFactory(username=f"{label}-leerplicht-collega")
    regio.actoren["collega"] = Actor(
        gebruiker=collega,
        rol=RolFactory(gebruiker=collega, rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=gemeente),
    )
    return regio


@dataclass
class Wereld:
    eigen: Regio
    ander: Regio


@pytest.fixture
def wereld(db: None) -> Wereld:
    return Wereld(eigen=maak_regio("eigen"), ander=maak_regio("ander"))
