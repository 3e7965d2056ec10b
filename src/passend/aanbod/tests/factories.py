"""Factories of the aanbod app. They write rows directly (fast, for lists and the
authorization matrix); lifecycle tests go through the services."""

import datetime

import factory
from django.utils import timezone

from passend.aanbod.models import (
    Aanbod,
    Gebiedsaanbod,
    Ondersteuningsgebied,
    Schoolgidstekst,
    Voorziening,
    Voorzieningsoort,
    Wachtlijststand,
)
from passend.aanbod.rules import Status
from passend.accounts.tests.factories import GebruikerFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, VestigingFactory

SCHOOLJAAR = "2026-2027"


def gebied(code: str) -> Ondersteuningsgebied:
    """One of the areas the data migration loads (``gebieden.STARTGEBIEDEN``)."""
    return Ondersteuningsgebied.objects.get(code=code)


class AanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbod
        skip_postgeneration_save = True

    vestiging = factory.SubFactory(VestigingFactory)
    schooljaar = SCHOOLJAAR
    versie = 1
    status = Status.CONCEPT
    toelichting = "Wij kijken naar wat elk kind nodig heeft en werken samen met ouders."
    contact = "De intern begeleider, via de administratie van de school"
    bewerkt_door = factory.SubFactory(GebruikerFactory)

    class Params:
        gepubliceerd = factory.Trait(
            status=Status.GEPUBLICEERD,
            openbaar=True,
            gepubliceerd_op=factory.LazyFunction(timezone.now),
            gepubliceerd_door=factory.SelfAttribute("bewerkt_door"),
        )

    @factory.post_generation
    def normgebieden(self, create: bool, extracted: object, **kwargs: object) -> None:
        """Describe the three areas of the landelijke norm (pass ``normgebieden=False`` for
        an empty offer)."""
        if not create or extracted is False:
            return
        for g in Ondersteuningsgebied.objects.filter(landelijke_norm=True):
            GebiedsaanbodFactory(aanbod=self, gebied=g)


class GebiedsaanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebiedsaanbod

    aanbod = factory.SubFactory(AanbodFactory, normgebieden=False)
    gebied = factory.LazyFunction(lambda: gebied("leergedrag"))
    basisondersteuning = "In elke groep leren kinderen plannen met een dagtaak."
    extra_ondersteuning = "Een coach van het samenwerkingsverband, in kleine groepjes."
    expertise = "Een gedragsspecialist en een intern begeleider."
    faciliteiten = factory.LazyFunction(lambda: ["stilteruimte"])


class WachtlijststandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wachtlijststand

    vestiging = factory.SubFactory(VestigingFactory, soort="sbo")
    gebied = None
    peildatum = datetime.date(2026, 10, 1)
    aantal_wachtend = 6
    verwachte_wachttijd_weken = 8
    capaciteit = 120
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


class SchoolgidstekstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schoolgidstekst

    vestiging = factory.SubFactory(VestigingFactory)
    schooljaar = SCHOOLJAAR
    tekst = "## Ondersteuning op onze school\n\nElk kind krijgt basisondersteuning."
    bijgewerkt_door = factory.SubFactory(GebruikerFactory)


class VoorzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorziening
        skip_postgeneration_save = True

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    soort = Voorzieningsoort.JEUGDHULP
    naam = factory.Sequence(lambda n: f"Jeugdhulp Rivierenland {n}")
    wat = "Hulp voor kinderen en gezinnen bij opvoeden en opgroeien."
    voor_wie = "Kinderen van 0 tot 18 jaar en hun ouders."
    telefoon = "0345 123 456"
    website = "https://jeugdhulp.example.org"
