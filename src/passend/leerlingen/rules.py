"""Pure rules about pupils. No ORM, no ``now()``: dates are passed in."""

from datetime import date

from django.core.exceptions import ValidationError

from passend.organisaties.rules import normaliseer_postcode

WIJZIGBARE_VELDEN = frozenset(
    {"voornamen", "roepnaam", "tussenvoegsel", "achternaam", "postcode", "woongemeente"}
)


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def mag_zelf_inloggen(geboortedatum: date, peildatum: date, minimum_leeftijd: int) -> bool:
    """Pupils of 12 and older (setting) may log in themselves (DOMAIN.md 1)."""
    return leeftijd_op(geboortedatum, peildatum) >= minimum_leeftijd


def normaliseer_leerling_postcode(postcode: str) -> str:
    genormaliseerd = normaliseer_postcode(postcode or "")
    if genormaliseerd is None:
        raise ValidationError({"postcode": "Vul een postcode in als 1234 AB."})
    return genormaliseerd
