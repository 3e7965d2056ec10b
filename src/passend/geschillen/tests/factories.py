"""Factories of the geschillen app (rows directly; lifecycle tests go through the services)."""

import datetime
from typing import Any

import factory
from django.utils import timezone

from passend.accounts.tests.factories import GebruikerFactory
from passend.geschillen.models import Onenigheid, Routestap, Stap, VeiligThuisMelding
from passend.geschillen.rules import Onderwerp, Status
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, VestigingFactory


def standaardstap(code: str) -> Routestap:
    """A step of the default route (loaded by migration 0002)."""
    return Routestap.objects.get(samenwerkingsverband=None, code=code)


class OnenigheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Onenigheid

    leerling = factory.SubFactory(LeerlingFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    onderwerp = Onderwerp.ONDERSTEUNING
    omschrijving = "Wij vinden dat onze zoon meer hulp bij lezen nodig heeft."
    gestart_op = datetime.date(2026, 10, 1)
    gestart_door = factory.SubFactory(GebruikerFactory)

    class Params:
        bij_swv = factory.Trait(swv_betrokken_sinds=datetime.date(2026, 10, 20))


class StapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stap

    onenigheid = factory.SubFactory(OnenigheidFactory)
    routestap = factory.LazyFunction(lambda: standaardstap("gesprek-school"))
    begonnen_op = datetime.date(2026, 10, 2)
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


class VeiligThuisMeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VeiligThuisMelding

    leerling = factory.SubFactory(LeerlingFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    gemeld_op = datetime.date(2026, 10, 5)
    signalen = "Blauwe plekken op de armen, vertelt bang te zijn om naar huis te gaan."
    meldcode_stappen = ["signalen", "consultatie", "gesprek", "wegen", "beslissen"]
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


def scenario_sluiten(regio: Any) -> None:
    """Close the scenario's two disagreements of the region (``tests/matrix.py``), so a
    test can start one about the same thing (a second open one is refused)."""
    Onenigheid.objects.filter(
        pk__in=[regio.extra["onenigheid"].pk, regio.extra["onenigheid_school"].pk]
    ).update(status=Status.GESLOTEN, afgesloten_op=timezone.localdate())
