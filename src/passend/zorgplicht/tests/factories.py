import datetime

import factory

from passend.accounts.tests.factories import GebruikerFactory
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.organisaties.tests.factories import VestigingFactory
from passend.zorgplicht import rules
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import Uitkomst, Wijze


class AanmeldingFactory(factory.django.DjangoModelFactory):
    """An open registration received on ``ontvangen_op``, with its terms computed (no
    suspension). Traits: ``verlengd`` (by 2 weeks), ``toegelaten``, ``vol``."""

    class Meta:
        model = Aanmelding

    leerling = factory.SubFactory(LeerlingFactory)
    vestiging = factory.SubFactory(VestigingFactory)
    ontvangen_op = datetime.date(2026, 9, 7)
    wijze = Wijze.PAPIER
    ingediend_door = factory.SubFactory(GebruikerFactory)
    ondersteuning_verwacht = False
    eerste_voorkeur = True
    beslissen_uiterlijk = factory.LazyAttribute(lambda o: rules.beslissen_uiterlijk(o.ontvangen_op))
    tijdelijke_plaatsing_vanaf = factory.LazyAttribute(
        lambda o: rules.tijdelijke_plaatsing_vanaf(o.ontvangen_op)
    )

    class Params:
        verlengd = factory.Trait(
            verlenging_weken=2,
            verlengd_tot=factory.LazyAttribute(lambda o: rules.verlengd_tot(o.ontvangen_op, 2)),
            verlengd_op=factory.LazyAttribute(lambda o: o.beslissen_uiterlijk),
            verlenging_reden="Wij wachten op het verslag van de vorige school.",
            verlengd_door=factory.SubFactory(GebruikerFactory),
        )
        toegelaten = factory.Trait(
            uitkomst=Uitkomst.TOEGELATEN,
            uitkomst_op=factory.LazyAttribute(
                lambda o: o.ontvangen_op + datetime.timedelta(days=20)
            ),
            besloten_door=factory.SubFactory(GebruikerFactory),
            ingangsdatum=factory.LazyAttribute(
                lambda o: o.ontvangen_op + datetime.timedelta(days=60)
            ),
        )
        vol = factory.Trait(
            uitkomst=Uitkomst.AFGEWEZEN_VOL,
            uitkomst_op=factory.LazyAttribute(
                lambda o: o.ontvangen_op + datetime.timedelta(days=20)
            ),
            besloten_door=factory.SubFactory(GebruikerFactory),
            toelichting_besluit="Groep 1 heeft 28 kinderen; er is geen plaats.",
        )
