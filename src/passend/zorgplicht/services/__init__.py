"""Every write of a registration (aanmelding): registering, extending the term, deciding.

Each service checks the policy, locks the row, checks the state (``rules``), writes with a
status-guarded update (two people deciding at once: the second gets ``Conflict`` or
``NietMogelijk``, never a silent overwrite), appends a history step and writes the one
access-log record of the request.
"""

from passend.zorgplicht.services.basis import Conflict, NietMogelijk, NieuwKind
from passend.zorgplicht.services.besluiten import aanmelding_besluiten
from passend.zorgplicht.services.registreren import aanmelden
from passend.zorgplicht.services.verlengen import aanmelding_verlengen

__all__ = [
    "Conflict",
    "NietMogelijk",
    "NieuwKind",
    "aanmelden",
    "aanmelding_besluiten",
    "aanmelding_verlengen",
]
