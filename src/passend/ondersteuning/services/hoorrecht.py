"""Hoorrecht: the pupil's view and what the school did with it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.ondersteuning.models import (
    Leerlingstem,
    Ontwikkelingsperspectief,
)
from passend.ondersteuning.rules import (
    Hoorwijze,
)
from passend.ondersteuning.services.basis import (
    Bevroren,
    _concept,
    _log,
    _vergrendeld,
)


def leerlingstem_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    wat_gaat_goed: str,
    wat_is_moeilijk: str,
    wat_wil_ik: str,
    hoorwijze: str,
    toelichting_hoorwijze: str = "",
    route: str = "",
) -> Leerlingstem:
    """Hoorrecht: the pupil's view, given alone (own log-in) or with the school."""
    if not any(t.strip() for t in (wat_gaat_goed, wat_is_moeilijk, wat_wil_ik)):
        raise ValidationError({"wat_wil_ik": "Vul minstens één vraag in."})
    if actor.rolsoort == "leerling" and hoorwijze != Hoorwijze.ZELF:
        raise ValidationError({"hoorwijze": "Als je het zelf invult, kies 'zelf'."})
    if hoorwijze == Hoorwijze.ANDERS and not toelichting_hoorwijze.strip():
        raise ValidationError({"toelichting_hoorwijze": "Beschrijf hoe de mening is opgehaald."})
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "mening_geven")
        if rij.is_bevroren:
            raise Bevroren()
        stem = Leerlingstem(
            opp=rij,
            wat_gaat_goed=wat_gaat_goed.strip(),
            wat_is_moeilijk=wat_is_moeilijk.strip(),
            wat_wil_ik=wat_wil_ik.strip(),
            hoorwijze=hoorwijze,
            toelichting_hoorwijze=toelichting_hoorwijze.strip(),
            datum=timezone.localdate(),
            vastgelegd_door=actor.gebruiker,
        )
        stem.full_clean()
        stem.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "mening van de leerling vastgelegd", route)
    return stem


def reactie_op_leerlingstem(
    *, actor: Any, stem: Leerlingstem, reactie: str, route: str = ""
) -> Leerlingstem:
    """What the school did with the pupil's view; the pupil can read it."""
    if not reactie.strip():
        raise ValidationError({"reactie_school": "Schrijf op wat de school met de mening doet."})
    with transaction.atomic():
        rij = _concept(stem.opp, actor)
        stem.reactie_school = reactie.strip()
        stem.reactie_door = actor.gebruiker
        stem.reactie_op = timezone.localdate()
        stem.save(update_fields=["reactie_school", "reactie_door", "reactie_op", "gewijzigd_op"])
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "reactie op de mening van de leerling", route)
    return stem
