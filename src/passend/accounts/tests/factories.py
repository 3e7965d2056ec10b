import datetime

import factory
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from passend.accounts.models import Gebruiker, Koppeling, Rol, token_hash
from passend.accounts.rules import Rolsoort, organisatieveld
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
)

WACHTWOORD = "Geheim-wachtwoord-123"


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def opslaan(self, create, extracted, **kwargs):
        if create:
            self.save()


ORGANISATIE_FACTORIES = {
    "school": SchoolFactory,
    "schoolbestuur": SchoolbestuurFactory,
    "samenwerkingsverband": SamenwerkingsverbandFactory,
    "gemeente": GemeenteFactory,
}


class RolFactory(factory.django.DjangoModelFactory):
    """``RolFactory(rolsoort=...)`` creates the right kind of organisation unless given."""

    class Meta:
        model = Rol

    gebruiker = factory.SubFactory(GebruikerFactory)
    rolsoort = Rolsoort.INTERN_BEGELEIDER
    van = datetime.date(2020, 1, 1)
    tot = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        veld = organisatieveld(kwargs["rolsoort"])
        if veld and kwargs.get(veld) is None:
            kwargs[veld] = ORGANISATIE_FACTORIES[veld]()
        return super()._create(model_class, *args, **kwargs)


def totp_voor(
    gebruiker: Gebruiker, sleutel_hex: str = "3132333435363738393031323334353637383930"
) -> TOTPDevice:
    return TOTPDevice.objects.create(
        user=gebruiker, name="default", key=sleutel_hex, confirmed=True
    )


def huidige_totp(apparaat: TOTPDevice) -> str:
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return f"{totp.token():0{apparaat.digits}d}"


class KoppelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Koppeling

    naam = factory.Sequence(lambda n: f"Leerlingadministratie {n}")
    rol = factory.SubFactory(RolFactory)
    token_prefix = "test"
    token_hash = factory.Sequence(lambda n: token_hash(f"token-{n}"))
