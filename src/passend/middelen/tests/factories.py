import datetime
from decimal import Decimal

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.middelen.models import (
    Begroting,
    Begrotingspost,
    Instemming,
    Oogo,
    Plan,
    Planversie,
)
from passend.middelen.rules import Instemmingsuitkomst, Oogouitkomst, Plansoort, Postsoort
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory


class BegrotingFactory(factory.django.DjangoModelFactory):
    """A concept budget for 2026 without posts."""

    class Meta:
        model = Begroting

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    jaar = 2026


class BegrotingspostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingspost

    begroting = factory.SubFactory(BegrotingFactory)
    soort = Postsoort.LICHTE_ONDERSTEUNING
    bedrag = Decimal("1000000.00")


class PlanFactory(factory.django.DjangoModelFactory):
    """An ondersteuningsplan for 2026–2030 (four school years)."""

    class Meta:
        model = Plan

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    soort = Plansoort.ONDERSTEUNINGSPLAN
    titel = "Ondersteuningsplan 2026–2030"
    periode_van = datetime.date(2026, 8, 1)
    periode_tot = datetime.date(2030, 7, 31)


class PlanversieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Planversie

    plan = factory.SubFactory(PlanFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    samenvatting = "Eerste versie voor de OPR."
    aangemaakt_door = factory.SubFactory(GebruikerFactory)


class InstemmingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instemming

    planversie = factory.SubFactory(PlanversieFactory)
    datum = datetime.date(2026, 6, 15)
    uitkomst = Instemmingsuitkomst.INGESTEMD
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


class OogoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Oogo

    planversie = factory.SubFactory(PlanversieFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    datum = datetime.date(2026, 6, 1)
    uitkomst = Oogouitkomst.OVEREENSTEMMING
    vastgelegd_door = factory.SubFactory(GebruikerFactory)
