"""Reads about organisations. Organisations are public data (DUO publishes them)."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from passend.core.perioden import actief_op
from passend.organisaties.models import (
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)


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
