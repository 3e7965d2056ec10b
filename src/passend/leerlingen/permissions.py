"""The pupil policy: who may see, search and change which pupil.

Visibility is one rule per role, written once as a query (``zichtbaarheid``); the object
check asks the same query, so the list and the object check cannot disagree.
"""

from datetime import date
from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import GEMEENTEROLLEN, SCHOOLROLLEN, Rolsoort
from passend.core.perioden import actief_op
from passend.core.permissions import Beleid
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling, Ouderschap

#: SWV roles that see the pupils whose case was submitted to their SWV.
SWV_DOSSIERROLLEN = frozenset(
    {Rolsoort.LOKET, Rolsoort.COMMISSIELID, Rolsoort.DESKUNDIGE, Rolsoort.DIRECTEUR}
)
#: Roles that may change the register (enrol, correct data) for their own school.
REGISTERROLLEN = frozenset({Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER})


def zichtbaarheid(actor: Any, peildatum: date) -> Q:
    """Which pupils this actor may see at all, as a filter on Leerling."""
    rol = actor.rol
    lopende_inschrijving = Inschrijving.objects.filter(leerling=OuterRef("pk")).filter(
        actief_op(peildatum)
    )
    lopende_betrokkenheid = Betrokkenheid.objects.filter(leerling=OuterRef("pk")).filter(
        actief_op(peildatum)
    )
    if rol.rolsoort in SCHOOLROLLEN:
        return Q(Exists(lopende_inschrijving.filter(vestiging__school_id=rol.school_id)))
    if rol.rolsoort == Rolsoort.BESTUURDER:
        return Q(
            Exists(lopende_inschrijving.filter(vestiging__school__bestuur_id=rol.schoolbestuur_id))
        )
    if rol.rolsoort in SWV_DOSSIERROLLEN:
        return Q(
            Exists(
                lopende_betrokkenheid.filter(samenwerkingsverband_id=rol.samenwerkingsverband_id)
            )
        )
    if rol.rolsoort in GEMEENTEROLLEN:
        # The leerplichtambtenaar and jeugdhulp: only the pupils of the verzuim cases they
        # are a partner in (the verzuim services give them a personal betrokkenheid), and
        # only while they hold the role in the pupil's municipality. A Betrokkenheid has no
        # municipality, so this uses the pupil's, by the rule the verzuim case takes its
        # municipality by: the woongemeente; when that is unknown, the municipality of the
        # locations the pupil is enrolled at now. A pupil known to belong to another
        # municipality stays hidden (the same person with a role elsewhere sees nothing);
        # one with neither (not enrolled, no woongemeente) falls back to the personal
        # betrokkenheid alone.
        in_gemeente = Q(woongemeente_id=rol.gemeente_id) | (
            Q(woongemeente__isnull=True)
            & ~Q(Exists(lopende_inschrijving.exclude(vestiging__gemeente_id=rol.gemeente_id)))
        )
        return in_gemeente & Q(
            Exists(lopende_betrokkenheid.filter(gebruiker_id=actor.gebruiker.pk))
        )
    if rol.rolsoort == Rolsoort.OUDER:
        return Q(
            Exists(Ouderschap.objects.filter(leerling=OuterRef("pk"), ouder_id=actor.gebruiker.pk))
        )
    if rol.rolsoort == Rolsoort.LEERLING:
        return Q(gebruiker_id=actor.gebruiker.pk)
    return Q(pk__in=[])


@rules.predicate
def ziet_leerlingen(actor: Any) -> bool:
    return actor.rolsoort in SCHOOLROLLEN | SWV_DOSSIERROLLEN | {
        Rolsoort.BESTUURDER,
        *GEMEENTEROLLEN,
        Rolsoort.OUDER,
        Rolsoort.LEERLING,
    }


@rules.predicate
def leerling_in_zicht(actor: Any, leerling: Leerling | None) -> bool:
    if leerling is None:
        return False
    return Leerling.objects.filter(
        zichtbaarheid(actor, timezone.localdate()), pk=leerling.pk
    ).exists()


@rules.predicate
def beheert_register(actor: Any) -> bool:
    return actor.rolsoort in REGISTERROLLEN


@rules.predicate
def is_ouder_of_leerling(actor: Any) -> bool:
    return actor.rolsoort in {Rolsoort.OUDER, Rolsoort.LEERLING}


@rules.predicate
def is_privacy_officer(actor: Any) -> bool:
    return actor.rolsoort == Rolsoort.PRIVACY_OFFICER


class LeerlingBeleid(Beleid[Leerling]):
    regels = rules.RuleSet()
    regels.add_rule("zoeken", ziet_leerlingen & ~is_ouder_of_leerling)
    regels.add_rule("lijst_eigen", ziet_leerlingen)
    regels.add_rule("bekijken", ziet_leerlingen & leerling_in_zicht)
    regels.add_rule("inschrijven", beheert_register)
    regels.add_rule("wijzigen", beheert_register & leerling_in_zicht)
    # Who looked at this pupil's file: the parents and the pupil themselves; the SWV's
    # privacy officer reads the whole log through the privacy app.
    regels.add_rule("inzage_bekijken", is_ouder_of_leerling & leerling_in_zicht)

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Leerling]) -> QuerySet[Leerling]:
        if actor is None or not ziet_leerlingen(actor):
            return queryset.none()
        return queryset.filter(zichtbaarheid(actor, timezone.localdate()))


beleid = LeerlingBeleid()
