"""Reads of the verzuim app. Visibility is part of every selector; reading one case is
logged (``zaken.melding_voor_actor``)."""

from passend.verzuim.selectors.zaken import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    melding_dossier,
    melding_voor_actor,
    melding_voor_schrijven,
    meldingen_zichtbaar_voor,
)

__all__ = [
    "NIET_GEVONDEN",
    "OBJECT_TYPE",
    "melding_dossier",
    "melding_voor_actor",
    "melding_voor_schrijven",
    "meldingen_zichtbaar_voor",
]
