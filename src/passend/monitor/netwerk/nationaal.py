"""A synthetic national instance of the placement problem on the real school locations
(benchmark of issue #7, ADR 0010).

Source: ``../shared/data/scholen.geo.json`` (8,717 DUO locations of November 2024, about
2.4 million pupils). Everything derived here is synthetic and seeded (deterministic):

- ``scholen_laden``: the locations as flat dicts. The file's ``type`` maps to the soort as the
  GeoJSON importer does (``organisaties.importeren.soorten.soort_van_type``): basisschool →
  bao, SBAO → sbo, SO → so, VSO → vso, (V)SO → so_vso, PRO → pro, every VO structure
  (VBO/MAVO, HAVO/VWO, BRUGJAAR, VBO/MAVO/PRO, ...) → vo. A feature without a point or with
  an unknown type is skipped (the 2024 file has none).
- ``swv_regios``: the file holds no samenwerkingsverband. We derive 76 PO and 76 VO regions
  (152 in all, as in the country) by k-means (``scipy.cluster.vq.kmeans2``, k-means++,
  fixed seeds, the best of 12 runs: largest smallest region) on the locations' coordinates
  in kilometres, PO locations (bao, sbo, so,
  so_vso) and VO locations (vo, pro, vso, so_vso) apart. Regions are numbered from north to
  south (by the latitude of their centre): PO-01 … PO-76, VO-01 … VO-76.
- ``bevolking``: see its docstring (homes, needs, capacities).
"""

import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.vq import kmeans2

from passend.monitor.netwerk.model import Locatie, Vraaggroep
from passend.organisaties.importeren.soorten import soort_van_type

#: The repository root (``/work/main``); the shared data sits beside it.
BASIS = Path(__file__).resolve().parents[4]
SCHOLEN = BASIS.parent / "shared" / "data" / "scholen.geo.json"

AANTAL_REGIOS_PER_SECTOR = 76
REGIO_ZAAD = 20241122
POGINGEN = 12

PO_SOORTEN = frozenset({"bao", "sbo", "so", "so_vso"})
VO_SOORTEN = frozenset({"vo", "pro", "vso", "so_vso"})

#: Kilometres per degree at the latitude of the Netherlands (52.2° N): flat projection,
#: good enough for clustering.
KM_PER_GRAAD_BREEDTE = 111.2
KM_PER_GRAAD_LENGTE = 111.2 * float(np.cos(np.radians(52.2)))


def scholen_laden(pad: Path | None = None) -> list[dict[str, Any]]:
    """The locations of scholen.geo.json as flat dicts (file order): vestigingscode, naam,
    soort (bao/sbo/so/so_vso/vso/vo/pro), lat, lon, leerlingen (int or None), gemeente,
    provincie."""
    with (pad or SCHOLEN).open(encoding="utf-8") as bestand:
        features = json.load(bestand)["features"]
    scholen: list[dict[str, Any]] = []
    for feature in features:
        eigenschappen = feature.get("properties") or {}
        geometrie = feature.get("geometry") or {}
        soort = soort_van_type(str(eigenschappen.get("type") or ""))
        coordinaten = geometrie.get("coordinates")
        if soort is None or geometrie.get("type") != "Point" or not coordinaten:
            continue
        leerlingen = eigenschappen.get("leerlingen")
        scholen.append(
            {
                "vestigingscode": str(eigenschappen.get("vestigingscode") or ""),
                "naam": str(eigenschappen.get("naam") or ""),
                "soort": str(soort[0].value if hasattr(soort[0], "value") else soort[0]),
                "lat": float(coordinaten[1]),
                "lon": float(coordinaten[0]),
                "leerlingen": None if leerlingen is None else int(leerlingen),
                "gemeente": str(eigenschappen.get("gemeente") or ""),
                "provincie": str(eigenschappen.get("provincie") or ""),
            }
        )
    return scholen


def km_coordinaten(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """(x, y) in km on a flat projection of the Netherlands."""
    return np.column_stack((lon * KM_PER_GRAAD_LENGTE, lat * KM_PER_GRAAD_BREEDTE))


def _clusters(lat: np.ndarray, lon: np.ndarray, k: int, zaad: int) -> np.ndarray:
    """Region number 0..k-1 per point, numbered from north to south by the cluster centre.

    k-means++ from ``POGINGEN`` seeds (``zaad``, ``zaad + 1``, ...); the clustering whose
    smallest region is largest wins (k-means alone leaves an island or a border town as a
    region of one location), ties by the lowest sum of squared distances.
    """
    punten = km_coordinaten(lat, lon)
    k = min(k, len(punten))
    beste: tuple[int, float] | None = None
    label = np.zeros(len(punten), dtype=np.int64)
    for poging in range(POGINGEN):
        centra, kandidaat = kmeans2(
            punten, k, iter=50, minit="++", rng=np.random.default_rng(zaad + poging)
        )
        kleinste = int(np.bincount(kandidaat, minlength=k).min())
        spreiding = float(((punten - centra[kandidaat]) ** 2).sum())
        if beste is None or (-kleinste, spreiding) < (-beste[0], beste[1]):
            beste, label = (kleinste, spreiding), kandidaat
    gebruikt = np.unique(label)
    centrum_breedte = np.array([lat[label == c].mean() for c in gebruikt])
    # North first; equal latitudes by longitude (west first): deterministic numbering.
    centrum_lengte = np.array([lon[label == c].mean() for c in gebruikt])
    volgorde = np.lexsort((centrum_lengte, -centrum_breedte))
    nummer = np.empty(int(label.max()) + 1, dtype=np.int64)
    nummer[gebruikt[volgorde]] = np.arange(len(gebruikt))
    return np.asarray(nummer[label], dtype=np.int64)


def swv_regios(scholen: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """vestigingscode → {"po": "PO-01"…"PO-76"} and/or {"vo": "VO-01"…"VO-76"} for the sectors
    the location serves (so_vso both); see the module docstring."""
    regios: dict[str, dict[str, str]] = {s["vestigingscode"]: {} for s in scholen}
    for sector, soorten, zaad in (
        ("po", PO_SOORTEN, REGIO_ZAAD),
        ("vo", VO_SOORTEN, REGIO_ZAAD + 1000),
    ):
        deel = [s for s in scholen if s["soort"] in soorten]
        if not deel:
            continue
        lat = np.array([s["lat"] for s in deel], dtype=float)
        lon = np.array([s["lon"] for s in deel], dtype=float)
        nummers = _clusters(lat, lon, AANTAL_REGIOS_PER_SECTOR, zaad)
        for school, nummer in zip(deel, nummers, strict=True):
            regios[school["vestigingscode"]][sector] = f"{sector.upper()}-{int(nummer) + 1:02d}"
    return regios


# --- The synthetic population -------------------------------------------------------------

BEVOLKING_ZAAD = 7

#: Share of the pupils of a regular school (bao, vo) with a need for extra support in a
#: regular school. Every pupil of a special location (sbo, so, vso, so_vso, pro) has a need
#: of that location's niveau. With the 2024 counts this makes ≈ 15 % of all pupils.
AANDEEL_EXTRA = 0.10

#: The niveau of the need of a pupil of each soort: (sector, niveau). so_vso: half so (po),
#: half vso (vo).
NIVEAU_VAN_SOORT: dict[str, tuple[str, str]] = {
    "bao": ("po", "extra"),
    "vo": ("vo", "extra"),
    "sbo": ("po", "sbo"),
    "so": ("po", "so"),
    "vso": ("vo", "vso"),
    "pro": ("vo", "pro"),
}

#: The niveaus of the places each soort offers.
NIVEAUS_VAN_LOCATIE: dict[str, tuple[str, ...]] = {
    "bao": ("extra",),
    "vo": ("extra",),
    "sbo": ("sbo",),
    "so": ("so",),
    "so_vso": ("so", "vso"),
    "vso": ("vso",),
    "pro": ("pro",),
}

#: The startgebieden of ``aanbod.gebieden`` (all nine codes) with the share of the needs in
#: each. ``AANDEEL_ONBEKEND_GEBIED`` of the needs has no known area (gebied ""): 0 in the
#: benchmark. Such a need may use a place of any area, which couples every area of a sector
#: into one part of the network (ADR 0010: about three times the solve time nationally).
GEBIED_AANDEEL: dict[str, float] = {
    "lezen-spellen-dyslexie": 0.22,
    "hoogbegaafdheid": 0.08,
    "leergedrag": 0.18,
    "gedrag-sociaal-emotioneel": 0.20,
    "taal-spraak": 0.08,
    "rekenen-dyscalculie": 0.10,
    "motoriek-fysiek": 0.04,
    "medisch": 0.04,
    "maatwerk-thuiszitters": 0.06,
}
AANDEEL_ONBEKEND_GEBIED = 0.0

#: Standard deviation (km, per coordinate) of the homes around their school.
SPREIDING_KM: dict[str, float] = {
    "bao": 1.0,
    "vo": 4.0,
    "sbo": 4.0,
    "so": 8.0,
    "so_vso": 8.0,
    "vso": 8.0,
    "pro": 6.0,
}
#: Homes snap to a grid of this size (km), like address points: identical homes aggregate.
RASTER_KM = 0.25

#: Places: a regular school offers extra places for this share of its pupils, spread over
#: the areas by GEBIED_AANDEEL (stochastic rounding); a special location has places for this
#: share of its own pupils, in GEBIEDEN_PER_SPECIALE_LOCATIE areas (drawn by GEBIED_AANDEEL).
EXTRA_PLAATSEN_AANDEEL = 0.095
SPECIALE_PLAATSEN_AANDEEL = 0.97
GEBIEDEN_PER_SPECIALE_LOCATIE = 3


def bevolking(
    scholen: list[dict[str, Any]] | None = None,
    regios: dict[str, dict[str, str]] | None = None,
    zaad: int = BEVOLKING_ZAAD,
    aandeel_onbekend_gebied: float = AANDEEL_ONBEKEND_GEBIED,
) -> tuple[list[Vraaggroep], list[Locatie]]:
    """The synthetic demand (vraaggroepen) and supply (locaties) on the given locations
    (default: the whole file); deterministic for a seed.

    - Pupils: a location without a pupil count is skipped (no pupils, no places; 277 in the
      2024 file). A regular school's pupils have an ``extra`` need with chance
      ``AANDEEL_EXTRA``; every pupil of a special location has a need of its niveau
      (``NIVEAU_VAN_SOORT``). The area by ``GEBIED_AANDEEL`` (or "" by
      ``aandeel_onbekend_gebied``). The home lies around the school (normal, ``SPREIDING_KM``)
      snapped to a ``RASTER_KM`` grid; pupils with the same home and need form one vraaggroep.
      Its regio is the SWV region (``swv_regios``) of its school for its sector.
    - Places: see ``EXTRA_PLAATSEN_AANDEEL`` and ``SPECIALE_PLAATSEN_AANDEEL`` (a shortage:
      not every need fits). Location ids are the vestigingscode, with ``/2``, ``/3`` … for a
      code that appears again (another building of the same location).
    """

    scholen = scholen_laden() if scholen is None else scholen
    regios = swv_regios(scholen) if regios is None else regios
    rng = np.random.default_rng(zaad)
    gebieden = [*GEBIED_AANDEEL, ""]
    kansen = np.array(
        [p * (1 - aandeel_onbekend_gebied) for p in GEBIED_AANDEEL.values()]
        + [aandeel_onbekend_gebied]
    )
    kansen /= kansen.sum()
    speciale_kansen = np.array(list(GEBIED_AANDEEL.values()))
    speciale_kansen /= speciale_kansen.sum()

    n = len(scholen)
    lat = np.array([s["lat"] for s in scholen], dtype=float)
    lon = np.array([s["lon"] for s in scholen], dtype=float)
    leerlingen = np.array([s["leerlingen"] or 0 for s in scholen], dtype=np.int64)
    soorten = [s["soort"] for s in scholen]
    regulier = np.array([s in ("bao", "vo") for s in soorten], dtype=bool)

    # Pupils with a need per school: (school index, sector, niveau).
    aantal = np.where(regulier, rng.binomial(leerlingen, AANDEEL_EXTRA), leerlingen)
    so_deel = np.where(np.array([s == "so_vso" for s in soorten]), rng.binomial(leerlingen, 0.5), 0)
    behoeften = [("po", "extra"), ("vo", "extra"), ("po", "sbo"), ("po", "so")]
    behoeften += [("vo", "vso"), ("vo", "pro")]
    behoefte_index = {b: i for i, b in enumerate(behoeften)}
    soort_behoefte = np.array(
        [behoefte_index[NIVEAU_VAN_SOORT.get(s, ("po", "so"))] for s in soorten], dtype=np.int64
    )
    school = np.repeat(np.arange(n), aantal)
    behoefte = soort_behoefte[school]
    # so_vso: the first so_deel pupils of the school need so (po), the others vso (vo).
    begin = np.repeat(np.cumsum(aantal) - aantal, aantal)
    rang = np.arange(len(school)) - begin
    is_so_vso = np.array([s == "so_vso" for s in soorten])[school]
    behoefte = np.where(
        is_so_vso & (rang >= so_deel[school]), behoefte_index[("vo", "vso")], behoefte
    )
    gebied = rng.choice(len(gebieden), size=len(school), p=kansen)
    spreiding = np.array([SPREIDING_KM[s] for s in soorten])[school]
    xy = (
        km_coordinaten(lat[school], lon[school])
        + rng.normal(size=(len(school), 2)) * spreiding[:, None]
    )
    raster = np.rint(xy / RASTER_KM).astype(np.int64)

    sleutel = np.column_stack((raster, behoefte, gebied))
    uniek, eerste, inverse, tellingen = np.unique(
        sleutel, axis=0, return_index=True, return_inverse=True, return_counts=True
    )
    del inverse
    codes = [s["vestigingscode"] for s in scholen]
    vraag = []
    for g, (rx, ry, b, gi) in enumerate(uniek.tolist()):
        sector, niveau = behoeften[b]
        vraag.append(
            Vraaggroep(
                id=f"V{g + 1}",
                breedtegraad=ry * RASTER_KM / KM_PER_GRAAD_BREEDTE,
                lengtegraad=rx * RASTER_KM / KM_PER_GRAAD_LENGTE,
                sector=sector,
                niveau=niveau,
                gebied=gebieden[gi],
                aantal=int(tellingen[g]),
                regio=regios.get(codes[int(school[eerste[g]])], {}).get(sector, ""),
            )
        )

    # Places per location.
    extra = leerlingen * EXTRA_PLAATSEN_AANDEEL
    extra_cellen = extra[:, None] * speciale_kansen[None, :]
    extra_cellen = np.floor(extra_cellen + rng.random(extra_cellen.shape)).astype(np.int64)
    keuzes = np.array(
        [
            rng.choice(
                len(GEBIED_AANDEEL), GEBIEDEN_PER_SPECIALE_LOCATIE, replace=False, p=speciale_kansen
            )
            for _ in range(n)
        ]
    )
    speciaal_totaal = np.rint(leerlingen * SPECIALE_PLAATSEN_AANDEEL).astype(np.int64)
    so_totaal = np.rint(so_deel * SPECIALE_PLAATSEN_AANDEEL).astype(np.int64)
    gezien: dict[str, int] = {}
    locaties = []
    for i, s in enumerate(scholen):
        code = s["vestigingscode"]
        gezien[code] = gezien.get(code, 0) + 1
        loc_id = code if gezien[code] == 1 else f"{code}/{gezien[code]}"
        capaciteit: dict[tuple[str, str], int] = {}
        if regulier[i]:
            for gi, plaatsen in enumerate(extra_cellen[i].tolist()):
                if plaatsen > 0:
                    capaciteit[("extra", gebieden[gi])] = plaatsen
        elif speciaal_totaal[i] > 0:
            delen: list[tuple[str, int]]
            if s["soort"] == "so_vso":
                delen = [("so", int(so_totaal[i])), ("vso", int(speciaal_totaal[i] - so_totaal[i]))]
            else:
                delen = [(NIVEAU_VAN_SOORT[s["soort"]][1], int(speciaal_totaal[i]))]
            for niveau, totaal in delen:
                per_gebied = np.full(
                    GEBIEDEN_PER_SPECIALE_LOCATIE, totaal // GEBIEDEN_PER_SPECIALE_LOCATIE
                )
                per_gebied[: totaal % GEBIEDEN_PER_SPECIALE_LOCATIE] += 1
                for gi, plaatsen in zip(keuzes[i].tolist(), per_gebied.tolist(), strict=True):
                    if plaatsen > 0:
                        capaciteit[(niveau, gebieden[gi])] = plaatsen
        sector = "po" if s["soort"] in PO_SOORTEN else "vo"
        locaties.append(
            Locatie(
                id=loc_id,
                breedtegraad=s["lat"],
                lengtegraad=s["lon"],
                soort=s["soort"],
                capaciteit=capaciteit,
                naam=s["naam"],
                regio=regios.get(code, {}).get(sector, ""),
            )
        )
    return vraag, locaties


def regio_instantie(
    vraag: list[Vraaggroep],
    locaties: list[Locatie],
    regios: dict[str, dict[str, str]],
    regio: str,
) -> tuple[list[Vraaggroep], list[Locatie]]:
    """The instance of one SWV region ("PO-07", "VO-12"): its needs and the locations of that
    region for its sector (a so_vso location belongs to a PO and a VO region)."""
    sector = regio.split("-", 1)[0].lower()
    eigen_vraag = [v for v in vraag if v.regio == regio]
    eigen_locaties = [
        loc for loc in locaties if regios.get(loc.id.split("/", 1)[0], {}).get(sector) == regio
    ]
    return eigen_vraag, eigen_locaties
