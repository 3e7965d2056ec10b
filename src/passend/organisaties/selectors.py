"""Reads about organisations. Organisations are public data (DUO publishes them)."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from passend.core.perioden import actief_op
from passend.organisaties.models import (
    Leerlingtelling,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)
from passend.organisaties.rules import SECTOREN_VAN_SOORT


def vestigingen_van_swv(
    *, samenwerkingsverband: Samenwerkingsverband, peildatum: date
) -> QuerySet[Vestiging]:
    lid = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("pk"), samenwerkingsverband=samenwerkingsverband
    ).filter(actief_op(peildatum))
    return (
        Vestiging.objects.filter(Exists(lid))
        .select_related("school__bestuur", "gemeente")
        .order_by("naam", "vestigingscode")
    )


def vestigingen_zoeken(
    *,
    zoekterm: str = "",
    soort: str = "",
    samenwerkingsverband: Samenwerkingsverband | None = None,
    peildatum: date,
) -> QuerySet[Vestiging]:
    if samenwerkingsverband is not None:
        queryset = vestigingen_van_swv(
            samenwerkingsverband=samenwerkingsverband, peildatum=peildatum
        )
    else:
        queryset = Vestiging.objects.select_related("school__bestuur", "gemeente").order_by(
            "naam", "vestigingscode"
        )
    if soort:
        queryset = queryset.filter(soort=soort)
    zoekterm = zoekterm.strip()
    if zoekterm:
        queryset = queryset.filter(
            Q(naam__icontains=zoekterm)
            | Q(plaats__icontains=zoekterm)
            | Q(vestigingscode__iexact=zoekterm)
            | Q(postcode__istartswith=zoekterm)
        )
    return queryset


def soorten_in_swv(
    *, samenwerkingsverband: Samenwerkingsverband, peildatum: date
) -> list[dict[str, object]]:
    return list(
        vestigingen_van_swv(samenwerkingsverband=samenwerkingsverband, peildatum=peildatum)
        .order_by()
        .values("soort")
        .annotate(aantal=Count("id"))
        .order_by("soort")
    )


def besturen_in_swv(
    *, samenwerkingsverband: Samenwerkingsverband, peildatum: date
) -> QuerySet[Schoolbestuur]:
    # Joins, not ``IN (subquery)``: PostgreSQL with stale statistics ran the subquery once
    # per row (minutes for 1,000 locations); a join plans well whatever the statistics.
    lid = "scholen__vestigingen__lidmaatschappen__"
    in_swv = Q(**{f"{lid}samenwerkingsverband": samenwerkingsverband}) & actief_op(
        peildatum, prefix=lid
    )
    return (
        Schoolbestuur.objects.filter(in_swv)
        .annotate(aantal_vestigingen=Count("scholen__vestigingen", filter=in_swv, distinct=True))
        .order_by("naam")
        .distinct()
    )


def vestigingen_van_school(*, school: School) -> QuerySet[Vestiging]:
    return school.vestigingen.select_related("gemeente").order_by("vestigingscode")


def scholen_van_bestuur(*, bestuur: Schoolbestuur) -> QuerySet[School]:
    return bestuur.scholen.prefetch_related(
        Prefetch("vestigingen", queryset=Vestiging.objects.order_by("vestigingscode"))
    ).order_by("naam")


def vestiging_met_historie(*, vestigingscode: str) -> Vestiging | None:
    return (
        Vestiging.objects.filter(vestigingscode=vestigingscode)
        .select_related("school__bestuur", "gemeente")
        .prefetch_related(
            Prefetch(
                "lidmaatschappen",
                queryset=SwvLidmaatschap.objects.select_related("samenwerkingsverband").order_by(
                    "-van"
                ),
            )
        )
        .first()
    )


def swv_van_woonregio(*, gemeente_id: int | None, sector: str) -> Samenwerkingsverband | None:
    """The SWV of the sector whose werkgebied holds the municipality, or None if unknown."""
    if gemeente_id is None:
        return None
    return (
        Samenwerkingsverband.objects.filter(werkgebied__id=gemeente_id, sector=sector)
        .order_by("code")
        .first()
    )


# --- Figures for the regional monitor (monitor.selectors.kpi) ---------------------------


def vestigingen_in_afbakening(
    *, bestuur_id: int | None = None, soort: str | None = None, sector: str | None = None
) -> QuerySet[Any, Any] | None:
    """The ids of the locations a monitor filter keeps (a subquery for the other apps'
    figures), or None without a filter. ``sector``: locations of a soort of that sector
    (a combined (v)so location is in both)."""
    if bestuur_id is None and soort is None and sector is None:
        return None
    filter_ = Q()
    if bestuur_id is not None:
        filter_ &= Q(school__bestuur_id=bestuur_id)
    if soort is not None:
        filter_ &= Q(soort=soort)
    if sector is not None:
        filter_ &= Q(
            soort__in=[s for s, sectoren in SECTOREN_VAN_SOORT.items() if sector in sectoren]
        )
    return Vestiging.objects.filter(filter_).values_list("pk", flat=True)


def leerling_kengetallen(
    *,
    swv_ids: Sequence[int] | None,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
) -> dict[int, dict[str, int]]:
    """Per SWV (all SWVs for ``swv_ids=None``): ``leerlingen``, the DUO pupils of its member
    locations (membership active on ``tot``): per location the latest Leerlingtelling with
    teldatum on or before ``tot``, else ``Vestiging.leerlingenaantal``; and ``vestigingen``,
    the number of member locations. One query."""
    laatste = (
        Leerlingtelling.objects.filter(vestiging_id=OuterRef("vestiging_id"), teldatum__lte=tot)
        .order_by("-teldatum")
        .values("aantal")[:1]
    )
    leden = SwvLidmaatschap.objects.filter(actief_op(tot))
    if swv_ids is not None:
        leden = leden.filter(samenwerkingsverband_id__in=list(swv_ids))
    if vestiging_ids is not None:
        leden = leden.filter(vestiging_id__in=vestiging_ids)
    rijen = (
        leden.values("samenwerkingsverband_id")
        .annotate(
            leerlingen=Sum(Coalesce(Subquery(laatste), F("vestiging__leerlingenaantal"), Value(0))),
            vestigingen=Count("vestiging_id", distinct=True),
        )
        .order_by()
    )
    return {
        r["samenwerkingsverband_id"]: {
            "leerlingen": int(r["leerlingen"] or 0),
            "vestigingen": int(r["vestigingen"]),
        }
        for r in rijen
    }
