"""Writing the demo offers: through the aanbod services (concept, save, publish), as the
school's schoolleider or, for a school without a demo log-in, as the SWV that keeps its
offer (the import route of the policy).

Only where the demo has nobody who may write a location's offer (a vo school of the VO SWV,
which has no directeur or functioneel beheerder log-in) is the published version seeded
directly, validated like the services do. The publication moments the services stamp
(today) are set back to the planned ones, counted from ``PEILDATUM`` (seeding, as in
``arrangementen``): the offer of a school year is published before its summer.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from passend.aanbod.models import Aanbod, Gebiedsaanbod
from passend.aanbod.rules import Status, volgend_schooljaar
from passend.aanbod.services import aanbod as services
from passend.aanbod.services.aanbod import Gebiedsinvoer
from passend.demo.bouwer.aanbod.aanbodplan import (
    SCHOOLJAAR,
    VORIG_SCHOOLJAAR,
    Aanbodplan,
    Locatie,
    plan_aanbod,
    plan_volgend_jaar,
    plan_vorig_jaar,
)
from passend.demo.bouwer.aanbod.actoren import Demoactoren
from passend.organisaties.models import Vestiging

#: The school whose first location shows the history of an offer: last year's version,
#: its correction that replaced it, this year's and a concept for next year.
GESCHIEDENIS_SCHOOL = "schoolleider.dezonnebloem"


@dataclass
class Telling:
    gepubliceerd: int = 0
    gezaaid: int = 0
    concepten: int = 0
    vervangen: int = 0


def _invoer(plan: Aanbodplan, gebied_ids: dict[str, int]) -> list[Gebiedsinvoer]:
    return [
        Gebiedsinvoer(
            gebied_id=gebied_ids[g.code],
            basisondersteuning=g.basisondersteuning,
            extra_ondersteuning=g.extra_ondersteuning,
            expertise=g.expertise,
            faciliteiten=g.faciliteiten,
            capaciteit=g.capaciteit,
        )
        for g in plan.gebieden
    ]


def _concept(
    actor: Any, vestiging: Vestiging, schooljaar: str, plan: Aanbodplan, gebied_ids: dict[str, int]
) -> Aanbod:
    concept = services.concept_aanbod(actor=actor, vestiging=vestiging, schooljaar=schooljaar)
    return services.aanbod_opslaan(
        actor=actor,
        aanbod=concept,
        revisie=concept.revisie,
        toelichting=plan.toelichting,
        contact=plan.contact,
        gebieden=_invoer(plan, gebied_ids),
    )


def _publiceren(
    actor: Any, vestiging: Vestiging, schooljaar: str, plan: Aanbodplan, gebied_ids: dict[str, int]
) -> Aanbod:
    concept = _concept(actor, vestiging, schooljaar, plan, gebied_ids)
    aanbod = services.aanbod_publiceren(actor=actor, aanbod=concept, revisie=concept.revisie)
    Aanbod.objects.filter(pk=aanbod.pk).update(gepubliceerd_op=plan.gepubliceerd_op)
    return aanbod


@transaction.atomic
def _zaaien(vestiging: Vestiging, plan: Aanbodplan, gebied_ids: dict[str, int]) -> Aanbod:
    """The published offer of ``SCHOOLJAAR`` written directly (no demo user may write it)."""
    aanbod = Aanbod(
        vestiging=vestiging,
        schooljaar=SCHOOLJAAR,
        status=Status.GEPUBLICEERD,
        openbaar=True,
        toelichting=plan.toelichting,
        contact=plan.contact,
        gepubliceerd_op=plan.gepubliceerd_op,
    )
    # Seeded: no person wrote or published it, so these stay empty (the columns allow it).
    aanbod.full_clean(exclude=["bewerkt_door", "gepubliceerd_door"])
    aanbod.save()
    regels = []
    for invoer in _invoer(plan, gebied_ids):
        regel = Gebiedsaanbod(
            aanbod=aanbod,
            gebied_id=invoer.gebied_id,
            basisondersteuning=invoer.basisondersteuning,
            extra_ondersteuning=invoer.extra_ondersteuning,
            expertise=invoer.expertise,
            faciliteiten=list(invoer.faciliteiten),
            capaciteit=invoer.capaciteit,
        )
        regel.full_clean(exclude=["aanbod"])
        regels.append(regel)
    Gebiedsaanbod.objects.bulk_create(regels)
    if services.normgebieden_ontbreken(aanbod):
        raise ValueError(f"Het demo-aanbod van {vestiging} mist een normgebied.")
    return aanbod


def aanbod_schrijven(
    *,
    vestigingen: list[Vestiging],
    swv_ids: dict[int, set[int]],
    actoren: Demoactoren,
    normgebieden: list[str],
    andere_gebieden: list[str],
    gebied_ids: dict[str, int],
) -> Telling:
    """Every location's published offer of ``SCHOOLJAAR``; the history at one location; a
    concept for next year at the first location of every school a demo user describes."""
    telling = Telling()
    gehad: set[int] = set()  # schools whose first location is done
    geschiedenis = next(
        (
            a.rol.school_id
            for a in actoren.schoolleiders.values()
            if a.gebruiker.username == GESCHIEDENIS_SCHOOL
        ),
        None,
    )
    for vestiging in vestigingen:
        locatie = Locatie.van(vestiging)
        plan = plan_aanbod(locatie, normgebieden=normgebieden, andere_gebieden=andere_gebieden)
        eerste_van_school = vestiging.school_id not in gehad
        gehad.add(vestiging.school_id)
        uitgever = actoren.uitgever(vestiging, swv_ids.get(vestiging.pk, set()))
        if uitgever is None:
            _zaaien(vestiging, plan, gebied_ids)
            telling.gezaaid += 1
            continue
        if vestiging.school_id == geschiedenis and eerste_van_school:
            for vorig in plan_vorig_jaar(plan):
                _publiceren(uitgever, vestiging, VORIG_SCHOOLJAAR, vorig, gebied_ids)
            telling.vervangen += 1
        _publiceren(uitgever, vestiging, SCHOOLJAAR, plan, gebied_ids)
        telling.gepubliceerd += 1
        beschrijver = actoren.beschrijvers.get(vestiging.school_id)
        if beschrijver is not None and eerste_van_school:
            volgend = plan_volgend_jaar(plan, andere_gebieden=andere_gebieden)
            _concept(beschrijver, vestiging, volgend_schooljaar(SCHOOLJAAR), volgend, gebied_ids)
            telling.concepten += 1
    return telling
