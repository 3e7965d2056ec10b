"""The arrangement policy: who may request, read, check, decide and withdraw.

A request is visible only to whoever may see the pupil now (the pupil policy), and then:
the school that made it (intern begeleider / ondersteuningscoördinator and schoolleider),
the board of that school, the staff of the samenwerkingsverband it was sent to (who see the
pupil through the betrokkenheid the request created), and the pupil's parents (in their
portal). Requesting is for the school's intern begeleider and schoolleider and for the
board; the SWV's loket checks completeness; a commissielid or the directeur decides.
"""

from datetime import date
from typing import Any

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.arrangementen.models import Arrangementaanvraag
from passend.core.permissions import Beleid, heeft_rol_in
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import SWV_DOSSIERROLLEN, zichtbaarheid

#: The school's people who ask the SWV for an arrangement (and their board).
SCHOOLAANVRAGERS = frozenset({Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER})
AANVRAGERS = SCHOOLAANVRAGERS | {Rolsoort.BESTUURDER}
#: Who decides for the SWV.
BESLISSERS = frozenset({Rolsoort.COMMISSIELID, Rolsoort.DIRECTEUR})
#: Staff who read requests (the parents read theirs in the portal).
MEDEWERKERS = AANVRAGERS | SWV_DOSSIERROLLEN
LEZERS = MEDEWERKERS | {Rolsoort.OUDER}


def aanvraag_zichtbaarheid(actor: Any, peildatum: date | None = None) -> Q:
    """Which requests this actor may read (on ``peildatum``, default today), as a filter on
    Arrangementaanvraag."""
    if actor is None or actor.rolsoort not in LEZERS:
        return Q(pk__in=[])
    leerlingen = Leerling.objects.filter(
        zichtbaarheid(actor, peildatum or timezone.localdate())
    ).values("pk")
    filter_ = Q(leerling_id__in=leerlingen)
    if actor.rolsoort in SCHOOLAANVRAGERS:
        filter_ &= Q(vestiging__school_id=actor.rol.school_id)
    elif actor.rolsoort == Rolsoort.BESTUURDER:
        filter_ &= Q(vestiging__school__bestuur_id=actor.rol.schoolbestuur_id)
    elif actor.rolsoort in SWV_DOSSIERROLLEN:
        filter_ &= Q(samenwerkingsverband_id=actor.rol.samenwerkingsverband_id)
    return filter_


@rules.predicate
def in_zicht(actor: Any, aanvraag: Arrangementaanvraag | None) -> bool:
    if aanvraag is None:
        return False
    return Arrangementaanvraag.objects.filter(
        aanvraag_zichtbaarheid(actor), pk=aanvraag.pk
    ).exists()


vraagt_aan = heeft_rol_in(AANVRAGERS)
is_medewerker = heeft_rol_in(MEDEWERKERS)
is_swv = heeft_rol_in(SWV_DOSSIERROLLEN)
is_loket = heeft_rol_in(frozenset({Rolsoort.LOKET}))
beslist = heeft_rol_in(BESLISSERS)
is_lezer = heeft_rol_in(LEZERS)
is_ouder = heeft_rol_in(frozenset({Rolsoort.OUDER}))


class ArrangementBeleid(Beleid[Arrangementaanvraag]):
    regels = rules.RuleSet()
    # Role checks (no object): a role that may never do this gets a 403.
    regels.add_rule("aanvragen", vraagt_aan)
    regels.add_rule("schooloverzicht", vraagt_aan)
    regels.add_rule("werkvoorraad", is_swv)
    regels.add_rule("medewerker", is_medewerker)
    regels.add_rule("lezer", is_lezer)
    regels.add_rule("loket", is_loket)
    regels.add_rule("beslisser", beslist)
    regels.add_rule("portaal", is_ouder)
    # Object checks: a hidden request is a 404.
    regels.add_rule("bekijken", is_lezer & in_zicht)
    regels.add_rule("bekijken_als_medewerker", is_medewerker & in_zicht)
    regels.add_rule("aanvullen", vraagt_aan & in_zicht)
    regels.add_rule("intrekken", vraagt_aan & in_zicht)
    regels.add_rule("volledigheid_beoordelen", is_loket & in_zicht)
    regels.add_rule("beslissen", beslist & in_zicht)

    def filter_zichtbaar(
        self, actor: Any, queryset: QuerySet[Arrangementaanvraag]
    ) -> QuerySet[Arrangementaanvraag]:
        if actor is None:
            return queryset.none()
        return queryset.filter(aanvraag_zichtbaarheid(actor))


beleid = ArrangementBeleid()
