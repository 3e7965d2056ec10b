import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.ondersteuning.models import Doel, Factor, Ontwikkelingsperspectief, Overleg
from passend.ondersteuning.rules import FactorSoort, Uitstroombestemming
from passend.organisaties.tests.factories import VestigingFactory


class OppFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ontwikkelingsperspectief

    leerling = factory.SubFactory(LeerlingFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    start_extra_ondersteuning = datetime.date(2026, 9, 1)
    aangemaakt_door = factory.SubFactory(GebruikerFactory)

    class Params:
        ingevuld = factory.Trait(
            uitstroombestemming=Uitstroombestemming.VMBO_KB,
            uitstroomperspectief="Kaderberoepsgericht, met steun bij lezen.",
            onderbouwing="Toetsen en observaties laten een stabiele groei zien.",
        )


class FactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Factor

    opp = factory.SubFactory(OppFactory)
    soort = FactorSoort.BELEMMEREND
    omschrijving = "Leest langzaam (dyslexie)"


class DoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doel

    opp = factory.SubFactory(OppFactory)
    doel = "Leest AVI-niveau E5 vloeiend"
    aanpak = "Extra leesbegeleiding in een klein groepje"
    door_wie = "Remedial teacher"
    frequentie = "2 keer per week, 30 minuten"
    van = datetime.date(2026, 9, 1)
    tot = datetime.date(2027, 1, 31)
    evaluatiewijze = "AVI-toets in januari"


class OverlegFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Overleg

    opp = factory.SubFactory(OppFactory)
    datum = datetime.date(2026, 9, 20)
    deelnemers = "Moeder, intern begeleider, mentor"
    samenvatting = "Plan besproken; moeder herkent het beeld."
