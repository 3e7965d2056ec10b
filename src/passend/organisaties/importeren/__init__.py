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

from passend.organisaties.importeren.dubbelen import ADRESPUNT
from passend.organisaties.importeren.duo_csv import CSV_KOLOMMEN, CSV_VERPLICHT, _csv_lezen, _tekst
from passend.organisaties.importeren.geojson import _geojson_lezen
from passend.organisaties.importeren.namen import BIJZONDERE_NAMEN, KLEINE_WOORDEN, leesbare_naam
from passend.organisaties.importeren.resultaat import (
    MAXIMALE_LENGTE,
    Importfout,
    ImportMislukt,
    ImportResultaat,
    Vestigingsrecord,
    _bestandsfout,
)
from passend.organisaties.importeren.soorten import (
    SOORT_PRIMAIR_ONDERWIJS,
    VO_ONDERDELEN,
    soort_primair_onderwijs,
    soort_van_onderwijsstructuur,
    soort_van_type,
)

__all__ = [
    "ADRESPUNT",
    "BIJZONDERE_NAMEN",
    "CSV_KOLOMMEN",
    "CSV_VERPLICHT",
    "KLEINE_WOORDEN",
    "MAXIMALE_LENGTE",
    "SOORT_PRIMAIR_ONDERWIJS",
    "VO_ONDERDELEN",
    "ImportMislukt",
    "ImportResultaat",
    "Importfout",
    "Vestigingsrecord",
    "leesbare_naam",
    "soort_primair_onderwijs",
    "soort_van_onderwijsstructuur",
    "soort_van_type",
    "vestigingen_lezen",
]


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
