"""Writes of the waiting lists of sbo, so and vso locations (motion 31497-377): a figure per
date, for the whole location or one area. History is kept: a figure is added, never
changed, and one date holds one figure per location and area."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.aanbod.models import Ondersteuningsgebied, Wachtlijststand
from passend.aanbod.permissions import beleid
from passend.organisaties.models import Vestiging

#: The Wet passend onderwijs came into force on 1 August 2014: no earlier figures.
VROEGSTE_PEILDATUM = date(2014, 8, 1)


def _dubbel(gebied: Ondersteuningsgebied | None) -> ValidationError:
    voor = f"het onderwerp {gebied.naam}" if gebied is not None else "de hele vestiging"
    return ValidationError(
        {
            "peildatum": f"Voor deze datum is al een telling vastgelegd voor {voor}. "
            "Kies een andere datum of een ander onderwerp."
        }
    )


@transaction.atomic
def wachtlijststand_vastleggen(
    *,
    actor: Any,
    vestiging: Vestiging,
    peildatum: date,
    aantal_wachtend: int,
    verwachte_wachttijd_weken: int | None = None,
    capaciteit: int | None = None,
    gebied: Ondersteuningsgebied | None = None,
) -> Wachtlijststand:
    """Record the waiting list of the location on ``peildatum`` (not in the future, not
    before passend onderwijs began). A second figure for the same date and area is refused."""
    beleid.eis(actor, "wachtlijst_bijhouden", vestiging)
    vandaag = timezone.localdate()
    fouten: dict[str, str] = {}
    if peildatum > vandaag:
        fouten["peildatum"] = "De datum van de telling kan niet in de toekomst liggen."
    elif peildatum < VROEGSTE_PEILDATUM:
        fouten["peildatum"] = (
            "De datum van de telling kan niet vóór 1 augustus 2014 liggen, "
            "de start van passend onderwijs."
        )
    if gebied is not None and not gebied.actief:
        fouten["gebied"] = "Kies een onderwerp uit de lijst."
    if fouten:
        raise ValidationError(fouten)
    # One writer per location at a time: the duplicate check below then holds.
    Vestiging.objects.select_for_update().filter(pk=vestiging.pk).first()
    if Wachtlijststand.objects.filter(
        vestiging=vestiging, peildatum=peildatum, gebied=gebied
    ).exists():
        raise _dubbel(gebied)
    stand = Wachtlijststand(
        vestiging=vestiging,
        gebied=gebied,
        peildatum=peildatum,
        aantal_wachtend=aantal_wachtend,
        verwachte_wachttijd_weken=verwachte_wachttijd_weken,
        capaciteit=capaciteit,
        vastgelegd_door=actor.gebruiker,
    )
    stand.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            stand.save()
    except IntegrityError as fout:
        raise _dubbel(gebied) from fout
    return stand
