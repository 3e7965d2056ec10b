"""The OPP policy: who may read, draw up, give a view on and consent to an OPP.

An OPP is visible only to whoever may see the pupil (the pupil policy) and, for school
staff, only at the school that drew it up. Drawing up is for the intern begeleider /
ondersteuningscoördinator and the schoolleider; parents read, add their view and consent
(with gezag: the service checks); the pupil reads and gives their view.
"""

from typing import Any

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import SCHOOLROLLEN, Rolsoort
from passend.core.permissions import Beleid
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import SWV_DOSSIERROLLEN, zichtbaarheid
from passend.ondersteuning.models import Ontwikkelingsperspectief

OPSTELLERS = frozenset({Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER})
LEZERS = SCHOOLROLLEN | SWV_DOSSIERROLLEN | {Rolsoort.BESTUURDER, Rolsoort.OUDER, Rolsoort.LEERLING}


def opp_zichtbaarheid(actor: Any) -> Q:
    """Which OPPs this actor may read, as a filter on Ontwikkelingsperspectief."""
    if actor.rolsoort not in LEZERS:
        return Q(pk__in=[])
    leerlingen = Leerling.objects.filter(zichtbaarheid(actor, timezone.localdate())).values("pk")
    filter_ = Q(leerling_id__in=leerlingen)
    if actor.rolsoort in SCHOOLROLLEN:
        filter_ &= Q(vestiging__school_id=actor.rol.school_id)
    elif actor.rolsoort == Rolsoort.BESTUURDER:
        filter_ &= Q(vestiging__school__bestuur_id=actor.rol.schoolbestuur_id)
    return filter_


@rules.predicate
def in_zicht(actor: Any, opp: Ontwikkelingsperspectief | None) -> bool:
    if opp is None:
        return False
    return Ontwikkelingsperspectief.objects.filter(opp_zichtbaarheid(actor), pk=opp.pk).exists()


@rules.predicate
def stelt_op(actor: Any) -> bool:
    return actor.rolsoort in OPSTELLERS


@rules.predicate
def is_ouder(actor: Any) -> bool:
    return actor.rolsoort == Rolsoort.OUDER


@rules.predicate
def is_leerling(actor: Any) -> bool:
    return actor.rolsoort == Rolsoort.LEERLING


class OppBeleid(Beleid[Ontwikkelingsperspectief]):
    regels = rules.RuleSet()
    regels.add_rule("bekijken", in_zicht)
    regels.add_rule("opstellen", stelt_op & in_zicht)
    regels.add_rule("starten", stelt_op)
    regels.add_rule("zienswijze_geven", is_ouder & in_zicht)
    regels.add_rule("instemmen", (is_ouder | is_leerling) & in_zicht)
    regels.add_rule("mening_geven", (is_leerling | stelt_op) & in_zicht)

    def filter_zichtbaar(
        self, actor: Any, queryset: QuerySet[Ontwikkelingsperspectief]
    ) -> QuerySet[Ontwikkelingsperspectief]:
        if actor is None:
            return queryset.none()
        return queryset.filter(opp_zichtbaarheid(actor))


beleid = OppBeleid()
