"""Factories of the verzuim app (rows directly; lifecycle tests go through the services)."""

import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    VestigingFactory,
)
from passend.verzuim.models import Actiepunt, Doorbraakplan, Partner, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort, duur_in_weken


class VerzuimmeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verzuimmelding

    meldnummer = factory.Sequence(lambda n: f"2026-{n + 1:03d}")
    leerling = factory.SubFactory(LeerlingFactory)
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    schoolbestuur = factory.LazyAttribute(
        lambda o: o.vestiging.school.bestuur if o.vestiging else None
    )
    gemeente = factory.SubFactory(GemeenteFactory)
    soort = Verzuimsoort.RELATIEF
    sinds = datetime.date(2026, 9, 1)
    reden = Reden.GEEN_PASSEND_AANBOD
    gemeld_door = factory.SubFactory(GebruikerFactory)

    class Params:
        absoluut = factory.Trait(soort=Verzuimsoort.ABSOLUUT, vestiging=None, schoolbestuur=None)
        beeindigd = factory.Trait(
            einde=datetime.date(2026, 10, 30),
            uitkomst=Uitkomst.TERUG_NAAR_SCHOOL,
            duur_weken=factory.LazyAttribute(lambda o: duur_in_weken(o.sinds, o.einde)),
        )


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    melding = factory.SubFactory(VerzuimmeldingFactory)
    soort = Partnersoort.LEERPLICHT
    gebruiker = factory.SubFactory(GebruikerFactory)
    naam = factory.LazyAttribute(
        lambda o: o.gebruiker.get_full_name() if o.gebruiker else "Partner"
    )
    organisatie = "Gemeente"
    van = datetime.date(2026, 9, 1)


class ActiepuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actiepunt

    melding = factory.SubFactory(VerzuimmeldingFactory)
    omschrijving = "Gesprek met ouders en school plannen"
    eigenaar = factory.SubFactory(PartnerFactory, melding=factory.SelfAttribute("..melding"))
    deadline = datetime.date(2026, 10, 15)
    aangemaakt_door = factory.SubFactory(GebruikerFactory)


class DoorbraakplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doorbraakplan

    melding = factory.SubFactory(VerzuimmeldingFactory)
    gevraagd_op = datetime.date(2026, 11, 24)
    uiterlijk = datetime.date(2026, 12, 22)
    doorzettingsmacht = "de directeur-bestuurder van het samenwerkingsverband"
