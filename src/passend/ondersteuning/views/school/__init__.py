"""The school's OPP pages: the intern begeleider / ondersteuningscoördinator and the
schoolleider start, write, set, revise, evaluate and end a pupil's OPP. Thin: parse (form),
call one selector or service, render or redirect. One module per part of the work:
``aanvang`` (overview, start), ``concept`` (the edit page), ``onderdelen`` (the parts of the
draft), ``levensloop`` (read, set, revise, evaluate, end); ``afhandeling`` and ``inhoud`` hold
what they share.

Every request that touches pupil data writes exactly one access-log record:
- a GET fetches through ``opp_voor_actor`` (which authorises and logs);
- a POST that calls a service authorises with the selector ``opp_voor_schrijven`` (no log
  when allowed: the service logs a successful write itself; a refusal is logged there,
  then a 404);
- when nothing is saved (a form error, a conflict, a frozen version) the view writes the
  one record itself, as a read when the page is shown again with data.
"""

from passend.ondersteuning.views.school.aanvang import overzicht, starten
from passend.ondersteuning.views.school.concept import bewerken
from passend.ondersteuning.views.school.levensloop import (
    beeindigen,
    detail,
    evaluatie,
    herzien,
    vaststellen,
)
from passend.ondersteuning.views.school.onderdelen import (
    doel_toevoegen,
    factor_toevoegen,
    instemming_op_papier,
    mening_samen,
    onderdeel_verwijderen,
    overleg_vastleggen,
    reactie,
)

__all__ = [
    "beeindigen",
    "bewerken",
    "detail",
    "doel_toevoegen",
    "evaluatie",
    "factor_toevoegen",
    "herzien",
    "instemming_op_papier",
    "mening_samen",
    "onderdeel_verwijderen",
    "overleg_vastleggen",
    "overzicht",
    "reactie",
    "starten",
    "vaststellen",
]
