"""The columns and limits of the file, a row and a problem as data, the known values
(found by code or by name) and the formula guard. The text encodings are read by
``passend.core.csvbestand.tekst_van``."""

from collections.abc import Mapping
from dataclasses import dataclass

from passend.aanbod.rules import MAXIMALE_CONTACTLENGTE, MAXIMALE_TEKSTLENGTE

SCHEIDINGSTEKEN = ";"
LIJSTSCHEIDING = "|"
VERPLICHT = (
    "vestigingscode",
    "schooljaar",
    "gebied",
    "basisondersteuning",
    "extra_ondersteuning",
    "expertise",
    "faciliteiten",
    "capaciteit",
)
PER_VESTIGING = ("toelichting", "contact")
TER_INFORMATIE = ("vestigingsnaam",)
#: The columns the export writes, in this order.
KOLOMMEN = VERPLICHT + PER_VESTIGING + TER_INFORMATIE
TEKSTKOLOMMEN = ("basisondersteuning", "extra_ondersteuning", "expertise")
MAXIMAAL_REGELS = 20_000
#: The same limits as the school's form and the API (``rules``).
MAX_TEKST = MAXIMALE_TEKSTLENGTE
MAX_CONTACT = MAXIMALE_CONTACTLENGTE
MAX_CAPACITEIT = 100_000
#: Leading characters a spreadsheet reads as the start of a formula.


@dataclass(frozen=True)
class Bestandsfout:
    """One problem: a row (0: the whole file, 1: the header), a column and a message."""

    regel: int
    kolom: str
    melding: str

    def __str__(self) -> str:
        if self.regel == 0:
            return f"Het bestand: {self.melding}"
        if self.kolom:
            return f"Regel {self.regel}, kolom {self.kolom}: {self.melding}"
        return f"Regel {self.regel}: {self.melding}"


@dataclass(frozen=True)
class Aanbodregel:
    """One row: what a location offers in one area in one school year. ``toelichting`` and
    ``contact`` are None when the file has no such column."""

    regel: int
    vestigingscode: str
    schooljaar: str
    gebied: str
    basisondersteuning: str = ""
    extra_ondersteuning: str = ""
    expertise: str = ""
    faciliteiten: tuple[str, ...] = ()
    capaciteit: int | None = None
    toelichting: str | None = None
    contact: str | None = None
    vestigingsnaam: str = ""

    @property
    def sleutel(self) -> tuple[str, str]:
        return (self.vestigingscode, self.schooljaar)


def _genormaliseerd(waarde: str) -> str:
    return " ".join(waarde.casefold().split())


class Keuzelijst:
    """Known values (code → label), found by code or by label, whatever the case."""

    def __init__(self, waarden: Mapping[str, str]) -> None:
        self.waarden = dict(waarden)
        self._index: dict[str, str] = {}
        for code, label in self.waarden.items():
            self._index.setdefault(_genormaliseerd(label), code)
        for code in self.waarden:
            self._index[_genormaliseerd(code)] = code

    def zoek(self, invoer: str) -> str | None:
        return self._index.get(_genormaliseerd(invoer))

    def opsomming(self) -> str:
        return ", ".join(self.waarden)
