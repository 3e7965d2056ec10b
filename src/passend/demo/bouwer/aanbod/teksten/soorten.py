"""How the demo schools' texts depend on their soort: the profile of their texts, how they
name their pupils, which optional areas they describe, their introduction and contact."""

from dataclasses import dataclass

from passend.organisaties.rules import Soort


@dataclass(frozen=True)
class Gebiedsteksten:
    """The sentences a school of one profile can use for one area."""

    basis: tuple[str, ...]
    extra: tuple[str, ...]
    expertise: tuple[str, ...]
    faciliteiten: tuple[str, ...] = ()


PROFIEL: dict[str, str] = {
    Soort.BAO: "po",
    Soort.VO: "vo",
    Soort.SBO: "speciaal",
    Soort.SO: "speciaal",
    Soort.SO_VSO: "speciaal",
    Soort.VSO: "speciaal",
    Soort.PRO: "speciaal",
}

#: How the ``speciaal`` texts name the pupils, per soort.
KIND = {"kind": "kind", "kinderen": "kinderen", "Kinderen": "Kinderen", "elk": "elk", "Elk": "Elk"}
LEERLING = {
    "kind": "leerling",
    "kinderen": "leerlingen",
    "Kinderen": "Leerlingen",
    "elk": "elke",
    "Elk": "Elke",
}
WOORDEN: dict[str, dict[str, str]] = {
    soort: KIND if soort in (Soort.SBO, Soort.SO) else LEERLING for soort in Soort.values
}

#: Per optional area and soort: the chance that a school of that soort describes it (the
#: three areas of the landelijke norm are always described).
KANS: dict[str, dict[str, float]] = {
    "gedrag-sociaal-emotioneel": {
        Soort.BAO: 0.8,
        Soort.SBO: 1.0,
        Soort.SO: 0.8,
        Soort.SO_VSO: 1.0,
        Soort.VSO: 1.0,
        Soort.VO: 1.0,
        Soort.PRO: 1.0,
    },
    "taal-spraak": {
        Soort.BAO: 0.5,
        Soort.SBO: 0.6,
        Soort.SO: 0.8,
        Soort.SO_VSO: 0.5,
        Soort.VSO: 0.3,
        Soort.VO: 0.4,
        Soort.PRO: 0.6,
    },
    "rekenen-dyscalculie": {
        Soort.BAO: 0.5,
        Soort.SBO: 0.8,
        Soort.SO: 0.4,
        Soort.SO_VSO: 0.3,
        Soort.VSO: 0.5,
        Soort.VO: 0.6,
        Soort.PRO: 0.8,
    },
    "motoriek-fysiek": {
        Soort.BAO: 0.4,
        Soort.SBO: 0.5,
        Soort.SO: 0.9,
        Soort.SO_VSO: 0.8,
        Soort.VSO: 0.4,
        Soort.VO: 0.4,
        Soort.PRO: 0.3,
    },
    "medisch": {
        Soort.BAO: 0.3,
        Soort.SBO: 0.2,
        Soort.SO: 0.8,
        Soort.SO_VSO: 0.7,
        Soort.VSO: 0.5,
        Soort.VO: 0.4,
        Soort.PRO: 0.3,
    },
    "maatwerk-thuiszitters": {
        Soort.BAO: 0.3,
        Soort.SBO: 0.6,
        Soort.SO: 0.5,
        Soort.SO_VSO: 0.8,
        Soort.VSO: 1.0,
        Soort.VO: 0.7,
        Soort.PRO: 0.7,
    },
}

#: The introduction of the offer, per soort (``{naam}``, ``{plaats}``).
TOELICHTING: dict[str, tuple[str, ...]] = {
    Soort.BAO: (
        "{naam} is een basisschool in {plaats}. Wij willen dat elk kind zich veilig voelt en "
        "leert wat het kan. Heeft uw kind meer nodig? Dan zoeken wij samen met u wat helpt.",
        "Op {naam} in {plaats} leren kinderen in groepen met kinderen van hun eigen leeftijd. "
        "De leerkracht past de uitleg aan op wat een kind nodig heeft. Wij praten daar graag "
        "met u over.",
        "{naam} in {plaats} is een school waar kinderen samen leren en spelen. Wij kijken "
        "goed naar elk kind en werken samen met ouders en het samenwerkingsverband.",
    ),
    Soort.SBO: (
        "{naam} in {plaats} is een school voor speciaal basisonderwijs. Kinderen leren in "
        "kleine groepen, met veel structuur en aandacht. Er is een toelaatbaarheidsverklaring "
        "van het samenwerkingsverband nodig.",
    ),
    Soort.SO: (
        "{naam} in {plaats} is een school voor speciaal onderwijs, voor kinderen van 4 tot 13 "
        "jaar. Onderwijs, zorg en therapie zijn op één plek. Er is een "
        "toelaatbaarheidsverklaring van het samenwerkingsverband nodig.",
    ),
    Soort.SO_VSO: (
        "{naam} in {plaats} biedt speciaal en voortgezet speciaal onderwijs voor leerlingen "
        "van 4 tot 20 jaar. Wij werken met kleine groepen en hebben veel deskundigen in huis. "
        "Er is een toelaatbaarheidsverklaring nodig.",
    ),
    Soort.VSO: (
        "{naam} in {plaats} is een school voor voortgezet speciaal onderwijs. Leerlingen "
        "werken toe naar een diploma, werk of dagbesteding. Er is een "
        "toelaatbaarheidsverklaring van het samenwerkingsverband nodig.",
    ),
    Soort.VO: (
        "{naam} in {plaats} is een school voor voortgezet onderwijs. Elke leerling heeft een "
        "mentor. Heeft een leerling meer hulp nodig? Dan zoekt de zorgcoördinator samen met "
        "de leerling en de ouders wat helpt.",
        "Op {naam} in {plaats} krijgen leerlingen les op hun eigen niveau. Wij helpen "
        "leerlingen die vastlopen, samen met de ouders en het samenwerkingsverband.",
    ),
    Soort.PRO: (
        "{naam} in {plaats} is een school voor praktijkonderwijs. Leerlingen leren vooral "
        "door te doen, lopen stage en worden voorbereid op werk. Er is een "
        "toelaatbaarheidsverklaring van het samenwerkingsverband nodig.",
    ),
}

#: Who parents ask about support, per profile (``{adres}`` is the school's e-mail address).
CONTACT: dict[str, str] = {
    "po": "De intern begeleider, via de administratie van de school of {adres}",
    "vo": "De zorgcoördinator, via de mentor of {adres}",
    "speciaal": "De commissie van begeleiding, via de administratie van de school of {adres}",
}
