"""Planning the pupils of the demo region: ages, enrolment histories and involvements.

Every pupil has a running enrolment at a location of the right age; many have a closed
earlier one (changed school, bao to sbo, bao to vo at twelve). Periods of one pupil
follow each other without overlap: the earlier one ends the day before the next begins.
Families, names and parents are planned in ``huishoudens``.
"""

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from passend.demo.bouwer.huishoudens import huishoudens_plannen
from passend.demo.bouwer.organisatieplan import random_voor
from passend.demo.bouwer.plan import (
    BetrokkenheidPlan,
    InschrijvingPlan,
    LeerlingenPlan,
    LeerlingPlan,
    OrganisatiePlan,
    VestigingPlan,
)
from passend.demo.bouwer.regio import PLAATSEN, SCHOOLJAAR_START, SWV_PO, SWV_VO
from passend.leerlingen.rules import leeftijd_op
from passend.organisaties.rules import Soort

#: Ages (at the peildatum, inclusive) of the pupils of each soort.
LEEFTIJDEN: dict[str, tuple[int, int]] = {
    Soort.BAO: (4, 12),
    Soort.SBO: (5, 12),
    Soort.SO: (4, 12),
    Soort.SO_VSO: (4, 18),
    Soort.VSO: (12, 18),
    Soort.VO: (12, 18),
    Soort.PRO: (12, 17),
}
#: Chance that a pupil of this soort came from a (different) primary school earlier.
KANS_EERDERE_PO_SCHOOL: dict[str, float] = {
    Soort.BAO: 0.10,
    Soort.SBO: 0.85,
    Soort.SO: 0.50,
    Soort.SO_VSO: 0.45,
    Soort.VSO: 0.55,
    Soort.VO: 0.80,
    Soort.PRO: 0.85,
}
#: Chance that a pupil in vo for two years or more switched vo school (e.g. afstroom).
KANS_VO_WISSEL = 0.08
VO_SOORTEN = frozenset({Soort.VO, Soort.VSO, Soort.PRO})

#: Share of the pupils with a running involvement, scaled to the number of pupils
#: (about 150 for the SWV's and 20 for the leerplichtambtenaar at 5,000 pupils).
AANDEEL_SWV_BETROKKENHEID = 150 / 5000
AANDEEL_VERZUIM = 20 / 5000


def jaren_later(datum: date, jaren: int) -> date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February in a year without one
        return datum.replace(year=datum.year + jaren, day=28)


def dag_tussen(rng: random.Random, vroegst: date, laatst: date) -> date:
    return vroegst + timedelta(days=rng.randint(0, (laatst - vroegst).days))


def aantallen_per_vestiging(vestigingen: Sequence[VestigingPlan], aantal: int) -> list[int]:
    """Share ``aantal`` pupils over the locations in proportion to their size
    (largest remainder, so the total is exact)."""
    totaal = sum(v.leerlingenaantal for v in vestigingen)
    exact = [aantal * v.leerlingenaantal / totaal for v in vestigingen]
    aantallen = [int(x) for x in exact]
    volgorde = sorted(range(len(exact)), key=lambda i: aantallen[i] - exact[i])
    for i in volgorde[: aantal - sum(aantallen)]:
        aantallen[i] += 1
    return aantallen


@dataclass(frozen=True)
class VestigingKiezer:
    """Picks an earlier school of some soort, in proportion to size."""

    per_soort: dict[str, tuple[VestigingPlan, ...]]

    @classmethod
    def voor(cls, vestigingen: Sequence[VestigingPlan]) -> "VestigingKiezer":
        per_soort: dict[str, list[VestigingPlan]] = {}
        for vestiging in vestigingen:
            per_soort.setdefault(vestiging.soort, []).append(vestiging)
        return cls({soort: tuple(lijst) for soort, lijst in per_soort.items()})

    def kies(self, rng: random.Random, soort: str, behalve: str) -> str:
        kandidaten = [v for v in self.per_soort[soort] if v.vestigingscode != behalve]
        gekozen = rng.choices(kandidaten, weights=[v.leerlingenaantal for v in kandidaten])[0]
        return gekozen.vestigingscode


def geboortedatum_kiezen(rng: random.Random, soort: str, peildatum: date) -> date:
    jongst, oudst = LEEFTIJDEN[soort]
    vroegst = jaren_later(peildatum, -(oudst + 1)) + timedelta(days=1)
    return dag_tussen(rng, vroegst, jaren_later(peildatum, -jongst))


def po_inschrijvingen(
    rng: random.Random,
    vestiging: VestigingPlan,
    geboortedatum: date,
    peildatum: date,
    kiezer: VestigingKiezer,
) -> tuple[InschrijvingPlan, ...]:
    """Primary age: from the fourth birthday, sometimes first at another bao."""
    start = jaren_later(geboortedatum, 4)
    if (peildatum - start).days > 200 and rng.random() < KANS_EERDERE_PO_SCHOOL[vestiging.soort]:
        wissel = dag_tussen(rng, start + timedelta(days=180), peildatum - timedelta(days=14))
        vorige = kiezer.kies(rng, Soort.BAO, behalve=vestiging.vestigingscode)
        return (
            InschrijvingPlan(vorige, start, wissel - timedelta(days=1)),
            InschrijvingPlan(vestiging.vestigingscode, wissel, None),
        )
    return (InschrijvingPlan(vestiging.vestigingscode, start, None),)


def vo_inschrijvingen(
    rng: random.Random,
    vestiging: VestigingPlan,
    geboortedatum: date,
    peildatum: date,
    kiezer: VestigingKiezer,
) -> tuple[InschrijvingPlan, ...]:
    """Secondary age: started at twelve on 1 August; often a bao before, sometimes a
    switch between vo schools."""
    jaren_in_vo = min(max(leeftijd_op(geboortedatum, peildatum) - 12, 0), 6)
    start_vo = SCHOOLJAAR_START.replace(year=SCHOOLJAAR_START.year - jaren_in_vo)
    perioden: list[InschrijvingPlan] = []
    if rng.random() < KANS_EERDERE_PO_SCHOOL[vestiging.soort]:
        po_soort = Soort.SBO if vestiging.soort != Soort.VO and rng.random() < 0.4 else Soort.BAO
        vorige = kiezer.kies(rng, po_soort, behalve=vestiging.vestigingscode)
        perioden.append(
            InschrijvingPlan(vorige, jaren_later(geboortedatum, 4), start_vo - timedelta(days=1))
        )
    if vestiging.soort == Soort.VO and jaren_in_vo >= 2 and rng.random() < KANS_VO_WISSEL:
        wissel = start_vo.replace(year=start_vo.year + rng.randint(1, jaren_in_vo - 1))
        andere = kiezer.kies(rng, Soort.VO, behalve=vestiging.vestigingscode)
        perioden.append(InschrijvingPlan(andere, start_vo, wissel - timedelta(days=1)))
        start_vo = wissel
    perioden.append(InschrijvingPlan(vestiging.vestigingscode, start_vo, None))
    return tuple(perioden)


@dataclass(frozen=True)
class LeerlingSkelet:
    """A pupil before the family is known: age and school career."""

    geboortedatum: date
    inschrijvingen: tuple[InschrijvingPlan, ...]
    plaats: str


def skeletten_plannen(
    rng: random.Random, organisaties: OrganisatiePlan, aantal: int, peildatum: date
) -> list[LeerlingSkelet]:
    kiezer = VestigingKiezer.voor(organisaties.vestigingen)
    skeletten = []
    verdeling = aantallen_per_vestiging(organisaties.vestigingen, aantal)
    for vestiging, hoeveel in zip(organisaties.vestigingen, verdeling, strict=True):
        for _ in range(hoeveel):
            geboortedatum = geboortedatum_kiezen(rng, vestiging.soort, peildatum)
            vo_leeftijd = leeftijd_op(geboortedatum, peildatum) >= 12
            if vestiging.soort in VO_SOORTEN or (vestiging.soort == Soort.SO_VSO and vo_leeftijd):
                inschrijvingen = vo_inschrijvingen(rng, vestiging, geboortedatum, peildatum, kiezer)
            else:
                inschrijvingen = po_inschrijvingen(rng, vestiging, geboortedatum, peildatum, kiezer)
            skeletten.append(LeerlingSkelet(geboortedatum, inschrijvingen, vestiging.plaats))
    return skeletten


def leerling_sleutel(rng: random.Random) -> uuid.UUID:
    """A pseudonymous key like uuid4, but reproducible for the seed."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def gemeente_van_postcode(postcode: str) -> str:
    return next(p.gemeente_code for p in PLAATSEN if postcode[:4] in p.postcodecijfers)


def betrokkenheden_plannen(
    rng: random.Random,
    *,
    leerlingen: Sequence[LeerlingPlan],
    soort_van: dict[str, str],
    peildatum: date,
    leerplicht_gemeente: str,
    leerplichtambtenaar: str,
) -> tuple[BetrokkenheidPlan, ...]:
    """~3 % of the pupils have a running request at their SWV (arrangement or TLV);
    ~0.4 % of the compulsory-school-age pupils of one municipality a verzuim case."""
    jaar = peildatum.year
    betrokkenheden = []
    nummers = {SWV_PO.code: 0, SWV_VO.code: 0}
    aantal = max(1, round(len(leerlingen) * AANDEEL_SWV_BETROKKENHEID))
    for index in sorted(rng.sample(range(len(leerlingen)), aantal)):
        leerling = leerlingen[index]
        soort = soort_van[leerling.huidige_inschrijving.vestigingscode]
        if soort == Soort.SO_VSO:
            vo = leeftijd_op(leerling.geboortedatum, peildatum) >= 12
        else:
            vo = soort in VO_SOORTEN
        swv = SWV_VO.code if vo else SWV_PO.code
        if soort in (Soort.BAO, Soort.VO):
            onderwerp = rng.choice(["aanvraag arrangement", "aanvraag toelaatbaarheidsverklaring"])
        else:
            onderwerp = "verlenging toelaatbaarheidsverklaring"
        nummers[swv] += 1
        van = max(
            peildatum - timedelta(days=rng.randint(7, 180)), leerling.huidige_inschrijving.van
        )
        betrokkenheden.append(
            BetrokkenheidPlan(index, f"{onderwerp} {jaar}-{nummers[swv]:04d}", van, swv_code=swv)
        )
    leerplichtig = [
        i
        for i, leerling in enumerate(leerlingen)
        if gemeente_van_postcode(leerling.postcode) == leerplicht_gemeente
        and leeftijd_op(leerling.geboortedatum, peildatum) >= 5
    ]
    aantal = min(len(leerplichtig), max(1, round(len(leerlingen) * AANDEEL_VERZUIM)))
    for nummer, index in enumerate(sorted(rng.sample(leerplichtig, aantal)), start=1):
        van = peildatum - timedelta(days=rng.randint(3, 90))
        betrokkenheden.append(
            BetrokkenheidPlan(
                index,
                f"verzuimmelding {jaar}-{nummer:04d}",
                van,
                gebruikersnaam=leerplichtambtenaar,
            )
        )
    return tuple(betrokkenheden)


def plan_leerlingen(
    *,
    seed: int,
    organisaties: OrganisatiePlan,
    aantal: int,
    peildatum: date,
    leerplicht_gemeente: str,
    leerplichtambtenaar: str,
) -> LeerlingenPlan:
    rng = random_voor(seed, "leerlingen")
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    skeletten = skeletten_plannen(rng, organisaties, aantal, peildatum)
    familie = huishoudens_plannen(rng, fake, [s.plaats for s in skeletten])
    leerlingen = tuple(
        LeerlingPlan(
            sleutel=leerling_sleutel(rng),
            voornamen=kind.voornamen,
            roepnaam=kind.roepnaam,
            tussenvoegsel=kind.tussenvoegsel,
            achternaam=kind.achternaam,
            geboortedatum=skelet.geboortedatum,
            postcode=kind.postcode,
            inschrijvingen=skelet.inschrijvingen,
        )
        for skelet, kind in zip(skeletten, familie.kinderen, strict=True)
    )
    betrokkenheden = betrokkenheden_plannen(
        rng,
        leerlingen=leerlingen,
        soort_van={v.vestigingscode: v.soort for v in organisaties.vestigingen},
        peildatum=peildatum,
        leerplicht_gemeente=leerplicht_gemeente,
        leerplichtambtenaar=leerplichtambtenaar,
    )
    return LeerlingenPlan(
        leerlingen=leerlingen,
        ouders=familie.ouders,
        ouderschappen=familie.ouderschappen,
        huishoudens=familie.huishoudens,
        betrokkenheden=betrokkenheden,
    )
