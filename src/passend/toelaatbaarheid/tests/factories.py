"""Factories of the TLV app, with traits for the states of a request.

``TlvFactory(compleet=True)``, ``TlvFactory(toegekend=True)``, ``TlvFactory(afgewezen=True)``
build rows directly (for lists, the matrix and query counts); lifecycle tests go through the
services instead.
"""

import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, VestigingFactory
from passend.toelaatbaarheid.models import Advies, Bezwaar, Deskundige, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Besluit, Conclusie, Indiener, Soort, Status


class VastgesteldOppFactory(OppFactory):
    """A vastgesteld OPP version (rows only; the OPP services are tested in their app)."""

    status = OppStatus.VASTGESTELD
    vastgesteld_op = datetime.date(2026, 9, 20)
    ingevuld = True


class DeskundigeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deskundige

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Faker("name", locale="nl_NL")
    beroep = "orthopedagoog"
    actief = True


class TlvFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toelaatbaarheidsverklaring

    leerling = factory.SubFactory(LeerlingFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    opp = factory.SubFactory(
        VastgesteldOppFactory,
        leerling=factory.SelfAttribute("..leerling"),
        vestiging=factory.SelfAttribute("..vestiging"),
    )
    soort = Soort.SBO
    aangevraagd_door = factory.SubFactory(GebruikerFactory)
    verantwoordelijk_swv = factory.SubFactory(SamenwerkingsverbandFactory)
    school_swv = factory.SelfAttribute("verantwoordelijk_swv")
    ontvangen_op = datetime.date(2026, 10, 1)
    status = Status.INGEDIEND

    class Params:
        compleet = factory.Trait(status=Status.COMPLEET, compleet_op=datetime.date(2026, 10, 8))
        toegekend = factory.Trait(
            status=Status.TOEGEKEND,
            compleet_op=datetime.date(2026, 10, 8),
            besluit=Besluit.TOEGEKEND,
            besluit_op=datetime.date(2026, 10, 22),
            schoolsoort=factory.SelfAttribute("soort"),
            ingangsdatum=datetime.date(2026, 11, 1),
            einddatum=datetime.date(2027, 10, 31),
            motivering="De adviezen van beide deskundigen zijn eensluidend.",
        )
        afgewezen = factory.Trait(
            status=Status.AFGEWEZEN,
            compleet_op=datetime.date(2026, 10, 8),
            besluit=Besluit.AFGEWEZEN,
            besluit_op=datetime.date(2026, 10, 22),
            motivering="De ondersteuning past binnen het regulier onderwijs.",
        )


class AdviesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Advies

    tlv = factory.SubFactory(TlvFactory)
    deskundige = factory.SubFactory(
        DeskundigeFactory, samenwerkingsverband=factory.SelfAttribute("..tlv.verantwoordelijk_swv")
    )
    beroep = factory.SelfAttribute("deskundige.beroep")
    conclusie = Conclusie.TOELAATBAAR
    toelichting = "Toelaatbaar: de ondersteuningsbehoefte overstijgt wat de school kan bieden."
    datum = datetime.date(2026, 10, 10)
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


class BezwaarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bezwaar

    tlv = factory.SubFactory(TlvFactory, toegekend=True)
    indiener = Indiener.OUDERS
    ingediend_op = datetime.date(2026, 11, 1)
    omschrijving = "De ouders willen een andere school."
    vastgelegd_door = factory.SubFactory(GebruikerFactory)
