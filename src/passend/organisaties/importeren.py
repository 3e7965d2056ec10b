"""Reading DUO's published address lists (and the GeoJSON test set). Pure: no ORM here.

``vestigingen_lezen(bron, bestandsnaam)`` turns the bytes of an uploaded file into a list of
normalised ``Vestigingsrecord`` objects, or raises ``ImportMislukt`` naming *every* bad row.
The service ``organisaties.services.vestigingen_importeren`` writes them.

Two formats:

1. DUO's CSV: ``;``-separated, windows-1252 (UTF-8, with or without BOM, is accepted too),
   an upper-case header. Known header variants: ``INSTELLINGSCODE`` + ``VESTIGINGSCODE``
   (2024) and ``BRIN NUMMER`` + ``VESTIGINGSNUMMER`` (older); ``HUISNUMMER-TOEVOEGING`` or
   ``HUISNUMMER - TOEVOEGING``. The soort follows from the list: a VO list has
   ``ONDERWIJSSTRUCTUUR`` ("PRO" is praktijkonderwijs), the list of special education has
   ``SOORT PRIMAIR ONDERWIJS`` (DUO writes SBAO, SO, VSO and (V)SO), any other list is
   basisonderwijs. Row numbers are line numbers in the file: the header is row 1, the first
   location row 2 (as a spreadsheet shows them). Column names are the file's own.
2. A GeoJSON FeatureCollection with the properties of ``../shared/data/scholen.geo.json``
   (DUO's lists of 22 November 2024, geocoded on the BAG). Row numbers are feature numbers,
   1-based; column names are property names (``geometry`` for the point).

Row 0 means the file as a whole. A value of ``None`` in a record means "this file says
nothing about it": the importer then keeps what it knew (DUO's CSV has no coordinates and
no pupil counts; the GeoJSON has no bevoegd gezag).
"""

import codecs
import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from passend.organisaties.rules import (
    BEVOEGD_GEZAG_NUMMER,
    BRIN,
    VESTIGINGSCODE,
    Soort,
    normaliseer_gemeentecode,
    normaliseer_postcode,
)


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


# --- Soort --------------------------------------------------------------------------------


def _sleutel(waarde: str) -> str:
    """'  (v) so ' -> '(V)SO'; 'so / vso' -> 'SO/VSO': upper case, no spaces around / ( )."""
    waarde = re.sub(r"\s+", " ", waarde.strip().upper())
    return re.sub(r"\s*([/()\-])\s*", r"\1", waarde)


#: Values of DUO's column SOORT PRIMAIR ONDERWIJS (list "alle vestigingen sbo, so en vso"):
#: DUO writes SBAO, SO, VSO and (V)SO; the other spellings are accepted as well.
SOORT_PRIMAIR_ONDERWIJS: dict[str, str] = {
    **dict.fromkeys(("BAO", "BASISONDERWIJS", "BASISSCHOOL"), Soort.BAO),
    **dict.fromkeys(("SBAO", "SBO", "SPECIAAL BASISONDERWIJS"), Soort.SBO),
    **dict.fromkeys(("SO", "SPECIAAL ONDERWIJS"), Soort.SO),
    **dict.fromkeys(("VSO", "SVO", "VOORTGEZET SPECIAAL ONDERWIJS"), Soort.VSO),
    **dict.fromkeys(
        ("(V)SO", "V(SO)", "SO/VSO", "SO-VSO", "SO_VSO", "SO EN VSO", "SO,VSO", "SO, VSO"),
        Soort.SO_VSO,
    ),
    "(VOORTGEZET) SPECIAAL ONDERWIJS": Soort.SO_VSO,
}

#: The parts of DUO's ONDERWIJSSTRUCTUUR (VO), joined by '/': e.g. VBO/MAVO/HAVO/VWO.
VO_ONDERDELEN = frozenset({"VBO", "VMBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR", "LWOO"})


def soort_primair_onderwijs(waarde: str) -> str | None:
    """DUO's SOORT PRIMAIR ONDERWIJS ('SBAO', '(V)SO', ...) -> soort; None when unknown."""
    return SOORT_PRIMAIR_ONDERWIJS.get(_sleutel(waarde))


def soort_van_onderwijsstructuur(waarde: str) -> tuple[str, str] | None:
    """DUO's ONDERWIJSSTRUCTUUR -> (soort, onderwijsstructuur); None when unknown.

    'PRO' alone is praktijkonderwijs; every other structure ('VBO/MAVO', 'BRUGJAAR',
    'VBO/MAVO/PRO') is voortgezet onderwijs and keeps its structure.
    """
    structuur = _sleutel(waarde)
    if structuur == "PRO":
        return Soort.PRO, ""
    onderdelen = structuur.split("/")
    if not structuur or not all(deel in VO_ONDERDELEN for deel in onderdelen):
        return None
    return Soort.VO, structuur


def soort_van_type(waarde: str) -> tuple[str, str] | None:
    """The GeoJSON's ``type`` -> (soort, onderwijsstructuur); None when unknown.

    basisschool -> bao, SBAO -> sbo, SO -> so, VSO -> vso, (V)SO -> so_vso, PRO -> pro,
    VO structures (VBO/MAVO, HAVO/VWO, BRUGJAAR, ...) -> vo with the structure kept.
    """
    soort = soort_primair_onderwijs(waarde)
    if soort is not None:
        return soort, ""
    return soort_van_onderwijsstructuur(waarde)


# --- Names --------------------------------------------------------------------------------

#: Municipality names DUO abbreviates or writes without diacritics.
BIJZONDERE_NAMEN = {
    **dict.fromkeys(("BERGEN NH", "BERGEN (NH)", "BERGEN (NH.)"), "Bergen (NH.)"),
    **dict.fromkeys(("BERGEN LB", "BERGEN L", "BERGEN (L)", "BERGEN (L.)"), "Bergen (L.)"),
    **dict.fromkeys(
        (
            "NUENEN CA",
            "NUENEN C A",
            "NUENEN GERWEN EN NEDERWETTEN",
            "NUENEN, GERWEN EN NEDERWETTEN",
        ),
        "Nuenen, Gerwen en Nederwetten",
    ),
    **dict.fromkeys(("SUDWEST-FRYSLAN", "SÚDWEST-FRYSLÂN"), "Súdwest-Fryslân"),
    **dict.fromkeys(("NOARDEAST-FRYSLAN", "NOARDEAST-FRYSLÂN"), "Noardeast-Fryslân"),
}
KLEINE_WOORDEN = frozenset(
    {"aan", "bij", "de", "den", "der", "en", "het", "in", "op", "onder", "over", "te", "ter", "van"}
)


def _woord(woord: str, eerste: bool) -> str:
    laag = woord.lower()
    if laag in KLEINE_WOORDEN and not eerste:
        return laag
    if laag.startswith("ij"):
        return "IJ" + laag[2:]
    return laag[:1].upper() + laag[1:]


def leesbare_naam(naam: str) -> str:
    """'S GRAVENHAGE' -> "'s-Gravenhage", 'CAPELLE AAN DEN IJSSEL' -> 'Capelle aan den IJssel'.

    DUO writes place and municipality names in capitals; names that are not all capitals
    are kept as they are. The same input always gives the same output, so a re-import finds
    the same municipality again.
    """
    naam = re.sub(r"\s+", " ", naam.strip())
    if not naam or naam != naam.upper():
        return naam
    if naam in BIJZONDERE_NAMEN:
        return BIJZONDERE_NAMEN[naam]
    voorvoegsel = ""
    match = re.match(r"^'?([ST])([ -])(.+)$", naam)
    if match and (naam.startswith("'") or match.group(1) == "S"):
        # 's-Gravenhage, 's Gravenmoer, 't Harde: DUO drops the apostrophe ("S GRAVENHAGE").
        teken = "-" if match.group(1) == "S" and not naam.startswith("'") else match.group(2)
        voorvoegsel = f"'{match.group(1).lower()}{teken}"
        naam = match.group(3)
    woorden = []
    for i, woord in enumerate(naam.split(" ")):
        delen = woord.split("-")
        woorden.append(
            "-".join(_woord(deel, eerste=(i == 0 or j > 0)) for j, deel in enumerate(delen))
        )
    resultaat = " ".join(woorden)
    if voorvoegsel:
        resultaat = resultaat[:1].upper() + resultaat[1:]
    return voorvoegsel + resultaat


# --- Reading ------------------------------------------------------------------------------


def _bestandsfout(melding: str, rij: int = 0, kolom: str = "") -> ImportMislukt:
    return ImportMislukt([Importfout(rij, kolom, "", melding)])


def vestigingen_lezen(bron: bytes, bestandsnaam: str) -> list[Vestigingsrecord]:
    """The locations in a DUO CSV or a GeoJSON file, or ``ImportMislukt`` with all bad rows.

    See the module docstring for the formats and the row-number convention.
    """
    inhoud = bron.lstrip(codecs.BOM_UTF8).lstrip()
    if not inhoud:
        raise _bestandsfout("Het bestand is leeg.")
    if bestandsnaam.lower().endswith((".json", ".geojson")) or inhoud[:1] in (b"{", b"["):
        records = _geojson_lezen(bron)
    else:
        records = _csv_lezen(_tekst(bron))
    if not records:
        raise _bestandsfout("Het bestand bevat geen vestigingen.")
    return records


def _tekst(bron: bytes) -> str:
    if bron.startswith(codecs.BOM_UTF8):
        bron = bron[len(codecs.BOM_UTF8) :]
    try:
        return bron.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return bron.decode("cp1252")
    except UnicodeDecodeError as fout:
        melding = f"Het bestand is geen tekst in windows-1252 of UTF-8 ({fout.reason})."
        raise _bestandsfout(melding) from None


class _Rij:
    """Collects one row's values and its errors."""

    def __init__(self, rij: int, fouten: list[Importfout]) -> None:
        self.rij = rij
        self.fouten = fouten
        self.goed = True

    def fout(self, kolom: str, waarde: object, melding: str) -> None:
        self.goed = False
        self.fouten.append(
            Importfout(self.rij, kolom, "" if waarde is None else str(waarde), melding)
        )


def _lengtes_controleren(regel: _Rij, waarden: dict[str, Any], kolommen: dict[str, str]) -> None:
    for veld, maximum in MAXIMALE_LENGTE.items():
        waarde = waarden.get(veld)
        if isinstance(waarde, str) and len(waarde) > maximum:
            regel.fout(kolommen.get(veld, veld), waarde, f"Te lang: hoogstens {maximum} tekens.")


def _code_controleren(
    regel: _Rij, kolom: str, waarde: str, brin: str, brinkolom: str
) -> str | None:
    """A full 6-character vestigingscode, or None (error noted). '3' or '03' gets the BRIN."""
    code = waarde.strip().upper()
    if not code:
        regel.fout(kolom, waarde, "De vestigingscode ontbreekt.")
        return None
    if code.isdigit() and len(code) <= 2 and BRIN.match(brin):
        code = brin + code.zfill(2)
    if not VESTIGINGSCODE.match(code):
        regel.fout(
            kolom, waarde, "Een vestigingscode is het BRIN-nummer plus 2 cijfers, zoals 12AB00."
        )
        return None
    if brin and code[:4] != brin:
        regel.fout(brinkolom, brin, f"De vestigingscode {code} begint niet met dit BRIN-nummer.")
        return None
    return code


def _brin_controleren(regel: _Rij, kolom: str, waarde: str) -> str:
    brin = waarde.strip().upper()
    if brin and not BRIN.match(brin):
        regel.fout(kolom, waarde, "Een BRIN-nummer is 2 cijfers en 2 letters, zoals 12AB.")
    return brin


def _postcode_controleren(regel: _Rij, kolom: str, waarde: str) -> str | None:
    if not waarde.strip():
        regel.fout(kolom, waarde, "De postcode ontbreekt.")
        return None
    postcode = normaliseer_postcode(waarde)
    if postcode is None:
        regel.fout(
            kolom, waarde, "Dit is geen postcode. Gebruik 4 cijfers en 2 letters, zoals 5831 CR."
        )
    return postcode


# --- DUO CSV ------------------------------------------------------------------------------

#: Field -> the header names DUO has used for it (after normalising the header).
CSV_KOLOMMEN: dict[str, tuple[str, ...]] = {
    "vestigingscode": ("VESTIGINGSCODE", "VESTIGINGSNUMMER", "VESTIGINGS NUMMER"),
    "brin": ("INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER", "BRIN"),
    "naam": ("VESTIGINGSNAAM", "INSTELLINGSNAAM VESTIGING", "INSTELLINGSNAAM"),
    "instellingsnaam": ("INSTELLINGSNAAM",),
    "bevoegd_gezag_nummer": ("BEVOEGD GEZAG NUMMER",),
    "bevoegd_gezag_naam": ("BEVOEGD GEZAG NAAM",),
    "straat": ("STRAATNAAM",),
    "huisnummer": ("HUISNUMMER-TOEVOEGING", "HUISNUMMER"),
    "postcode": ("POSTCODE",),
    "plaats": ("PLAATSNAAM",),
    "gemeentecode": ("GEMEENTENUMMER", "GEMEENTECODE"),
    "gemeentenaam": ("GEMEENTENAAM",),
    "provincie": ("PROVINCIE",),
    "denominatie": ("DENOMINATIE",),
    "internetadres": ("INTERNETADRES",),
    "onderwijsstructuur": ("ONDERWIJSSTRUCTUUR",),
    "soort_po": ("SOORT PRIMAIR ONDERWIJS",),
}
CSV_VERPLICHT = ("vestigingscode", "brin", "naam", "postcode", "plaats")


def _kopnaam(kop: str) -> str:
    """'Huisnummer - toevoeging ' -> 'HUISNUMMER-TOEVOEGING'."""
    kop = re.sub(r"\s+", " ", kop.strip().strip('"').upper())
    return re.sub(r"\s*-\s*", "-", kop)


def _csv_lezen(tekst: str) -> list[Vestigingsrecord]:
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if ";" in eerste_regel else ("\t" if "\t" in eerste_regel else ",")
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    kop = next(lezer, [])
    koppen = [_kopnaam(k) for k in kop]
    positie: dict[str, int] = {}
    for veld, namen in CSV_KOLOMMEN.items():
        for naam in namen:
            if naam in koppen:
                positie[veld] = koppen.index(naam)
                break
    if positie.get("naam") is not None and positie.get("naam") == positie.get("instellingsnaam"):
        # An older VO list with only INSTELLINGSNAAM: it names the location too.
        del positie["instellingsnaam"]
    ontbrekend = [veld for veld in CSV_VERPLICHT if veld not in positie]
    if ontbrekend:
        raise ImportMislukt(
            [
                Importfout(
                    1,
                    CSV_KOLOMMEN[veld][0],
                    "",
                    f"De kolom {' of '.join(CSV_KOLOMMEN[veld][:2])} ontbreekt in de kopregel.",
                )
                for veld in ontbrekend
            ]
        )
    kolomnaam = {veld: kop[i].strip() for veld, i in positie.items()}

    fouten: list[Importfout] = []
    records: list[Vestigingsrecord] = []
    for cellen in lezer:
        if not any(c.strip() for c in cellen):
            continue
        regel = _Rij(lezer.line_num, fouten)

        def waarde(veld: str, cellen: list[str] = cellen) -> str | None:
            i = positie.get(veld)
            if i is None:
                return None
            return cellen[i].strip() if i < len(cellen) else ""

        record = _csv_record(regel, waarde, kolomnaam)
        if record is not None and regel.goed:
            records.append(record)
    fouten.extend(_dubbele_vinden(records, kolomnaam.get("vestigingscode", "VESTIGINGSCODE")))
    fouten.extend(_tegenstrijdig(records, kolomnaam))
    if fouten:
        raise ImportMislukt(sorted(fouten, key=lambda f: f.rij))
    return records


def _csv_record(
    regel: _Rij, waarde: Callable[[str], str | None], kolom: dict[str, str]
) -> Vestigingsrecord | None:
    brin = _brin_controleren(regel, kolom["brin"], waarde("brin") or "")
    code = _code_controleren(
        regel, kolom["vestigingscode"], waarde("vestigingscode") or "", brin, kolom["brin"]
    )
    naam = waarde("naam") or ""
    if not naam:
        regel.fout(kolom["naam"], naam, "De naam van de vestiging ontbreekt.")
    postcode = _postcode_controleren(regel, kolom["postcode"], waarde("postcode") or "")

    soort_po, structuur = waarde("soort_po"), waarde("onderwijsstructuur")
    if soort_po is not None:
        soort = soort_primair_onderwijs(soort_po)
        soort_en_structuur = (soort, "") if soort else None
        if soort is None:
            regel.fout(
                kolom["soort_po"], soort_po, "Onbekende soort. Verwacht: SBAO, SO, VSO of (V)SO."
            )
    elif structuur is not None:
        soort_en_structuur = soort_van_onderwijsstructuur(structuur)
        if soort_en_structuur is None:
            regel.fout(
                kolom["onderwijsstructuur"],
                structuur,
                "Onbekende onderwijsstructuur. Verwacht bijvoorbeeld PRO, VBO/MAVO of HAVO/VWO.",
            )
    else:
        soort_en_structuur = (Soort.BAO, "")

    gemeentecode = waarde("gemeentecode")
    if gemeentecode:
        code_normaal = normaliseer_gemeentecode(gemeentecode)
        if code_normaal is None:
            regel.fout(
                kolom["gemeentecode"],
                gemeentecode,
                "Een gemeentenummer is 1 tot 4 cijfers, zoals 0756.",
            )
        gemeentecode = code_normaal
    gemeentenaam = leesbare_naam(waarde("gemeentenaam") or "") or None
    if gemeentecode and not gemeentenaam:
        regel.fout(
            kolom.get("gemeentenaam", "GEMEENTENAAM"), "", "De naam van de gemeente ontbreekt."
        )

    nummer = waarde("bevoegd_gezag_nummer") or None
    if nummer is not None and not BEVOEGD_GEZAG_NUMMER.match(nummer):
        regel.fout(
            kolom["bevoegd_gezag_nummer"], nummer, "Een bevoegd-gezagnummer is 1 tot 6 cijfers."
        )
    plaats = waarde("plaats")
    velden: dict[str, Any] = {
        "naam": naam,
        "instellingsnaam": waarde("instellingsnaam") or None,
        "bevoegd_gezag_nummer": nummer,
        "bevoegd_gezag_naam": waarde("bevoegd_gezag_naam") or None,
        "gemeentecode": gemeentecode or None,
        "gemeentenaam": gemeentenaam,
        "denominatie": waarde("denominatie"),
        "straat": waarde("straat"),
        "huisnummer": waarde("huisnummer"),
        "postcode": postcode,
        "plaats": leesbare_naam(plaats) if plaats is not None else None,
        "provincie": waarde("provincie"),
        "internetadres": waarde("internetadres"),
        "onderwijsstructuur": soort_en_structuur[1] if soort_en_structuur else "",
    }
    _lengtes_controleren(regel, velden, kolom)
    if not regel.goed or code is None or soort_en_structuur is None:
        return None
    return Vestigingsrecord(
        rij=regel.rij, vestigingscode=code, brin=code[:4], soort=soort_en_structuur[0], **velden
    )


# --- GeoJSON ------------------------------------------------------------------------------


def _geojson_lezen(bron: bytes) -> list[Vestigingsrecord]:
    try:
        data = json.loads(bron.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _bestandsfout("Een GeoJSON-bestand moet in UTF-8 zijn.") from None
    except json.JSONDecodeError as fout:
        melding = f"Dit is geen geldige JSON (regel {fout.lineno}): {fout.msg}."
        raise _bestandsfout(melding, rij=fout.lineno) from None
    if (
        not isinstance(data, dict)
        or data.get("type") != "FeatureCollection"
        or not isinstance(data.get("features"), list)
    ):
        raise _bestandsfout("Verwacht een GeoJSON FeatureCollection met features.", kolom="type")

    fouten: list[Importfout] = []
    records: list[Vestigingsrecord] = []
    for nummer, feature in enumerate(data["features"], start=1):
        regel = _Rij(nummer, fouten)
        record = _geojson_record(regel, feature)
        if record is not None and regel.goed:
            records.append(record)
    records, dubbel = _dubbele_samenvoegen(records)
    fouten.extend(dubbel)
    fouten.extend(_tegenstrijdig(records, {}))
    if fouten:
        raise ImportMislukt(sorted(fouten, key=lambda f: f.rij))
    return records


def _tekstwaarde(eigenschappen: dict[str, Any], naam: str) -> str | None:
    waarde = eigenschappen.get(naam)
    if waarde is None:
        return None
    return str(waarde).strip()


def _geojson_record(regel: _Rij, feature: Any) -> Vestigingsrecord | None:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        regel.fout("properties", "", "Deze feature heeft geen properties.")
        return None
    p: dict[str, Any] = feature["properties"]
    brin = _brin_controleren(regel, "brin_nummer", _tekstwaarde(p, "brin_nummer") or "")
    code = _code_controleren(
        regel, "vestigingscode", _tekstwaarde(p, "vestigingscode") or "", brin, "brin_nummer"
    )
    naam = _tekstwaarde(p, "naam") or ""
    if not naam:
        regel.fout("naam", "", "De naam van de vestiging ontbreekt.")
    soorttype = _tekstwaarde(p, "type") or ""
    soort_en_structuur = soort_van_type(soorttype)
    if soort_en_structuur is None:
        regel.fout(
            "type",
            soorttype,
            "Onbekende soort. Verwacht bijvoorbeeld basisschool, SBAO, SO, VSO, (V)SO, PRO of VBO/MAVO.",
        )
    postcode = _postcode_controleren(regel, "postcode", _tekstwaarde(p, "postcode") or "")
    huisnummer = _huisnummer(regel, p)
    leerlingen = _leerlingen(regel, p.get("leerlingen"))
    breedtegraad, lengtegraad = _punt(regel, feature.get("geometry"))
    gemeentenaam = leesbare_naam(_tekstwaarde(p, "gemeente") or "") or None
    plaats = _tekstwaarde(p, "plaats")
    velden: dict[str, Any] = {
        "naam": naam,
        "gemeentenaam": gemeentenaam,
        "denominatie": _tekstwaarde(p, "denominatie"),
        "straat": _tekstwaarde(p, "straat"),
        "huisnummer": huisnummer,
        "postcode": postcode,
        "plaats": leesbare_naam(plaats) if plaats is not None else None,
        "provincie": _tekstwaarde(p, "provincie"),
        "internetadres": _tekstwaarde(p, "internetadres"),
        "onderwijsstructuur": soort_en_structuur[1] if soort_en_structuur else "",
    }
    kolommen = {
        "gemeentenaam": "gemeente",
        "straat": "straat",
        "plaats": "plaats",
        "naam": "naam",
        "onderwijsstructuur": "type",
    }
    _lengtes_controleren(regel, velden, kolommen)
    if not regel.goed or code is None or soort_en_structuur is None:
        return None
    return Vestigingsrecord(
        rij=regel.rij,
        vestigingscode=code,
        brin=code[:4],
        soort=soort_en_structuur[0],
        breedtegraad=breedtegraad,
        lengtegraad=lengtegraad,
        leerlingenaantal=leerlingen,
        **velden,
    )


def _huisnummer(regel: _Rij, p: dict[str, Any]) -> str | None:
    """huisnummer 197 + huisletter 'B' + toevoeging '2' -> '197B-2' (the BAG's parts)."""
    nummer = p.get("huisnummer")
    if nummer is None:
        return None
    if isinstance(nummer, bool) or not re.fullmatch(r"\d{1,5}", str(nummer).strip()):
        regel.fout("huisnummer", nummer, "Een huisnummer is een geheel getal.")
        return None
    letter = _tekstwaarde(p, "huisletter") or ""
    toevoeging = _tekstwaarde(p, "huisnummertoevoeging") or ""
    return f"{str(nummer).strip()}{letter}" + (f"-{toevoeging}" if toevoeging else "")


def _leerlingen(regel: _Rij, waarde: Any) -> int | None:
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    geheel = (isinstance(waarde, int) and not isinstance(waarde, bool)) or (
        isinstance(waarde, float) and waarde.is_integer()
    )
    if isinstance(waarde, str) and re.fullmatch(r"-?\d+", waarde.strip()):
        geheel = True
    aantal = int(waarde) if geheel else None
    if aantal is None or aantal < 0:
        regel.fout("leerlingen", waarde, "Het aantal leerlingen is een geheel getal van 0 of meer.")
        return None
    return aantal


def _punt(regel: _Rij, geometrie: Any) -> tuple[float | None, float | None]:
    """GeoJSON Point [lon, lat] -> (breedtegraad, lengtegraad); no geometry -> (None, None)."""
    if geometrie is None:
        return None, None
    coordinaten = geometrie.get("coordinates") if isinstance(geometrie, dict) else None
    if (
        not isinstance(geometrie, dict)
        or geometrie.get("type") != "Point"
        or not isinstance(coordinaten, list)
        or len(coordinaten) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinaten[:2])
    ):
        regel.fout(
            "geometry",
            json.dumps(geometrie)[:80],
            'Verwacht een punt: {"type": "Point", "coordinates": [lengte, breedte]}.',
        )
        return None, None
    lengtegraad, breedtegraad = float(coordinaten[0]), float(coordinaten[1])
    if not (math.isfinite(breedtegraad) and -90 <= breedtegraad <= 90):
        regel.fout("geometry", breedtegraad, "De breedtegraad moet tussen -90 en 90 liggen.")
    if not (math.isfinite(lengtegraad) and -180 <= lengtegraad <= 180):
        regel.fout("geometry", lengtegraad, "De lengtegraad moet tussen -180 en 180 liggen.")
    return breedtegraad, lengtegraad


# --- Checks across rows -------------------------------------------------------------------


def _dubbele_vinden(records: Iterable[Vestigingsrecord], kolom: str) -> list[Importfout]:
    """Every repeated vestigingscode, naming the row where it first appeared."""
    eerste: dict[str, int] = {}
    fouten = []
    for record in records:
        if record.vestigingscode in eerste:
            fouten.append(
                Importfout(
                    record.rij,
                    kolom,
                    record.vestigingscode,
                    f"Deze vestigingscode staat ook in rij {eerste[record.vestigingscode]}.",
                )
            )
        else:
            eerste[record.vestigingscode] = record.rij
    return fouten


#: What may differ between two GeoJSON features of one location (the geocoding's address).
ADRESPUNT = frozenset({"rij", "samengevoegd", "huisnummer", "breedtegraad", "lengtegraad"})


def _dubbele_samenvoegen(
    records: list[Vestigingsrecord],
) -> tuple[list[Vestigingsrecord], list[Importfout]]:
    """The GeoJSON repeats some locations once per BAG address of their building (e.g.
    Velddreef 322 and 326): same code, same data, another house number and point. Those
    rows are merged into the first one. A repeated code with other data is an error."""
    eerste: dict[str, int] = {}
    uitkomst: list[Vestigingsrecord] = []
    fouten = []
    for record in records:
        index = eerste.get(record.vestigingscode)
        if index is None:
            eerste[record.vestigingscode] = len(uitkomst)
            uitkomst.append(record)
            continue
        origineel = uitkomst[index]
        anders = [
            f.name
            for f in fields(Vestigingsrecord)
            if f.name not in ADRESPUNT and getattr(record, f.name) != getattr(origineel, f.name)
        ]
        if anders:
            fouten.append(
                Importfout(
                    record.rij,
                    "vestigingscode",
                    record.vestigingscode,
                    f"Deze vestigingscode staat ook in rij {origineel.rij}, met andere gegevens ({', '.join(anders)}).",
                )
            )
        else:
            uitkomst[index] = replace(origineel, samengevoegd=(*origineel.samengevoegd, record.rij))
    return uitkomst, fouten


#: (key, value, label) checks: one instelling has one bevoegd gezag and one name, one
#: bevoegd gezag one name, one gemeentenummer one name.
_EENDUIDIG = (
    (
        "brin",
        "bevoegd_gezag_nummer",
        "bevoegd_gezag_nummer",
        "Deze instelling heeft in rij {rij} een ander bevoegd gezag ({andere}).",
    ),
    (
        "brin",
        "instellingsnaam",
        "instellingsnaam",
        "Deze instelling heeft in rij {rij} een andere naam ({andere}).",
    ),
    (
        "bevoegd_gezag_nummer",
        "bevoegd_gezag_naam",
        "bevoegd_gezag_naam",
        "Dit bevoegd gezag heeft in rij {rij} een andere naam ({andere}).",
    ),
    (
        "gemeentecode",
        "gemeentenaam",
        "gemeentenaam",
        "Dit gemeentenummer heeft in rij {rij} een andere naam ({andere}).",
    ),
    (
        "gemeentenaam",
        "gemeentecode",
        "gemeentecode",
        "Deze gemeente heeft in rij {rij} een ander nummer ({andere}).",
    ),
)


def _tegenstrijdig(records: list[Vestigingsrecord], kolom: dict[str, str]) -> list[Importfout]:
    fouten = []
    for sleutel, veld, kolomveld, melding in _EENDUIDIG:
        gezien: dict[str, tuple[str, int]] = {}
        for record in records:
            k, v = getattr(record, sleutel), getattr(record, veld)
            if not k or v is None:
                continue
            if k not in gezien:
                gezien[k] = (v, record.rij)
            elif gezien[k][0] != v:
                fouten.append(
                    Importfout(
                        record.rij,
                        kolom.get(kolomveld, kolomveld),
                        v,
                        melding.format(rij=gezien[k][1], andere=gezien[k][0]),
                    )
                )
    return fouten
