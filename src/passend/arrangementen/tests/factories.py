"""Factories of arrangement requests, with traits for each state. The factories write rows
directly (fast, for lists and the authorization matrix); lifecycle tests use the services."""

import datetime
from decimal import Decimal

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.arrangementen.models import Arrangementaanvraag, Statuswijziging
from passend.arrangementen.rules import Besluit, Status
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

ONTVANGEN = datetime.date(2026, 10, 1)


class VastgesteldOppFactory(OppFactory):
    """A vastgesteld OPP version (written directly, without its parts)."""

    ingevuld = True
    status = OppStatus.VASTGESTELD
    vastgesteld_op = datetime.date(2026, 9, 20)
    vastgesteld_door = factory.SelfAttribute("aangemaakt_door")
    volgende_evaluatie = datetime.date(2027, 9, 20)
    zienswijze_ouders = "Wij zien dat lezen thuis veel moeite kost en willen graag extra hulp."


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arrangementaanvraag
        skip_postgeneration_save = True

    opp = factory.SubFactory(VastgesteldOppFactory)
    leerling = factory.SelfAttribute("opp.leerling")
    vestiging = factory.SelfAttribute("opp.vestiging")
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    ondersteuning = "Ambulante begeleiding bij lezen, 2 uur per week"
    van = datetime.date(2026, 11, 1)
    tot = datetime.date(2027, 7, 15)
    bedrag = Decimal("4500.00")
    toelichting = "De basisondersteuning is niet genoeg: de achterstand groeit."
    status = Status.INGEDIEND
    ingediend_op = ONTVANGEN
    ingediend_door = factory.SubFactory(GebruikerFactory)

    class Params:
        onvolledig = factory.Trait(
            status=Status.ONVOLLEDIG,
            onvolledig_op=datetime.date(2026, 10, 5),
            ontbreekt="Het verslag van het onderzoek naar het lezen ontbreekt.",
        )
        compleet = factory.Trait(
            status=Status.COMPLEET,
            compleet_op=datetime.date(2026, 10, 8),
            compleet_door=factory.SubFactory(GebruikerFactory),
        )
        besloten = factory.Trait(
            status=Status.BESLOTEN,
            compleet_op=datetime.date(2026, 10, 8),
            besluit=Besluit.DEELS,
            redenen="Toegekend voor het eerste half jaar; daarna evalueren.",
            toegekend_bedrag=Decimal("2500.00"),
            toegekend_van=datetime.date(2026, 11, 1),
            toegekend_tot=datetime.date(2027, 2, 28),
            besloten_op=datetime.date(2026, 10, 20),
            besloten_door=factory.SubFactory(GebruikerFactory),
        )
        ingetrokken = factory.Trait(
            status=Status.INGETROKKEN,
            ingetrokken_op=datetime.date(2026, 10, 3),
            reden_intrekking="De ouders kiezen voor een andere school.",
        )

    @factory.post_generation
    def stappen(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            Statuswijziging.objects.create(
                aanvraag=self,
                naar_status=Status.INGEDIEND,
                datum=self.ingediend_op,
                door=self.ingediend_door,
            )
