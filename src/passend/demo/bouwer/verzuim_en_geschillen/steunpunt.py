"""Demo contacts of the ouder- en jeugdsteunpunt of the PO SWV (``steunpunt.po``), through
the steunpunt service: anonymous, spread over the last year, with themes, referrals and
signals for the report to the SWV board. No child is named."""

import random
from datetime import timedelta

from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.demo.bouwer.inlogplan import STEUNPUNT_PO
from passend.demo.bouwer.verzuim_en_geschillen.actoren import ROUTE, actor
from passend.steunpunt.rules import Doorverwijzing, Kanaal, Thema, Wie
from passend.steunpunt.services.contacten import Contactinvoer, contact_vastleggen

AANTAL_CONTACTEN = 24
#: (themes, summary, signal for the board or "", referral)
CONTACTEN: tuple[tuple[tuple[str, ...], str, str, str], ...] = (
    (
        (Thema.THUISZITTEN, Thema.ONDERSTEUNING),
        "Kind zit sinds enkele weken thuis; ouder weet niet wie het initiatief neemt.",
        "Ouders weten bij thuiszitten niet wie de regie heeft.",
        Doorverwijzing.ONDERWIJSCONSULENT,
    ),
    (
        (Thema.ONENIGHEID,),
        "Ouder is het niet eens met het OPP en vraagt wat de stappen zijn.",
        "Ouders kennen de route bij onenigheid niet.",
        Doorverwijzing.SCHOOL,
    ),
    (
        (Thema.AANMELDING,),
        "Vraag over de zorgplicht na aanmelding bij een tweede school.",
        "",
        Doorverwijzing.SWV_LOKET,
    ),
    (
        (Thema.TLV,),
        "Ouder vraagt hoe bezwaar tegen een afgewezen TLV werkt.",
        "Uitleg over bezwaar tegen een TLV ontbreekt in de brief.",
        Doorverwijzing.GPO_LBT,
    ),
    (
        (Thema.VERVOER, Thema.TLV),
        "Vraag over leerlingenvervoer naar het speciaal onderwijs.",
        "Lange reistijd naar so-scholen.",
        Doorverwijzing.ANDERS,
    ),
    (
        (Thema.JEUGDHULP, Thema.ONDERSTEUNING),
        "Jongere zoekt hulp omdat school en jeugdhulp langs elkaar heen werken.",
        "Onderwijs en jeugdhulp stemmen slecht af.",
        Doorverwijzing.JEUGDHULP,
    ),
    ((Thema.INFORMATIE,), "Algemene vraag over passend onderwijs.", "", Doorverwijzing.GEEN),
)


def steunpunt_schrijven(*, seed: int) -> int:
    """Anonymous contacts of the PO steunpunt; returns how many."""
    werker = actor(STEUNPUNT_PO, Rolsoort.STEUNPUNTMEDEWERKER)
    if werker is None:
        return 0
    rng = random.Random(f"{seed}-steunpunt")  # noqa: S311 - synthetic data
    vandaag = timezone.localdate()
    for i in range(AANTAL_CONTACTEN):
        themas, samenvatting, signaal, doorverwijzing = CONTACTEN[i % len(CONTACTEN)]
        contact_vastleggen(
            actor=werker,
            invoer=Contactinvoer(
                datum=vandaag - timedelta(days=rng.randint(0, 330)),
                kanaal=rng.choice(Kanaal.values),
                wie=rng.choice((Wie.OUDER, Wie.OUDER, Wie.OUDER, Wie.JONGERE, Wie.PROFESSIONAL)),
                themas=list(themas),
                samenvatting=samenvatting,
                signaal=signaal,
                doorverwijzing=doorverwijzing,
            ),
            vandaag=vandaag,
            route=ROUTE,
        )
    return AANTAL_CONTACTEN
