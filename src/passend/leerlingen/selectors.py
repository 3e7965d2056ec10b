"""Reads of the pupil register. Visibility is part of every selector."""

from typing import Any
from uuid import UUID

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.leerlingen.permissions import beleid


def _met_huidige_vestiging(queryset: QuerySet[Leerling]) -> QuerySet[Leerling]:
    huidige = (
        Inschrijving.objects.filter(leerling=OuterRef("pk"))
        .filter(actief_op(timezone.localdate()))
        .order_by("-van")
    )
    return queryset.annotate(
        huidige_vestiging_naam=Subquery(huidige.values("vestiging__naam")[:1]),
        huidige_vestiging_code=Subquery(huidige.values("vestiging__vestigingscode")[:1]),
    )


def leerlingen_zichtbaar_voor(*, actor: Any, zoekterm: str = "") -> QuerySet[Leerling]:
    """The pupils this actor may see, optionally searched by name or postcode."""
    queryset = beleid.filter_zichtbaar(actor, Leerling.objects.all())
    zoekterm = zoekterm.strip()
    if zoekterm:
        filter_ = Q()
        for woord in zoekterm.split()[:5]:
            filter_ &= (
                Q(achternaam__icontains=woord)
                | Q(roepnaam__icontains=woord)
                | Q(voornamen__icontains=woord)
                | Q(postcode__iexact=woord)
            )
        queryset = queryset.filter(filter_)
    return _met_huidige_vestiging(queryset).order_by("achternaam", "roepnaam", "id")


def leerling_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    toegestane_vastleggen: bool = True,
) -> Leerling:
    """Fetch one pupil while authorising and logging; hidden or denied is a 404.

    Writes one access-log record (allowed or denied) before returning. A caller whose
    service writes the record of an allowed request itself passes
    ``toegestane_vastleggen=False``; denials are always written here.
    """
    leerling = (
        Leerling.objects.filter(sleutel=sleutel)
        .select_related("woongemeente")
        .prefetch_related(
            Prefetch(
                "inschrijvingen",
                queryset=Inschrijving.objects.select_related("vestiging__school").order_by("-van"),
            ),
            Prefetch("ouderschappen", queryset=Ouderschap.objects.select_related("ouder")),
        )
        .first()
    )
    toegestaan = leerling is not None and beleid.mag(actor, actie, leerling)
    if leerling is not None and toegestaan and not toegestane_vastleggen:
        return leerling
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN if actie == "wijzigen" else Actie.LEZEN,
        object_type="leerling",
        object_id=str(sleutel),
        leerling_sleutels=[sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or leerling is None:
        raise Http404("Deze leerling bestaat niet of u mag deze niet zien.")
    return leerling


def kinderen_van(*, actor: Any) -> QuerySet[Leerling]:
    """A parent's children or the pupil themselves, for the start page."""
    return _met_huidige_vestiging(beleid.filter_zichtbaar(actor, Leerling.objects.all()))


def met_aantal_leerlingen(queryset: QuerySet[Any], *, pad: str, peildatum: Any) -> QuerySet[Any]:
    """Annotate ``aantal_leerlingen`` (current enrolments) on locations or schools.

    ``pad`` leads from the model to its Inschrijvingen, e.g. ``"inschrijvingen"`` for a
    Vestiging, ``"vestigingen__inschrijvingen"`` for a School.
    """
    return queryset.annotate(
        aantal_leerlingen=Count(
            f"{pad}__leerling", filter=actief_op(peildatum, prefix=f"{pad}__"), distinct=True
        )
    )


def aantallen_per_swv_en_soort(*, peildatum: Any) -> list[dict[str, Any]]:
    """Current enrolments per samenwerkingsverband and soort, for the inspectorate."""
    return list(
        Inschrijving.objects.filter(actief_op(peildatum))
        .filter(actief_op(peildatum, prefix="vestiging__lidmaatschappen__"))
        .values(
            "vestiging__lidmaatschappen__samenwerkingsverband__code",
            "vestiging__lidmaatschappen__samenwerkingsverband__naam",
            "vestiging__soort",
        )
        .annotate(aantal=Count("leerling_id", distinct=True))
        .order_by("vestiging__lidmaatschappen__samenwerkingsverband__code", "vestiging__soort")
    )
