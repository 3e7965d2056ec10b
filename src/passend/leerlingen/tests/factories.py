import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling, Ouderschap
from passend.organisaties.tests.factories import VestigingFactory


class LeerlingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leerling

    voornamen = factory.Faker("first_name", locale="nl_NL")
    roepnaam = factory.LazyAttribute(lambda o: o.voornamen.split()[0])
    achternaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = datetime.date(2016, 5, 17)
    postcode = "3511 AB"


class InschrijvingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inschrijving

    leerling = factory.SubFactory(LeerlingFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    van = datetime.date(2022, 8, 22)
    tot = None

    class Params:
        beeindigd = factory.Trait(tot=datetime.date(2023, 7, 14))


class OuderschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ouderschap

    ouder = factory.SubFactory(GebruikerFactory)
    leerling = factory.SubFactory(LeerlingFactory)
    gezag = True


class BetrokkenheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betrokkenheid

    leerling = factory.SubFactory(LeerlingFactory)
    grond = "aanvraag toelaatbaarheidsverklaring"
    van = datetime.date(2024, 1, 1)
    tot = None
