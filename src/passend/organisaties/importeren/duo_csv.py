"""Reading DUO's CSV (see the package docstring for the format)."""

import codecs
import csv
import io
import re
from collections.abc import Callable
from typing import Any

from passend.organisaties.importeren.controles import (
    _brin_controleren,
    _code_controleren,
    _lengtes_controleren,
    _postcode_controleren,
    _Rij,
)
from passend.organisaties.importeren.dubbelen import _dubbele_vinden, _tegenstrijdig
from passend.organisaties.importeren.namen import leesbare_naam
from passend.organisaties.importeren.resultaat import (
    Importfout,
    ImportMislukt,
    Vestigingsrecord,
    _bestandsfout,
)
from passend.organisaties.importeren.soorten import (
    soort_primair_onderwijs,
    soort_van_onderwijsstructuur,
)
from passend.organisaties.rules import BEVOEGD_GEZAG_NUMMER, Soort, normaliseer_gemeentecode


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
    try:
        return _csv_rijen_lezen(lezer)
    except csv.Error as fout:
        melding = f"Deze regel is geen geldige CSV ({fout})."
        raise _bestandsfout(melding, rij=lezer.line_num) from None


def _csv_rijen_lezen(lezer: Any) -> list[Vestigingsrecord]:
    kop: list[str] = next(lezer, [])
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
    dubbel = _dubbele_vinden(records, kolomnaam["vestigingscode"])
    fouten.extend(dubbel)
    dubbele_rijen = {f.rij for f in dubbel}
    enkel = [r for r in records if r.rij not in dubbele_rijen]
    fouten.extend(_tegenstrijdig(enkel, kolomnaam))
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
