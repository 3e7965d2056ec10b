"""Drawing up a draft OPP: starting it, its fields, factors, goals and overleg."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Inschrijving, Leerling
from passend.ondersteuning.models import (
    Doel,
    Factor,
    Ontwikkelingsperspectief,
    Overleg,
)
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    Status,
)
from passend.ondersteuning.services.basis import (
    BEWERKBARE_VELDEN,
    Conflict,
    _concept,
    _log,
)

GEBIED_NIET_ACTIEF = (
    "Dit ondersteuningsgebied wordt niet meer gebruikt. Kies een gebied uit de lijst."
)


def opp_starten(
    *, actor: Any, leerling: Leerling, start_extra_ondersteuning: date, route: str = ""
) -> Ontwikkelingsperspectief:
    """Start an OPP at the actor's school for a pupil enrolled there now."""
    beleid.eis(actor, "starten")
    vandaag = timezone.localdate()
    inschrijving = (
        Inschrijving.objects.filter(leerling=leerling, vestiging__school_id=actor.rol.school_id)
        .filter(actief_op(vandaag))
        .select_related("vestiging")
        .first()
    )
    if inschrijving is None:
        raise Geweigerd("Deze leerling staat niet ingeschreven op uw school.")
    with transaction.atomic():
        lopend = Ontwikkelingsperspectief.objects.select_for_update().filter(
            leerling=leerling,
            vestiging__school_id=actor.rol.school_id,
            status__in=[Status.CONCEPT, Status.VASTGESTELD],
        )
        if lopend.exists():
            raise ValidationError(
                "Deze leerling heeft al een lopend OPP op uw school. Werk dat bij of maak een herziening."
            )
        opp = Ontwikkelingsperspectief(
            leerling=leerling,
            vestiging=inschrijving.vestiging,
            start_extra_ondersteuning=start_extra_ondersteuning,
            aangemaakt_door=actor.gebruiker,
        )
        opp.full_clean()
        opp.save()
        _log(actor, opp, Actie.AANMAKEN, "OPP gestart", route)
    return opp


def opp_bijwerken(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    versie: str,
    wijzigingen: dict[str, Any],
    route: str = "",
) -> Ontwikkelingsperspectief:
    """Change the draft's own fields; refuses when it changed since ``versie`` was read."""
    onbekend = set(wijzigingen) - BEWERKBARE_VELDEN
    if onbekend:
        raise ValidationError(
            {veld: "Dit veld kan hier niet worden gewijzigd." for veld in onbekend}
        )
    with transaction.atomic():
        rij = _concept(opp, actor)
        if rij.gewijzigd_op.isoformat() != versie:
            raise Conflict("Iemand anders heeft dit OPP intussen gewijzigd.")
        gebied = wijzigingen.get("ondersteuningsgebied")
        if gebied is not None and not gebied.actief and gebied.pk != rij.ondersteuningsgebied_id:
            # A retired area may stay on a draft that has it, but is not chosen anew.
            raise ValidationError({"ondersteuningsgebied": GEBIED_NIET_ACTIEF})
        for veld, waarde in wijzigingen.items():
            setattr(rij, veld, waarde)
        rij.full_clean()
        rij.save()
        _log(actor, rij, Actie.WIJZIGEN, "OPP bijgewerkt: " + ", ".join(sorted(wijzigingen)), route)
    return rij


def _onderdeel_opslaan(
    actor: Any, opp: Ontwikkelingsperspectief, onderdeel: Any, reden: str, route: str
) -> Any:
    with transaction.atomic():
        rij = _concept(opp, actor)
        onderdeel.opp = rij
        onderdeel.full_clean()
        onderdeel.save()
        rij.save(update_fields=["gewijzigd_op"])  # a new version token for optimistic locking
        _log(actor, rij, Actie.WIJZIGEN, reden, route)
    return onderdeel


def factor_toevoegen(
    *, actor: Any, opp: Ontwikkelingsperspectief, soort: str, omschrijving: str, route: str = ""
) -> Factor:
    return _onderdeel_opslaan(
        actor,
        opp,
        Factor(soort=soort, omschrijving=omschrijving.strip()),
        "factor toegevoegd",
        route,
    )


def doel_toevoegen(
    *, actor: Any, opp: Ontwikkelingsperspectief, route: str = "", **velden: Any
) -> Doel:
    return _onderdeel_opslaan(
        actor, opp, Doel(**velden), "doel toegevoegd aan het handelingsdeel", route
    )


def overleg_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    datum: date,
    deelnemers: str,
    samenvatting: str,
    route: str = "",
) -> Overleg:
    return _onderdeel_opslaan(
        actor,
        opp,
        Overleg(datum=datum, deelnemers=deelnemers, samenvatting=samenvatting),
        "overleg met de ouders vastgelegd",
        route,
    )


def onderdeel_verwijderen(
    *, actor: Any, onderdeel: Factor | Doel | Overleg, route: str = ""
) -> None:
    with transaction.atomic():
        rij = _concept(onderdeel.opp, actor)
        onderdeel.delete()
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, f"{onderdeel._meta.verbose_name} verwijderd", route)
