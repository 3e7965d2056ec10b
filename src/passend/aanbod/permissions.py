"""The aanbod policy: who may describe, publish and read a location's support offer, keep
its waiting list and schoolgids text, and who keeps the region's sociale kaart.

The offer holds no pupil data. Published offers and the sociale kaart are public (the
guide reads them without a log-in, through ``selectors.catalogus``); drafts are seen only
by the school and its SWV.

* the school's intern begeleider / ondersteuningscoördinator and schoolleider describe the
  offer of their own school's locations, keep the waiting list of its sbo/so/vso locations
  and edit the schoolgids text; only the schoolleider publishes;
* the board reads its schools' offers, drafts included;
* the SWV's loket, commissielid, directeur and functioneel beheerder read the offers and
  waiting lists of the locations in their region; the directeur and functioneel beheerder
  import and export the region's offer as CSV (writing drafts, or publishing on request);
  the loket, directeur and functioneel beheerder keep the sociale kaart.
"""

from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from passend.aanbod.rules import wachtlijst_past_bij_soort
from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.core.permissions import Beleid, heeft_rol_in
from passend.organisaties.models import SwvLidmaatschap, Vestiging

SCHOOLBESCHRIJVERS = frozenset({Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER})
PUBLICEERDERS = frozenset({Rolsoort.SCHOOLLEIDER})
SWV_LEZERS = frozenset(
    {Rolsoort.LOKET, Rolsoort.COMMISSIELID, Rolsoort.DIRECTEUR, Rolsoort.FUNCTIONEEL_BEHEERDER}
)
SWV_IMPORTEURS = frozenset({Rolsoort.DIRECTEUR, Rolsoort.FUNCTIONEEL_BEHEERDER})
KAARTBEHEERDERS = frozenset({Rolsoort.LOKET, Rolsoort.DIRECTEUR, Rolsoort.FUNCTIONEEL_BEHEERDER})
LEZERS = SCHOOLBESCHRIJVERS | {Rolsoort.BESTUURDER} | SWV_LEZERS


def vestiging_zichtbaarheid(actor: Any) -> Q:
    """The locations whose offer (drafts included) and waiting list this actor may read, as
    a filter on Vestiging."""
    if actor is None or actor.rolsoort not in LEZERS:
        return Q(pk__in=[])
    rol = actor.rol
    if actor.rolsoort in SCHOOLBESCHRIJVERS:
        return Q(school_id=rol.school_id)
    if actor.rolsoort == Rolsoort.BESTUURDER:
        return Q(school__bestuur_id=rol.schoolbestuur_id)
    lid = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("pk"), samenwerkingsverband_id=rol.samenwerkingsverband_id
    ).filter(actief_op(timezone.localdate()))
    return Q(Exists(lid))


@rules.predicate
def vestiging_in_zicht(actor: Any, vestiging: Vestiging | None) -> bool:
    if vestiging is None:
        return False
    return Vestiging.objects.filter(vestiging_zichtbaarheid(actor), pk=vestiging.pk).exists()


@rules.predicate
def eigen_school(actor: Any, vestiging: Vestiging | None) -> bool:
    return vestiging is not None and vestiging.school_id == actor.rol.school_id


@rules.predicate
def heeft_wachtlijst(actor: Any, vestiging: Vestiging | None) -> bool:
    return vestiging is not None and wachtlijst_past_bij_soort(vestiging.soort)


@rules.predicate
def eigen_swv(actor: Any, obj: Any) -> bool:
    """For a Voorziening (or anything with ``samenwerkingsverband_id``): the actor's SWV."""
    return obj is not None and obj.samenwerkingsverband_id == actor.rol.samenwerkingsverband_id


is_lezer = heeft_rol_in(LEZERS)
beschrijft = heeft_rol_in(SCHOOLBESCHRIJVERS)
publiceert = heeft_rol_in(PUBLICEERDERS)
is_swv_lezer = heeft_rol_in(SWV_LEZERS)
importeert = heeft_rol_in(SWV_IMPORTEURS)
beheert_kaart = heeft_rol_in(KAARTBEHEERDERS)


class AanbodBeleid(Beleid[Any]):
    regels = rules.RuleSet()
    # Role checks (no object): a role that may never do this gets a 403.
    regels.add_rule("aanbod_inzien", is_lezer)
    regels.add_rule("aanbod_beschrijven", beschrijft)
    regels.add_rule("aanbod_publiceren", publiceert)
    regels.add_rule("regio_inzien", is_swv_lezer)
    regels.add_rule("regio_importeren", importeert)
    regels.add_rule("sociale_kaart_beheren", beheert_kaart)
    # Object checks on a Vestiging: hidden is a 404 in the views.
    regels.add_rule("vestiging_inzien", is_lezer & vestiging_in_zicht)
    regels.add_rule("vestiging_beschrijven", beschrijft & eigen_school)
    regels.add_rule("vestiging_publiceren", publiceert & eigen_school)
    # The SWV's import writes the offer of the locations in its region.
    regels.add_rule("vestiging_importeren", importeert & vestiging_in_zicht)
    regels.add_rule("wachtlijst_bijhouden", beschrijft & eigen_school & heeft_wachtlijst)
    regels.add_rule("schoolgids_bewerken", beschrijft & eigen_school)
    # Object checks on a Voorziening of the sociale kaart.
    regels.add_rule("voorziening_beheren", beheert_kaart & eigen_swv)


beleid = AanbodBeleid()
