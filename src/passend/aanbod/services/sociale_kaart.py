"""Writes of the region's sociale kaart: the SWV's loket, directeur and functioneel
beheerder add, change, deactivate and reactivate the Voorziening rows of their own SWV.
Nothing is ever removed: a deactivated entry disappears from the public guide and can come
back. A change carries the ``revisie`` the form was opened with; a stale one is refused
(``Conflict``), never overwrites."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from passend.aanbod.models import Ondersteuningsgebied, Voorziening, Voorzieningsoort
from passend.aanbod.permissions import beleid
from passend.aanbod.services.basis import Conflict
from passend.core.permissions import Geweigerd
from passend.organisaties.models import Gemeente, Samenwerkingsverband


@dataclass(frozen=True)
class Voorzieningsinvoer:
    """Everything a Voorziening says; ``gemeenten`` empty means the SWV's whole area."""

    soort: str
    naam: str
    wat: str
    voor_wie: str
    telefoon: str = ""
    email: str = ""
    website: str = ""
    adres: str = ""
    openingstijden: str = ""
    gemeente_ids: Sequence[int] = ()
    gebied_ids: Sequence[int] = ()


def _swv_van(actor: Any) -> Samenwerkingsverband:
    swv = getattr(actor.rol, "samenwerkingsverband", None)
    if swv is None:
        raise Geweigerd("geen samenwerkingsverband bij deze rol")
    return swv


def _koppelingen_controleren(
    swv: Samenwerkingsverband, invoer: Voorzieningsinvoer
) -> tuple[list[Gemeente], list[Ondersteuningsgebied]]:
    fouten: dict[str, str] = {}
    gemeente_ids = set(invoer.gemeente_ids)
    gemeenten = list(swv.werkgebied.filter(pk__in=gemeente_ids))
    if len(gemeenten) != len(gemeente_ids):
        fouten["gemeenten"] = (
            "Kies alleen gemeenten uit het werkgebied van uw samenwerkingsverband."
        )
    gebied_ids = set(invoer.gebied_ids)
    gebieden = list(Ondersteuningsgebied.objects.filter(pk__in=gebied_ids, actief=True))
    if len(gebieden) != len(gebied_ids):
        fouten["gebieden"] = "Kies alleen gebieden uit de lijst."
    if invoer.soort not in Voorzieningsoort.values:
        fouten["soort"] = "Kies een soort uit de lijst."
    if fouten:
        raise ValidationError(fouten)
    return gemeenten, gebieden


def _invullen(voorziening: Voorziening, invoer: Voorzieningsinvoer) -> None:
    voorziening.soort = invoer.soort
    for veld in ("naam", "wat", "voor_wie", "telefoon", "email", "website", "adres"):
        setattr(voorziening, veld, getattr(invoer, veld).strip())
    voorziening.openingstijden = invoer.openingstijden.strip()


@transaction.atomic
def voorziening_toevoegen(*, actor: Any, invoer: Voorzieningsinvoer) -> Voorziening:
    """A new entry of the actor's own SWV's sociale kaart (active)."""
    beleid.eis(actor, "sociale_kaart_beheren")
    swv = _swv_van(actor)
    gemeenten, gebieden = _koppelingen_controleren(swv, invoer)
    voorziening = Voorziening(samenwerkingsverband=swv, bewerkt_door=actor.gebruiker)
    _invullen(voorziening, invoer)
    beleid.eis(actor, "voorziening_beheren", voorziening)
    voorziening.full_clean()
    voorziening.save()
    voorziening.gemeenten.set(gemeenten)
    voorziening.gebieden.set(gebieden)
    return voorziening


def _vergrendeld(actor: Any, voorziening: Voorziening, revisie: int) -> Voorziening:
    beleid.eis(actor, "voorziening_beheren", voorziening)
    rij = Voorziening.objects.select_for_update().get(pk=voorziening.pk)
    beleid.eis(actor, "voorziening_beheren", rij)
    if rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft deze voorziening intussen gewijzigd. Bekijk de nieuwe versie "
            "en voer uw wijziging opnieuw in.",
            code="revisie",
        )
    return rij


@transaction.atomic
def voorziening_wijzigen(
    *, actor: Any, voorziening: Voorziening, revisie: int, invoer: Voorzieningsinvoer
) -> Voorziening:
    """Change every field of an entry; ``revisie`` must be the one the form was opened with."""
    rij = _vergrendeld(actor, voorziening, revisie)
    gemeenten, gebieden = _koppelingen_controleren(rij.samenwerkingsverband, invoer)
    _invullen(rij, invoer)
    rij.revisie += 1
    rij.bewerkt_door = actor.gebruiker
    rij.full_clean()
    rij.save()
    rij.gemeenten.set(gemeenten)
    rij.gebieden.set(gebieden)
    return rij


@transaction.atomic
def voorziening_activeren(
    *, actor: Any, voorziening: Voorziening, revisie: int, actief: bool = True
) -> Voorziening:
    """Show the entry in the public guide again (``actief=True``) or hide it (``False``).
    Asking for the state it already has changes nothing."""
    rij = _vergrendeld(actor, voorziening, revisie)
    if rij.actief == actief:
        return rij
    rij.actief = actief
    rij.revisie += 1
    rij.bewerkt_door = actor.gebruiker
    rij.save(update_fields=["actief", "revisie", "bewerkt_door", "gewijzigd_op"])
    return rij


def voorziening_deactiveren(*, actor: Any, voorziening: Voorziening, revisie: int) -> Voorziening:
    """Hide the entry from the public guide (it is kept and can be reactivated)."""
    return voorziening_activeren(
        actor=actor, voorziening=voorziening, revisie=revisie, actief=False
    )
