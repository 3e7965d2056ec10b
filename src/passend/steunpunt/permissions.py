"""The steunpunt policy.

The steunpunt is independent of the SWV: its workers (``STEUNPUNTMEDEWERKER``, held in an
SWV) record contacts and read the signals report of their own SWV only; the pupil policy
gives them nothing, so they never read a pupil file. The SWV's directeur (the board) reads
the signals report, never a contact. A parent gives (and withdraws) consent for their own
children with gezag. Nobody else may do anything here.

Every action has a role rule (``rol:<actie>``: may this role ever do it; a refusal is a
logged 403) and, for contacts, an object rule (own SWV; another SWV's contact is a 404).
"""

from typing import Any

import rules
from django.db.models import Q, QuerySet

from passend.accounts.rules import Rolsoort
from passend.core.permissions import Beleid, rolregels
from passend.steunpunt.models import Contact

R = Rolsoort

ROLLEN: dict[str, frozenset[str]] = {
    "contacten": frozenset({R.STEUNPUNTMEDEWERKER}),
    "contact_bekijken": frozenset({R.STEUNPUNTMEDEWERKER}),
    "contact_wijzigen": frozenset({R.STEUNPUNTMEDEWERKER}),
    "signalen": frozenset({R.STEUNPUNTMEDEWERKER, R.DIRECTEUR}),
    "toestemming": frozenset({R.OUDER}),
}
OBJECTACTIES = ("contact_bekijken", "contact_wijzigen")

WEIGERREDENEN = {
    "contacten": "alleen het ouder- en jeugdsteunpunt legt contacten vast",
    "contact_bekijken": "alleen het ouder- en jeugdsteunpunt leest contacten",
    "contact_wijzigen": "alleen het ouder- en jeugdsteunpunt wijzigt contacten",
    "signalen": "alleen het steunpunt en de directeur van het samenwerkingsverband lezen de signalen",
    "toestemming": "alleen ouders geven toestemming aan het steunpunt",
}


@rules.predicate
def eigen_swv(actor: Any, contact: Contact | None) -> bool:
    if contact is None:
        return False
    swv = actor.rol.samenwerkingsverband_id
    return swv is not None and contact.samenwerkingsverband_id == swv


def contact_zichtbaarheid(actor: Any) -> Q:
    """The contacts this actor may read, as a filter on Contact."""
    if actor is None or actor.rolsoort not in ROLLEN["contact_bekijken"]:
        return Q(pk__in=[])
    return Q(samenwerkingsverband_id=actor.rol.samenwerkingsverband_id)


class SteunpuntBeleid(Beleid[Contact]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(ROLLEN, objectacties=OBJECTACTIES, in_zicht=eigen_swv)

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Contact]) -> QuerySet[Contact]:
        if actor is None:
            return queryset.none()
        return queryset.filter(contact_zichtbaarheid(actor))


beleid = SteunpuntBeleid()
