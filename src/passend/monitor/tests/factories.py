import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory


class NetwerkanalyseFactory(factory.django.DjangoModelFactory):
    """A finished analysis of the current situation with an empty result."""

    class Meta:
        model = Netwerkanalyse

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = "Huidige situatie"
    peildatum = datetime.date(2026, 10, 1)
    schooljaar = "2026-2027"
    status = Analysestatus.KLAAR
    voortgang = 100
    resultaat = factory.LazyFunction(dict)
    gestart_door = factory.SubFactory(GebruikerFactory)
