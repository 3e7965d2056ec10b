"""The TLV pages. Thin: parse (form), call one selector or service, render or redirect.
One module per part of the work: ``aanvraag`` (request, verlenging), ``dossier`` (lists,
the dossier, the letter, the parents' page), ``behandeling`` (complete, advice, decision),
``bezwaar``, ``swv`` (grensverkeer, ending soon, reports, export, pool, settings);
``afhandeling`` holds what they share (see there for the access-log rule).
"""

from passend.toelaatbaarheid.views.aanvraag import aanvragen, verlenging
from passend.toelaatbaarheid.views.behandeling import advies, besluit, compleet
from passend.toelaatbaarheid.views.bezwaar import bezwaar, bezwaar_afhandelen
from passend.toelaatbaarheid.views.dossier import brief, detail, overzicht, portaal
from passend.toelaatbaarheid.views.swv import (
    deskundige_wijzigen,
    deskundigen,
    eindigt_binnenkort,
    export,
    grensverkeer,
    rapportage,
    regeling,
)

__all__ = [
    "aanvragen",
    "advies",
    "besluit",
    "bezwaar",
    "bezwaar_afhandelen",
    "brief",
    "compleet",
    "deskundige_wijzigen",
    "deskundigen",
    "detail",
    "eindigt_binnenkort",
    "export",
    "grensverkeer",
    "overzicht",
    "portaal",
    "rapportage",
    "regeling",
    "verlenging",
]
