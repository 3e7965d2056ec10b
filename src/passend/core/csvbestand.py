"""CSV files for spreadsheets, shared by every export: cells a spreadsheet would read as a
formula are neutralised (CSV injection), and downloads are UTF-8 with a byte-order mark so
that Excel reads the accents."""

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
