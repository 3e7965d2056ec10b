"""The public catalogue: published offers only. Every public page and the public API read
offers through this module; nothing here can return a concept or a replaced version.

Besides the offers, the public guide reads here what else is public about a location:
the samenwerkingsverband it belongs to and that SWV's steunpunt, the expected wait of an
sbo/so/vso waiting list (never the number waiting, see ADR 0008), and the region's sociale
kaart (active entries only).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from passend.aanbod.models import (
    Aanbod,
    Gebiedsaanbod,
    Ondersteuningsgebied,
    Voorziening,
    Voorzieningsoort,
    Wachtlijststand,
)
from passend.aanbod.rules import Status, wachtlijst_past_bij_soort
from passend.core.perioden import actief_op
from passend.organisaties.models import (
    Gemeente,
    Samenwerkingsverband,
    SwvLidmaatschap,
    Vestiging,
)


def openbare_versies() -> QuerySet[Aanbod]:
    """The public versions themselves (one per location), without related rows: the base
    for filters and cheap reads such as the guide's nearby search."""
    return Aanbod.objects.filter(openbaar=True, status=Status.GEPUBLICEERD)


def openbaar_aanbod() -> QuerySet[Aanbod]:
    """The one version per location the public guide shows (the newest published school
    year), with the location and its areas, in a bounded number of queries."""
    return (
        openbare_versies()
        .select_related("vestiging__school__bestuur", "vestiging__gemeente")
        .prefetch_related(
            Prefetch(
                "gebieden",
                queryset=Gebiedsaanbod.objects.select_related("gebied").order_by(
                    "gebied__volgorde", "gebied__naam"
                ),
            )
        )
    )


def openbaar_aanbod_van(*, vestigingscode: str) -> Aanbod | None:
    return openbaar_aanbod().filter(vestiging__vestigingscode=vestigingscode).first()


def actieve_gebieden() -> QuerySet[Ondersteuningsgebied]:
    return Ondersteuningsgebied.objects.filter(actief=True).order_by("volgorde", "naam")


# --- What else is public about a location ----------------------------------------------


def samenwerkingsverbanden_van(
    *, vestiging: Vestiging, peildatum: date
) -> list[Samenwerkingsverband]:
    """The SWVs the location belongs to on the peildatum (a (v)so location can belong to
    one of each sector), PO first."""
    lidmaatschappen = (
        SwvLidmaatschap.objects.filter(vestiging=vestiging)
        .filter(actief_op(peildatum))
        .select_related("samenwerkingsverband")
        .order_by("sector")
    )
    return [lid.samenwerkingsverband for lid in lidmaatschappen]


def steunpunten_van(*, samenwerkingsverbanden: list[Samenwerkingsverband]) -> list[Voorziening]:
    """The active ouder- en jeugdsteunpunt entries of these SWVs' sociale kaart."""
    if not samenwerkingsverbanden:
        return []
    return list(
        Voorziening.objects.filter(
            actief=True,
            soort=Voorzieningsoort.STEUNPUNT,
            samenwerkingsverband__in=samenwerkingsverbanden,
        )
        .select_related("samenwerkingsverband")
        .prefetch_related(
            Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")),
            Prefetch("gebieden", queryset=Ondersteuningsgebied.objects.order_by("volgorde")),
        )
        .order_by("samenwerkingsverband__code", "naam")
    )


@dataclass(frozen=True)
class Wachttijd:
    """What the guide tells parents about a waiting list: whether there is one, the
    expected wait, and the date of the figure. Never the number of children waiting: a
    small count at one school could point to a child (ADR 0008)."""

    gebied: Ondersteuningsgebied | None
    peildatum: date
    er_wordt_gewacht: bool
    verwachte_wachttijd_weken: int | None


#: The history kept per location is small (a figure per area per date), but a page reads
#: no more than this many of the newest rows.
WACHTLIJST_HISTORIE_GELEZEN = 200


def openbare_wachttijden(*, vestiging: Vestiging) -> list[Wachttijd]:
    """The newest figure per area (the whole location first) of an sbo/so/vso location;
    nothing for other kinds of school."""
    if not wachtlijst_past_bij_soort(vestiging.soort):
        return []
    standen = (
        Wachtlijststand.objects.filter(vestiging=vestiging)
        .select_related("gebied")
        .order_by("-peildatum", "-pk")[:WACHTLIJST_HISTORIE_GELEZEN]
    )
    nieuwste: dict[int | None, Wachttijd] = {}
    for stand in standen:
        if stand.gebied_id in nieuwste:
            continue
        nieuwste[stand.gebied_id] = Wachttijd(
            gebied=stand.gebied,
            peildatum=stand.peildatum,
            er_wordt_gewacht=stand.aantal_wachtend > 0,
            verwachte_wachttijd_weken=stand.verwachte_wachttijd_weken
            if stand.aantal_wachtend > 0
            else None,
        )
    return sorted(
        nieuwste.values(),
        key=lambda w: (w.gebied is not None, w.gebied.volgorde if w.gebied else 0),
    )


# --- The sociale kaart -------------------------------------------------------------------


def _voor_gemeente(gemeente: Gemeente | int) -> Q:
    """Entries meant for this municipality: named for it, or without municipalities (for
    the SWV's whole area) while their SWV's werkgebied holds it."""
    eigen = Voorziening.gemeenten.through.objects.filter(voorziening=OuterRef("pk"))
    werkgebied = Samenwerkingsverband.werkgebied.through.objects.filter(
        samenwerkingsverband=OuterRef("samenwerkingsverband"), gemeente=gemeente
    )
    return Q(Exists(eigen.filter(gemeente=gemeente))) | (~Q(Exists(eigen)) & Q(Exists(werkgebied)))


def openbare_voorzieningen(
    *,
    gemeente: Gemeente | int | None = None,
    gebied: Ondersteuningsgebied | int | None = None,
    soort: str | None = None,
    zonder_soort: str | None = None,
) -> QuerySet[Voorziening]:
    """The public sociale kaart: active entries, optionally for one municipality, one area
    (entries tagged with it) and one kind, with their SWV, municipalities and areas."""
    voorzieningen = (
        Voorziening.objects.filter(actief=True)
        .select_related("samenwerkingsverband")
        .prefetch_related(
            Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")),
            Prefetch("gebieden", queryset=Ondersteuningsgebied.objects.order_by("volgorde")),
        )
        .order_by("naam", "pk")
    )
    if gemeente is not None:
        voorzieningen = voorzieningen.filter(_voor_gemeente(gemeente))
    if gebied is not None:
        gekoppeld = Voorziening.gebieden.through.objects.filter(
            voorziening=OuterRef("pk"), ondersteuningsgebied=gebied
        )
        voorzieningen = voorzieningen.filter(Exists(gekoppeld))
    if soort:
        voorzieningen = voorzieningen.filter(soort=soort)
    if zonder_soort:
        voorzieningen = voorzieningen.exclude(soort=zonder_soort)
    return voorzieningen


def gemeenten_op_de_sociale_kaart() -> QuerySet[Gemeente]:
    """The municipalities some active entry is meant for (to filter the kaart by)."""
    actief = Voorziening.objects.filter(actief=True)
    genoemd = Voorziening.gemeenten.through.objects.filter(
        gemeente=OuterRef("pk"), voorziening__actief=True
    )
    zonder_gemeenten = actief.exclude(
        Exists(Voorziening.gemeenten.through.objects.filter(voorziening=OuterRef("pk")))
    )
    in_werkgebied = Samenwerkingsverband.werkgebied.through.objects.filter(
        gemeente=OuterRef("pk"),
        samenwerkingsverband__in=zonder_gemeenten.values("samenwerkingsverband"),
    )
    return Gemeente.objects.filter(Q(Exists(genoemd)) | Q(Exists(in_werkgebied))).order_by("naam")
