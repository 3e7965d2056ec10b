"""A parent gives the steunpunt of the SWV of their child's school consent to link contacts
to the child, or withdraws it. Only a parent with gezag; only an SWV of the child's current
school. Withdrawing keeps the row (history). Each write is logged with the pupil's key."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling, Ouderschap
from passend.steunpunt.models import Toestemming
from passend.steunpunt.permissions import beleid
from passend.steunpunt.selectors.toestemming import swvs_van_school
from passend.steunpunt.services.basis import Conflict

OBJECT_TYPE = "steunpunttoestemming"


def _heeft_gezag(actor: Any, leerling_id: int) -> bool:
    return Ouderschap.objects.filter(
        ouder=actor.gebruiker, leerling_id=leerling_id, gezag=True
    ).exists()


@transaction.atomic
def toestemming_geven(
    *, actor: Any, leerling: Leerling, samenwerkingsverband_id: int, vandaag: date, route: str = ""
) -> Toestemming:
    beleid.eis(actor, "toestemming")
    if not _heeft_gezag(actor, leerling.pk):
        raise ValidationError({"kind": "Kies een van uw eigen kinderen."})
    swvs = swvs_van_school(leerling_ids=[leerling.pk], peildatum=vandaag).get(leerling.pk, [])
    if samenwerkingsverband_id not in {s.pk for s in swvs}:
        raise ValidationError(
            {"kind": "Dit steunpunt hoort niet bij de school van uw kind. Kies opnieuw."}
        )
    # Lock the child's row so two requests cannot both start a consent.
    Leerling.objects.select_for_update().filter(pk=leerling.pk).first()
    if Toestemming.objects.filter(
        leerling=leerling,
        samenwerkingsverband_id=samenwerkingsverband_id,
        ingetrokken_op__isnull=True,
    ).exists():
        raise Conflict("U gaf dit steunpunt al toestemming voor dit kind.", code="bestaat")
    toestemming = Toestemming(
        leerling=leerling,
        samenwerkingsverband_id=samenwerkingsverband_id,
        gegeven_op=vandaag,
        gegeven_door=actor.gebruiker,
    )
    toestemming.full_clean()
    toestemming.save()
    toegang_vastleggen(
        actor=actor,
        actie=Actie.AANMAKEN,
        object_type=OBJECT_TYPE,
        object_id=str(toestemming.pk),
        leerling_sleutels=[leerling.sleutel],
        toegestaan=True,
        reden="toestemming gegeven aan het ouder- en jeugdsteunpunt",
        route=route,
    )
    return toestemming


@transaction.atomic
def toestemming_intrekken(
    *, actor: Any, toestemming_id: int, vandaag: date, route: str = ""
) -> Toestemming:
    """End a running consent. Linked contacts keep their link, but the child's details are
    no longer shown to the steunpunt."""
    beleid.eis(actor, "toestemming")
    rij = (
        Toestemming.objects.select_for_update()
        .select_related("leerling")
        .filter(pk=toestemming_id)
        .first()
    )
    if rij is None or not _heeft_gezag(actor, rij.leerling_id):
        raise ValidationError({"toestemming": "Deze toestemming kunt u niet intrekken."})
    if not rij.loopt:
        raise Conflict("Deze toestemming was al ingetrokken.", code="ingetrokken")
    rij.ingetrokken_op = max(vandaag, rij.gegeven_op)
    rij.ingetrokken_door = actor.gebruiker
    rij.save(update_fields=["ingetrokken_op", "ingetrokken_door", "gewijzigd_op"])
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type=OBJECT_TYPE,
        object_id=str(rij.pk),
        leerling_sleutels=[rij.leerling.sleutel],
        toegestaan=True,
        reden="toestemming voor het ouder- en jeugdsteunpunt ingetrokken",
        route=route,
    )
    return rij
