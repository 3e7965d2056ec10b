"""What an import reads and reports: records, errors, the result, and field length limits."""

from dataclasses import dataclass, field

from passend.organisaties.rules import Soort


@dataclass(frozen=True)
class Importfout:
    rij: int
    kolom: str
    waarde: str
    melding: str


class ImportMislukt(Exception):
    def __init__(self, fouten: list[Importfout]) -> None:
        super().__init__(f"{len(fouten)} fouten")
        self.fouten = fouten


@dataclass
class ImportResultaat:
    gelezen: int = 0
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    per_soort: dict[str, int] = field(default_factory=dict)
    #: Rows of the GeoJSON that repeat a location at a neighbouring address (see below).
    samengevoegd: int = 0
    gemeenten_nieuw: int = 0
    besturen_nieuw: int = 0
    scholen_nieuw: int = 0
    scholen_gewijzigd: int = 0
    bestuurswissels: int = 0
    gekoppeld: int = 0
    seconden: float = 0.0

    @property
    def vestigingen(self) -> int:
        return self.nieuw + self.gewijzigd + self.ongewijzigd

    @property
    def soorten(self) -> list[tuple[str, int]]:
        """(label, count) per soort, in the order of ``Soort``; for templates."""
        return [(s.label, self.per_soort[s.value]) for s in Soort if self.per_soort.get(s.value)]

    @property
    def rijen_per_seconde(self) -> int:
        return round(self.gelezen / self.seconden) if self.seconden > 0 else 0


@dataclass(frozen=True)
class Vestigingsrecord:
    """One location as read from a file, normalised. ``None``: not in this file."""

    rij: int
    vestigingscode: str
    brin: str
    naam: str
    soort: str
    onderwijsstructuur: str
    instellingsnaam: str | None = None
    bevoegd_gezag_nummer: str | None = None
    bevoegd_gezag_naam: str | None = None
    gemeentecode: str | None = None
    gemeentenaam: str | None = None
    denominatie: str | None = None
    straat: str | None = None
    huisnummer: str | None = None
    postcode: str | None = None
    plaats: str | None = None
    provincie: str | None = None
    internetadres: str | None = None
    breedtegraad: float | None = None
    lengtegraad: float | None = None
    leerlingenaantal: int | None = None
    #: Further rows merged into this one (GeoJSON only, see ``_dubbele_samenvoegen``).
    samengevoegd: tuple[int, ...] = ()


#: Longest text each field may hold (the model's max_length).
MAXIMALE_LENGTE = {
    "naam": 200,
    "instellingsnaam": 200,
    "bevoegd_gezag_naam": 200,
    "gemeentenaam": 100,
    "denominatie": 100,
    "straat": 200,
    "huisnummer": 20,
    "plaats": 100,
    "provincie": 40,
    "internetadres": 300,
    "onderwijsstructuur": 60,
}


def _bestandsfout(melding: str, rij: int = 0, kolom: str = "") -> ImportMislukt:
    return ImportMislukt([Importfout(rij, kolom, "", melding)])
