"""A small synthetic world for the steunpunt tests (and the browser test): one SWV with a
school, a pupil and their parent (gezag), a steunpunt worker, the SWV's directeur, and a
second SWV with its own worker; the sociale kaart lists the first SWV's steunpunt."""

import datetime
from dataclasses import dataclass

from passend.aanbod.models import Voorziening, Voorzieningsoort
from passend.accounts.models import Gebruiker, Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.organisaties.models import Gemeente, Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)


@dataclass
class Wereld:
    swv: Samenwerkingsverband
    ander_swv: Samenwerkingsverband
    gemeente: Gemeente
    vestiging: Vestiging
    leerling: Leerling
    ouder: Gebruiker
    ouder_rol: Rol
    medewerker: Rol
    directeur: Rol
    ander_medewerker: Rol
    steunpunt: Voorziening


def maak_wereld() -> Wereld:
    gemeente = GemeenteFactory(naam="Gemeente Steunstad", code="9871")
    swv = SamenwerkingsverbandFactory(code="PO2971", naam="SWV Steunstad")
    swv.werkgebied.add(gemeente)
    ander_swv = SamenwerkingsverbandFactory(code="VO2972", sector="VO", naam="SWV Elders VO")
    vestiging = VestigingFactory(naam="De Steunschool", gemeente=gemeente)
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    leerling = LeerlingFactory(
        voornamen="Fenna",
        roepnaam="Fenna",
        achternaam="Testkind",
        geboortedatum=datetime.date(2015, 4, 3),
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging, van=datetime.date(2021, 8, 23))
    ouder = GebruikerFactory(username="steun-ouder", first_name="Olga", last_name="Ouder")
    OuderschapFactory(ouder=ouder, leerling=leerling, gezag=True)
    steunpunt = Voorziening.objects.create(
        samenwerkingsverband=swv,
        soort=Voorzieningsoort.STEUNPUNT,
        naam="Steunpunt Steunstad",
        wat="Informatie en steun voor ouders en jongeren.",
        voor_wie="Ouders en jongeren in Steunstad.",
        telefoon="010 123 45 67",
        email="steunpunt@example.org",
        openingstijden="Maandag tot en met vrijdag 9.00 tot 17.00 uur",
    )
    return Wereld(
        swv=swv,
        ander_swv=ander_swv,
        gemeente=gemeente,
        vestiging=vestiging,
        leerling=leerling,
        ouder=ouder,
        ouder_rol=RolFactory(gebruiker=ouder, rolsoort=Rolsoort.OUDER),
        medewerker=RolFactory(
            gebruiker=GebruikerFactory(username="steun-medewerker"),
            rolsoort=Rolsoort.STEUNPUNTMEDEWERKER,
            samenwerkingsverband=swv,
        ),
        directeur=RolFactory(
            gebruiker=GebruikerFactory(username="steun-directeur"),
            rolsoort=Rolsoort.DIRECTEUR,
            samenwerkingsverband=swv,
        ),
        ander_medewerker=RolFactory(
            gebruiker=GebruikerFactory(username="steun-ander"),
            rolsoort=Rolsoort.STEUNPUNTMEDEWERKER,
            samenwerkingsverband=ander_swv,
        ),
        steunpunt=steunpunt,
    )
