"""Downloads of the monitor's figures: CSV (``;``, UTF-8 with a byte-order mark) and XLSX.

Both guard against formulas: a text cell starting with ``=``, ``+``, ``-`` or ``@`` gets a
leading ``'`` (``passend.core.csvbestand.formule_afschermen``), so a spreadsheet shows it
as text. In XLSX numbers stay numbers (int, Decimal, float) and everything else is text.
"""

import csv
import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

from passend.core.csvbestand import formule_afschermen


def _tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, Decimal | float):
        return str(waarde).replace(".", ",")
    return str(waarde)


def csv_inhoud(kop: Sequence[str], rijen: Sequence[Sequence[object]]) -> bytes:
    """A CSV file for spreadsheets: ``;``-separated, UTF-8 with a byte-order mark, decimal
    commas, and no cell a spreadsheet would read as a formula."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([formule_afschermen(str(k)) for k in kop])
    for rij in rijen:
        schrijver.writerow(
            [
                _tekst(w) if isinstance(w, int | Decimal | float) else formule_afschermen(_tekst(w))
                for w in rij
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_inhoud(kop: Sequence[str], rijen: Sequence[Sequence[object]], *, titel: str) -> bytes:
    """An XLSX workbook with one sheet (``titel``, at most 31 characters): numbers as
    numbers, everything else as text (formula-guarded, never a formula)."""
    werkboek = Workbook()
    blad = werkboek.active
    assert blad is not None  # a new workbook has one sheet
    blad.title = "".join(c for c in titel if c not in "[]:*?/\\")[:31] or "Kengetallen"
    alle: list[list[object]] = [list(kop), *[list(x) for x in rijen]]
    for r, rij in enumerate(alle, start=1):
        for k, waarde in enumerate(rij, start=1):
            cel = blad.cell(row=r, column=k)
            if isinstance(waarde, bool):
                cel.value = "ja" if waarde else "nee"
                cel.data_type = TYPE_STRING
            elif isinstance(waarde, int | float):
                cel.value = waarde
            elif isinstance(waarde, Decimal):
                cel.value = float(waarde)
            else:
                cel.value = formule_afschermen(_tekst(waarde) if r > 1 else str(waarde))
                cel.data_type = TYPE_STRING
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()
