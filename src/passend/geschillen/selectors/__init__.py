"""Reads of the geschillen app: disagreements for a pupil (``open_onenigheid``, for other
apps), one case with its route and terms (``onenigheid``), the route (``route``) and counts
(``cijfers``) and the monitor's figures (``veilig_thuis_kengetallen``). The Veilig Thuis
reads are ``selectors.veilig_thuis``."""

from datetime import date
from typing import Any

from django.db.models import Q

from passend.geschillen.models import Onenigheid
from passend.geschillen.rules import Status
from passend.geschillen.selectors import cijfers
from passend.geschillen.selectors.kengetallen import veilig_thuis_kengetallen
from passend.geschillen.selectors.onenigheid import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    Stand,
    Termijn,
    kinderen_met_gezag,
    koppelingen_voor,
    koppelkeuzes,
    onenigheden_zichtbaar_voor,
    onenigheid_detail,
    onenigheid_voor_actor,
    onenigheid_voor_schrijven,
    overzicht,
    portaal_onenigheden,
    stand_van,
    termijnen_van,
    wie_schreef,
)
from passend.geschillen.selectors.route import eigen_route, route_van, standaardroute


def open_onenigheid(leerling: Any) -> Onenigheid | None:
    """The most recently started open disagreement about this pupil, or None.

    No authorisation and no access-log record: for other apps' guards (the Veilig Thuis
    form) that already authorised and logged the pupil's file."""
    return (
        Onenigheid.objects.filter(leerling=leerling, status=Status.OPEN)
        .order_by("-gestart_op", "-id")
        .first()
    )


def onenigheid_open_op(leerling: Any, op: date) -> Onenigheid | None:
    """The most recently started disagreement about this pupil that was open on ``op``
    (started on or before it, not closed before it), or None. Like ``open_onenigheid``: no
    authorisation and no access-log record."""
    return (
        Onenigheid.objects.filter(leerling=leerling, gestart_op__lte=op)
        .filter(Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=op))
        .order_by("-gestart_op", "-id")
        .first()
    )


__all__ = [
    "NIET_GEVONDEN",
    "OBJECT_TYPE",
    "Stand",
    "Termijn",
    "cijfers",
    "eigen_route",
    "kinderen_met_gezag",
    "koppelingen_voor",
    "koppelkeuzes",
    "onenigheden_zichtbaar_voor",
    "onenigheid_detail",
    "onenigheid_open_op",
    "onenigheid_voor_actor",
    "onenigheid_voor_schrijven",
    "open_onenigheid",
    "overzicht",
    "portaal_onenigheden",
    "route_van",
    "stand_van",
    "standaardroute",
    "termijnen_van",
    "veilig_thuis_kengetallen",
    "wie_schreef",
]
