"""The public guide's search: where is a postcode or a place, and which schools with a
published offer are near it (ADR 0008).

Positions come from the school locations themselves, without an external service:

* a postcode's position is the mean position of the school locations in its four-digit
  area (PC4). A PC4 without a school falls back to the nearest PC4 that has one, counted
  numerically, at most ``PC4_UITWIJKEN`` away and with the same first two digits (the
  same region); the page says which area it used.
* a place's position is the mean of its locations. Names match without regard to case,
  accents, hyphens and apostrophes ("damwald" finds Damwâld, "s gravenhage" finds
  's-Gravenhage), a few everyday names stand for the official one ("Den Haag"), and a name
  that is no place but a municipality ("Westland") gives the municipality's locations. A
  name used by places in several municipalities asks which one.

Nearby schools are read through ``catalogus`` only (published, public versions), pre-
filtered on the coordinate index with a box, then measured exactly (haversine). Every
function uses a fixed number of queries, whatever the number of locations.
"""

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.db.models.functions import Substr

from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.rules import afstand_km, omhullende
from passend.aanbod.selectors.catalogus import openbaar_aanbod, openbare_versies
from passend.organisaties.models import Gemeente, Vestiging
from passend.organisaties.rules import Soort

#: How far (numerically) the search looks for a neighbouring PC4 that has schools.
PC4_UITWIJKEN = 50
PC4 = re.compile(r"^\s*([1-9]\d{3})\s*(?:[A-Za-z]{2})?\s*$")

#: The kinds of school a parent chooses from, and the soorten each stands for.
SCHOOLSOORTEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "basisonderwijs": ("Basisonderwijs", (Soort.BAO,)),
    "voortgezet": ("Voortgezet onderwijs", (Soort.VO,)),
    "speciaal": (
        "Speciaal onderwijs (sbo, so en vso)",
        (Soort.SBO, Soort.SO, Soort.VSO, Soort.SO_VSO),
    ),
    "praktijkonderwijs": ("Praktijkonderwijs", (Soort.PRO,)),
}

#: Everyday names of places whose official (DUO) name is another one.
PLAATSNAMEN_IN_DE_WANDELING: dict[str, str] = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "den bosch": "s hertogenbosch",
    "s hertogenbosch": "s hertogenbosch",
}

#: Letters and the accented forms a place name may use for them (both cases).
_VARIANTEN = {
    "a": "aàáâäãå",
    "e": "eèéêë",
    "i": "iìíîïı",
    "o": "oòóôöõø",
    "u": "uùúûü",
    "y": "yýÿ",
    "c": "cç",
    "n": "nñ",
}
#: What may stand between the words of a name: spaces, hyphens, apostrophes, dots,
#: brackets ("Bergen (NH)").
_SCHEIDING = "[- '’.()]*"
#: DUO tells some places apart by a province after the name: "Hengelo (Gld)".
_TOEVOEGING = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True)
class Positie:
    breedtegraad: float
    lengtegraad: float


@dataclass(frozen=True)
class Postcodepositie(Positie):
    """The position of a postcode: ``gebruikt_pc4`` differs from ``pc4`` when no school has
    the asked PC4 and a neighbouring area was used."""

    pc4: str
    gebruikt_pc4: str
    aantal_locaties: int

    @property
    def uitgeweken(self) -> bool:
        return self.pc4 != self.gebruikt_pc4


@dataclass(frozen=True)
class Plaatskeuze(Positie):
    """One place (or municipality) a name stands for."""

    plaats: str
    gemeente_id: int | None
    gemeente: str
    aantal_locaties: int
    #: True when the name matched a municipality, not a place.
    is_gemeente: bool = False

    @property
    def omschrijving(self) -> str:
        if self.is_gemeente:
            return f"gemeente {self.gemeente}"
        if self.gemeente and self.gemeente != self.plaats:
            return f"{self.plaats} (gemeente {self.gemeente})"
        return self.plaats


@dataclass(frozen=True)
class Plaatsuitkomst:
    """Either one place (``gekozen``), or several to choose from, or none (unknown)."""

    gekozen: Plaatskeuze | None = None
    keuzes: tuple[Plaatskeuze, ...] = ()

    @property
    def onbekend(self) -> bool:
        return self.gekozen is None and not self.keuzes


# --- Positions -------------------------------------------------------------------------


def pc4_van(postcode: str) -> str | None:
    """'3511 AB', '3511ab', '3511' -> '3511'; None when it is no Dutch postcode."""
    match = PC4.match(postcode or "")
    return match.group(1) if match else None


def positie_van_postcode(postcode: str) -> Postcodepositie | None:
    """The mean position of the school locations in the postcode's PC4, or of the nearest
    PC4 with schools (same first two digits, at most ``PC4_UITWIJKEN`` away). One query."""
    pc4 = pc4_van(postcode)
    if pc4 is None:
        return None
    nummer = int(pc4)
    regio = nummer // 100 * 100
    laagste = max(regio, nummer - PC4_UITWIJKEN, 1000)
    hoogste = min(regio + 99, nummer + PC4_UITWIJKEN)
    # A range on the postcode index ('3511 AB' sorts between '3461' and '3562').
    bereik = Q(postcode__gte=f"{laagste:04d}")
    if hoogste < 9999:
        bereik &= Q(postcode__lt=f"{hoogste + 1:04d}")
    gebieden = (
        Vestiging.objects.filter(bereik, breedtegraad__isnull=False, lengtegraad__isnull=False)
        .annotate(pc4=Substr("postcode", 1, 4))
        .values("pc4")
        .annotate(breedte=Avg("breedtegraad"), lengte=Avg("lengtegraad"), aantal=Count("pk"))
    )
    beste = None
    for rij in gebieden:
        if not str(rij["pc4"]).isdigit():
            continue
        sleutel = (abs(int(rij["pc4"]) - nummer), int(rij["pc4"]))
        if beste is None or sleutel < beste[0]:
            beste = (sleutel, rij)
    if beste is None:
        return None
    rij = beste[1]
    return Postcodepositie(
        breedtegraad=rij["breedte"],
        lengtegraad=rij["lengte"],
        pc4=pc4,
        gebruikt_pc4=rij["pc4"],
        aantal_locaties=rij["aantal"],
    )


def naam_genormaliseerd(naam: str) -> str:
    """Lower case, without accents, words separated by one space: "'s-Gravenhage" ->
    's gravenhage', 'Damwâld' -> 'damwald'."""
    zonder_accenten = "".join(
        teken
        for teken in unicodedata.normalize("NFKD", naam or "")
        if not unicodedata.combining(teken)
    )
    return " ".join(re.findall(r"[a-z0-9]+", zonder_accenten.casefold()))


def _naampatroon(genormaliseerd: str) -> str:
    """A regular expression that matches every spelling of a normalised name (accents,
    case, separators): safe to pass to the database, built only from known pieces."""
    delen = []
    for teken in genormaliseerd:
        if teken == " ":
            delen.append(_SCHEIDING)
        elif teken in _VARIANTEN:
            varianten = _VARIANTEN[teken]
            delen.append(f"[{varianten}{varianten.upper()}]")
        else:
            delen.append(re.escape(teken))
    # "Hengelo" also finds "Hengelo (Gld)": the bracketed addition may follow.
    return f"^{_SCHEIDING}{''.join(delen)}{_SCHEIDING}(\\([^)]*\\){_SCHEIDING})?$"


def _naam_past(naam: str, gezocht: str) -> bool:
    """The name, or the name without its bracketed addition, is the one sought."""
    return gezocht in (naam_genormaliseerd(naam), naam_genormaliseerd(_TOEVOEGING.sub("", naam)))


def _vaste_letters(genormaliseerd: str) -> str:
    """The longest run of letters that every spelling of the name holds as they are (no
    accents possible, no separator): a cheap LIKE before the regular expression."""
    runs = re.split(f"[ {''.join(_VARIANTEN)}]", genormaliseerd)
    return max(runs, key=len, default="")


def positie_van_plaats(plaats: str, *, gemeente_id: int | None = None) -> Plaatsuitkomst:
    """The place(s) a name stands for, each at the mean position of its locations. With
    ``gemeente_id`` the place in that municipality is chosen. One query."""
    gezocht = naam_genormaliseerd(plaats)
    if not gezocht:
        return Plaatsuitkomst()
    gezocht = PLAATSNAMEN_IN_DE_WANDELING.get(gezocht, gezocht)
    patroon = _naampatroon(gezocht)
    # On SQLite the regular expression runs in Python, once per location: a LIKE first.
    vast = _vaste_letters(gezocht)
    voorfilter = {"plaats__icontains": vast} if len(vast) >= 2 else {}
    rijen = list(
        Vestiging.objects.filter(breedtegraad__isnull=False, lengtegraad__isnull=False)
        # The municipality's name is matched in its own (small) table, not per location.
        .filter(
            Q(plaats__iregex=patroon, **voorfilter)
            | Q(gemeente__in=Gemeente.objects.filter(naam__iregex=patroon))
        )
        .values("plaats", "gemeente_id", "gemeente__naam")
        .annotate(breedte=Avg("breedtegraad"), lengte=Avg("lengtegraad"), aantal=Count("pk"))
        .order_by("gemeente__naam", "plaats")
    )
    plaatsen: dict[tuple[str, int | None], list[dict]] = {}
    gemeenten: dict[int | None, list[dict]] = {}
    for rij in rijen:
        if _naam_past(rij["plaats"], gezocht):
            plaatsen.setdefault((gezocht, rij["gemeente_id"]), []).append(rij)
        elif _naam_past(rij["gemeente__naam"] or "", gezocht):
            gemeenten.setdefault(rij["gemeente_id"], []).append(rij)
    if plaatsen:
        keuzes = [_samen(groep, is_gemeente=False) for groep in plaatsen.values()]
    else:
        keuzes = [_samen(groep, is_gemeente=True) for groep in gemeenten.values()]
    # The exact name first ("Hengelo" before "Hengelo (Gld)"), then the largest.
    keuzes.sort(
        key=lambda k: (naam_genormaliseerd(k.plaats) != gezocht, -k.aantal_locaties, k.gemeente)
    )
    if gemeente_id is not None:
        keuzes = [k for k in keuzes if k.gemeente_id == gemeente_id] or keuzes
    if len(keuzes) == 1:
        return Plaatsuitkomst(gekozen=keuzes[0])
    return Plaatsuitkomst(keuzes=tuple(keuzes))


def _samen(rijen: list[dict], *, is_gemeente: bool) -> Plaatskeuze:
    """One place from the rows of its spellings (weighted mean of their positions)."""
    aantal = sum(r["aantal"] for r in rijen)
    grootste = max(rijen, key=lambda r: r["aantal"])
    return Plaatskeuze(
        breedtegraad=sum(r["breedte"] * r["aantal"] for r in rijen) / aantal,
        lengtegraad=sum(r["lengte"] * r["aantal"] for r in rijen) / aantal,
        plaats=grootste["plaats"],
        gemeente_id=grootste["gemeente_id"],
        gemeente=grootste["gemeente__naam"] or "",
        aantal_locaties=aantal,
        is_gemeente=is_gemeente,
    )


# --- Nearby schools ------------------------------------------------------------------------


@dataclass(frozen=True)
class Gebiedsvermelding:
    """What a school offers in one area a parent chose."""

    gebied: Ondersteuningsgebied
    basis: bool
    extra: bool


@dataclass(frozen=True)
class Schoolresultaat:
    aanbod: Aanbod
    afstand_km: float
    gebieden: tuple[Gebiedsvermelding, ...] = ()

    @property
    def vestiging(self) -> Vestiging:
        return self.aanbod.vestiging

    @property
    def afstand_tekst(self) -> str:
        """'3,4 km' (one decimal, Dutch decimal comma)."""
        return f"{self.afstand_km:.1f}".replace(".", ",") + " km"


@dataclass(frozen=True)
class Buurtresultaat:
    scholen: list[Schoolresultaat] = field(default_factory=list)
    #: All schools within the radius that match, of which ``scholen`` are the nearest.
    totaal: int = 0


def soorten_van(schoolsoorten: Collection[str]) -> list[str]:
    """The location soorten for the kinds of school a parent chose."""
    return [soort for keuze in schoolsoorten for soort in SCHOOLSOORTEN[keuze][1]]


def _biedt(gebied: Ondersteuningsgebied) -> Exists:
    """The public version offers basis or extra support in this area."""
    return Exists(
        Gebiedsaanbod.objects.filter(aanbod=OuterRef("pk"), gebied=gebied).exclude(
            basisondersteuning="", extra_ondersteuning=""
        )
    )


def scholen_in_de_buurt(
    *,
    positie: Positie,
    straal_km: float,
    maximaal: int,
    schoolsoorten: Collection[str] = (),
    gebieden: Sequence[Ondersteuningsgebied] = (),
) -> Buurtresultaat:
    """Schools with a published offer within ``straal_km`` of the position, nearest first
    (as the crow flies), at most ``maximaal``; only the chosen kinds of school, and only
    schools that offer basis or extra support in every chosen area. Three queries: the
    candidates in the coordinate box, the chosen offers, their areas."""
    min_breedte, max_breedte, min_lengte, max_lengte = omhullende(
        positie.breedtegraad, positie.lengtegraad, straal_km
    )
    kandidaten = openbare_versies().filter(
        vestiging__breedtegraad__range=(min_breedte, max_breedte),
        vestiging__lengtegraad__range=(min_lengte, max_lengte),
    )
    if schoolsoorten:
        kandidaten = kandidaten.filter(vestiging__soort__in=soorten_van(schoolsoorten))
    for gebied in gebieden:
        kandidaten = kandidaten.filter(_biedt(gebied))
    binnen_straal = []
    for pk, breedte, lengte in kandidaten.order_by().values_list(
        "pk", "vestiging__breedtegraad", "vestiging__lengtegraad"
    ):
        if breedte is None or lengte is None:  # excluded by the box; for the type checker
            continue
        afstand = afstand_km(positie.breedtegraad, positie.lengtegraad, breedte, lengte)
        if afstand <= straal_km:
            binnen_straal.append((afstand, pk))
    binnen_straal.sort()
    dichtstbij = binnen_straal[:maximaal]
    if not dichtstbij:
        return Buurtresultaat(totaal=0)
    aanbod = openbaar_aanbod().in_bulk([pk for _, pk in dichtstbij])
    scholen = [
        Schoolresultaat(
            aanbod=aanbod[pk],
            afstand_km=afstand,
            gebieden=_vermeldingen(aanbod[pk], gebieden),
        )
        for afstand, pk in dichtstbij
        if pk in aanbod
    ]
    return Buurtresultaat(scholen=scholen, totaal=len(binnen_straal))


def _vermeldingen(
    aanbod: Aanbod, gebieden: Sequence[Ondersteuningsgebied]
) -> tuple[Gebiedsvermelding, ...]:
    per_gebied = {rij.gebied_id: rij for rij in aanbod.gebieden.all()}
    vermeldingen = []
    for gebied in gebieden:
        rij = per_gebied.get(gebied.pk)
        vermeldingen.append(
            Gebiedsvermelding(
                gebied=gebied,
                basis=bool(rij and rij.basisondersteuning.strip()),
                extra=bool(rij and rij.extra_ondersteuning.strip()),
            )
        )
    return tuple(vermeldingen)
