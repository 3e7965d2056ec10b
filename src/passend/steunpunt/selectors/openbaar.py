"""The public list of every steunpunt (measure 7): every SWV of the installation with the
active steunpunt entries of its sociale kaart (read through ``aanbod.selectors.catalogus``,
which only returns public, active entries). Public data only; a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import QuerySet

from passend.aanbod.models import Voorziening, Voorzieningsoort
from passend.aanbod.selectors.catalogus import openbare_voorzieningen
from passend.organisaties.models import Gemeente, Samenwerkingsverband


@dataclass(frozen=True)
class SwvMetSteunpunten:
    samenwerkingsverband: Samenwerkingsverband
    steunpunten: list[Voorziening]


def gemeenten_met_swv() -> QuerySet[Gemeente]:
    """The municipalities in some SWV's werkgebied (to filter by)."""
    return Gemeente.objects.filter(
        pk__in=Samenwerkingsverband.werkgebied.through.objects.values("gemeente_id")
    ).order_by("naam", "pk")


def steunpunten_overzicht(
    *, gemeente: Gemeente | None = None, sector: str | None = None
) -> list[SwvMetSteunpunten]:
    """Every SWV (optionally those whose werkgebied holds ``gemeente``, of ``sector``), by
    sector and code, with its active steunpunten; an SWV without one gets an empty list."""
    swvs = Samenwerkingsverband.objects.order_by("sector", "code")
    if gemeente is not None:
        swvs = swvs.filter(werkgebied=gemeente)
    if sector:
        swvs = swvs.filter(sector=sector)
    lijst = list(swvs.distinct())
    steunpunten = openbare_voorzieningen(soort=Voorzieningsoort.STEUNPUNT).filter(
        samenwerkingsverband__in=[s.pk for s in lijst]
    )
    per_swv: dict[int, list[Voorziening]] = {}
    for voorziening in steunpunten:
        per_swv.setdefault(voorziening.samenwerkingsverband_id, []).append(voorziening)
    return [
        SwvMetSteunpunten(samenwerkingsverband=swv, steunpunten=per_swv.get(swv.pk, []))
        for swv in lijst
    ]
