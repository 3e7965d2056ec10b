"""Pure rules that turn the case data of one SWV into the optimiser's input (ADR 0010).

No database here: ``monitor.selectors.netwerk`` reads the rows, these functions decide.

**Demand** (``vraaggroepen``) on a peildatum, for one SWV:

- a pupil with a running granted TLV of this SWV (``verantwoordelijk_swv``) needs a place of
  the TLV's type: the granted ``schoolsoort``, else the requested ``soort`` (sbo → sbo,
  so → so, vso → vso, pro → pro: a TLV for praktijkonderwijs is the clean rule for the
  niveau pro, so pro is in);
- a pupil with an OPP version that ran on the peildatum (vastgesteld by then, and not yet
  ended or replaced by a newer version on that day; what happened to it after the
  peildatum does not matter, so a what-if counts the same pupils as its basis) at a
  regular member location (bao, vo) of the SWV needs extra support in a regular school
  (niveau ``extra``); of two versions on one day the newest counts. OPPs at special locations
  do not count as ``extra``: every pupil in special education has an OPP, and is counted
  through their TLV (by the SWV that granted it);
- a pupil with both counts once, with the TLV's niveau (the TLV is the stronger need); with
  two TLVs the most specialised one counts (so/vso before sbo/pro);
- sector: the SWV's sector; gebied: the code of the ondersteuningsgebied of the pupil's
  running OPP (also for a TLV pupil), else ``ELK_GEBIED`` (any area's place will do);
- home point: the centroid of all known school locations in the pupil's PC4 postcode area,
  else the centroid of the locations in the pupil's woongemeente, else the pupil's current
  school location (the running inschrijving; without one, the location of the OPP or TLV
  that made them count). A pupil without any point is counted as "zonder woonplek" and left
  out of the optimisation, never silently;
- pupils with the same (home point, niveau, gebied, woongemeente, PC4) form one
  ``Vraaggroep``; ``regio`` is the woongemeente's name. PC4 is part of the key so the map
  can show demand per postcode area.

**Supply** (``locaties_van_aanbod``) for the school year of the peildatum: the SWV's member
locations with coordinates and their published offer of that school year (else their
``openbaar`` version):

- a special location gives its ``capaciteit`` per gebied at its own niveau (sbo → sbo,
  so → so, vso → vso, pro → pro). A combined so/vso location splits each gebied's places:
  so gets the larger half (``ceil(c / 2)``), vso the rest (``floor(c / 2)``): the offer does
  not say how its places divide, and the location belongs to a PO and a VO SWV;
- an SWV counts only the places of its own sector's niveaus (``NIVEAUS_VAN_SECTOR``): a PO
  SWV the so half of a so/vso location, a VO SWV the vso half. The optimiser places a
  pupil only on a niveau of the SWV's sector, so another sector's places would only show
  up as capacity that is never used;
- a regular location (bao, vo) gives places for ``extra`` in every gebied where it offers
  extra support (``extra_ondersteuning`` filled in): the stated ``capaciteit``, else
  ``ceil(leerlingenaantal × DEKKEND_NETWERK_EXTRA_PLAATSEN_PROCENT / 100)`` (0 without a
  pupil count);
- a member location with coordinates but no published offer is still a location (without
  places), so a what-if can add places to it.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from passend.monitor.netwerk.model import (
    ELK_GEBIED,
    EXTRA,
    PO,
    PRO,
    SBO,
    SO,
    VO,
    VSO,
    Instellingen,
    Locatie,
    Vraaggroep,
)

#: Labels of the niveaus (what kind of place a need asks for).
NIVEAU_LABELS: dict[str, str] = {
    EXTRA: "Extra ondersteuning op een reguliere school",
    SBO: "Speciaal basisonderwijs (sbo)",
    SO: "Speciaal onderwijs (so)",
    VSO: "Voortgezet speciaal onderwijs (vso)",
    PRO: "Praktijkonderwijs (pro)",
}
#: The niveaus of each sector (as in ``model.TOEGESTANE_NIVEAUS``).
NIVEAUS_VAN_SECTOR: dict[str, tuple[str, ...]] = {PO: (EXTRA, SBO, SO), VO: (EXTRA, VSO, PRO)}
#: The niveaus of the places a location of each soort offers.
NIVEAUS_VAN_SOORT: dict[str, tuple[str, ...]] = {
    "bao": (EXTRA,),
    "vo": (EXTRA,),
    "sbo": (SBO,),
    "so": (SO,),
    "vso": (VSO,),
    "so_vso": (SO, VSO),
    "pro": (PRO,),
}
REGULIER = frozenset({"bao", "vo"})
#: A TLV's type → niveau; a higher rank wins when a pupil has two.
NIVEAU_VAN_TLV: dict[str, str] = {"sbo": SBO, "so": SO, "vso": VSO, "pro": PRO}
RANG: dict[str, int] = {EXTRA: 0, SBO: 1, PRO: 1, SO: 2, VSO: 2}


def sector_van_swv(swv_sector: str) -> str:
    """'PO'/'VO' of an SWV → the optimiser's 'po'/'vo'."""
    return swv_sector.lower()


def pc4(postcode: str) -> str:
    """The four digits of a Dutch postcode ('1234 AB' → '1234'); '' when there are none."""
    cijfers = (postcode or "").strip()[:4]
    return cijfers if len(cijfers) == 4 and cijfers.isdigit() else ""


def instellingen_van(passend: Mapping[str, Any]) -> dict[str, Any]:
    """The settings an analysis uses (JSON, copied into ``Netwerkanalyse.instellingen``)."""
    return {
        "max_afstand_km": {
            sector: {niveau: float(km) for niveau, km in per_niveau.items()}
            for sector, per_niveau in passend["DEKKEND_NETWERK_MAX_AFSTAND_KM"].items()
        },
        "straf_speciaal_km": float(passend["DEKKEND_NETWERK_STRAF_SPECIAAL_KM"]),
        "extra_plaatsen_procent": float(passend["DEKKEND_NETWERK_EXTRA_PLAATSEN_PROCENT"]),
    }


def als_instellingen(instellingen: Mapping[str, Any]) -> Instellingen:
    return Instellingen(
        max_afstand_km={
            (sector, niveau): float(km)
            for sector, per_niveau in instellingen["max_afstand_km"].items()
            for niveau, km in per_niveau.items()
        },
        straf_speciaal_km=float(instellingen["straf_speciaal_km"]),
    )


# --- Demand --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leerlingrij:
    """What the demand needs of one pupil who counts (one TLV or OPP row)."""

    leerling_id: int
    sleutel: UUID
    postcode: str
    woongemeente_id: int | None
    woongemeente: str
    niveau: str
    gebied: str
    #: Coordinates of the location of the TLV or OPP (the last fallback of the home point).
    dossierplek: tuple[float, float] | None = None


@dataclass
class Vraag:
    """The demand of one SWV: the groups, and who and what was counted."""

    groepen: list[Vraaggroep]
    leerling_sleutels: list[UUID]
    aantal_leerlingen: int
    zonder_woonplek: int
    #: vraaggroep id → PC4 ("" when unknown), for the map.
    pc4_van_groep: dict[str, str] = field(default_factory=dict)


def leerlingen_samenvoegen(
    tlv_rijen: Iterable[Leerlingrij], opp_rijen: Iterable[Leerlingrij]
) -> list[Leerlingrij]:
    """One row per pupil: the TLV's niveau wins over the OPP's ``extra`` (the most
    specialised TLV over another); the gebied comes from the OPP when the TLV has none."""
    per_leerling: dict[int, Leerlingrij] = {}
    opp_gebied: dict[int, str] = {}
    for rij in opp_rijen:
        if rij.gebied != ELK_GEBIED:
            opp_gebied.setdefault(rij.leerling_id, rij.gebied)
        per_leerling.setdefault(rij.leerling_id, rij)
    for rij in tlv_rijen:
        huidig = per_leerling.get(rij.leerling_id)
        if huidig is None or huidig.niveau == EXTRA or RANG[rij.niveau] > RANG[huidig.niveau]:
            per_leerling[rij.leerling_id] = rij
    samengevoegd = []
    for leerling_id, rij in sorted(per_leerling.items()):
        gebied = rij.gebied if rij.gebied != ELK_GEBIED else opp_gebied.get(leerling_id, "")
        samengevoegd.append(
            Leerlingrij(
                leerling_id=rij.leerling_id,
                sleutel=rij.sleutel,
                postcode=rij.postcode,
                woongemeente_id=rij.woongemeente_id,
                woongemeente=rij.woongemeente,
                niveau=rij.niveau,
                gebied=gebied,
                dossierplek=rij.dossierplek,
            )
        )
    return samengevoegd


def woonplek(
    rij: Leerlingrij,
    *,
    pc4_middens: Mapping[str, tuple[float, float]],
    gemeente_middens: Mapping[int, tuple[float, float]],
    schoolplekken: Mapping[int, tuple[float, float]],
) -> tuple[float, float] | None:
    """The pupil's home point (see the module docstring for the order of fallbacks)."""
    code = pc4(rij.postcode)
    if code and code in pc4_middens:
        return pc4_middens[code]
    if rij.woongemeente_id is not None and rij.woongemeente_id in gemeente_middens:
        return gemeente_middens[rij.woongemeente_id]
    if rij.leerling_id in schoolplekken:
        return schoolplekken[rij.leerling_id]
    return rij.dossierplek


def vraaggroepen(
    leerlingen: Iterable[Leerlingrij],
    *,
    sector: str,
    pc4_middens: Mapping[str, tuple[float, float]],
    gemeente_middens: Mapping[int, tuple[float, float]],
    schoolplekken: Mapping[int, tuple[float, float]],
) -> Vraag:
    """Group the pupils who count into vraaggroepen (one per identical need and point)."""
    aantallen: dict[tuple[float, float, str, str, str, str], int] = defaultdict(int)
    sleutels: list[UUID] = []
    zonder = 0
    totaal = 0
    for rij in leerlingen:
        totaal += 1
        plek = woonplek(
            rij,
            pc4_middens=pc4_middens,
            gemeente_middens=gemeente_middens,
            schoolplekken=schoolplekken,
        )
        sleutels.append(rij.sleutel)
        if plek is None:
            zonder += 1
            continue
        breedte, lengte = round(plek[0], 6), round(plek[1], 6)
        sleutel = (breedte, lengte, rij.niveau, rij.gebied, rij.woongemeente, pc4(rij.postcode))
        aantallen[sleutel] += 1
    groepen = []
    pc4_van_groep = {}
    for nummer, (sleutel, aantal) in enumerate(sorted(aantallen.items()), start=1):
        breedte, lengte, niveau, gebied, regio, code = sleutel
        groep_id = f"v{nummer}"
        groepen.append(
            Vraaggroep(
                id=groep_id,
                breedtegraad=breedte,
                lengtegraad=lengte,
                sector=sector,
                niveau=niveau,
                gebied=gebied,
                aantal=aantal,
                regio=regio,
            )
        )
        pc4_van_groep[groep_id] = code
    return Vraag(
        groepen=groepen,
        leerling_sleutels=sleutels,
        aantal_leerlingen=totaal,
        zonder_woonplek=zonder,
        pc4_van_groep=pc4_van_groep,
    )


def vraagpunten(vraag: Vraag, niet_geplaatst: Mapping[str, int]) -> list[dict[str, Any]]:
    """Demand per PC4 area for the map (weighted centre of its groups): figures, no pupil."""
    per_pc4: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    for groep in vraag.groepen:
        cel = per_pc4[vraag.pc4_van_groep.get(groep.id, "")]
        cel[0] += groep.breedtegraad * groep.aantal
        cel[1] += groep.lengtegraad * groep.aantal
        cel[2] += groep.aantal
        cel[3] += niet_geplaatst.get(groep.id, 0)
    return [
        {
            "postcodegebied": code,
            "breedtegraad": round(breedte / aantal, 6),
            "lengtegraad": round(lengte / aantal, 6),
            "aantal": int(aantal),
            "niet_geplaatst": int(open_),
        }
        for code, (breedte, lengte, aantal, open_) in sorted(per_pc4.items())
    ]


# --- Supply --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vestigingrij:
    """A member location of the SWV with coordinates."""

    vestigingscode: str
    naam: str
    soort: str
    breedtegraad: float
    lengtegraad: float
    leerlingenaantal: int | None
    gemeente: str = ""


@dataclass(frozen=True)
class Gebiedsrij:
    """What a location's published offer says about one gebied."""

    vestigingscode: str
    gebied: str
    capaciteit: int | None
    extra_ondersteuning: bool


def plaatsen_van(
    vestiging: Vestigingrij,
    gebieden: Iterable[Gebiedsrij],
    extra_procent: float,
    *,
    sector: str | None = None,
) -> dict[tuple[str, str], int]:
    """The places (niveau, gebied) → count of one location (see the module docstring);
    with ``sector`` ('po'/'vo') only the places of that sector's niveaus."""
    plaatsen = _alle_plaatsen(vestiging, gebieden, extra_procent)
    if sector is None:
        return plaatsen
    eigen = NIVEAUS_VAN_SECTOR[sector]
    return {cel: aantal for cel, aantal in plaatsen.items() if cel[0] in eigen}


def _alle_plaatsen(
    vestiging: Vestigingrij, gebieden: Iterable[Gebiedsrij], extra_procent: float
) -> dict[tuple[str, str], int]:
    plaatsen: dict[tuple[str, str], int] = {}
    for rij in gebieden:
        if vestiging.soort in REGULIER:
            if not rij.extra_ondersteuning:
                continue
            if rij.capaciteit is not None:
                aantal = rij.capaciteit
            else:
                aantal = math.ceil((vestiging.leerlingenaantal or 0) * extra_procent / 100)
            if aantal > 0:
                plaatsen[(EXTRA, rij.gebied)] = aantal
        elif vestiging.soort == "so_vso":
            cap = rij.capaciteit or 0
            if cap - cap // 2 > 0:
                plaatsen[(SO, rij.gebied)] = cap - cap // 2
            if cap // 2 > 0:
                plaatsen[(VSO, rij.gebied)] = cap // 2
        elif vestiging.soort in NIVEAUS_VAN_SOORT and rij.capaciteit:
            plaatsen[(NIVEAUS_VAN_SOORT[vestiging.soort][0], rij.gebied)] = rij.capaciteit
    return plaatsen


def locaties_van_aanbod(
    vestigingen: Iterable[Vestigingrij],
    gebiedsrijen: Iterable[Gebiedsrij],
    extra_procent: float,
    *,
    sector: str | None = None,
) -> list[Locatie]:
    """One ``Locatie`` per member location (id: its vestigingscode), in code order; with
    ``sector`` only the places of that sector's niveaus (see ``plaatsen_van``)."""
    per_vestiging: dict[str, list[Gebiedsrij]] = defaultdict(list)
    for rij in gebiedsrijen:
        per_vestiging[rij.vestigingscode].append(rij)
    return [
        Locatie(
            id=v.vestigingscode,
            breedtegraad=v.breedtegraad,
            lengtegraad=v.lengtegraad,
            soort=v.soort,
            capaciteit=plaatsen_van(
                v, per_vestiging.get(v.vestigingscode, []), extra_procent, sector=sector
            ),
            naam=v.naam,
            regio=v.gemeente,
        )
        for v in sorted(vestigingen, key=lambda v: v.vestigingscode)
    ]
