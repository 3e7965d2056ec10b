"""The verzuim policy: who may report, read, work in, end and count verzuim cases.

* the school (intern begeleider / ondersteuningscoördinator, schoolleider) reports and works
  in the cases of its own locations; the board reads the cases of its schools;
* the SWV (loket, directeur) reports (also absoluut verzuim of a child that is not enrolled)
  and works in the cases of its region; the commission reads them;
* the leerplichtambtenaar and jeugdhulp of the municipality see **only the cases they are a
  partner in** (a running ``Partner`` row with their log-in) and only while they hold the
  role in the case's municipality, never another colleague's, and
  never an OPP or any other file of the pupil (the other apps' policies do not know them);
  the leerplichtambtenaar also reports absoluut verzuim and exports the yearly
  Leerplichttelling of their own municipality;
* reports: the SWV's loket and directeur for their region, the leerplichtambtenaar for their
  municipality (counts only).

Every action has a role rule (``rol:<actie>``: a refusal is a 403) and, for actions on one
case, an object rule (``<actie>``: a hidden case is a 404).
"""

from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import GEMEENTEROLLEN, Rolsoort
from passend.core.perioden import actief_op
from passend.core.permissions import Beleid, rolregels
from passend.verzuim.models import Partner, Verzuimmelding

R = Rolsoort
SCHOOL = frozenset({R.INTERN_BEGELEIDER, R.SCHOOLLEIDER})
SWV_WERKERS = frozenset({R.LOKET, R.DIRECTEUR})
SWV_LEZERS = SWV_WERKERS | {R.COMMISSIELID}
WERKERS = SCHOOL | SWV_WERKERS | GEMEENTEROLLEN
LEZERS = WERKERS | SWV_LEZERS | {R.BESTUURDER}

ROLLEN: dict[str, frozenset[str]] = {
    "lijst": LEZERS,
    "melden": SCHOOL | SWV_WERKERS | {R.LEERPLICHTAMBTENAAR},
    "bekijken": LEZERS,
    "bewerken": WERKERS,
    "partners_beheren": SCHOOL | SWV_WERKERS | {R.LEERPLICHTAMBTENAAR},
    "doorbraak_vastleggen": WERKERS,
    "beeindigen": SCHOOL | SWV_WERKERS | {R.LEERPLICHTAMBTENAAR},
    "rapporteren": SWV_WERKERS | {R.LEERPLICHTAMBTENAAR},
    "leerplichttelling": SWV_WERKERS | {R.LEERPLICHTAMBTENAAR},
}
OBJECTACTIES = ("bekijken", "bewerken", "partners_beheren", "doorbraak_vastleggen", "beeindigen")

WEIGERREDENEN = {
    "lijst": "rol ziet geen verzuimmeldingen",
    "melden": "alleen de school, het samenwerkingsverband of leerplicht meldt verzuim",
    "bekijken": "rol ziet geen verzuimmeldingen",
    "bewerken": "rol werkt niet in verzuimmeldingen",
    "partners_beheren": "rol beheert de partners van een verzuimmelding niet",
    "doorbraak_vastleggen": "rol legt geen doorbraakplan vast",
    "beeindigen": "rol beëindigt geen verzuimmelding",
    "rapporteren": "rol ziet de verzuimrapportage niet",
    "leerplichttelling": "alleen leerplicht en het samenwerkingsverband maken de leerplichttelling",
}


def melding_zichtbaarheid(actor: Any) -> Q:
    """Which verzuim cases this actor may read, as a filter on Verzuimmelding."""
    if actor is None or actor.rolsoort not in LEZERS:
        return Q(pk__in=[])
    rol = actor.rol
    if actor.rolsoort in SCHOOL:
        return Q(vestiging__school_id=rol.school_id)
    if actor.rolsoort == R.BESTUURDER:
        return Q(schoolbestuur_id=rol.schoolbestuur_id)
    if actor.rolsoort in SWV_LEZERS:
        return Q(samenwerkingsverband_id=rol.samenwerkingsverband_id)
    # A municipal worker sees a case only while they hold the role in the case's
    # municipality: the same person with a role elsewhere (or after moving) sees nothing.
    partner = Partner.objects.filter(
        melding=OuterRef("pk"),
        gebruiker_id=actor.gebruiker.pk,
        melding__gemeente_id=rol.gemeente_id,
    ).filter(actief_op(timezone.localdate()))
    return Q(Exists(partner))


@rules.predicate
def in_zicht(actor: Any, melding: Verzuimmelding | None) -> bool:
    if melding is None:
        return False
    return Verzuimmelding.objects.filter(melding_zichtbaarheid(actor), pk=melding.pk).exists()


class VerzuimBeleid(Beleid[Verzuimmelding]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(ROLLEN, objectacties=OBJECTACTIES, in_zicht=in_zicht)

    def filter_zichtbaar(
        self, actor: Any, queryset: QuerySet[Verzuimmelding]
    ) -> QuerySet[Verzuimmelding]:
        if actor is None:
            return queryset.none()
        return queryset.filter(melding_zichtbaarheid(actor))


beleid = VerzuimBeleid()
