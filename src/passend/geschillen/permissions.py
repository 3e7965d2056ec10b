"""The geschillen policy: who may start, read and work in a disagreement, keep the route,
and record or read a Veilig Thuis report.

* parents start a disagreement about their own child (with parental authority) and follow
  it in the portal; they may withdraw it;
* the school (intern begeleider / ondersteuningscoördinator, schoolleider) and its board see
  and work in the disagreements about their own locations;
* the SWV (loket, directeur; the commission reads) sees a disagreement **only once it reached
  the SWV** (a step from the multi-party meeting on): before that it is between parents and
  school;
* the SWV's directeur and functioneel beheerder keep the SWV's own route;
* Veilig Thuis reports: recorded and read only by the school's IB / OC and schoolleider of
  the pupil's current school. The SWV sees counts, never contents.

Every action has a role rule (``rol:<actie>``: a refusal is a 403) and, for actions on one
disagreement, an object rule (``<actie>``: a hidden one is a 404).
"""

from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.core.permissions import Beleid, rolregels
from passend.geschillen.models import Onenigheid
from passend.leerlingen.models import Inschrijving, Ouderschap

R = Rolsoort
SCHOOL = frozenset({R.INTERN_BEGELEIDER, R.SCHOOLLEIDER})
SWV_WERKERS = frozenset({R.LOKET, R.DIRECTEUR})
SWV_LEZERS = SWV_WERKERS | {R.COMMISSIELID}
BEHANDELAARS = SCHOOL | {R.BESTUURDER} | SWV_WERKERS
LEZERS = BEHANDELAARS | SWV_LEZERS | {R.OUDER}

ROLLEN: dict[str, frozenset[str]] = {
    "lijst": BEHANDELAARS | SWV_LEZERS,
    "starten": SCHOOL | {R.OUDER},
    "bekijken": LEZERS,
    "stap_vastleggen": BEHANDELAARS,
    "commissie_vastleggen": BEHANDELAARS,
    "afsluiten": BEHANDELAARS,
    "intrekken": frozenset({R.OUDER}),
    "portaal": frozenset({R.OUDER}),
    "route_beheren": frozenset({R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER}),
    "veilig_thuis_melden": SCHOOL,
    "veilig_thuis_bekijken": SCHOOL,
    "veilig_thuis_tellen": frozenset({R.DIRECTEUR}),
}
OBJECTACTIES = (
    "bekijken",
    "stap_vastleggen",
    "commissie_vastleggen",
    "afsluiten",
    "intrekken",
)

WEIGERREDENEN = {
    "lijst": "rol ziet geen onenigheden",
    "starten": "alleen ouders of de school starten een onenigheid",
    "bekijken": "rol ziet geen onenigheden",
    "stap_vastleggen": "alleen de school, het bestuur of het samenwerkingsverband legt stappen vast",
    "commissie_vastleggen": "alleen de school, het bestuur of het SWV legt de geschilprocedure vast",
    "afsluiten": "alleen de school, het bestuur of het samenwerkingsverband sluit af",
    "intrekken": "alleen de ouder die de onenigheid startte trekt haar in",
    "portaal": "het portaal is alleen voor ouders",
    "route_beheren": "alleen de directeur of de functioneel beheerder wijzigt de route",
    "veilig_thuis_melden": "alleen de IB'er of de schoolleider legt een Veilig Thuis-melding vast",
    "veilig_thuis_bekijken": "alleen de IB'er of de schoolleider ziet Veilig Thuis-meldingen",
    "veilig_thuis_tellen": "alleen de directeur ziet de aantallen Veilig Thuis-meldingen",
}


def onenigheid_zichtbaarheid(actor: Any) -> Q:
    """Which disagreements this actor may read, as a filter on Onenigheid."""
    if actor is None or actor.rolsoort not in LEZERS:
        return Q(pk__in=[])
    rol = actor.rol
    if actor.rolsoort in SCHOOL:
        return Q(vestiging__school_id=rol.school_id)
    if actor.rolsoort == R.BESTUURDER:
        return Q(vestiging__school__bestuur_id=rol.schoolbestuur_id)
    if actor.rolsoort in SWV_LEZERS:
        return Q(
            samenwerkingsverband_id=rol.samenwerkingsverband_id, swv_betrokken_sinds__isnull=False
        )
    return Q(
        Exists(
            Ouderschap.objects.filter(leerling=OuterRef("leerling"), ouder_id=actor.gebruiker.pk)
        )
    )


def veilig_thuis_leerlingen(actor: Any) -> Q:
    """The pupils whose Veilig Thuis reports this actor may record and read (the own
    school's current pupils), as a filter on Leerling."""
    if actor is None or actor.rolsoort not in SCHOOL:
        return Q(pk__in=[])
    inschrijving = Inschrijving.objects.filter(
        leerling=OuterRef("pk"), vestiging__school_id=actor.rol.school_id
    ).filter(actief_op(timezone.localdate()))
    return Q(Exists(inschrijving))


@rules.predicate
def in_zicht(actor: Any, onenigheid: Onenigheid | None) -> bool:
    if onenigheid is None:
        return False
    return Onenigheid.objects.filter(onenigheid_zichtbaarheid(actor), pk=onenigheid.pk).exists()


@rules.predicate
def ouder_met_gezag(actor: Any, onenigheid: Onenigheid | None) -> bool:
    if actor.rolsoort != R.OUDER:
        return True
    if onenigheid is None:
        return False
    return Ouderschap.objects.filter(
        leerling_id=onenigheid.leerling_id, ouder_id=actor.gebruiker.pk, gezag=True
    ).exists()


@rules.predicate
def starter_met_gezag(actor: Any, onenigheid: Onenigheid | None) -> bool:
    """Only the parent who started the disagreement withdraws it (still with parental
    authority): the other parent, or a disagreement the school recorded, is not theirs to
    end; the school closes it then."""
    if actor.rolsoort != R.OUDER:
        return True
    if onenigheid is None or onenigheid.gestart_door_id != actor.gebruiker.pk:
        return False
    return bool(ouder_met_gezag(actor, onenigheid))


class GeschillenBeleid(Beleid[Onenigheid]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(
        ROLLEN,
        objectacties=OBJECTACTIES,
        in_zicht=in_zicht,
        extra={"intrekken": starter_met_gezag},
    )

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Onenigheid]) -> QuerySet[Onenigheid]:
        if actor is None:
            return queryset.none()
        return queryset.filter(onenigheid_zichtbaarheid(actor))


beleid = GeschillenBeleid()
