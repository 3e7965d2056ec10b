"""Demo verzuim cases through the verzuim services: absoluut (children registered by
leerplicht), relatief (long ago ones now langdurig), vrijstelling 5 onder a; running and
ended with an outcome; partners (the school, the SWV, ``leerplicht.lingebroek``,
``jeugdhulp.lingebroek``), plan actions, doorbraak plans and onderwijsconsulenten.

The start dates spread over the last two school years; the services stamp today on what
they record themselves (partners from today, actions agreed today)."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.demo.bouwer.inlogplan import JEUGDHULP, LEERPLICHT_GEMEENTE, LEERPLICHTAMBTENAAR
from passend.demo.bouwer.regio import SWV_PO, SWV_VO
from passend.demo.bouwer.verzuim_en_geschillen.actoren import (
    ROUTE,
    actor,
    gebruiker,
    ingeschreven,
)
from passend.organisaties.models import Gemeente, Samenwerkingsverband
from passend.verzuim.models import Partner, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort
from passend.verzuim.services.meldingen import (
    melding_beeindigen,
    melding_maken,
    onderwijsconsulent_vastleggen,
)
from passend.verzuim.services.plan import (
    actiepunt_afronden,
    actiepunt_toevoegen,
    doorbraak_standaard,
    doorbraakplan_vastleggen,
    partner_toevoegen,
)

ACTIES = (
    "Gesprek met ouders en kind over de terugkeer plannen",
    "Aanvraag bij het loket van het samenwerkingsverband indienen",
    "Contact met de jeugdarts opnemen",
    "Passend aanbod zoeken bij een school voor speciaal basisonderwijs",
    "Rooster voor gedeeltelijke terugkeer opstellen",
)
UITKOMSTEN = (
    Uitkomst.TERUG_NAAR_SCHOOL,
    Uitkomst.ANDERE_SCHOOL,
    Uitkomst.SPECIAAL_ONDERWIJS,
    Uitkomst.ONDERWIJS_ZORG,
    Uitkomst.VERHUISD,
)
REDENEN_RELATIEF = (
    Reden.GEEN_PASSEND_AANBOD,
    Reden.WACHTLIJST,
    Reden.PSYCHISCH,
    Reden.GEDRAG,
    Reden.SCHOOLCONFLICT,
    Reden.THUISSITUATIE,
)
VOORNAMEN = ("Daan", "Yara", "Milan", "Lina")
#: Children not enrolled anywhere (absoluut verzuim): invented, like every demo pupil.
ACHTERNAMEN = ("Verbeek", "Hoekstra", "Smits", "Kuipers")


@dataclass
class Verzuimtelling:
    meldingen: int = 0
    lopend: int = 0
    beeindigd: int = 0
    absoluut: int = 0
    vrijstelling: int = 0
    doorbraakplannen: int = 0
    onderwijsconsulenten: int = 0
    actiepunten: int = 0
    partners_leerplicht: int = 0
    partners_jeugdhulp: int = 0


def _vers(melding: Verzuimmelding) -> Verzuimmelding:
    return Verzuimmelding.objects.get(pk=melding.pk)


def _plan(werker: Actor, melding: Verzuimmelding, rng: random.Random, t: Verzuimtelling) -> None:
    """Partners and actions of a running case."""
    vandaag = timezone.localdate()
    jeugdhulp = gebruiker(JEUGDHULP)
    if (
        jeugdhulp is not None
        and melding.gemeente.code == LEERPLICHT_GEMEENTE
        and rng.random() < 0.5
    ):
        partner_toevoegen(
            actor=werker,
            melding=melding,
            soort=Partnersoort.JEUGDHULP,
            van=vandaag,
            gebruiker=jeugdhulp,
            naam="",
            organisatie=f"Gemeente {melding.gemeente.naam}",
            route=ROUTE,
        )
        t.partners_jeugdhulp += 1
    partners = list(Partner.objects.filter(melding=melding, tot__isnull=True).order_by("id"))
    for i in range(rng.randint(1, 3)):
        actiepunt = actiepunt_toevoegen(
            actor=werker,
            melding=melding,
            omschrijving=ACTIES[(melding.pk + i) % len(ACTIES)],
            eigenaar=partners[i % len(partners)],
            deadline=vandaag + timedelta(days=rng.randint(7, 42)),
            route=ROUTE,
        )
        t.actiepunten += 1
        if i == 0 and rng.random() < 0.4:
            actiepunt_afronden(actor=werker, actiepunt=actiepunt, afgerond_op=vandaag, route=ROUTE)


def _melden(
    werker: Actor,
    *,
    soort: str,
    sinds: date,
    reden: str,
    rng: random.Random,
    leerling: Any = None,
    nieuw_kind: dict[str, Any] | None = None,
) -> Verzuimmelding:
    leerplicht = gebruiker(LEERPLICHTAMBTENAAR)
    gemeente = leerling.woongemeente if leerling is not None else None
    mee = (
        leerplicht
        if werker.rolsoort != Rolsoort.LEERPLICHTAMBTENAAR
        and gemeente is not None
        and gemeente.code == LEERPLICHT_GEMEENTE
        else None
    )
    return melding_maken(
        actor=werker,
        soort=soort,
        sinds=sinds,
        reden=reden,
        leerling=leerling,
        nieuw_kind=nieuw_kind,
        toelichting="Synthetische demomelding.",
        gemiste_uren=rng.randint(16, 80) if soort == Verzuimsoort.RELATIEF else None,
        leerplichtambtenaar=mee,
        route=ROUTE,
    )


def verzuim_schrijven(*, seed: int, gebruikt: set[int]) -> Verzuimtelling:
    """~25 cases in the PO region and a few in the VO region."""
    rng = random.Random(f"{seed}-verzuim")  # noqa: S311 - synthetic data
    vandaag = timezone.localdate()
    t = Verzuimtelling()
    ib = actor("ib.dezonnebloem", Rolsoort.INTERN_BEGELEIDER)
    loket_po = actor("loket.po", Rolsoort.LOKET)
    loket_vo = actor("loket.vo", Rolsoort.LOKET)
    leerplicht = actor(LEERPLICHTAMBTENAAR, Rolsoort.LEERPLICHTAMBTENAAR)
    swv_po = Samenwerkingsverband.objects.filter(code=SWV_PO.code).first()
    swv_vo = Samenwerkingsverband.objects.filter(code=SWV_VO.code).first()
    if ib is None or loket_po is None or swv_po is None:
        return t

    def kies(kandidaten: Any, aantal: int) -> list[Any]:
        gekozen = [k for k in kandidaten if k.pk not in gebruikt][: aantal * 4]
        gekozen = rng.sample(gekozen, min(aantal, len(gekozen)))
        gebruikt.update(k.pk for k in gekozen)
        return gekozen

    # (who reports, pupil, soort); the first pupils of the SWV in gemeente 9901 first, so
    # leerplicht.lingebroek takes part in many cases.
    po = list(ingeschreven(vandaag=vandaag, swv_id=swv_po.pk)[:400])
    po_9901 = [p for p in po if p.woongemeente and p.woongemeente.code == LEERPLICHT_GEMEENTE]
    zonnebloem = list(ingeschreven(vandaag=vandaag, school_id=ib.rol.school_id)[:200])
    gevallen: list[tuple[Actor, Any, str]] = []
    gevallen += [(ib, p, Verzuimsoort.RELATIEF) for p in kies(zonnebloem, 5)]
    gevallen += [(loket_po, p, Verzuimsoort.RELATIEF) for p in kies(po_9901, 8)]
    gevallen += [(loket_po, p, Verzuimsoort.RELATIEF) for p in kies(po, 3)]
    gevallen += [(loket_po, p, Verzuimsoort.VRIJSTELLING_5A) for p in kies(po_9901, 2)]
    if loket_vo is not None and swv_vo is not None:
        vo = list(ingeschreven(vandaag=vandaag, swv_id=swv_vo.pk)[:200])
        gevallen += [(loket_vo, p, Verzuimsoort.RELATIEF) for p in kies(vo, 3)]
    gemeente = Gemeente.objects.filter(code=LEERPLICHT_GEMEENTE).first()
    if leerplicht is not None and gemeente is not None:
        gevallen += [(leerplicht, None, Verzuimsoort.ABSOLUUT) for _ in range(4)]

    meldingen: list[tuple[Actor, Verzuimmelding]] = []
    for nummer, (werker, leerling, soort) in enumerate(gevallen):
        # Spread over the last two school years; every third case has ended.
        sinds = vandaag - timedelta(days=rng.randint(10, 700))
        if leerling is not None and leerling.geboortedatum is not None:
            # The services refuse a first day of absence before the child's 4th birthday.
            vier = leerling.geboortedatum + timedelta(days=4 * 366)
            sinds = min(max(sinds, vier), vandaag - timedelta(days=10))
        nieuw_kind = None
        if soort == Verzuimsoort.ABSOLUUT:
            i = nummer % len(VOORNAMEN)
            nieuw_kind = {
                "voornamen": VOORNAMEN[i],
                "achternaam": ACHTERNAMEN[i],
                "geboortedatum": date(vandaag.year - 7 - i, 1 + 2 * i, 10 + i),
                "postcode": f"99{10 + i:02d} AB",
                "woongemeente": gemeente,
            }
        reden = (
            Reden.LICHAMELIJK
            if soort == Verzuimsoort.VRIJSTELLING_5A
            else rng.choice(REDENEN_RELATIEF)
        )
        melding = _melden(
            werker,
            soort=soort,
            sinds=sinds,
            reden=reden,
            rng=rng,
            leerling=leerling,
            nieuw_kind=nieuw_kind,
        )
        t.meldingen += 1
        t.absoluut += soort == Verzuimsoort.ABSOLUUT
        t.vrijstelling += soort == Verzuimsoort.VRIJSTELLING_5A
        t.partners_leerplicht += Partner.objects.filter(
            melding=melding, soort=Partnersoort.LEERPLICHT
        ).exists()
        meldingen.append((werker, melding))

    # Running cases get a plan; the longest running non-exempt ones a doorbraak plan (2)
    # and an onderwijsconsulent (3); every third case has ended with an outcome.
    lopend: list[tuple[Actor, Verzuimmelding]] = []
    for nummer, (werker, melding) in enumerate(meldingen):
        if nummer % 3 == 2 and melding.soort != Verzuimsoort.VRIJSTELLING_5A:
            einde = min(melding.sinds + timedelta(weeks=rng.randint(2, 20)), vandaag)
            melding_beeindigen(
                actor=werker,
                melding=_vers(melding),
                revisie=_vers(melding).revisie,
                einde=einde,
                uitkomst=rng.choice(UITKOMSTEN),
                route=ROUTE,
            )
            t.beeindigd += 1
        else:
            _plan(werker, _vers(melding), rng, t)
            lopend.append((werker, melding))
            t.lopend += 1
    lang = sorted(
        (
            (w, m)
            for w, m in lopend
            if m.soort != Verzuimsoort.VRIJSTELLING_5A and (vandaag - m.sinds).days > 60
        ),
        key=lambda wm: (wm[1].sinds, wm[1].pk),
    )
    for werker, melding in lang[:2]:
        standaard = doorbraak_standaard(melding)
        vers = _vers(melding)
        doorbraakplan_vastleggen(
            actor=werker,
            melding=vers,
            revisie=vers.revisie,
            aanpak=(
                "Onderwijs, gemeente en jeugdhulp maken samen een plan: een tijdelijke plek "
                "in een onderwijs-zorgarrangement, daarna terug naar school."
            ),
            uiterlijk=max(standaard.uiterlijk, vandaag + timedelta(weeks=2)),
            doorzettingsmacht="Directeur van het samenwerkingsverband",
            route=ROUTE,
        )
        t.doorbraakplannen += 1
    for werker, melding in lang[2:5]:
        vers = _vers(melding)
        onderwijsconsulent_vastleggen(
            actor=werker,
            melding=vers,
            revisie=vers.revisie,
            op=vandaag,
            naam="Onderwijsconsulent (Stichting Onderwijsconsulenten)",
            route=ROUTE,
        )
        t.onderwijsconsulenten += 1
    return t
