import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory
from passend.steunpunt.models import Contact, Contactthema, Toestemming
from passend.steunpunt.rules import Doorverwijzing, Kanaal, Thema, Wie


class ToestemmingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toestemming

    leerling = factory.SubFactory(LeerlingFactory)
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    gegeven_op = datetime.date(2025, 9, 1)
    gegeven_door = factory.SubFactory(GebruikerFactory)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact
        skip_postgeneration_save = True

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    datum = datetime.date(2025, 10, 6)
    kanaal = Kanaal.TELEFOON
    wie = Wie.OUDER
    samenvatting = "Ouder belde over de aanmelding."
    signaal = "Ouders weten niet waar zij terechtkunnen na een weigering."
    doorverwijzing = Doorverwijzing.GEEN
    vastgelegd_door = factory.SubFactory(GebruikerFactory)

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create:
            for thema in extracted if extracted is not None else [Thema.AANMELDING]:
                Contactthema.objects.create(contact=self, thema=thema)
