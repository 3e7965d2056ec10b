"""The CSV files of ``manage.py dekkend_netwerk`` (ADR 0010): reading, checking, and the
pupil-level output.

Both files: UTF-8 (with or without BOM), separated by ``;`` or ``,`` (sniffed from the
header), a header row with these column names (lower case, any order):

- pupils (one row per pupil): ``id``, ``lat``, ``lon``, ``sector`` (po/vo), ``niveau``
  (extra/sbo/so/vso/pro, allowed for the sector), ``gebied`` (an area code, empty: unknown,
  any area fits; compared without regard to case, as the column names of the locations),
  optional ``regio`` (a label for the summary).
- locations (one row per location): ``id``, ``lat``, ``lon``, ``soort``
  (bao/sbo/so/so_vso/vso/vo/pro), optional ``naam``, ``regio``, and one column per place
  cell ``capaciteit_<niveau>_<gebied>`` (e.g. ``capaciteit_sbo_leergedrag``): the number of
  places (a whole number ≥ 0; empty is 0).

Every error names the file, the row (the header is row 1) and the column, in Dutch.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from passend.monitor.netwerk.model import (
    NIVEAUS,
    SECTOREN,
    SECTOREN_VAN_SOORT,
    TOEGESTANE_NIVEAUS,
    Locatie,
    Uitkomst,
    Vraaggroep,
)

LEERLING_KOLOMMEN = ("id", "lat", "lon", "sector", "niveau", "gebied")
LOCATIE_KOLOMMEN = ("id", "lat", "lon", "soort")
CAPACITEIT = "capaciteit_"


class Invoerfout(Exception):
    """Bad input: ``fouten`` holds one Dutch message per problem."""

    def __init__(self, fouten: list[str]):
        super().__init__("\n".join(fouten))
        self.fouten = fouten


@dataclass(frozen=True)
class Leerling:
    id: str
    breedtegraad: float
    lengtegraad: float
    sector: str
    niveau: str
    gebied: str
    regio: str = ""


def _rijen(
    pad: Path, naam: str, verplicht: tuple[str, ...]
) -> tuple[list[str], list[dict[str, str]]]:
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except OSError as fout:
        raise Invoerfout(
            [f"{naam}: het bestand {pad} kan niet worden gelezen ({fout.strerror})."]
        ) from fout
    except UnicodeDecodeError as fout:
        raise Invoerfout([f"{naam}: het bestand is geen UTF-8-tekst."]) from fout
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    kolommen = [(k or "").strip().lower() for k in (lezer.fieldnames or [])]
    ontbreekt = [k for k in verplicht if k not in kolommen]
    if ontbreekt:
        raise Invoerfout(
            [f"{naam}: de kolom '{k}' ontbreekt in de kopregel (regel 1)." for k in ontbreekt]
        )
    lezer.fieldnames = kolommen
    rijen = [{k: (v or "").strip() for k, v in rij.items() if k is not None} for rij in lezer]
    return kolommen, rijen


def _getal(
    waarde: str, kolom: str, plek: str, fouten: list[str], grenzen: tuple[float, float]
) -> float:
    if not waarde:
        fouten.append(f"{plek}, kolom '{kolom}': de waarde ontbreekt.")
        return 0.0
    try:
        getal = float(waarde.replace(",", "."))
    except ValueError:
        fouten.append(f"{plek}, kolom '{kolom}': '{waarde}' is geen getal.")
        return 0.0
    if not grenzen[0] <= getal <= grenzen[1]:
        fouten.append(
            f"{plek}, kolom '{kolom}': {waarde} ligt niet tussen {grenzen[0]:g} en {grenzen[1]:g}."
        )
    return getal


def gebied_normaliseren(gebied: str) -> str:
    """An area code as compared between the files: without surrounding spaces, in lower
    case (the column names of the locations file are read in lower case)."""
    return gebied.strip().lower()


def gebieden_zonder_plaatsen(leerlingen: list[Leerling], locaties: list[Locatie]) -> dict[str, int]:
    """Areas of pupils (not empty) for which no location has a column with places: area →
    number of pupils. Such pupils can never be placed; the command warns about them."""
    aangeboden = {gebied for loc in locaties for (_niveau, gebied) in loc.capaciteit}
    aantallen: dict[str, int] = defaultdict(int)
    for ll in leerlingen:
        if ll.gebied and ll.gebied not in aangeboden:
            aantallen[ll.gebied] += 1
    return dict(sorted(aantallen.items()))


def leerlingen_lezen(pad: Path) -> list[Leerling]:
    naam = "Leerlingenbestand"
    _kolommen, rijen = _rijen(pad, naam, LEERLING_KOLOMMEN)
    fouten: list[str] = []
    leerlingen: list[Leerling] = []
    gezien: set[str] = set()
    for nummer, rij in enumerate(rijen, start=2):
        plek = f"{naam}, regel {nummer}"
        if not rij.get("id"):
            fouten.append(f"{plek}, kolom 'id': de id ontbreekt.")
        elif rij["id"] in gezien:
            fouten.append(f"{plek}, kolom 'id': de id '{rij['id']}' komt al eerder voor.")
        gezien.add(rij.get("id", ""))
        lat = _getal(rij.get("lat", ""), "lat", plek, fouten, (-90, 90))
        lon = _getal(rij.get("lon", ""), "lon", plek, fouten, (-180, 180))
        sector = rij.get("sector", "").lower()
        niveau = rij.get("niveau", "").lower()
        if sector not in SECTOREN:
            fouten.append(f"{plek}, kolom 'sector': '{sector}' is onbekend. Kies po of vo.")
        elif (sector, niveau) not in TOEGESTANE_NIVEAUS:
            mogelijk = ", ".join(n for s, n in TOEGESTANE_NIVEAUS if s == sector)
            fouten.append(
                f"{plek}, kolom 'niveau': '{niveau}' past niet bij sector {sector}. Kies {mogelijk}."
            )
        leerlingen.append(
            Leerling(
                rij.get("id", ""),
                lat,
                lon,
                sector,
                niveau,
                gebied_normaliseren(rij.get("gebied", "")),
                rij.get("regio", ""),
            )
        )
    if fouten:
        raise Invoerfout(fouten)
    return leerlingen


def locaties_lezen(pad: Path) -> list[Locatie]:
    naam = "Locatiebestand"
    kolommen, rijen = _rijen(pad, naam, LOCATIE_KOLOMMEN)
    fouten: list[str] = []
    cellen: dict[str, tuple[str, str]] = {}
    for kolom in kolommen:
        if not kolom.startswith(CAPACITEIT):
            continue
        niveau, _, gebied = kolom.removeprefix(CAPACITEIT).partition("_")
        gebied = gebied_normaliseren(gebied)
        if niveau not in NIVEAUS or not gebied:
            fouten.append(
                f"{naam}, regel 1, kolom '{kolom}': verwacht capaciteit_<niveau>_<gebied> met niveau "
                f"{', '.join(NIVEAUS)} (bijvoorbeeld capaciteit_sbo_leergedrag)."
            )
            continue
        cellen[kolom] = (niveau, gebied)
    locaties: list[Locatie] = []
    gezien: set[str] = set()
    for nummer, rij in enumerate(rijen, start=2):
        plek = f"{naam}, regel {nummer}"
        if not rij.get("id"):
            fouten.append(f"{plek}, kolom 'id': de id ontbreekt.")
        elif rij["id"] in gezien:
            fouten.append(f"{plek}, kolom 'id': de id '{rij['id']}' komt al eerder voor.")
        gezien.add(rij.get("id", ""))
        lat = _getal(rij.get("lat", ""), "lat", plek, fouten, (-90, 90))
        lon = _getal(rij.get("lon", ""), "lon", plek, fouten, (-180, 180))
        soort = rij.get("soort", "").lower()
        if soort not in SECTOREN_VAN_SOORT:
            fouten.append(
                f"{plek}, kolom 'soort': '{soort}' is onbekend. Kies {', '.join(SECTOREN_VAN_SOORT)}."
            )
        capaciteit: dict[tuple[str, str], int] = {}
        for kolom, cel in cellen.items():
            waarde = rij.get(kolom, "")
            if not waarde:
                continue
            # isdigit() also accepts '²' and other digits int() refuses: only 0-9.
            if not (waarde.isascii() and waarde.isdecimal()):
                fouten.append(
                    f"{plek}, kolom '{kolom}': '{waarde}' is geen heel getal van 0 of meer."
                )
                continue
            capaciteit[cel] = int(waarde)
        locaties.append(
            Locatie(
                id=rij.get("id", ""),
                breedtegraad=lat,
                lengtegraad=lon,
                soort=soort,
                capaciteit=capaciteit,
                naam=rij.get("naam", ""),
                regio=rij.get("regio", ""),
            )
        )
    if fouten:
        raise Invoerfout(fouten)
    return locaties


def aggregeren(leerlingen: list[Leerling]) -> tuple[list[Vraaggroep], dict[str, list[str]]]:
    """Pupils with the same home point and need form one vraaggroep: (vraaggroepen, pupil ids
    per vraaggroep id, in input order)."""
    groepen: dict[tuple[float, float, str, str, str, str], list[str]] = defaultdict(list)
    for ll in leerlingen:
        groepen[
            (ll.breedtegraad, ll.lengtegraad, ll.sector, ll.niveau, ll.gebied, ll.regio)
        ].append(ll.id)
    vraag: list[Vraaggroep] = []
    leden: dict[str, list[str]] = {}
    for nummer, ((lat, lon, sector, niveau, gebied, regio), ids) in enumerate(
        groepen.items(), start=1
    ):
        groep_id = f"G{nummer}"
        vraag.append(Vraaggroep(groep_id, lat, lon, sector, niveau, gebied, len(ids), regio))
        leden[groep_id] = ids
    return vraag, leden


def per_leerling(
    uitkomst: Uitkomst, leden: dict[str, list[str]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Split the placements of the vraaggroepen back to pupils: (toewijzingen, niet_geplaatst)."""
    volgende = {groep: iter(ids) for groep, ids in leden.items()}
    toewijzingen: list[dict[str, Any]] = []
    for t in sorted(
        uitkomst.toewijzingen, key=lambda t: (t.vraaggroep_id, t.afstand_m, t.locatie_id)
    ):
        for _ in range(t.aantal):
            toewijzingen.append(
                {
                    "leerling": next(volgende[t.vraaggroep_id]),
                    "locatie": t.locatie_id,
                    "niveau": t.niveau,
                    "gebied": t.gebied,
                    "afstand_km": round(t.afstand_m / 1000, 3),
                }
            )
    niet_geplaatst = [ll for groep in uitkomst.niet_geplaatst for ll in volgende[groep]]
    toewijzingen.sort(key=lambda r: r["leerling"])
    return toewijzingen, sorted(niet_geplaatst)
