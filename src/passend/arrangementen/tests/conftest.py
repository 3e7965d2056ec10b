"""A small world for the arrangement tests: one primary school in an SWV, a pupil with a
vastgesteld OPP (the parents' view, consent on the handelingsdeel and the pupil's view in
it), every role that takes part, and the same roles elsewhere."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.arrangementen import services
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.tests.factories import VastgesteldOppFactory
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit as Instemmingsbesluit
from passend.ondersteuning.rules import Hoorwijze, Wijze
from passend.ondersteuning.tests.factories import DoelFactory, FactorFactory
from passend.organisaties.models import Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

R = Rolsoort
VANDAAG = timezone.localdate


def actor(rol: Rol) -> Actor:
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def vastgesteld_opp(
    leerling: Leerling, vestiging: Vestiging, door: Any
) -> Ontwikkelingsperspectief:
    """A vastgesteld OPP with a goal, factors, the parents' view, consent and the pupil's
    view (rows written directly; the OPP app's own tests cover writing them)."""
    opp = VastgesteldOppFactory(
        leerling=leerling,
        vestiging=vestiging,
        aangemaakt_door=door,
        vastgesteld_op=VANDAAG() - datetime.timedelta(days=30),
    )
    FactorFactory(opp=opp, omschrijving="Leest langzaam (dyslexie)")
    FactorFactory(opp=opp, soort="bevorderend", omschrijving="Werkt hard en vraagt om hulp")
    DoelFactory(
        opp=opp,
        doel="Leest AVI-niveau E5 vloeiend",
        aanpak="Extra leesbegeleiding in een klein groepje",
        van=VANDAAG() - datetime.timedelta(days=10),
        tot=VANDAAG() + datetime.timedelta(days=200),
    )
    ouder = leerling.ouderschappen.filter(gezag=True).first()
    if ouder is not None:
        Instemming.objects.create(
            opp=opp,
            besluit=Instemmingsbesluit.GEGEVEN,
            wijze=Wijze.PAPIER,
            door=ouder.ouder,
            vastgelegd_door=door,
            datum=VANDAAG() - datetime.timedelta(days=31),
        )
    Leerlingstem.objects.create(
        opp=opp,
        wat_gaat_goed="Rekenen en gym",
        wat_is_moeilijk="Lange teksten lezen",
        wat_wil_ik="Meer tijd bij toetsen",
        hoorwijze=Hoorwijze.SAMEN,
        datum=VANDAAG() - datetime.timedelta(days=35),
        vastgelegd_door=door,
        reactie_school="Bij toetsen krijg je 15 minuten extra.",
    )
    return opp


@dataclass
class Wereld:
    swv: Samenwerkingsverband
    vestiging: Vestiging
    leerling: Leerling
    opp: Ontwikkelingsperspectief
    rollen: dict[str, Rol]
    #: The same roles at another school / another SWV.
    elders: dict[str, Rol]
    extra: dict[str, Any] = field(default_factory=dict)

    def actor(self, rolsoort: str) -> Actor:
        return actor(self.rollen[rolsoort])

    def vreemde(self, rolsoort: str) -> Actor:
        return actor(self.elders[rolsoort])

    def aanvraag(self, **kwargs: Any) -> Arrangementaanvraag:
        """A request through the service, as the intern begeleider."""
        gegevens = {
            "opp": self.opp,
            "ondersteuning": "Ambulante begeleiding bij lezen, 2 uur per week",
            "van": VANDAAG(),
            "tot": VANDAAG() + datetime.timedelta(days=180),
            "bedrag": Decimal("4500.00"),
            "toelichting": "De basisondersteuning is niet genoeg: de achterstand groeit.",
            **kwargs,
        }
        return services.aanvraag_indienen(actor=self.actor(R.INTERN_BEGELEIDER), **gegevens)

    def compleet(self, **kwargs: Any) -> Arrangementaanvraag:
        aanvraag = self.aanvraag(**kwargs)
        return services.compleet_verklaren(actor=self.actor(R.LOKET), aanvraag=aanvraag)


def _rollen(
    school: Any, swv: Samenwerkingsverband, ouder: Any, leerling: Leerling
) -> dict[str, Rol]:
    rollen = {
        rolsoort: RolFactory(rolsoort=rolsoort, school=school)
        for rolsoort in (R.LERAAR, R.INTERN_BEGELEIDER, R.SCHOOLLEIDER)
    }
    rollen[R.BESTUURDER] = RolFactory(rolsoort=R.BESTUURDER, schoolbestuur=school.bestuur)
    for rolsoort in (R.LOKET, R.COMMISSIELID, R.DESKUNDIGE, R.DIRECTEUR, R.PRIVACY_OFFICER):
        rollen[rolsoort] = RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
    if ouder is not None:
        rollen[R.OUDER] = RolFactory(rolsoort=R.OUDER, gebruiker=ouder)
    if leerling.gebruiker is not None:
        rollen[R.LEERLING] = RolFactory(rolsoort=R.LEERLING, gebruiker=leerling.gebruiker)
    rollen[R.INSPECTEUR] = RolFactory(rolsoort=R.INSPECTEUR)
    return rollen


def maak_wereld() -> Wereld:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    vestiging = VestigingFactory(naam="OBS De Linde", soort="bao")
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    leerling = LeerlingFactory(
        roepnaam="Noor",
        achternaam="Bakker",
        geboortedatum=datetime.date(2017, 3, 4),
        gebruiker=GebruikerFactory(),
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ouder = OuderschapFactory(
        leerling=leerling, gezag=True, ouder=GebruikerFactory(first_name="Eva", last_name="Bakker")
    ).ouder
    rollen = _rollen(vestiging.school, swv, ouder, leerling)
    opp = vastgesteld_opp(leerling, vestiging, rollen[R.INTERN_BEGELEIDER].gebruiker)

    # Elsewhere: another school in another SWV, with its own pupil and parent.
    ander_swv = SamenwerkingsverbandFactory()
    andere = VestigingFactory()
    SwvLidmaatschapFactory(vestiging=andere, samenwerkingsverband=ander_swv)
    ander_kind = InschrijvingFactory(vestiging=andere).leerling
    andere_ouder = OuderschapFactory(leerling=ander_kind).ouder
    elders = _rollen(andere.school, ander_swv, andere_ouder, ander_kind)
    return Wereld(
        swv=swv, vestiging=vestiging, leerling=leerling, opp=opp, rollen=rollen, elders=elders
    )


@pytest.fixture
def wereld(db: Any) -> Wereld:
    return maak_wereld()
