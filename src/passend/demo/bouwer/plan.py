"""The demo plan: plain, frozen data that says what the demo region holds.

Planning is pure (no database, no clock) and deterministic for a seed; the writer
(``opslaan``) turns a plan into rows. References between parts of the plan are by
official code (BRIN, vestigingscode, SWV code, gemeentecode) or by list index.
"""

import uuid
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class GemeentePlan:
    code: str
    naam: str


@dataclass(frozen=True)
class SwvPlan:
    code: str
    naam: str
    sector: str


@dataclass(frozen=True)
class BestuurPlan:
    sleutel: str
    bevoegd_gezag_nummer: str
    naam: str


@dataclass(frozen=True)
class BestuursperiodePlan:
    bevoegd_gezag_nummer: str
    van: date
    tot: date | None


@dataclass(frozen=True)
class SchoolPlan:
    sleutel: str
    brin: str
    naam: str
    besturen: tuple[BestuursperiodePlan, ...]

    @property
    def huidig_bestuur(self) -> str:
        return next(p.bevoegd_gezag_nummer for p in self.besturen if p.tot is None)


@dataclass(frozen=True)
class VestigingPlan:
    vestigingscode: str
    brin: str
    naam: str
    soort: str
    onderwijsstructuur: str
    denominatie: str
    straat: str
    huisnummer: str
    postcode: str
    plaats: str
    gemeente_code: str
    breedtegraad: float
    lengtegraad: float
    leerlingenaantal: int


@dataclass(frozen=True)
class LidmaatschapPlan:
    vestigingscode: str
    swv_code: str
    van: date
    tot: date | None


@dataclass(frozen=True)
class OrganisatiePlan:
    gemeenten: tuple[GemeentePlan, ...]
    samenwerkingsverbanden: tuple[SwvPlan, ...]
    besturen: tuple[BestuurPlan, ...]
    scholen: tuple[SchoolPlan, ...]
    vestigingen: tuple[VestigingPlan, ...]
    lidmaatschappen: tuple[LidmaatschapPlan, ...]

    def school(self, sleutel: str) -> SchoolPlan:
        return next(s for s in self.scholen if s.sleutel == sleutel)

    def bestuur(self, sleutel: str) -> BestuurPlan:
        return next(b for b in self.besturen if b.sleutel == sleutel)


@dataclass(frozen=True)
class InschrijvingPlan:
    vestigingscode: str
    van: date
    tot: date | None


@dataclass(frozen=True)
class LeerlingPlan:
    sleutel: uuid.UUID
    voornamen: str
    roepnaam: str
    tussenvoegsel: str
    achternaam: str
    geboortedatum: date
    postcode: str
    inschrijvingen: tuple[InschrijvingPlan, ...]

    @property
    def huidige_inschrijving(self) -> InschrijvingPlan:
        return self.inschrijvingen[-1]

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.roepnaam, self.tussenvoegsel, self.achternaam) if p)


@dataclass(frozen=True)
class OuderPlan:
    gebruikersnaam: str
    voornaam: str
    achternaam: str
    email: str


@dataclass(frozen=True)
class OuderschapPlan:
    ouder: int
    leerling: int
    relatie: str
    gezag: bool


@dataclass(frozen=True)
class BetrokkenheidPlan:
    leerling: int
    grond: str
    van: date
    swv_code: str | None = None
    gebruikersnaam: str | None = None


@dataclass(frozen=True)
class LeerlingenPlan:
    leerlingen: tuple[LeerlingPlan, ...]
    ouders: tuple[OuderPlan, ...]
    ouderschappen: tuple[OuderschapPlan, ...]
    huishoudens: tuple[tuple[int, ...], ...]
    betrokkenheden: tuple[BetrokkenheidPlan, ...]


@dataclass(frozen=True)
class InlogPlan:
    """A person who logs in to the demo: a known password and a known TOTP key.

    ``organisatie`` is (field of Rol, official code) or None; ``ouder``/``leerling`` point
    into the pupil plan for parents and pupils with a log-in.
    """

    gebruikersnaam: str
    voornaam: str
    achternaam: str
    rolsoort: str
    organisatie: tuple[str, str] | None
    totp_sleutel_hex: str
    ouder: int | None = None
    leerling: int | None = None


@dataclass(frozen=True)
class KoppelingPlan:
    naam: str
    gebruikersnaam: str
    rolsoort: str
    brin: str
    token: str


@dataclass(frozen=True)
class DemoPlan:
    seed: int
    peildatum: date
    organisaties: OrganisatiePlan
    leerlingen: LeerlingenPlan
    inloggers: tuple[InlogPlan, ...]
    koppeling: KoppelingPlan
