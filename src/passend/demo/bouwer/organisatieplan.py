"""Planning the organisations of the demo region: boards, schools, locations, memberships."""

import random
from collections.abc import Callable
from datetime import date, timedelta

from passend.demo.bouwer.plan import (
    BestuurPlan,
    BestuursperiodePlan,
    LidmaatschapPlan,
    OrganisatiePlan,
    SchoolPlan,
    VestigingPlan,
)
from passend.demo.bouwer.regio import (
    BESTUREN,
    DEPENDANCE_LEERLINGENAANTAL,
    GEMEENTEN,
    LEERLINGENAANTAL,
    PLAATS,
    POSTCODELETTERS,
    SCHOLEN,
    START_PASSEND_ONDERWIJS,
    STRAATNAMEN,
    SWV_BUREN,
    SWV_PO,
    SWV_VO,
    VERBODEN_POSTCODELETTERS,
    SchoolSjabloon,
)
from passend.organisaties.rules import SECTOREN_VAN_SOORT, Sector

#: Boards held their schools since before passend onderwijs began.
BESTUUR_SINDS = date(2010, 1, 1)


def random_voor(seed: int, onderdeel: str) -> random.Random:
    """One independent random stream per part of the plan, so that changing one part
    (e.g. the number of pupils) leaves the others as they were."""
    return random.Random(f"passend-demo|{seed}|{onderdeel}")  # noqa: S311 - synthetic data


def postcode_in(rng: random.Random, plaatsnaam: str) -> str:
    """A postcode of this place: its own four digits and two valid letters."""
    cijfers = rng.choice(PLAATS[plaatsnaam].postcodecijfers)
    while True:
        letters = rng.choice(POSTCODELETTERS) + rng.choice(POSTCODELETTERS)
        if letters not in VERBODEN_POSTCODELETTERS:
            return f"{cijfers} {letters}"


def unieke_codes(
    rng: random.Random, aantal: int, maak: Callable[[random.Random], str]
) -> list[str]:
    codes: list[str] = []
    while len(codes) < aantal:
        code = maak(rng)
        if code not in codes:
            codes.append(code)
    return codes


def brin_nummer(rng: random.Random) -> str:
    """An invented BRIN number (2 digits, 2 letters) starting with 9, clear of real ones."""
    letters = "ABCDEFGHJKLMNPRSTVWXZ"
    return f"9{rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def bevoegd_gezag_nummer(rng: random.Random) -> str:
    return f"9{rng.randint(0, 9999):04d}"


def besturen_plannen(rng: random.Random) -> tuple[BestuurPlan, ...]:
    nummers = unieke_codes(rng, len(BESTUREN), bevoegd_gezag_nummer)
    return tuple(
        BestuurPlan(sleutel=b.sleutel, bevoegd_gezag_nummer=nummer, naam=b.naam)
        for b, nummer in zip(BESTUREN, nummers, strict=True)
    )


def bestuursperioden(
    sjabloon: SchoolSjabloon, nummer_van: dict[str, str]
) -> tuple[BestuursperiodePlan, ...]:
    if sjabloon.vorig_bestuur is None:
        return (BestuursperiodePlan(nummer_van[sjabloon.bestuur], BESTUUR_SINDS, None),)
    vorig, tot = sjabloon.vorig_bestuur
    return (
        BestuursperiodePlan(nummer_van[vorig], BESTUUR_SINDS, tot),
        BestuursperiodePlan(nummer_van[sjabloon.bestuur], tot + timedelta(days=1), None),
    )


def vestiging_plannen(
    rng: random.Random,
    *,
    sjabloon: SchoolSjabloon,
    brin: str,
    volgnummer: int,
    plaatsnaam: str,
    gebruikte_straten: set[tuple[str, str]],
) -> VestigingPlan:
    plaats = PLAATS[plaatsnaam]
    straat = rng.choice([s for s in STRAATNAMEN if (plaatsnaam, s) not in gebruikte_straten])
    gebruikte_straten.add((plaatsnaam, straat))
    huisnummer = str(rng.randint(1, 120))
    if rng.random() < 0.1:
        huisnummer += rng.choice("abc")
    laag, hoog = (
        LEERLINGENAANTAL[sjabloon.soort] if volgnummer == 0 else DEPENDANCE_LEERLINGENAANTAL
    )
    return VestigingPlan(
        vestigingscode=f"{brin}{volgnummer:02d}",
        brin=brin,
        naam=sjabloon.naam if volgnummer == 0 else f"{sjabloon.naam}, locatie {plaatsnaam}",
        soort=sjabloon.soort,
        onderwijsstructuur=sjabloon.onderwijsstructuur,
        denominatie=sjabloon.denominatie,
        straat=straat,
        huisnummer=huisnummer,
        postcode=postcode_in(rng, plaatsnaam),
        plaats=plaatsnaam,
        gemeente_code=plaats.gemeente_code,
        breedtegraad=round(plaats.breedtegraad + rng.uniform(-0.008, 0.008), 6),
        lengtegraad=round(plaats.lengtegraad + rng.uniform(-0.012, 0.012), 6),
        leerlingenaantal=rng.randint(laag, hoog),
    )


def lidmaatschappen_plannen(
    sjabloon: SchoolSjabloon, vestiging: VestigingPlan
) -> list[LidmaatschapPlan]:
    """One running membership per sector of the soort; the first location of a school
    that changed SWV also gets its closed earlier membership."""
    swv_van_sector: dict[str, str] = {Sector.PO: SWV_PO.code, Sector.VO: SWV_VO.code}
    lidmaatschappen = []
    for sector in SECTOREN_VAN_SOORT[vestiging.soort]:
        van = START_PASSEND_ONDERWIJS
        if sjabloon.vorig_swv is not None and vestiging.vestigingscode.endswith("00"):
            vorig_swv, tot = sjabloon.vorig_swv
            lidmaatschappen.append(LidmaatschapPlan(vestiging.vestigingscode, vorig_swv, van, tot))
            van = tot + timedelta(days=1)
        lidmaatschappen.append(
            LidmaatschapPlan(vestiging.vestigingscode, swv_van_sector[sector], van, None)
        )
    return lidmaatschappen


def plan_organisaties(*, seed: int) -> OrganisatiePlan:
    rng = random_voor(seed, "organisaties")
    besturen = besturen_plannen(rng)
    nummer_van = {b.sleutel: b.bevoegd_gezag_nummer for b in besturen}
    brins = unieke_codes(rng, len(SCHOLEN), brin_nummer)
    scholen, vestigingen, lidmaatschappen = [], [], []
    gebruikte_straten: set[tuple[str, str]] = set()
    for sjabloon, brin in zip(SCHOLEN, brins, strict=True):
        scholen.append(
            SchoolPlan(
                sleutel=sjabloon.sleutel,
                brin=brin,
                naam=sjabloon.naam,
                besturen=bestuursperioden(sjabloon, nummer_van),
            )
        )
        for volgnummer, plaatsnaam in enumerate(sjabloon.plaatsen):
            vestiging = vestiging_plannen(
                rng,
                sjabloon=sjabloon,
                brin=brin,
                volgnummer=volgnummer,
                plaatsnaam=plaatsnaam,
                gebruikte_straten=gebruikte_straten,
            )
            vestigingen.append(vestiging)
            lidmaatschappen.extend(lidmaatschappen_plannen(sjabloon, vestiging))
    return OrganisatiePlan(
        gemeenten=GEMEENTEN,
        samenwerkingsverbanden=(SWV_PO, SWV_VO, SWV_BUREN),
        besturen=besturen,
        scholen=tuple(scholen),
        vestigingen=tuple(vestigingen),
        lidmaatschappen=tuple(lidmaatschappen),
    )
