"""The aanmelding policy: who sees, records, extends and decides which registration.

A registration gives the school where the child was registered (its intern begeleider /
ondersteuningscoördinator and schoolleider), the board of that school and the SWV the
location belongs to sight of the registration itself and of the child's name and date of
birth: not of the pupil's file, which only comes with enrolment (the pupil policy). Parents
see the registrations of their own children. Deciding and extending is for the schoolleider
and the board (bevoegd gezag) of that school.

Visibility is written once, as a query (``aanmelding_zichtbaarheid``); the object check asks
that same query, so a list and a detail page can never disagree.
"""

from datetime import date
from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.core.permissions import Beleid
from passend.leerlingen.models import Ouderschap
from passend.organisaties.models import SwvLidmaatschap
from passend.zorgplicht.models import Aanmelding

#: School staff who record registrations and see those at their school.
SCHOOLROLLEN = frozenset({Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER})
#: Who decides on admission and may extend the term: the schoolleider and the board.
BESLISSERS = frozenset({Rolsoort.SCHOOLLEIDER, Rolsoort.BESTUURDER})
#: SWV roles that keep the regional overview of running terms.
SWV_ROLLEN = frozenset({Rolsoort.LOKET, Rolsoort.COMMISSIELID, Rolsoort.DIRECTEUR})
#: Who sees the overview of running terms of a region (the board's schools, the SWV's).
TERMIJNBEWAKERS = SWV_ROLLEN | {Rolsoort.BESTUURDER}


def aanmelding_zichtbaarheid(actor: Any, peildatum: date) -> Q:
    """Which registrations this actor may see, as a filter on Aanmelding."""
    rol = actor.rol
    if rol.rolsoort in SCHOOLROLLEN:
        return Q(vestiging__school_id=rol.school_id)
    if rol.rolsoort == Rolsoort.BESTUURDER:
        return Q(vestiging__school__bestuur_id=rol.schoolbestuur_id)
    if rol.rolsoort in SWV_ROLLEN:
        lid = SwvLidmaatschap.objects.filter(
            vestiging_id=OuterRef("vestiging_id"),
            samenwerkingsverband_id=rol.samenwerkingsverband_id,
        ).filter(actief_op(peildatum))
        return Q(Exists(lid))
    if rol.rolsoort == Rolsoort.OUDER:
        return Q(
            Exists(
                Ouderschap.objects.filter(
                    leerling_id=OuterRef("leerling_id"), ouder_id=actor.gebruiker.pk
                )
            )
        )
    return Q(pk__in=[])


@rules.predicate
def in_zicht(actor: Any, aanmelding: Aanmelding | None) -> bool:
    if aanmelding is None:
        return False
    return Aanmelding.objects.filter(
        aanmelding_zichtbaarheid(actor, timezone.localdate()), pk=aanmelding.pk
    ).exists()


@rules.predicate
def is_school(actor: Any) -> bool:
    return actor.rolsoort in SCHOOLROLLEN


@rules.predicate
def beslist(actor: Any) -> bool:
    return actor.rolsoort in BESLISSERS


@rules.predicate
def is_ouder(actor: Any) -> bool:
    return actor.rolsoort == Rolsoort.OUDER


@rules.predicate
def bewaakt_termijnen(actor: Any) -> bool:
    return actor.rolsoort in TERMIJNBEWAKERS


class AanmeldingBeleid(Beleid[Aanmelding]):
    regels = rules.RuleSet()
    regels.add_rule("bekijken", in_zicht)
    # The school's list and the paper registration form.
    regels.add_rule("vastleggen", is_school)
    # The parent portal: the list of their own registrations and the form.
    regels.add_rule("aanmelden", is_ouder)
    # The overview of running terms in the region (board, SWV).
    regels.add_rule("termijnen_bewaken", bewaakt_termijnen)
    regels.add_rule("verlengen", beslist & in_zicht)
    regels.add_rule("beslissen", beslist & in_zicht)
    # The letters to the parents: the school, its board and the parents themselves.
    regels.add_rule("brief_lezen", (is_school | beslist | is_ouder) & in_zicht)

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Aanmelding]) -> QuerySet[Aanmelding]:
        if actor is None:
            return queryset.none()
        return queryset.filter(aanmelding_zichtbaarheid(actor, timezone.localdate()))


beleid = AanmeldingBeleid()
