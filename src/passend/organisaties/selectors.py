"""Reads about organisations. Organisations are public data (DUO publishes them)."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import GreaterThan

from passend.core.perioden import actief_op
from passend.organisaties.models import (
    Leerlingtelling,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)
from passend.organisaties.rules import SECTOREN_VAN_SOORT, Sector, Soort

#: The key of the figures over the selected SWVs together (no SWV has id 0).
SAMEN = 0


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

# A combined (v)so location is a member of one PO and one VO SWV (SECTOREN_VAN_SOORT). The
# monitor counts each of its cases in exactly ONE of them, so that no SWV counts another's
# pupils and the national total counts every case once:
# - a case with a sector of its own (a TLV: so → PO, vso → VO) counts in the SWV of that
#   sector (a TLV already names its responsible SWV);
# - any other case counts by the pupil's age: under 12 on 1 October of the school year of
#   the case's date → PO, else VO (``sector_op_leeftijd``), the age at which pupils usually
#   move from PO to VO;
# - if the location has no membership of that sector on the date, the case counts in the
#   membership it has (so nothing falls out of every SWV);
# - the location's DUO pupil count is split in half, the odd pupil to PO
#   (``leerling_kengetallen``); its waiting list likewise (``aanbod``'s
#   ``wachtlijst_kengetallen``).
# Locations of every other soort are a member of one SWV only and are not affected.

#: The age (on 1 October of the school year) from which a pupil counts as a VO pupil.
LEEFTIJD_VO = 12


def leeftijdsgrens(datum: date) -> date:
    """The birth date from which (inclusive) backwards a pupil is ``LEEFTIJD_VO`` or older on
    1 October of the school year (1 August – 31 July) of ``datum``."""
    begin = datum.year if datum.month >= 8 else datum.year - 1
    return date(begin - LEEFTIJD_VO, 10, 1)


def sector_op_leeftijd(geboortedatum: date, datum: date) -> str:
    """PO for a pupil under 12 on 1 October of the school year of ``datum``, else VO."""
    return Sector.PO if geboortedatum > leeftijdsgrens(datum) else Sector.VO


def _datumsleutel(veld: Any) -> Any:
    """A date as the number yyyymmdd (SQL, the same on PostgreSQL and SQLite)."""
    return ExtractYear(veld) * 10000 + ExtractMonth(veld) * 100 + ExtractDay(veld)


def sector_van_leerling(geboortedatum: str, datum: date | str) -> Case:
    """The SQL twin of ``sector_op_leeftijd``: ``geboortedatum`` is the path of the pupil's
    birth date, ``datum`` a date or the name of the case's date field."""
    conditie: Any
    if isinstance(datum, date):
        conditie = Q(**{f"{geboortedatum}__gt": leeftijdsgrens(datum)})
    else:
        schooljaar = ExtractYear(datum) - Case(
            When(**{f"{datum}__month__lt": 8}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        drempel = (schooljaar - LEEFTIJD_VO) * 10000 + 1001
        conditie = GreaterThan(_datumsleutel(geboortedatum), drempel)
    return Case(
        When(conditie, then=Value(Sector.PO.value)),
        default=Value(Sector.VO.value),
        output_field=CharField(),
    )


def toegerekend_lid(*, sector: str, datum: date | str) -> Q:
    """The condition that keeps, of a case's joined memberships
    (``vestiging__lidmaatschappen__``), only the one SWV it counts in: every membership of
    a location that is no (v)so location, else the one of the case's sector (``sector``:
    the name of an annotation of the case), or, when the location has no membership of
    that sector active on ``datum`` (a date or the name of the case's date field), the
    ones it has. Put it in the same ``filter()`` call as the other membership conditions."""
    peildatum: Any = datum if isinstance(datum, date) else OuterRef(datum)
    eigen_sector = SwvLidmaatschap.objects.filter(
        actief_op(peildatum), vestiging_id=OuterRef("vestiging_id"), sector=OuterRef(sector)
    )
    return (
        ~Q(vestiging__soort=Soort.SO_VSO)
        | Q(vestiging__lidmaatschappen__sector=F(sector))
        | Q(~Exists(eigen_sector))
    )


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
    samen: bool = False,
) -> dict[int, dict[str, int]]:
    """Per SWV (all SWVs for ``swv_ids=None``): ``leerlingen``, the DUO pupils of its member
    locations (membership active on ``tot``): per location the latest Leerlingtelling with
    teldatum on or before ``tot``, else ``Vestiging.leerlingenaantal``; and ``vestigingen``,
    the number of member locations.

    A (v)so location with a membership of both sectors on ``tot`` gives half its pupils to
    each of its two SWVs, the odd one to the PO SWV, so that the two halves add up to its
    count. With ``samen`` key ``SAMEN`` holds the figures of the selected SWVs together
    (every location once). One query, two with ``samen``."""
    laatste = (
        Leerlingtelling.objects.filter(vestiging_id=OuterRef("vestiging_id"), teldatum__lte=tot)
        .order_by("-teldatum")
        .values("aantal")[:1]
    )
    andere_sector = SwvLidmaatschap.objects.filter(
        actief_op(tot), vestiging_id=OuterRef("vestiging_id")
    ).exclude(sector=OuterRef("sector"))
    leden = SwvLidmaatschap.objects.filter(actief_op(tot))
    if swv_ids is not None:
        leden = leden.filter(samenwerkingsverband_id__in=list(swv_ids))
    if vestiging_ids is not None:
        leden = leden.filter(vestiging_id__in=vestiging_ids)
    telling = Coalesce(Subquery(laatste), F("vestiging__leerlingenaantal"), Value(0))
    gedeeld = Q(vestiging__soort=Soort.SO_VSO) & Exists(andere_sector)
    # Integer division (PostgreSQL and SQLite both truncate an integer quotient).
    aandeel = Case(
        When(gedeeld & Q(sector=Sector.PO), then=(telling + 1) / 2),
        When(gedeeld, then=telling / 2),
        default=telling,
        output_field=IntegerField(),
    )
    cijfers = {"leerlingen": Sum(aandeel), "vestigingen": Count("vestiging_id", distinct=True)}
    rijen = leden.values("samenwerkingsverband_id").annotate(**cijfers).order_by()
    uitkomst = {
        r["samenwerkingsverband_id"]: {
            "leerlingen": int(r["leerlingen"] or 0),
            "vestigingen": int(r["vestigingen"]),
        }
        for r in rijen
    }
    if samen:
        totaal = leden.aggregate(**cijfers)
        uitkomst[SAMEN] = {
            "leerlingen": int(totaal["leerlingen"] or 0),
            "vestigingen": int(totaal["vestigingen"] or 0),
        }
    return uitkomst
