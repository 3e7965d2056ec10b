"""The areas every installation starts with: the three of the coming landelijke norm
basisondersteuning (seed 001, measure 2) and the other areas the issue names. Loaded by a
data migration; afterwards they are data (a beheerder may add or retire areas)."""

from typing import Any, NamedTuple


class Startgebied(NamedTuple):
    code: str
    naam: str
    uitleg: str
    landelijke_norm: bool
    volgorde: int


STARTGEBIEDEN: tuple[Startgebied, ...] = (
    Startgebied(
        "lezen-spellen-dyslexie",
        "Lezen, spellen en dyslexie",
        "Hulp bij leren lezen en spellen, ook als uw kind dyslexie heeft.",
        True,
        10,
    ),
    Startgebied(
        "hoogbegaafdheid",
        "(Hoog)begaafdheid",
        "Uitdaging voor kinderen die snel leren of meer aankunnen.",
        True,
        20,
    ),
    Startgebied(
        "leergedrag",
        "Leergedrag",
        "Hulp bij plannen, opletten, aan het werk gaan en volhouden.",
        True,
        30,
    ),
    Startgebied(
        "gedrag-sociaal-emotioneel",
        "Gedrag en sociaal-emotionele ontwikkeling",
        "Hulp bij gevoelens, bij omgaan met andere kinderen en bij gedrag.",
        False,
        40,
    ),
    Startgebied(
        "taal-spraak",
        "Taal en spraak",
        "Hulp bij praten, verstaan en bij het leren van de Nederlandse taal.",
        False,
        50,
    ),
    Startgebied(
        "rekenen-dyscalculie",
        "Rekenen en dyscalculie",
        "Hulp bij rekenen, ook als uw kind dyscalculie heeft.",
        False,
        60,
    ),
    Startgebied(
        "motoriek-fysiek",
        "Motoriek en lichamelijke beperking",
        "Hulp bij bewegen, en een school die past bij een lichamelijke beperking.",
        False,
        70,
    ),
    Startgebied(
        "medisch",
        "Medische zorg",
        "Hulp bij een ziekte of bij medische handelingen op school.",
        False,
        80,
    ),
    Startgebied(
        "maatwerk-thuiszitters",
        "Maatwerk en terug naar school",
        "Een aangepast rooster of plan voor kinderen die een tijd niet naar school gingen.",
        False,
        90,
    ),
)


def startgebieden_laden(model: Any) -> None:
    """Load (or restore) the start areas into ``model``: the real Ondersteuningsgebied, or
    the historical model in the data migration. Existing areas keep their ``actief``."""
    for gebied in STARTGEBIEDEN:
        model.objects.update_or_create(
            code=gebied.code,
            defaults={
                "naam": gebied.naam,
                "uitleg": gebied.uitleg,
                "landelijke_norm": gebied.landelijke_norm,
                "volgorde": gebied.volgorde,
            },
        )
