"""The TLV pages. Thin: parse (form), call one selector or service, render or redirect.
One module per part of the work: ``aanvraag`` (request, verlenging), ``dossier`` (lists,
the dossier, the letter, the parents' page), ``behandeling`` (complete, advice, decision),
``aanvulling`` (extra questions, withdraw), ``bezwaar`` (with the beslissing op bezwaar),
``swv`` (grensverkeer, ending soon, reports, export, pool), ``regeling`` (settings);
``afhandeling`` holds what they share (see there for the access-log rule).
"""

from passend.toelaatbaarheid.views.aanvraag import aanvragen, verlenging
from passend.toelaatbaarheid.views.aanvulling import intrekken, vragen
from passend.toelaatbaarheid.views.behandeling import advies, besluit, compleet
from passend.toelaatbaarheid.views.bezwaar import (
    beslissing_op_bezwaar,
    bezwaar,
    bezwaar_afhandelen,
    brief_bezwaar,
)
from passend.toelaatbaarheid.views.dossier import brief, detail, overzicht, portaal
from passend.toelaatbaarheid.views.regeling import regeling
from passend.toelaatbaarheid.views.swv import (
    deskundige_wijzigen,
    deskundigen,
    eindigt_binnenkort,
    export,
    grensverkeer,
    rapportage,
)

__all__ = [
    "aanvragen",
    "advies",
    "beslissing_op_bezwaar",
    "besluit",
    "bezwaar",
    "bezwaar_afhandelen",
    "brief",
    "brief_bezwaar",
    "compleet",
    "deskundige_wijzigen",
    "deskundigen",
    "detail",
    "eindigt_binnenkort",
    "export",
    "grensverkeer",
    "intrekken",
    "overzicht",
    "portaal",
    "rapportage",
    "regeling",
    "verlenging",
    "vragen",
]
