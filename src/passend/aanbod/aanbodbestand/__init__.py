"""The CSV file of a region's support offer: what the SWV's import reads and its export
writes. Pure: bytes in, rows and errors out (rows in, text out); no ORM, no today().

The format (also explained on the import page):

* ``;``-separated, a header on the first line, one row per location × school year × area;
  UTF-8 (with or without a byte-order mark) or windows-1252, as Excel and DUO write them;
* required columns ``vestigingscode;schooljaar;gebied;basisondersteuning;
  extra_ondersteuning;expertise;faciliteiten;capaciteit``; optional ``toelichting`` and
  ``contact`` (per location and school year: every row of a location carries the same
  value, empty cells are allowed; without the column the offer keeps its own), and
  ``vestigingsnaam`` (for people reading the file; never read). Columns may be in any
  order; header names are matched without regard to case, spaces or underscores;
* ``gebied``: the code or the name of an area; ``faciliteiten``: codes or labels separated
  by ``|``; ``capaciteit``: a whole number or empty;
* a text that starts with ``=``, ``+``, ``-`` or ``@`` is written with a leading ``'`` so a
  spreadsheet does not run it as a formula; reading removes that one ``'`` again, so what
  the export writes the import reads back unchanged.

Row numbers are the rows a spreadsheet shows: the header is row 1, the first data row 2.
Row 0 stands for the file as a whole.

Modules: ``kolommen`` (columns, limits, a row and a problem as data, encodings, the formula
guard is ``core.csvbestand``), ``lezen`` (reading, with every problem per row and column), ``schrijven`` (writing).
"""

from passend.aanbod.aanbodbestand.kolommen import (
    KOLOMMEN,
    LIJSTSCHEIDING,
    MAX_CAPACITEIT,
    MAX_CONTACT,
    MAX_TEKST,
    MAXIMAAL_REGELS,
    PER_VESTIGING,
    SCHEIDINGSTEKEN,
    TEKSTKOLOMMEN,
    TER_INFORMATIE,
    VERPLICHT,
    Aanbodregel,
    Bestandsfout,
    Keuzelijst,
)
from passend.aanbod.aanbodbestand.lezen import (
    Leesresultaat,
    bestand_lezen,
    gedeelde_waarde,
    per_vestiging,
)
from passend.aanbod.aanbodbestand.schrijven import bestand_schrijven
from passend.core.csvbestand import (
    FORMULETEKENS,
    formule_afschermen,
    formule_ontschermen,
    tekst_van,
)

__all__ = [
    "FORMULETEKENS",
    "KOLOMMEN",
    "LIJSTSCHEIDING",
    "MAXIMAAL_REGELS",
    "MAX_CAPACITEIT",
    "MAX_CONTACT",
    "MAX_TEKST",
    "PER_VESTIGING",
    "SCHEIDINGSTEKEN",
    "TEKSTKOLOMMEN",
    "TER_INFORMATIE",
    "VERPLICHT",
    "Aanbodregel",
    "Bestandsfout",
    "Keuzelijst",
    "Leesresultaat",
    "bestand_lezen",
    "bestand_schrijven",
    "formule_afschermen",
    "formule_ontschermen",
    "gedeelde_waarde",
    "per_vestiging",
    "tekst_van",
]
