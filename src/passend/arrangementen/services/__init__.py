"""Every write of an arrangement request. Each checks the policy on the locked row, checks
the step against ``rules.TOEGESTANE_OVERGANGEN``, writes the step with a status-guarded
update (so two people deciding at once never overwrite each other), appends a history row
and writes the access log.

``op`` is the date of a step; it defaults to today. Pages and the API never pass it; it is
there for steps recorded afterwards (a request received on paper) and for the demo.

One module per part: ``indienen`` (the request from the OPP), ``stappen`` (completeness,
completion, decision, withdrawal) and ``basis`` (what they share).
"""

from passend.arrangementen.services.basis import Statusfout
from passend.arrangementen.services.indienen import aanvraag_indienen, swv_van_aanvraag
from passend.arrangementen.services.stappen import (
    aanvraag_aanvullen,
    aanvraag_intrekken,
    besluit_nemen,
    compleet_verklaren,
    onvolledig_verklaren,
)

__all__ = [
    "Statusfout",
    "aanvraag_aanvullen",
    "aanvraag_indienen",
    "aanvraag_intrekken",
    "besluit_nemen",
    "compleet_verklaren",
    "onvolledig_verklaren",
    "swv_van_aanvraag",
]
