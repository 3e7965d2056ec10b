"""Reading DUO's published address lists (and the GeoJSON test set). Being written."""

from dataclasses import dataclass, field


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
