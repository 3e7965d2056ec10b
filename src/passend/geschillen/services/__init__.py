"""Writes of the geschillen app (the Veilig Thuis guard is ``services.veilig_thuis``)."""

from passend.geschillen.services.basis import OBJECT_TYPE, Conflict
from passend.geschillen.services.onenigheid import (
    Commissieresultaat,
    commissie_vastleggen,
    onenigheid_afsluiten,
    onenigheid_intrekken,
    onenigheid_starten,
    stap_afronden,
    stap_beginnen,
)
from passend.geschillen.services.route import route_overnemen, routestap_wijzigen

__all__ = [
    "OBJECT_TYPE",
    "Commissieresultaat",
    "Conflict",
    "commissie_vastleggen",
    "onenigheid_afsluiten",
    "onenigheid_intrekken",
    "onenigheid_starten",
    "route_overnemen",
    "routestap_wijzigen",
    "stap_afronden",
    "stap_beginnen",
]
