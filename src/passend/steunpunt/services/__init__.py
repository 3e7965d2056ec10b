"""Writes of the steunpunt app."""

from passend.steunpunt.services.basis import Conflict
from passend.steunpunt.services.contacten import Contactinvoer, contact_vastleggen, contact_wijzigen
from passend.steunpunt.services.toestemming import toestemming_geven, toestemming_intrekken

__all__ = [
    "Conflict",
    "Contactinvoer",
    "contact_vastleggen",
    "contact_wijzigen",
    "toestemming_geven",
    "toestemming_intrekken",
]
