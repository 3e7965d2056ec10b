"""The steunpunt records and changes its contacts. A contact is anonymous, or linked to a
child whose parent gave this SWV's steunpunt a running consent. A change carries the
``revisie`` the form was opened with; a stale one is refused (``Conflict``). A write of a
linked contact is logged with the pupil's key (a change that removes the link, with the key
of the child linked before); an anonymous one holds no pupil data."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling
from passend.steunpunt.models import Contact, Contactthema, Toestemming
from passend.steunpunt.permissions import beleid
from passend.steunpunt.rules import contact_fouten, noemt_naam
from passend.steunpunt.selectors.contacten import OBJECT_TYPE
from passend.steunpunt.services.basis import Conflict


@dataclass(frozen=True)
class Contactinvoer:
    datum: date
    kanaal: str
    wie: str
    themas: Sequence[str]
    samenvatting: str
    signaal: str = ""
    doorverwijzing: str = "geen"
    #: The child's id (None: anonymous).
    leerling_id: int | None = None


def _toestemming(swv_id: int, invoer: Contactinvoer) -> Toestemming | None:
    if invoer.leerling_id is None:
        return None
    # Lock the running consent: a withdrawal committed at the same moment waits for this
    # write, or (if it came first) the row no longer matches and the link is refused.
    toestemming = (
        Toestemming.objects.select_for_update(of=("self",))
        .select_related("leerling")
        .filter(
            leerling_id=invoer.leerling_id,
            samenwerkingsverband_id=swv_id,
            ingetrokken_op__isnull=True,
        )
        .first()
    )
    if toestemming is None:
        raise ValidationError(
            {
                "leerling": "Voor dit kind is geen toestemming (meer) van een ouder. Leg het "
                "contact anoniem vast."
            }
        )
    return toestemming


def _controleren(swv_id: int, invoer: Contactinvoer, vandaag: date) -> Toestemming | None:
    fouten = contact_fouten(
        datum=invoer.datum,
        vandaag=vandaag,
        themas=invoer.themas,
        samenvatting=invoer.samenvatting,
        signaal=invoer.signaal,
        kanaal=invoer.kanaal,
        wie=invoer.wie,
        doorverwijzing=invoer.doorverwijzing,
    )
    try:
        toestemming = _toestemming(swv_id, invoer)
    except ValidationError as fout:
        fouten.update({k: v[0] for k, v in fout.message_dict.items()})
        toestemming = None
    if toestemming is not None:
        kind = toestemming.leerling
        if noemt_naam(invoer.signaal, [kind.roepnaam, kind.achternaam, *kind.voornamen.split()]):
            fouten["signaal"] = "Noem in het signaal geen namen: het bestuur leest het."
    if fouten:
        raise ValidationError(fouten)
    return toestemming


def _invullen(contact: Contact, invoer: Contactinvoer, toestemming: Toestemming | None) -> None:
    contact.datum = invoer.datum
    contact.kanaal = invoer.kanaal
    contact.wie = invoer.wie
    contact.samenvatting = invoer.samenvatting.strip()
    contact.signaal = invoer.signaal.strip()
    contact.doorverwijzing = invoer.doorverwijzing
    contact.toestemming = toestemming
    contact.leerling = toestemming.leerling if toestemming is not None else None


def _themas_opslaan(contact: Contact, themas: Sequence[str]) -> None:
    Contactthema.objects.filter(contact=contact).delete()
    Contactthema.objects.bulk_create(
        [Contactthema(contact=contact, thema=t) for t in dict.fromkeys(themas)]
    )


def _loggen(
    actor: Any,
    contact: Contact,
    actie: Actie,
    reden: str,
    route: str,
    vorige: Leerling | None = None,
) -> None:
    """One record with the keys of the child linked now and of the child linked before
    (a change that removes or replaces a link touches that child's data too)."""
    sleutels = list(
        dict.fromkeys(kind.sleutel for kind in (contact.leerling, vorige) if kind is not None)
    )
    if not sleutels:
        return  # anonymous before and after: no pupil data
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(contact.sleutel),
        leerling_sleutels=sleutels,
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _swv_van(actor: Any) -> int:
    swv = actor.rol.samenwerkingsverband_id
    if swv is None:
        raise Geweigerd("geen samenwerkingsverband bij deze rol")
    return int(swv)


@transaction.atomic
def contact_vastleggen(
    *, actor: Any, invoer: Contactinvoer, vandaag: date, route: str = ""
) -> Contact:
    beleid.eis(actor, "contacten")
    swv_id = _swv_van(actor)
    toestemming = _controleren(swv_id, invoer, vandaag)
    contact = Contact(samenwerkingsverband_id=swv_id, vastgelegd_door=actor.gebruiker)
    _invullen(contact, invoer, toestemming)
    contact.full_clean()
    contact.save()
    _themas_opslaan(contact, invoer.themas)
    _loggen(actor, contact, Actie.AANMAKEN, "contact van het steunpunt vastgelegd", route)
    return contact


@transaction.atomic
def contact_wijzigen(
    *,
    actor: Any,
    contact: Contact,
    revisie: int,
    invoer: Contactinvoer,
    vandaag: date,
    route: str = "",
) -> Contact:
    beleid.eis(actor, "contact_wijzigen", contact)
    rij = (
        Contact.objects.select_for_update(of=("self",))
        .select_related("leerling")
        .get(pk=contact.pk)
    )
    beleid.eis(actor, "contact_wijzigen", rij)
    if rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft dit contact intussen gewijzigd. Bekijk de nieuwe versie en "
            "voer uw wijziging opnieuw in.",
            code="revisie",
        )
    toestemming = _controleren(rij.samenwerkingsverband_id, invoer, vandaag)
    vorige = rij.leerling
    _invullen(rij, invoer, toestemming)
    rij.revisie += 1
    rij.full_clean()
    rij.save()
    _themas_opslaan(rij, invoer.themas)
    _loggen(actor, rij, Actie.WIJZIGEN, "contact van het steunpunt gewijzigd", route, vorige)
    return rij
