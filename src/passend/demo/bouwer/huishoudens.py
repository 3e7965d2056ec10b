"""Planning families: which pupils are siblings, their names, address and parents.

Pupils are grouped per place of their school into households of one to three children,
so siblings share a surname, a home postcode and their parents. Most parents have
parental authority (gezag); some do not, and some second adults are a verzorger.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass

from faker import Faker

from passend.demo.bouwer.namen import namenlijst, slug, splits_achternaam
from passend.demo.bouwer.organisatieplan import postcode_in
from passend.demo.bouwer.plan import OuderPlan, OuderschapPlan
from passend.demo.bouwer.regio import PLAATSEN
from passend.leerlingen.models import Ouderschap

KINDEREN_PER_HUISHOUDEN = ((1, 45), (2, 40), (3, 15))
KANS_TWEE_OUDERS = 0.75
KANS_ALLEEN_VADER = 0.2
KANS_WONEN_BIJ_SCHOOL = 0.7
KANS_STIEFOUDER = 0.06
KANS_OUDER_ZONDER_GEZAG = 0.04
KANS_VOOGD = 0.03

EXTRA_VOORNAMEN = {
    "m": namenlijst("Johannes, Petrus, Hendrik, Willem, Jacobus, Cornelis, Adrianus, Gerardus"),
    "v": namenlijst("Maria, Johanna, Elisabeth, Catharina, Wilhelmina, Anna, Hendrika, Geertruida"),
}

#: The most common Dutch surnames; half of the families get one of these, the other half
#: one from Faker's (long, partly historic) list.
VEEL_VOORKOMENDE_ACHTERNAMEN = namenlijst(
    """de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser,
    Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
    Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs,
    de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, de Bruin,
    van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas,
    Verhoeven, Koster, van Dam, Prins, Blom, Huisman, Peeters, Yilmaz, El Amrani, Kaya,
    Bouzid, Öztürk, Nguyen"""
)


def achternaam_kiezen(rng: random.Random, fake: Faker) -> str:
    if rng.random() < 0.5:
        return rng.choice(VEEL_VOORKOMENDE_ACHTERNAMEN)
    return str(fake.last_name())


@dataclass(frozen=True)
class Kind:
    voornamen: str
    roepnaam: str
    tussenvoegsel: str
    achternaam: str
    postcode: str


@dataclass(frozen=True)
class Familie:
    kinderen: tuple[Kind, ...]
    ouders: tuple[OuderPlan, ...]
    ouderschappen: tuple[OuderschapPlan, ...]
    huishoudens: tuple[tuple[int, ...], ...]


def huishoudens_indelen(rng: random.Random, plaatsen: Sequence[str]) -> list[tuple[int, ...]]:
    """Group pupil indices (per place of their school) into households."""
    per_plaats: dict[str, list[int]] = {}
    for index, plaats in enumerate(plaatsen):
        per_plaats.setdefault(plaats, []).append(index)
    huishoudens = []
    grootten, gewichten = zip(*KINDEREN_PER_HUISHOUDEN, strict=True)
    for plaats in sorted(per_plaats):
        indices = per_plaats[plaats]
        rng.shuffle(indices)
        begin = 0
        while begin < len(indices):
            grootte = rng.choices(grootten, weights=gewichten)[0]
            huishoudens.append(tuple(sorted(indices[begin : begin + grootte])))
            begin += grootte
    return huishoudens


def woonplaats_kiezen(rng: random.Random, plaats_van_school: str) -> str:
    if rng.random() < KANS_WONEN_BIJ_SCHOOL:
        return plaats_van_school
    return rng.choices(PLAATSEN, weights=[p.gewicht for p in PLAATSEN])[0].naam


def kind_noemen(rng: random.Random, fake: Faker, achternaam: str, postcode: str) -> Kind:
    geslacht = rng.choice("mv")
    roepnaam = fake.first_name_male() if geslacht == "m" else fake.first_name_female()
    extra = rng.choices((0, 1, 2), weights=(35, 45, 20))[0]
    voornamen = [roepnaam, *rng.sample(EXTRA_VOORNAMEN[geslacht], extra)]
    tussenvoegsel, kern = splits_achternaam(achternaam)
    return Kind(" ".join(voornamen), roepnaam, tussenvoegsel, kern, postcode)


def ouders_noemen(rng: random.Random, fake: Faker) -> list[tuple[str, str]]:
    """(voornaam, achternaam) of the parents; the first one gives the children's surname."""
    vader = (fake.first_name_male(), achternaam_kiezen(rng, fake))
    moeder = (fake.first_name_female(), achternaam_kiezen(rng, fake))
    if rng.random() < KANS_TWEE_OUDERS:
        return [vader, moeder]
    return [vader] if rng.random() < KANS_ALLEEN_VADER else [moeder]


def relaties_kiezen(rng: random.Random, aantal_ouders: int) -> list[tuple[str, bool]]:
    """(relatie, gezag) per parent, in the order of ``ouders_noemen``."""
    if aantal_ouders == 1:
        relatie = (
            Ouderschap.Relatie.VOOGD if rng.random() < KANS_VOOGD else Ouderschap.Relatie.OUDER
        )
        return [(relatie, True)]
    kans = rng.random()
    if kans < KANS_STIEFOUDER:
        return [(Ouderschap.Relatie.OUDER, True), (Ouderschap.Relatie.VERZORGER, False)]
    if kans < KANS_STIEFOUDER + KANS_OUDER_ZONDER_GEZAG:
        return [(Ouderschap.Relatie.OUDER, True), (Ouderschap.Relatie.OUDER, False)]
    return [(Ouderschap.Relatie.OUDER, True), (Ouderschap.Relatie.OUDER, True)]


def huishoudens_plannen(rng: random.Random, fake: Faker, plaatsen: Sequence[str]) -> Familie:
    """Families for pupils whose schools are in ``plaatsen`` (one entry per pupil)."""
    huishoudens = huishoudens_indelen(rng, plaatsen)
    kinderen: list[Kind | None] = [None] * len(plaatsen)
    ouders: list[OuderPlan] = []
    ouderschappen: list[OuderschapPlan] = []
    for huishouden in huishoudens:
        postcode = postcode_in(rng, woonplaats_kiezen(rng, plaatsen[huishouden[0]]))
        namen = ouders_noemen(rng, fake)
        for index in huishouden:
            kinderen[index] = kind_noemen(rng, fake, namen[0][1], postcode)
        for (voornaam, achternaam), (relatie, gezag) in zip(
            namen, relaties_kiezen(rng, len(namen)), strict=True
        ):
            nummer = len(ouders) + 1
            ouders.append(
                OuderPlan(
                    gebruikersnaam=f"ouder-{nummer:05d}",
                    voornaam=voornaam,
                    achternaam=achternaam,
                    email=f"{slug(voornaam)}.{slug(achternaam)}@example.org",
                )
            )
            ouderschappen.extend(
                OuderschapPlan(len(ouders) - 1, kind, relatie, gezag) for kind in huishouden
            )
    return Familie(
        kinderen=tuple(k for k in kinderen if k is not None),
        ouders=tuple(ouders),
        ouderschappen=tuple(ouderschappen),
        huishoudens=tuple(huishoudens),
    )
