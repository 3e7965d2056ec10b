"""Writing the file: what the import reads back unchanged."""

import csv
import io
from collections.abc import Iterable

from passend.aanbod.aanbodbestand.kolommen import (
    KOLOMMEN,
    LIJSTSCHEIDING,
    SCHEIDINGSTEKEN,
    Aanbodregel,
)
from passend.core.csvbestand import formule_afschermen


def bestand_schrijven(regels: Iterable[Aanbodregel]) -> str:
    """The CSV text of these rows (every column of ``KOLOMMEN``), as the import reads it."""
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=SCHEIDINGSTEKEN, lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for r in regels:
        schrijver.writerow(
            [
                r.vestigingscode,
                r.schooljaar,
                r.gebied,
                formule_afschermen(r.basisondersteuning),
                formule_afschermen(r.extra_ondersteuning),
                formule_afschermen(r.expertise),
                LIJSTSCHEIDING.join(r.faciliteiten),
                "" if r.capaciteit is None else str(r.capaciteit),
                formule_afschermen(r.toelichting or ""),
                formule_afschermen(r.contact or ""),
                formule_afschermen(r.vestigingsnaam),
            ]
        )
    return uit.getvalue()
