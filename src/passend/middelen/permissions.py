"""The middelen policy: who reads and edits an SWV's budget and plans.

- **Begroting** (budget, reserves): read by the SWV's directeur, controller
  (``FINANCIEEL_MEDEWERKER``), functioneel beheerder, board (``TOEZICHTHOUDER``) and OPR
  (which consents to the multi-year budget). **Edited only by the finance role**
  (``SWV_FINANCIELE_ROLLEN``): posts, imports, computations, reserves, adoption.
- **Plannen** (ondersteuningsplan, meerjarenbegroting): read by the same roles. A new
  version of the ondersteuningsplan is written by the directeur, of the meerjarenbegroting
  by the finance role; the directeur records the OPR's consent and the OOGO for both.
- The public page (where the support money went, per year; goal 6) shows adopted budgets
  of every SWV to everybody and needs no policy.

Another SWV's budget or plan is hidden (404). Budgets are figures, never a pupil; the
computations that count pupils with a TLV log their access (the services).
"""

from typing import Any

import rules
from django.db.models import QuerySet

from passend.accounts.rules import SWV_FINANCIELE_ROLLEN, Rolsoort
from passend.core.permissions import Beleid, rolregels
from passend.middelen.models import Begroting, Plan, Planversie
from passend.middelen.rules import Plansoort

R = Rolsoort

LEZERS = frozenset(
    {R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER, R.TOEZICHTHOUDER, R.OPR_LID} | SWV_FINANCIELE_ROLLEN
)

ROLLEN: dict[str, frozenset[str]] = {
    # Budgets and plans of the own SWV (object: Begroting/Plan, or the SWV for a list).
    "begroting_bekijken": LEZERS,
    "begroting_bewerken": SWV_FINANCIELE_ROLLEN,
    "plan_bekijken": LEZERS,
    # A new plan or version (object: the Plan, or the SWV for a new plan); see ``schrijver``.
    "plan_bewerken": frozenset({R.DIRECTEUR}) | SWV_FINANCIELE_ROLLEN,
    # The OPR's consent and the OOGO of a version (object: the Plan).
    "instemming_vastleggen": frozenset({R.DIRECTEUR}),
}
OBJECTACTIES = tuple(ROLLEN)

WEIGERREDENEN = {
    "begroting_bekijken": "alleen het samenwerkingsverband, zijn toezicht en de OPR lezen de begroting",
    "begroting_bewerken": "alleen de controller van het samenwerkingsverband wijzigt de begroting",
    "plan_bekijken": "alleen het samenwerkingsverband, zijn toezicht en de OPR lezen de plannen",
    "plan_bewerken": "alleen de directeur (ondersteuningsplan) en de controller "
    "(meerjarenbegroting) schrijven een plan",
    "instemming_vastleggen": "alleen de directeur legt de instemming van de OPR en het OOGO vast",
}


def _swv_id(obj: Any) -> int | None:
    if isinstance(obj, (Begroting, Plan)):
        return obj.samenwerkingsverband_id
    if isinstance(obj, Planversie):
        return obj.plan.samenwerkingsverband_id
    return getattr(obj, "pk", None)


@rules.predicate
def in_zicht(actor: Any, obj: Any) -> bool:
    swv_id = _swv_id(obj)
    return swv_id is not None and swv_id == getattr(actor.rol, "samenwerkingsverband_id", None)


@rules.predicate
def schrijver(actor: Any, obj: Any) -> bool:
    """The directeur writes the ondersteuningsplan, the finance role the meerjarenbegroting
    (a new plan: the SWV as object, both may)."""
    if not isinstance(obj, Plan):
        return True
    if obj.soort == Plansoort.MEERJARENBEGROTING:
        return actor.rolsoort in SWV_FINANCIELE_ROLLEN
    return actor.rolsoort == R.DIRECTEUR


class MiddelenBeleid(Beleid[Any]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(
        ROLLEN, objectacties=OBJECTACTIES, in_zicht=in_zicht, extra={"plan_bewerken": schrijver}
    )

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if actor is None or actor.rolsoort not in LEZERS:
            return queryset.none()
        return queryset.filter(
            samenwerkingsverband_id=getattr(actor.rol, "samenwerkingsverband_id", None)
        )


beleid = MiddelenBeleid()
