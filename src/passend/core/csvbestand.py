"""CSV files for spreadsheets, shared by every export and import: cells a spreadsheet would
read as a formula are neutralised (CSV injection), downloads are UTF-8 with a byte-order mark
so that Excel reads the accents, and an uploaded file is read as UTF-8 or windows-1252."""

import codecs

from django.http import HttpResponse

#: A cell starting with one of these is read as a formula by spreadsheets.
FORMULETEKENS = frozenset("=+-@\t\r")


def formule_afschermen(waarde: str) -> str:
    """Put a ``'`` before a text a spreadsheet would read as a formula (CSV injection)."""
    if waarde and waarde.lstrip("'")[:1] in FORMULETEKENS and waarde.lstrip("'"):
        return "'" + waarde
    return waarde


def formule_ontschermen(waarde: str) -> str:
    """Remove the ``'`` an export put before a text that starts like a formula."""
    if waarde.startswith("'") and waarde.lstrip("'")[:1] in FORMULETEKENS and waarde.lstrip("'"):
        return waarde[1:]
    return waarde


def csv_download(tekst: str, bestandsnaam: str) -> HttpResponse:
    """A CSV download in UTF-8 with a byte-order mark (so Excel reads the accents)."""
    antwoord = HttpResponse(
        ("\ufeff" + tekst).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return antwoord


def tekst_van(bron: bytes) -> str | None:
    """An uploaded file as text: UTF-8 (a byte-order mark is dropped), else windows-1252 (what
    Excel writes); None when it is neither."""
    if bron.startswith(codecs.BOM_UTF8):
        bron = bron[len(codecs.BOM_UTF8) :]
    try:
        return bron.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return bron.decode("cp1252")
    except UnicodeDecodeError:
        return None
