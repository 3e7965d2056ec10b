"""The doelstellingenmonitor policy: who prepares a wave, follows its response and reads
its results.

- **Beheren** (prepare, open and close a wave, make invitation codes) and **respons**
  (response rates per group and school while it runs): an SWV wave by that SWV's directeur
  and functioneel beheerder; a national wave (no SWV) by the ministry.
- **Resultaten** (figures per goal, item, group and wave, always with cells of fewer than
  ``KLEINE_CEL_GRENS`` respondents suppressed, for everybody): an SWV wave by the SWV's
  directeur, functioneel beheerder, board (``TOEZICHTHOUDER``) and OPR; a national wave by
  the ministry and the inspectorate (every SWV) and by those SWV roles (their own SWV and
  the national figure; the selector narrows it).
- Answers are never shown per person: no route reads a ``Respons``; answering needs only a
  code (no account, no policy).

Another SWV's wave is hidden (404).
"""

from typing import Any

import rules
from django.db.models import Q, QuerySet

from passend.accounts.rules import ALLEEN_AGGREGATEN, Rolsoort
from passend.core.permissions import Beleid, rolregels
from passend.doelstellingen.models import Meting

R = Rolsoort

#: SWV roles that prepare and run their SWV's waves.
SWV_BEHEERDERS = frozenset({R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER})
#: SWV roles that read their SWV's results.
SWV_LEZERS = SWV_BEHEERDERS | {R.TOEZICHTHOUDER, R.OPR_LID}
#: National roles: the ministry runs national waves; both read them.
LANDELIJKE_BEHEERDERS = frozenset({R.MINISTERIE})

ROLLEN: dict[str, frozenset[str]] = {
    # The list of waves the actor may see.
    "metingen": SWV_LEZERS | ALLEEN_AGGREGATEN,
    # Prepare a new wave (object: none; the SWV is the actor's, or national for the ministry).
    "meting_aanmaken": SWV_BEHEERDERS | LANDELIJKE_BEHEERDERS,
    # Edit, open, close a wave, make codes (object: the Meting).
    "meting_beheren": SWV_BEHEERDERS | LANDELIJKE_BEHEERDERS,
    # Response rates per group and school (object: the Meting).
    "respons_bekijken": SWV_BEHEERDERS | LANDELIJKE_BEHEERDERS,
    # Results (object: the Meting).
    "resultaten_bekijken": SWV_LEZERS | ALLEEN_AGGREGATEN,
}
OBJECTACTIES = ("meting_beheren", "respons_bekijken", "resultaten_bekijken")

WEIGERREDENEN = {
    "metingen": "alleen het samenwerkingsverband, zijn toezicht, de OPR, de inspectie en het "
    "ministerie lezen de doelstellingenmonitor",
    "meting_aanmaken": "alleen de directeur, de functioneel beheerder en het ministerie zetten "
    "een meting klaar",
    "meting_beheren": "alleen wie de meting uitzet, beheert haar",
    "respons_bekijken": "alleen wie de meting uitzet, ziet de respons",
    "resultaten_bekijken": "alleen het samenwerkingsverband, zijn toezicht, de OPR, de inspectie "
    "en het ministerie lezen de uitkomsten",
}


def _eigen_swv(actor: Any, meting: Meting) -> bool:
    swv_id = getattr(actor.rol, "samenwerkingsverband_id", None)
    return swv_id is not None and meting.samenwerkingsverband_id == swv_id


@rules.predicate
def in_zicht(actor: Any, meting: Any) -> bool:
    """The actor's SWV's wave; a national wave for the national roles and any SWV reader."""
    if not isinstance(meting, Meting):
        return False
    if meting.is_landelijk:
        return True
    return _eigen_swv(actor, meting)


@rules.predicate
def is_uitzetter(actor: Any, meting: Any) -> bool:
    """Who runs this wave: the ministry a national one, the SWV's own beheerders their own."""
    if meting.is_landelijk:
        return actor.rolsoort in LANDELIJKE_BEHEERDERS
    return actor.rolsoort in SWV_BEHEERDERS


class DoelstellingenBeleid(Beleid[Meting]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(
        ROLLEN,
        objectacties=OBJECTACTIES,
        in_zicht=in_zicht,
        extra={"meting_beheren": is_uitzetter, "respons_bekijken": is_uitzetter},
    )

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Meting]) -> QuerySet[Meting]:
        if actor is None or actor.rolsoort not in ROLLEN["metingen"]:
            return queryset.none()
        swv_id = getattr(actor.rol, "samenwerkingsverband_id", None)
        if swv_id is None:
            return queryset.filter(samenwerkingsverband__isnull=True)
        return queryset.filter(
            Q(samenwerkingsverband_id=swv_id) | Q(samenwerkingsverband__isnull=True)
        )


beleid = DoelstellingenBeleid()
