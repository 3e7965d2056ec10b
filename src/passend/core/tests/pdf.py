"""Reading the PDFs Passend makes, in tests: the text as a reader gets it, the document
information and tag structure, and the raw objects for the PDF/UA markers.

Text and structure come from poppler-utils (``pdftotext``, ``pdfinfo``), installed by
`make test` (scripts/systeempakketten.sh). Every test uses these helpers, so the one call
of an outside program lives here.
"""

import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

#: Long enough for any letter; a hanging program fails the test instead of the run.
WACHTTIJD_SECONDEN = 30


def _poppler(programma: str, opties: tuple[str, ...], inhoud: bytes, *, uitvoer: bool) -> str:
    """Run a poppler program on the PDF ``inhoud`` (written to a temporary file) and return
    what it prints."""
    with tempfile.TemporaryDirectory(prefix="passend-pdf-") as map_:
        bestand = Path(map_) / "document.pdf"
        bestand.write_bytes(inhoud)
        argumenten = [shutil.which(programma) or programma, *opties, str(bestand)]
        if uitvoer:
            argumenten.append("-")  # pdftotext: write the text to stdout
        # A fixed poppler program (not a shell) on a file this function just wrote.
        resultaat = subprocess.run(  # noqa: S603
            argumenten,
            capture_output=True,
            check=True,
            text=True,
            timeout=WACHTTIJD_SECONDEN,
        )
    return resultaat.stdout


def pdf_tekst(inhoud: bytes) -> str:
    """The PDF's text (UTF-8) with every run of white space as one space, so a test can
    look for a sentence whatever the line breaks."""
    return " ".join(_poppler("pdftotext", ("-enc", "UTF-8"), inhoud, uitvoer=True).split())


def pdf_info(inhoud: bytes, *opties: str) -> str:
    """What ``pdfinfo`` says (title, ``Tagged: yes``, ...); with ``"-struct-text"`` the tag
    structure with its text."""
    return _poppler("pdfinfo", opties, inhoud, uitvoer=False)


def pdf_ontrold(inhoud: bytes) -> bytes:
    """The PDF with every compressed stream inflated (object streams hold the catalog, so
    the PDF/UA markers are found here)."""
    delen = [inhoud]
    for stroom in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", inhoud, re.DOTALL):
        try:
            delen.append(zlib.decompress(stroom.group(1)))
        except zlib.error:
            continue
    return b"\n".join(delen)
