import datetime

import factory

from passend.organisaties.models import (
    Gemeente,
    Leerlingtelling,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)
from passend.organisaties.rules import Sector, Soort


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    code = factory.Sequence(lambda n: f"{9000 - n:04d}")


class SamenwerkingsverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Samenwerkingsverband

    sector = Sector.PO
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.sector}{(n % 9000) + 1000:04d}")
    naam = factory.LazyAttribute(lambda o: f"Samenwerkingsverband {o.code}")


class SchoolbestuurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schoolbestuur

    bevoegd_gezag_nummer = factory.Sequence(lambda n: f"{40000 + n}")
    naam = factory.Sequence(lambda n: f"Stichting Onderwijs {n}")


def _brin(n: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return f"{n % 100:02d}{letters[(n // 100) % 26]}{letters[(n // 2600) % 26]}"


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    brin = factory.Sequence(_brin)
    naam = factory.Sequence(lambda n: f"School {n}")
    bestuur = factory.SubFactory(SchoolbestuurFactory)


class VestigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vestiging

    school = factory.SubFactory(SchoolFactory)
    vestigingscode = factory.LazyAttribute(lambda o: f"{o.school.brin}00")
    naam = factory.LazyAttribute(lambda o: o.school.naam)
    soort = Soort.BAO
    straat = "Schoolstraat"
    huisnummer = "1"
    postcode = "3511 AA"
    plaats = "Utrecht"
    gemeente = factory.SubFactory(GemeenteFactory)
    breedtegraad = 52.09
    lengtegraad = 5.12


class SwvLidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwvLidmaatschap

    vestiging = factory.SubFactory(VestigingFactory)
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    sector = factory.LazyAttribute(lambda o: o.samenwerkingsverband.sector)
    van = datetime.date(2020, 8, 1)
    tot = None


class LeerlingtellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leerlingtelling

    vestiging = factory.SubFactory(VestigingFactory)
    teldatum = datetime.date(2025, 10, 1)
    aantal = 200
