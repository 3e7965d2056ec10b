"""Reads of the disagreement route (public data: no pupil, no access log)."""

from django.db.models import QuerySet

from passend.geschillen.models import Routestap


def standaardroute() -> list[Routestap]:
    """The installation's default route, in its order (one query)."""
    return list(Routestap.objects.filter(samenwerkingsverband=None).order_by("volgorde", "id"))


def eigen_route(samenwerkingsverband_id: int) -> QuerySet[Routestap]:
    return Routestap.objects.filter(samenwerkingsverband_id=samenwerkingsverband_id).order_by(
        "volgorde", "id"
    )


def route_van(samenwerkingsverband_id: int | None) -> list[Routestap]:
    """The SWV's own route if it keeps one, else the default (at most two queries)."""
    if samenwerkingsverband_id is not None:
        eigen = list(eigen_route(samenwerkingsverband_id))
        if eigen:
            return eigen
    return standaardroute()
