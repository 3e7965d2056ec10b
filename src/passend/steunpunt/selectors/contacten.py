"""Reads of contacts. Visibility is part of every selector.

Access log: a contact linked to a child is pupil data, so every read of it writes one
record, with the pupil's key while the consent runs and the child is shown (after a
withdrawal nothing of the child is shown: the record holds no key); an anonymous contact
holds no pupil data and writes none
(ADR-style decision, see the module docstring of ``views``). A refused read (another
SWV's contact) is logged and answered with a 404.
"""

from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Inschrijving
from passend.steunpunt.models import Contact, Contactthema
from passend.steunpunt.permissions import beleid

OBJECT_TYPE = "steunpuntcontact"
NIET_GEVONDEN = "Dit contact bestaat niet of u mag het niet zien."
#: A list page shows at most this many contacts per page.
PER_PAGINA = 50


def contacten_zichtbaar_voor(*, actor: Any) -> QuerySet[Contact]:
    """The actor's SWV's contacts, newest first, with their themes (no pupil data)."""
    return (
        beleid.filter_zichtbaar(actor, Contact.objects.all())
        .prefetch_related(Prefetch("themas", queryset=Contactthema.objects.order_by("thema")))
        .order_by("-datum", "-id")
    )


def _contact(sleutel: UUID) -> Contact | None:
    return (
        Contact.objects.filter(sleutel=sleutel)
        .select_related("leerling", "toestemming", "vastgelegd_door", "samenwerkingsverband")
        .prefetch_related(Prefetch("themas", queryset=Contactthema.objects.order_by("thema")))
        .first()
    )


def contact_voor_actor(
    *, actor: Any, sleutel: UUID, actie: str, doel: str, route: str, log_actie: Actie = Actie.LEZEN
) -> Contact:
    """One contact, authorised; a linked one is logged (with the pupil's key only while the
    consent runs and the child is shown); else 404."""
    contact = _contact(sleutel)
    toegestaan = contact is not None and beleid.mag(actor, actie, contact)
    toont_kind = contact is not None and contact.kind_zichtbaar
    if not toegestaan or (contact is not None and contact.gekoppeld):
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=OBJECT_TYPE,
            object_id=str(sleutel),
            leerling_sleutels=[contact.leerling.sleutel]
            if toegestaan and contact is not None and contact.leerling is not None and toont_kind
            else [],
            toegestaan=toegestaan,
            reden=doel if toegestaan else f"geweigerd: {doel}",
            route=route,
        )
    if not toegestaan or contact is None:
        raise Http404(NIET_GEVONDEN)
    return contact


def contact_voor_schrijven(*, actor: Any, sleutel: UUID, doel: str, route: str) -> Contact:
    """A contact for a change, authorised without logging (the service logs); else 404."""
    contact = _contact(sleutel)
    if contact is not None and beleid.mag(actor, "contact_wijzigen", contact):
        return contact
    contact_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="contact_wijzigen",
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    raise Http404(NIET_GEVONDEN)  # only reached if the rights changed in between


def school_van(contact: Contact) -> str:
    """The name of the linked child's current school location ('' if none): one query."""
    if contact.leerling_id is None:
        return ""
    inschrijving = (
        Inschrijving.objects.filter(leerling_id=contact.leerling_id)
        .filter(actief_op(timezone.localdate()))
        .select_related("vestiging")
        .order_by("-van")
        .first()
    )
    return inschrijving.vestiging.naam if inschrijving else ""
