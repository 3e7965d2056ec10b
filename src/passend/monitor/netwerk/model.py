"""Input and output of the placement optimiser (ADR 0010).

A *vraaggroep* is one or more pupils with the same need at the same home point: sector,
niveau (the kind of support they need) and ondersteuningsgebied. A *locatie* offers places
per (niveau, gebied). A pupil may use a place of its own niveau or of a more specialised one
(``TOEGESTANE_NIVEAUS``), within the maximum travel distance for its sector and the place's
niveau; a place in special education costs a penalty on top of the distance. The optimiser
first places as many pupils as possible, then minimises the total cost.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

PO = "po"
VO = "vo"
SECTOREN = (PO, VO)

EXTRA = "extra"  # extra support in a regular school
SBO = "sbo"
SO = "so"
VSO = "vso"
PRO = "pro"
NIVEAUS = (EXTRA, SBO, SO, VSO, PRO)
#: Places in special education: a placement there costs the penalty.
SPECIAAL = frozenset({SBO, SO, VSO})

#: Which places a need may use: its own niveau first, then more specialised ones.
TOEGESTANE_NIVEAUS: dict[tuple[str, str], tuple[str, ...]] = {
    (PO, EXTRA): (EXTRA, SBO, SO),
    (PO, SBO): (SBO, SO),
    (PO, SO): (SO,),
    (VO, EXTRA): (EXTRA, VSO),
    (VO, PRO): (PRO, VSO),
    (VO, VSO): (VSO,),
}

#: The sectors a location of each soort serves (as organisaties.rules.SECTOREN_VAN_SOORT).
SECTOREN_VAN_SOORT: dict[str, tuple[str, ...]] = {
    "bao": (PO,),
    "sbo": (PO,),
    "so": (PO,),
    "so_vso": (PO, VO),
    "vso": (VO,),
    "vo": (VO,),
    "pro": (VO,),
}

#: A need without a known area (gebied "") may use a place of any area.
ELK_GEBIED = ""


@dataclass(frozen=True)
class Vraaggroep:
    """Pupils with the same need at the same home point."""

    id: str
    breedtegraad: float
    lengtegraad: float
    sector: str
    niveau: str
    gebied: str
    aantal: int = 1
    #: Free label for reports (e.g. the SWV or the municipality); not used by the model.
    regio: str = ""


@dataclass(frozen=True)
class Locatie:
    """A school location and its places per (niveau, gebied)."""

    id: str
    breedtegraad: float
    lengtegraad: float
    soort: str
    capaciteit: Mapping[tuple[str, str], int]
    naam: str = ""
    regio: str = ""


@dataclass(frozen=True)
class Instellingen:
    """Maximum travel distance (km) per (sector, niveau of the place), and the penalty (km)
    for a place in special education."""

    max_afstand_km: Mapping[tuple[str, str], float]
    straf_speciaal_km: float

    def max_afstand_m(self, sector: str, niveau: str) -> int:
        return round(self.max_afstand_km[(sector, niveau)] * 1000)

    @property
    def straf_m(self) -> int:
        return round(self.straf_speciaal_km * 1000)


@dataclass(frozen=True)
class Toewijzing:
    """``aantal`` pupils of a vraaggroep placed at a location, in a place of ``niveau``."""

    vraaggroep_id: str
    locatie_id: str
    niveau: str
    gebied: str
    aantal: int
    afstand_m: int


@dataclass(frozen=True)
class Plaatsgebruik:
    locatie_id: str
    niveau: str
    gebied: str
    capaciteit: int
    gebruikt: int


@dataclass
class Uitkomst:
    """The optimum: every placement, what could not be placed, and the objective.

    ``doelwaarde_m`` is the total cost in metres (distance plus penalties) of the placed
    pupils; ``bewezen_optimaal`` is True when the solver proved optimality.
    """

    bewezen_optimaal: bool
    doelwaarde_m: int
    toewijzingen: list[Toewijzing]
    niet_geplaatst: dict[str, int]
    plaatsgebruik: list[Plaatsgebruik]
    aantal_vraag: int
    aantal_geplaatst: int
    rekentijd_s: dict[str, float] = field(default_factory=dict)
    aantal_bogen: int = 0
    aantal_deelproblemen: int = 0
