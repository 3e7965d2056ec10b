"""A small world for the TLV tests (pytest fixtures in conftest, browser tests too): two SWVs (PO) that each cover one municipality, a bao
school in the first, a pupil enrolled there with a vastgesteld OPP (with the parents'
consent and the pupil's view), the school's staff, the SWV's staff and its deskundigen."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.tests.factories import DoelFactory, FactorFactory, OverlegFactory
from passend.organisaties.models import Gemeente, Samenwerkingsverband, Vestiging
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.toelaatbaarheid.models import Deskundige
from passend.toelaatbaarheid.tests.factories import DeskundigeFactory, VastgesteldOppFactory

R = Rolsoort


@dataclass
class Wereld:
    swv: Samenwerkingsverband
    buur_swv: Samenwerkingsverband
    gemeente: Gemeente
    buurgemeente: Gemeente
    vestiging: Vestiging
    leerling: Leerling
    opp: Ontwikkelingsperspectief
    rollen: dict[str, Rol]
    ouder: Rol
    ortho: Deskundige
    arts: Deskundige
    psycholoog: Deskundige

    def actor(self, rolsoort: str) -> Actor:
        rol = self.ouder if rolsoort == R.OUDER else self.rollen[rolsoort]
        return Actor(gebruiker=rol.gebruiker, rol=rol)


def maak_wereld() -> Wereld:
    vandaag = timezone.localdate()
    gemeente = GemeenteFactory(naam="Lingewaard-Test")
    buurgemeente = GemeenteFactory(naam="Buurdorp-Test")
    swv = SamenwerkingsverbandFactory(code="PO2701", naam="SWV Rivierenland")
    buur_swv = SamenwerkingsverbandFactory(code="PO2702", naam="SWV Buurland")
    swv.werkgebied.add(gemeente)
    buur_swv.werkgebied.add(buurgemeente)
    vestiging = VestigingFactory(naam="OBS De Linde", soort=Soort.BAO, gemeente=gemeente)
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    leerling = LeerlingFactory(
        roepnaam="Sam",
        voornamen="Samuel",
        achternaam="Visser",
        geboortedatum=datetime.date(2016, 5, 17),
        woongemeente=gemeente,
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging, van=datetime.date(2022, 8, 22))
    ouder = OuderschapFactory(
        leerling=leerling,
        gezag=True,
        ouder=GebruikerFactory(first_name="Petra", last_name="Visser"),
    ).ouder
    rollen: dict[str, Rol] = {}
    for rolsoort in (R.INTERN_BEGELEIDER, R.SCHOOLLEIDER, R.LERAAR):
        rollen[rolsoort] = RolFactory(rolsoort=rolsoort, school=vestiging.school)
    rollen[R.BESTUURDER] = RolFactory(rolsoort=R.BESTUURDER, schoolbestuur=vestiging.school.bestuur)
    for rolsoort in (
        R.LOKET,
        R.COMMISSIELID,
        R.DESKUNDIGE,
        R.DIRECTEUR,
        R.FUNCTIONEEL_BEHEERDER,
        R.PRIVACY_OFFICER,
    ):
        rollen[rolsoort] = RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
    rollen["buur_loket"] = RolFactory(rolsoort=R.LOKET, samenwerkingsverband=buur_swv)
    rollen["inspecteur"] = RolFactory(rolsoort=R.INSPECTEUR)
    ib = rollen[R.INTERN_BEGELEIDER].gebruiker
    opp = VastgesteldOppFactory(
        leerling=leerling,
        vestiging=vestiging,
        aangemaakt_door=ib,
        vastgesteld_door=ib,
        vastgesteld_op=vandaag - datetime.timedelta(days=30),
        zienswijze_ouders="Thuis gaat het goed; op school loopt hij vast.",
    )
    FactorFactory(opp=opp, omschrijving="Raakt snel overprikkeld in de groep")
    FactorFactory(opp=opp, soort="bevorderend", omschrijving="Werkt goed een-op-een")
    DoelFactory(opp=opp, doel="Werkt 20 minuten zelfstandig")
    OverlegFactory(opp=opp)
    Instemming.objects.create(
        opp=opp,
        besluit="gegeven",
        wijze="papier",
        door=ouder,
        vastgelegd_door=rollen[R.SCHOOLLEIDER].gebruiker,
        datum=vandaag - datetime.timedelta(days=31),
    )
    Leerlingstem.objects.create(
        opp=opp,
        wat_gaat_goed="Rekenen",
        wat_is_moeilijk="Drukte in de klas",
        wat_wil_ik="Een rustige plek",
        hoorwijze="samen",
        datum=vandaag - datetime.timedelta(days=35),
        vastgelegd_door=ib,
        reactie_school="Hij krijgt een werkplek in de stilteruimte.",
    )
    ortho = DeskundigeFactory(
        samenwerkingsverband=swv,
        naam="Anna de Wit",
        beroep="orthopedagoog",
        gebruiker=rollen[R.DESKUNDIGE].gebruiker,
    )
    arts = DeskundigeFactory(samenwerkingsverband=swv, naam="Joost Bakker", beroep="jeugdarts")
    psycholoog = DeskundigeFactory(
        samenwerkingsverband=swv, naam="Mira Yilmaz", beroep="psycholoog"
    )
    return Wereld(
        swv=swv,
        buur_swv=buur_swv,
        gemeente=gemeente,
        buurgemeente=buurgemeente,
        vestiging=vestiging,
        leerling=leerling,
        opp=opp,
        rollen=rollen,
        ouder=RolFactory(rolsoort=R.OUDER, gebruiker=ouder),
        ortho=ortho,
        arts=arts,
        psycholoog=psycholoog,
    )
