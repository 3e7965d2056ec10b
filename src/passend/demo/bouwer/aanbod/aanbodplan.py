"""Planning what each demo location says about its support offer: pure and deterministic.

Every location gets its own ``random.Random``, seeded from its vestigingscode (which the
seed of the region decides), so a location reads the same in every build and does not
change when other locations are added. No database and no clock here: dates are counted
from ``PEILDATUM``.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from passend.aanbod.rules import (
    Faciliteit,
    schooljaar_begin,
    schooljaar_van,
    wachtlijst_past_bij_soort,
)
from passend.demo.bouwer.aanbod.teksten import (
    CONTACT,
    KANS,
    PROFIEL,
    TEKSTEN,
    TOELICHTING,
    WOORDEN,
)
from passend.demo.bouwer.namen import slug
from passend.demo.bouwer.regio import PEILDATUM
from passend.organisaties.rules import Soort

if TYPE_CHECKING:
    from passend.organisaties.models import Vestiging

#: The school year the demo is about, and the one before (its replaced version).
SCHOOLJAAR = schooljaar_van(PEILDATUM)
VORIG_SCHOOLJAAR = schooljaar_van(schooljaar_begin(SCHOOLJAAR) - timedelta(days=1))
#: Places per area at sbo, so and vso (the areas that are the school's profile).
PLAATSEN: dict[str, tuple[int, ...]] = {
    Soort.SBO: (16, 24, 32, 48),
    Soort.SO: (8, 12, 16, 24),
    Soort.SO_VSO: (12, 16, 24, 32),
    Soort.VSO: (8, 12, 16, 24),
}
#: A norm area a beheerder added after the start set has no demo text: a plain fallback.
ALGEMENE_BASIS = (
    "Wij bieden voor dit gebied de basisondersteuning die in ons schoolondersteuningsprofiel "
    "staat. Vraag ernaar bij de school."
)
FACILITEITSVOLGORDE = {code: i for i, code in enumerate(Faciliteit.values)}
#: The chance that a school describes no extra ondersteuning for an area.
GEEN_EXTRA = 0.12
#: What the concepts for next year add.
NIEUW_VOLGEND_JAAR = "Nieuw vanaf volgend schooljaar: een leesprogramma dat ook thuis werkt."
PLUSKLAS_ERBIJ = "Vanaf januari is er één ochtend per week een plusklas."
IN_BEWERKING = "Hier werken wij nog aan: de tekst volgt na het overleg met het team in maart."


@dataclass(frozen=True)
class Locatie:
    """What the planner needs to know about a location."""

    vestigingscode: str
    naam: str
    schoolnaam: str
    plaats: str
    soort: str
    leerlingenaantal: int

    @classmethod
    def van(cls, vestiging: "Vestiging") -> "Locatie":
        """From a saved location (with its school selected)."""
        return cls(
            vestigingscode=vestiging.vestigingscode,
            naam=vestiging.naam,
            schoolnaam=vestiging.school.naam,
            plaats=vestiging.plaats,
            soort=vestiging.soort,
            leerlingenaantal=vestiging.leerlingenaantal or 0,
        )


@dataclass(frozen=True)
class Gebiedsplan:
    code: str
    basisondersteuning: str
    extra_ondersteuning: str
    expertise: str
    faciliteiten: tuple[str, ...]
    capaciteit: int | None


@dataclass(frozen=True)
class Aanbodplan:
    toelichting: str
    contact: str
    gebieden: tuple[Gebiedsplan, ...]
    #: When the school published this offer (before the summer holiday).
    gepubliceerd_op: datetime


def generator(locatie: Locatie, doel: str) -> random.Random:
    return random.Random(f"passend-demo|aanbod|{doel}|{locatie.vestigingscode}")  # noqa: S311 - synthetic data


def _zinnen(rng: random.Random, keuzes: Sequence[str], minimaal: int, maximaal: int) -> str:
    """A few sentences from the list, in the list's order."""
    aantal = min(len(keuzes), rng.randint(minimaal, maximaal))
    gekozen = sorted(rng.sample(range(len(keuzes)), aantal))
    return " ".join(keuzes[i] for i in gekozen)


def _gebied(rng: random.Random, locatie: Locatie, code: str, *, norm: bool) -> Gebiedsplan | None:
    teksten = TEKSTEN.get(code, {}).get(PROFIEL[locatie.soort])
    if teksten is None:
        if not norm:
            return None
        return Gebiedsplan(code, ALGEMENE_BASIS, "", "", (), None)
    woorden = WOORDEN[locatie.soort]
    maximaal = 3 if locatie.soort in (Soort.SO, Soort.SO_VSO) and code == "motoriek-fysiek" else 2
    faciliteiten = rng.sample(
        teksten.faciliteiten, min(len(teksten.faciliteiten), rng.randint(0, maximaal))
    )
    capaciteit = None
    if not norm and wachtlijst_past_bij_soort(locatie.soort):
        capaciteit = rng.choice(PLAATSEN[locatie.soort])
    return Gebiedsplan(
        code=code,
        basisondersteuning=_zinnen(rng, teksten.basis, 2, 3).format(**woorden),
        # Now and then a school has nothing to add with the SWV for an area: the SWV's
        # overview then shows where the offer is thin.
        extra_ondersteuning=""
        if rng.random() < GEEN_EXTRA
        else _zinnen(rng, teksten.extra, 1, 2).format(**woorden),
        expertise=rng.choice(teksten.expertise).format(**woorden),
        faciliteiten=tuple(sorted(faciliteiten, key=FACILITEITSVOLGORDE.__getitem__)),
        capaciteit=capaciteit,
    )


def plan_aanbod(
    locatie: Locatie, *, normgebieden: Sequence[str], andere_gebieden: Sequence[str]
) -> Aanbodplan:
    """The offer of one location for ``SCHOOLJAAR``: the norm areas always, the others by
    the chances in ``teksten.KANS`` for its soort (areas in the order given)."""
    rng = generator(locatie, "aanbod")
    gebieden = [_gebied(rng, locatie, code, norm=True) for code in normgebieden]
    for code in andere_gebieden:
        if rng.random() < KANS.get(code, {}).get(locatie.soort, 0.0):
            gebieden.append(_gebied(rng, locatie, code, norm=False))
    toelichting = rng.choice(TOELICHTING[locatie.soort]).format(
        naam=locatie.naam.split(",")[0], plaats=locatie.plaats
    )
    adres = f"ondersteuning@{slug(locatie.schoolnaam)}.example.nl"
    dag = schooljaar_begin(SCHOOLJAAR) - timedelta(days=rng.randint(32, 60))
    moment = time(rng.randint(9, 16), rng.choice((0, 15, 30, 45)))
    return Aanbodplan(
        toelichting=toelichting,
        contact=CONTACT[PROFIEL[locatie.soort]].format(adres=adres),
        gebieden=tuple(g for g in gebieden if g is not None),
        gepubliceerd_op=timezone.make_aware(datetime.combine(dag, moment)),
    )


def plan_vorig_jaar(plan: Aanbodplan) -> tuple[Aanbodplan, Aanbodplan]:
    """The location's offer for ``VORIG_SCHOOLJAAR``: first as published (without the last
    optional area), then the correction published in the winter that replaced it (with a
    plusklas added to (hoog)begaafdheid)."""
    eerste = tuple(g for g in plan.gebieden if g.capaciteit is None)[:4] or plan.gebieden[:3]
    begin = schooljaar_begin(VORIG_SCHOOLJAAR)
    correctie = tuple(
        Gebiedsplan(
            g.code,
            g.basisondersteuning,
            f"{g.extra_ondersteuning} {PLUSKLAS_ERBIJ}".strip()
            if g.code == "hoogbegaafdheid"
            else g.extra_ondersteuning,
            g.expertise,
            g.faciliteiten,
            g.capaciteit,
        )
        for g in eerste
    )
    return (
        Aanbodplan(
            plan.toelichting,
            plan.contact,
            eerste,
            timezone.make_aware(datetime.combine(begin - timedelta(days=45), time(10, 30))),
        ),
        Aanbodplan(
            plan.toelichting,
            plan.contact,
            correctie,
            timezone.make_aware(datetime.combine(begin + timedelta(days=150), time(14, 0))),
        ),
    )


def plan_volgend_jaar(plan: Aanbodplan, *, andere_gebieden: Sequence[str]) -> Aanbodplan:
    """Next year's offer as the school is writing it (still a concept): the reading area
    sharpened and, where the school does not describe every area yet, one area added."""
    gebieden = [
        Gebiedsplan(
            g.code,
            g.basisondersteuning + " " + NIEUW_VOLGEND_JAAR,
            g.extra_ondersteuning,
            g.expertise,
            g.faciliteiten,
            g.capaciteit,
        )
        if g.code == "lezen-spellen-dyslexie"
        else g
        for g in plan.gebieden
    ]
    beschreven = {g.code for g in gebieden}
    nog_niet = [code for code in andere_gebieden if code not in beschreven and code in TEKSTEN]
    if nog_niet:
        gebieden.append(Gebiedsplan(nog_niet[0], IN_BEWERKING, "", "", (), None))
    return Aanbodplan(plan.toelichting, plan.contact, tuple(gebieden), plan.gepubliceerd_op)
