"""Reading the entered posts of a concept budget from a CSV file (a spreadsheet export).

The file has the columns ``soort``, ``omschrijving`` and ``bedrag`` (a header row first),
separated by ``;`` or ``,``, in UTF-8 (with or without a byte-order mark) or windows-1252.
``soort`` is the code (``lichte_ondersteuning``) or the name ("Rijksbijdrage lichte
ondersteuning") of an entered kind of post; ``bedrag`` is written as people type it
("1.234.567,89"). What the file holds replaces every entered post of the budget; the
computed posts stay. All or nothing: one error and nothing is saved; every error is
reported per row and column in Dutch.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from passend.core.bedragen import bedrag_lezen
from passend.core.csvbestand import formule_ontschermen, tekst_van
from passend.middelen.models import Begroting
from passend.middelen.rules import BEREKENDE_POSTEN, Postsoort
from passend.middelen.services.begroting import ingevoerde_posten_vervangen, invoer_fouten

KOLOMMEN = ("soort", "omschrijving", "bedrag")
MAXIMAAL_REGELS = 1_000
MAXIMALE_GROOTTE = 1_000_000  # bytes

#: The kinds of post a file may hold: (code, name).
INVOERSOORTEN = tuple(
    (str(code), str(label)) for code, label in Postsoort.choices if code not in BEREKENDE_POSTEN
)


class ImportMislukt(Exception):
    """The file was not read: every problem, nothing saved."""

    def __init__(self, fouten: list[str]) -> None:
        super().__init__(f"{len(fouten)} fout(en) in het bestand")
        self.fouten = fouten


@dataclass(frozen=True)
class Importresultaat:
    posten: int
    totaal: Decimal


def _soort_van(waarde: str) -> str | None:
    gezocht = " ".join(waarde.split()).casefold()
    for code, label in Postsoort.choices:
        if gezocht in (str(code).casefold(), str(label).casefold()):
            return str(code)
    return None


def posten_lezen(bron: bytes) -> list[tuple[str, str, Decimal]]:
    """The rows of the file as (soort, omschrijving, bedrag), or ``ImportMislukt`` with
    every problem ("Regel 3, kolom bedrag: ...", row 1 is the header)."""
    if len(bron) > MAXIMALE_GROOTTE:
        raise ImportMislukt(["Het bestand is te groot. Lees hoogstens 1 MB in."])
    tekst = tekst_van(bron)
    if tekst is None:
        raise ImportMislukt(["Het bestand is geen tekst in UTF-8 of windows-1252."])
    regels = tekst.splitlines()
    if not regels or not regels[0].strip():
        raise ImportMislukt(
            [f"Het bestand is leeg. De eerste regel noemt de kolommen: {';'.join(KOLOMMEN)}."]
        )
    scheiding = ";" if ";" in regels[0] else ","
    lezer = _rijen(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    kop = [k.strip().casefold() for k in next(lezer)]
    ontbrekend = [k for k in KOLOMMEN if k not in kop]
    if ontbrekend:
        raise ImportMislukt(
            [
                f"Regel 1: de kolom{'men' if len(ontbrekend) > 1 else ''} "
                f"{', '.join(ontbrekend)} ontbre{'ken' if len(ontbrekend) > 1 else 'ekt'}. "
                f"De eerste regel noemt de kolommen: {';'.join(KOLOMMEN)}."
            ]
        )
    plek = {k: kop.index(k) for k in KOLOMMEN}
    fouten: list[str] = []
    posten: list[tuple[str, str, Decimal]] = []
    for nummer, rij in enumerate(lezer, start=2):
        if not any(cel.strip() for cel in rij):
            continue
        if len(posten) >= MAXIMAAL_REGELS:
            fouten.append(f"Het bestand heeft meer dan {MAXIMAAL_REGELS} posten.")
            break
        cellen = {k: (rij[i].strip() if i < len(rij) else "") for k, i in plek.items()}
        soort = _soort_van(cellen["soort"])
        omschrijving = formule_ontschermen(cellen["omschrijving"])
        bedrag = bedrag_lezen(cellen["bedrag"]) if len(cellen["bedrag"]) <= 25 else None
        rijfouten: dict[str, str] = {}
        if not cellen["soort"]:
            rijfouten["soort"] = "vul de soort post in."
        elif soort is None:
            rijfouten["soort"] = f"onbekende soort “{cellen['soort'][:60]}”."
        if not cellen["bedrag"]:
            rijfouten["bedrag"] = "vul een bedrag in."
        elif bedrag is None:
            rijfouten["bedrag"] = (
                f"“{cellen['bedrag'][:30]}” is geen bedrag. Schrijf het als 1.234.567,89."
            )
        if not rijfouten:
            for veld, melding in invoer_fouten(soort, omschrijving, bedrag).items():
                rijfouten[veld] = melding[:1].lower() + melding[1:]
        for veld in KOLOMMEN:
            if veld in rijfouten:
                fouten.append(f"Regel {nummer}, kolom {veld}: {rijfouten[veld]}")
        if not rijfouten and soort is not None and bedrag is not None:
            posten.append((soort, omschrijving, bedrag))
    if fouten:
        raise ImportMislukt(fouten)
    if not posten:
        raise ImportMislukt(["Het bestand heeft geen posten onder de kopregel."])
    return posten


def _rijen(lezer: Any) -> Iterator[list[str]]:
    """The rows of the CSV reader; a broken file (a cell longer than the csv module's
    limit, a NUL byte, …) is an ``ImportMislukt`` naming the line, never a crash."""
    while True:
        try:
            rij = next(lezer)
        except StopIteration:
            return
        except csv.Error as fout:
            raise ImportMislukt(
                [
                    f"Regel {lezer.line_num}: het bestand is geen geldig CSV-bestand "
                    f"({str(fout)[:100]}). Is een cel te lang of staat er een teken in dat "
                    "niet in een CSV-bestand hoort?"
                ]
            ) from None
        yield rij


def posten_importeren(
    *, actor: Any, begroting: Begroting, revisie: int, bron: bytes, route: str = ""
) -> Importresultaat:
    """Replace the entered posts of the concept budget by the file's (all or nothing)."""
    posten = posten_lezen(bron)
    try:
        ingevoerde_posten_vervangen(
            actor=actor,
            begroting=begroting,
            revisie=revisie,
            posten=posten,
            route=route,
            reden=f"{len(posten)} posten ingelezen uit een bestand",
        )
    except ValidationError as fout:
        raise ImportMislukt([m for m in fout.messages]) from fout
    return Importresultaat(posten=len(posten), totaal=sum((p[2] for p in posten), Decimal(0)))
