import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.doelstellingen.models import (
    Antwoord,
    Meting,
    Respons,
    Uitnodiging,
    Vraag,
    Vragenlijst,
)
from passend.doelstellingen.rules import (
    Doelstelling,
    Metingstatus,
    Respondentgroep,
    Schaal,
    code_hash,
)
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory


class MetingFactory(factory.django.DjangoModelFactory):
    """A closed SWV wave of 2025 (use ``samenwerkingsverband=None`` for a national one)."""

    class Meta:
        model = Meting

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.LazyAttribute(lambda o: f"Meting {o.jaar}")
    jaar = 2025
    status = Metingstatus.GESLOTEN
    open_van = factory.LazyAttribute(lambda o: datetime.date(o.jaar, 5, 1))
    open_tot = factory.LazyAttribute(lambda o: datetime.date(o.jaar, 6, 30))
    aangemaakt_door = factory.SubFactory(GebruikerFactory)


class VragenlijstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vragenlijst

    meting = factory.SubFactory(MetingFactory)
    respondentgroep = Respondentgroep.OUDER
    kindvriendelijk = factory.LazyAttribute(lambda o: o.respondentgroep == Respondentgroep.LEERLING)


class VraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vraag

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    code = factory.Sequence(lambda n: f"D1.vraag{n}")
    doelstelling = Doelstelling.ONDERSTEUNINGSBEHOEFTE_LEIDEND
    tekst = factory.Sequence(lambda n: f"Stelling {n} over de ondersteuning.")
    schaal = Schaal.EENS_ONEENS
    volgorde = factory.Sequence(lambda n: n)


class UitnodigingFactory(factory.django.DjangoModelFactory):
    """An unused invitation; its code is ``TEST-CODE-<n>`` (pass ``code=`` to choose)."""

    class Meta:
        model = Uitnodiging
        exclude = ("code",)

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    samenwerkingsverband = factory.LazyAttribute(
        lambda o: o.vragenlijst.meting.samenwerkingsverband or SamenwerkingsverbandFactory()
    )
    code = factory.Sequence(lambda n: f"TEST-CODE-{n:04d}")
    code_hash = factory.LazyAttribute(lambda o: code_hash(o.code))


class ResponsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Respons

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    samenwerkingsverband = factory.LazyAttribute(
        lambda o: o.vragenlijst.meting.samenwerkingsverband or SamenwerkingsverbandFactory()
    )


class AntwoordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Antwoord

    respons = factory.SubFactory(ResponsFactory)
    vraag = factory.SubFactory(
        VraagFactory, vragenlijst=factory.SelfAttribute("..respons.vragenlijst")
    )
    waarde = 4
