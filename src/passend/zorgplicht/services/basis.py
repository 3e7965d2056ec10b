"""Shared by the registration services: their errors, the new-child input, the history
step, row locking with the policy check, and the access log."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling
from passend.organisaties.models import Gemeente
from passend.zorgplicht.models import Aanmelding, Stap
from passend.zorgplicht.permissions import beleid
from passend.zorgplicht.rules import (
    StapSoort,
)
from passend.zorgplicht.selectors import OBJECT_TYPE


class Conflict(Exception):
    """Somebody else changed this registration at the same moment: nothing was saved."""


class NietMogelijk(ValidationError):
    """The registration's state does not allow this (already decided, already extended, the
    term has passed). ``weigering`` names the reason for the API."""

    def __init__(self, code: str, melding: str) -> None:
        super().__init__(melding, code=code)
        self.weigering = code
        self.melding = melding


@dataclass(frozen=True)
class NieuwKind:
    """A child that is not in Passend yet (a first registration at a school)."""

    voornamen: str
    achternaam: str
    geboortedatum: date
    postcode: str
    woongemeente: Gemeente | None = None
    roepnaam: str = ""
    tussenvoegsel: str = ""


def _fouten(fouten: dict[str, str]) -> ValidationError:
    return ValidationError({veld or NON_FIELD_ERRORS: melding for veld, melding in fouten.items()})


def _log(
    actor: Any,
    *,
    actie: Actie,
    aanmelding: Aanmelding | None,
    leerling: Leerling | None,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(aanmelding.sleutel) if aanmelding is not None else "",
        leerling_sleutels=[leerling.sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def _stap(aanmelding: Aanmelding, soort: StapSoort, datum: date, actor: Any, tekst: str) -> Stap:
    return Stap.objects.create(
        aanmelding=aanmelding,
        soort=soort,
        datum=datum,
        door=actor.gebruiker,
        rol=f"{actor.rol_label} · {actor.organisatie_label}"[:100],
        omschrijving=tekst[:500],
    )


def _vergrendeld(aanmelding: Aanmelding, actor: Any, actie: str) -> Aanmelding:
    """Lock the row and check the policy again on the locked row."""
    rij = (
        Aanmelding.objects.select_for_update()
        .select_related("leerling", "vestiging__school")
        .get(pk=aanmelding.pk)
    )
    beleid.eis(actor, actie, rij)
    return rij


def _weigering_vastleggen(actor: Any, aanmelding: Aanmelding, fout: Geweigerd, route: str) -> None:
    """A refusal is logged after the write's transaction was rolled back."""
    _log(
        actor,
        actie=Actie.WIJZIGEN,
        aanmelding=aanmelding,
        leerling=aanmelding.leerling,
        toegestaan=False,
        reden=fout.reden,
        route=route,
    )
