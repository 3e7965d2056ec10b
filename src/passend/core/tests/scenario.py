"""A concrete world with two regions, so that "own" and "other" organisation mean something.

Each region has a samenwerkingsverband with one school (board, location, municipality), one
enrolled pupil with a running betrokkenheid of the SWV and of the region's
leerplichtambtenaar and of jeugdhulp, a parent and the pupil's own log-in, and every role of the system.
The inspectorate has no organisation and is the same person in both regions.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.test import Client

from passend.accounts.models import Gebruiker, Koppeling, Rol
from passend.accounts.rules import ORGANISATIE_VAN_ROL, OrganisatieType, Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.core.tests.autorisatiematrix import scenario_aanvullen
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    BetrokkenheidFactory,
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning.models import Factor, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.tests.factories import FactorFactory, OppFactory
from passend.organisaties.models import (
    Gemeente,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    Vestiging,
)
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

ROLSOORTEN: tuple[str, ...] = tuple(Rolsoort.values)
ROL_VAN = datetime.date(2020, 1, 1)


@dataclass
class Regio:
    label: str
    swv: Samenwerkingsverband
    gemeente: Gemeente
    bestuur: Schoolbestuur
    school: School
    vestiging: Vestiging
    leerling: Leerling
    ouder: Gebruiker
    leerling_gebruiker: Gebruiker
    leerplichtambtenaar: Gebruiker
    opp: Ontwikkelingsperspectief | None = None
    factor: Factor | None = None
    stem: Leerlingstem | None = None
    rollen: dict[str, Rol] = field(default_factory=dict)
    #: The apps' objects in this region (see ``autorisatiematrix.scenario_aanvullen``).
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Scenario:
    eigen: Regio
    ander: Regio
    #: Session keys of logged-in, TOTP-verified clients, per role of the own region.
    sessies: dict[str, str] = field(default_factory=dict)
    #: Koppeling and token per role of the own region.
    koppelingen: dict[str, tuple[Koppeling, str]] = field(default_factory=dict)

    @property
    def rollen(self) -> dict[str, Rol]:
        return self.eigen.rollen

    def regio(self, doel: str) -> Regio:
        return self.eigen if doel == "eigen" else self.ander

    def client(self, rolsoort: str | None) -> Client:
        """A fresh client; logged in (second factor verified) in this role, or anonymous."""
        client = Client(raise_request_exception=False)
        if rolsoort is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessies[rolsoort]
        return client

    def token_client(self, rolsoort: str) -> Client:
        _, token = self.koppelingen[rolsoort]
        return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {token}")


def maak_regio(label: str, nummer: int, inspecteur: Rol | None = None) -> Regio:
    """One region; ``nummer`` (1..9) keeps codes unique and recognisable."""
    swv = SamenwerkingsverbandFactory(code=f"PO29{nummer:02d}", naam=f"SWV {label}")
    gemeente = GemeenteFactory(naam=f"Gemeente {label}", code=f"98{nummer:02d}")
    bestuur = SchoolbestuurFactory(bevoegd_gezag_nummer=f"9{nummer:04d}", naam=f"Bestuur {label}")
    brin = f"{nummer:02d}ZQ"
    school = SchoolFactory(brin=brin, naam=f"School {label}", bestuur=bestuur)
    vestiging = VestigingFactory(
        school=school, vestigingscode=f"{brin}00", naam=f"Vestiging {label}", gemeente=gemeente
    )
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    swv.werkgebied.add(gemeente)
    leerling_gebruiker = GebruikerFactory(username=f"{label}-leerling-login")
    leerling = LeerlingFactory(
        voornamen=f"Roepnaam{label.capitalize()} Tweede",
        roepnaam=f"Roepnaam{label.capitalize()}",
        achternaam=f"Achternaam{label.capitalize()}",
        geboortedatum=datetime.date(2011, 3, 4),
        gebruiker=leerling_gebruiker,
        woongemeente=gemeente,
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging, van=datetime.date(2022, 8, 22))
    BetrokkenheidFactory(leerling=leerling, samenwerkingsverband=swv, grond="aanvraag TLV")
    leerplichtambtenaar = GebruikerFactory(username=f"{label}-leerplichtambtenaar")
    BetrokkenheidFactory(leerling=leerling, gebruiker=leerplichtambtenaar, grond="verzuim")
    jeugdhulp = GebruikerFactory(username=f"{label}-jeugdhulp")
    BetrokkenheidFactory(leerling=leerling, gebruiker=jeugdhulp, grond="verzuim")
    ouder = GebruikerFactory(username=f"{label}-ouder")
    OuderschapFactory(ouder=ouder, leerling=leerling)
    regio = Regio(
        label=label,
        swv=swv,
        gemeente=gemeente,
        bestuur=bestuur,
        school=school,
        vestiging=vestiging,
        leerling=leerling,
        ouder=ouder,
        leerling_gebruiker=leerling_gebruiker,
        leerplichtambtenaar=leerplichtambtenaar,
    )
    organisatie = {
        OrganisatieType.SCHOOL: {"school": school},
        OrganisatieType.BESTUUR: {"schoolbestuur": bestuur},
        OrganisatieType.SWV: {"samenwerkingsverband": swv},
        OrganisatieType.GEMEENTE: {"gemeente": gemeente},
    }
    persoon = {
        Rolsoort.OUDER: ouder,
        Rolsoort.LEERLING: leerling_gebruiker,
        Rolsoort.LEERPLICHTAMBTENAAR: leerplichtambtenaar,
        Rolsoort.JEUGDHULP: jeugdhulp,
    }
    for rolsoort in ROLSOORTEN:
        if rolsoort == Rolsoort.INSPECTEUR and inspecteur is not None:
            regio.rollen[rolsoort] = inspecteur
            continue
        gebruiker = persoon.get(rolsoort) or GebruikerFactory(username=f"{label}-{rolsoort}")
        regio.rollen[rolsoort] = RolFactory(
            gebruiker=gebruiker,
            rolsoort=rolsoort,
            van=ROL_VAN,
            **organisatie.get(ORGANISATIE_VAN_ROL[rolsoort], {}),
        )
    # A draft OPP of the pupil, with a factor and the pupil's view (for the OPP routes).
    regio.opp = OppFactory(
        leerling=leerling,
        vestiging=vestiging,
        aangemaakt_door=regio.rollen[Rolsoort.INTERN_BEGELEIDER].gebruiker,
        ingevuld=True,
    )
    regio.factor = FactorFactory(opp=regio.opp)
    regio.stem = Leerlingstem.objects.create(
        opp=regio.opp,
        wat_gaat_goed="Rekenen",
        hoorwijze="zelf",
        datum=datetime.date(2026, 9, 1),
        vastgelegd_door=leerling_gebruiker,
    )
    scenario_aanvullen(regio)
    return regio


def sessie_voor(rol: Rol) -> str:
    """The key of a fresh session of the role's person, second factor verified, role active."""
    client = Client()
    apparaat = totp_voor(rol.gebruiker)
    client.force_login(rol.gebruiker)
    sessie = client.session
    sessie["otp_device_id"] = apparaat.persistent_id
    sessie["passend_actieve_rol"] = rol.pk
    sessie.save()
    return sessie.session_key


def client_voor(rol: Rol) -> Client:
    """A client logged in as the role's person, second factor verified, this role active."""
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = sessie_voor(rol)
    return client


def maak_scenario() -> Scenario:
    eigen = maak_regio("eigen", 1)
    ander = maak_regio("ander", 2, inspecteur=eigen.rollen[Rolsoort.INSPECTEUR])
    scenario = Scenario(eigen=eigen, ander=ander)
    for rolsoort, rol in eigen.rollen.items():
        scenario.sessies[rolsoort] = sessie_voor(rol)
        scenario.koppelingen[rolsoort] = koppeling_aanmaken(naam=f"Koppeling {rolsoort}", rol=rol)
    return scenario
