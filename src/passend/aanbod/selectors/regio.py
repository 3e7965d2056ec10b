"""Reads for the samenwerkingsverband: the offer of the locations in its region (state per
location, coverage per area), the waiting lists of its sbo/so/vso locations over time, the
export of the region's offer, and its own sociale kaart for management. Every read is
limited to the actor's region through the policy (``vestiging_zichtbaarheid``) or to the
actor's own SWV, and takes a fixed number of queries whatever the region's size."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404

from passend.aanbod.aanbodbestand import Aanbodregel
from passend.aanbod.models import (
    Aanbod,
    Gebiedsaanbod,
    Ondersteuningsgebied,
    Voorziening,
    Wachtlijststand,
)
from passend.aanbod.permissions import vestiging_zichtbaarheid
from passend.aanbod.rules import SOORTEN_MET_WACHTLIJST, Status
from passend.core.grafiek import Punt, Reeks
from passend.organisaties.models import Gemeente, Vestiging

#: Which version the export writes: the published one, or the one being worked on.
EXPORTKEUZES = {
    "werkversie": "Het concept als er een is, anders het gepubliceerde aanbod",
    "gepubliceerd": "Alleen het gepubliceerde aanbod",
}


def regio(*, actor: Any, soort: str = "") -> QuerySet[Vestiging]:
    """The locations of the actor's region (optionally of one soort)."""
    vestigingen = Vestiging.objects.filter(vestiging_zichtbaarheid(actor))
    if soort:
        vestigingen = vestigingen.filter(soort=soort)
    return vestigingen


def _aantal(queryset: QuerySet[Any]) -> Coalesce:
    """The number of rows of a correlated subquery, as an annotation (0 when none)."""
    return Coalesce(
        Subquery(
            queryset.order_by().values("aanbod__vestiging").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def regio_vestigingen(*, actor: Any, schooljaar: str, soort: str = "") -> QuerySet[Vestiging]:
    """The region's locations with the state of their offer for ``schooljaar``: whether a
    published version and a concept exist, when it was published, how many areas the
    published version describes and how many of the landelijke-norm areas have their
    basisondersteuning described."""
    versies = Aanbod.objects.filter(vestiging=OuterRef("pk"), schooljaar=schooljaar)
    gepubliceerd = versies.filter(status=Status.GEPUBLICEERD)
    gebieden = Gebiedsaanbod.objects.filter(
        aanbod__vestiging=OuterRef("pk"),
        aanbod__schooljaar=schooljaar,
        aanbod__status=Status.GEPUBLICEERD,
    )
    return (
        regio(actor=actor, soort=soort)
        .select_related("gemeente")
        .annotate(
            heeft_gepubliceerd=Exists(gepubliceerd),
            heeft_concept=Exists(versies.filter(status=Status.CONCEPT)),
            gepubliceerd_op=Subquery(gepubliceerd.values("gepubliceerd_op")[:1]),
            aantal_gebieden=_aantal(gebieden),
            normgebieden_beschreven=_aantal(
                gebieden.filter(gebied__landelijke_norm=True).exclude(basisondersteuning="")
            ),
        )
        .order_by("naam", "vestigingscode")
    )


def regio_samenvatting(*, actor: Any, schooljaar: str, soort: str = "") -> dict[str, int]:
    """How many of the region's locations have a published offer for ``schooljaar``, only
    a concept, or nothing (one query)."""
    tellingen = regio_vestigingen(actor=actor, schooljaar=schooljaar, soort=soort).aggregate(
        totaal=Count("pk"),
        gepubliceerd=Count("pk", filter=Q(heeft_gepubliceerd=True)),
        alleen_concept=Count("pk", filter=Q(heeft_gepubliceerd=False, heeft_concept=True)),
    )
    tellingen["niets"] = (
        tellingen["totaal"] - tellingen["gepubliceerd"] - tellingen["alleen_concept"]
    )
    return tellingen


@dataclass(frozen=True)
class Dekking:
    """How many locations describe basis and extra support in one area (published offers)."""

    gebied: Ondersteuningsgebied
    basis: int
    extra: int


def dekking_per_gebied(*, actor: Any, schooljaar: str, soort: str = "") -> list[Dekking]:
    """Per active area: the number of the region's locations whose published offer for
    ``schooljaar`` describes basisondersteuning, and extra ondersteuning (two queries)."""
    tellingen = {
        rij["gebied_id"]: rij
        for rij in Gebiedsaanbod.objects.filter(
            aanbod__status=Status.GEPUBLICEERD,
            aanbod__schooljaar=schooljaar,
            aanbod__vestiging__in=regio(actor=actor, soort=soort),
        )
        .order_by()
        .values("gebied_id")
        .annotate(
            basis=Count("aanbod__vestiging", filter=~Q(basisondersteuning=""), distinct=True),
            extra=Count("aanbod__vestiging", filter=~Q(extra_ondersteuning=""), distinct=True),
        )
    }
    return [
        Dekking(
            gebied=gebied,
            basis=tellingen.get(gebied.pk, {}).get("basis", 0),
            extra=tellingen.get(gebied.pk, {}).get("extra", 0),
        )
        for gebied in Ondersteuningsgebied.objects.filter(actief=True).order_by("volgorde", "naam")
    ]


# --- Waiting lists (motion 31497-377) -----------------------------------------------------


def wachtlijstvestigingen(*, actor: Any) -> QuerySet[Vestiging]:
    """The region's sbo, so and vso locations: the ones that keep a waiting list."""
    return regio(actor=actor).filter(soort__in=SOORTEN_MET_WACHTLIJST).order_by("naam")


def wachtlijststanden(*, actor: Any, van: date, tot: date) -> QuerySet[Wachtlijststand]:
    """Every figure of the region's sbo/so/vso locations from ``van`` to ``tot`` (both
    included), per location by date."""
    return (
        Wachtlijststand.objects.filter(
            vestiging__in=wachtlijstvestigingen(actor=actor).order_by(),
            peildatum__gte=van,
            peildatum__lte=tot,
        )
        .select_related("vestiging", "gebied")
        .order_by(
            "vestiging__naam", "vestiging__vestigingscode", "peildatum", "gebied__volgorde", "pk"
        )
    )


def wachtlijst_maandstanden(*, actor: Any, van: date, tot: date) -> QuerySet[Wachtlijststand]:
    """For the chart: per location and month only the figures of the last day it was
    counted in that month (from ``van`` to ``tot``), so a location that counts every day
    still gives one point a month. At most (areas + 1) rows per location and month."""
    laatste_dag = (
        Wachtlijststand.objects.annotate(maand=TruncMonth("peildatum"))
        .filter(
            vestiging=OuterRef("vestiging"),
            maand=OuterRef("maand"),
            peildatum__gte=van,
            peildatum__lte=tot,
        )
        .order_by("-peildatum")
        .values("peildatum")[:1]
    )
    return (
        wachtlijststanden(actor=actor, van=van, tot=tot)
        .annotate(maand=TruncMonth("peildatum"))
        .annotate(laatste_dag=Subquery(laatste_dag))
        .filter(peildatum=F("laatste_dag"))
    )


def wachtlijstreeksen(standen: Iterable[Wachtlijststand]) -> list[Reeks]:
    """One line per location: the number waiting on each date. A figure for the whole
    location counts; without one, the figures of its areas on that date are added up.
    Two locations with the same name are told apart by their code."""
    geheel: dict[int, dict[date, int]] = {}
    per_gebied: dict[int, dict[date, int]] = {}
    namen: dict[int, tuple[str, str]] = {}
    for stand in standen:
        namen[stand.vestiging_id] = (stand.vestiging.naam, stand.vestiging.vestigingscode)
        doel = geheel if stand.gebied_id is None else per_gebied
        dag = doel.setdefault(stand.vestiging_id, {})
        dag[stand.peildatum] = dag.get(stand.peildatum, 0) + stand.aantal_wachtend
    dubbel = {naam for naam, _ in namen.values() if [n for n, _ in namen.values()].count(naam) > 1}
    reeksen = []
    for vestiging_id, (naam, code) in namen.items():
        punten = {**per_gebied.get(vestiging_id, {}), **geheel.get(vestiging_id, {})}
        reeksen.append(
            Reeks(
                naam=f"{naam} ({code})" if naam in dubbel else naam,
                punten=tuple(Punt(d, punten[d]) for d in sorted(punten)),
            )
        )
    return reeksen


# --- Export ---------------------------------------------------------------------------------


def exportregels(
    *, actor: Any, schooljaar: str, welke: str = "werkversie"
) -> Iterator[Aanbodregel]:
    """The region's offer for ``schooljaar`` as rows of the CSV file (see ``aanbodbestand``):
    per location the published version, or with ``werkversie`` its concept where there is
    one. Two queries, whatever the region's size."""
    statussen = [Status.GEPUBLICEERD]
    if welke == "werkversie":
        statussen.append(Status.CONCEPT)
    versies = (
        Aanbod.objects.filter(
            vestiging__in=regio(actor=actor),
            schooljaar=schooljaar,
            status__in=statussen,
        )
        .select_related("vestiging")
        .prefetch_related(
            Prefetch(
                "gebieden",
                queryset=Gebiedsaanbod.objects.select_related("gebied").order_by(
                    "gebied__volgorde", "gebied__naam"
                ),
            )
        )
        .order_by("vestiging__naam", "vestiging__vestigingscode", "vestiging_id", "status")
    )
    gekozen: dict[int, Aanbod] = {}
    for versie in versies:
        # "concept" sorts before "gepubliceerd": the first version of a location wins.
        gekozen.setdefault(versie.vestiging_id, versie)
    for versie in gekozen.values():
        for gebied in versie.gebieden.all():
            yield Aanbodregel(
                regel=0,
                vestigingscode=versie.vestiging.vestigingscode,
                schooljaar=versie.schooljaar,
                gebied=gebied.gebied.code,
                basisondersteuning=gebied.basisondersteuning,
                extra_ondersteuning=gebied.extra_ondersteuning,
                expertise=gebied.expertise,
                faciliteiten=tuple(gebied.faciliteiten),
                capaciteit=gebied.capaciteit,
                toelichting=versie.toelichting,
                contact=versie.contact,
                vestigingsnaam=versie.vestiging.naam,
            )


# --- Sociale kaart (management) ------------------------------------------------------------


def voorzieningen_van_swv(*, actor: Any) -> QuerySet[Voorziening]:
    """Every entry of the actor's own SWV's sociale kaart, active ones first."""
    return (
        Voorziening.objects.filter(samenwerkingsverband_id=actor.rol.samenwerkingsverband_id)
        .prefetch_related(
            Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")),
            Prefetch("gebieden", queryset=Ondersteuningsgebied.objects.order_by("volgorde")),
        )
        .order_by("-actief", "soort", "naam", "pk")
    )


def voorziening_voor_beheer(*, actor: Any, pk: int) -> Voorziening:
    """One entry of the actor's own SWV; any other is a 404 (its existence is not shown)."""
    voorziening = voorzieningen_van_swv(actor=actor).filter(pk=pk).first()
    if voorziening is None:
        raise Http404("Deze voorziening bestaat niet of hoort niet bij uw samenwerkingsverband.")
    return voorziening


def werkgebied(*, actor: Any) -> QuerySet[Gemeente]:
    """The gemeenten of the actor's SWV (a Voorziening may serve some of them)."""
    return Gemeente.objects.filter(
        samenwerkingsverbanden=actor.rol.samenwerkingsverband_id
    ).order_by("naam")
