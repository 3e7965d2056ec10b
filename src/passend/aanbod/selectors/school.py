"""Reads of the school's aanbod pages: the school's (or the board's) locations with the
state of their offer, one location's versions of a school year, its waiting list and its
schoolgids text. Locations are fetched through the policy's visibility filter: a hidden
location is a 404."""

from datetime import date
from typing import Any

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404

from passend.aanbod.models import (
    Aanbod,
    Gebiedsaanbod,
    Ondersteuningsgebied,
    Schoolgidstekst,
    Wachtlijststand,
)
from passend.aanbod.permissions import beleid, vestiging_zichtbaarheid
from passend.aanbod.rules import (
    MAXIMALE_CONTACTLENGTE,
    MAXIMALE_TEKSTLENGTE,
    Status,
    schooljaar_geldig,
    wachtlijst_past_bij_soort,
)
from passend.aanbod.schoolgids import maximale_lengte
from passend.core.perioden import actief_op
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap, Vestiging

#: The versions a school works with: the concept and the published one (not replaced ones).
HUIDIGE_STATUSSEN = (Status.CONCEPT, Status.GEPUBLICEERD)


def ziet_schooloverzicht(actor: Any) -> bool:
    """The school side of the offer (the school's describers and its board). The SWV's
    readers have their own region pages."""
    return beleid.mag(actor, "aanbod_inzien") and not beleid.mag(actor, "regio_inzien")


def _versie(vestiging_ref: Any, schooljaar: str, status: str) -> QuerySet[Aanbod]:
    return Aanbod.objects.filter(vestiging=vestiging_ref, schooljaar=schooljaar, status=status)


def schoolvestigingen(*, actor: Any, schooljaren: tuple[str, ...]) -> QuerySet[Vestiging]:
    """The locations of the actor's school (or the board's schools) in one query, each
    annotated per school year ``j`` (its index in ``schooljaren``) with ``gepubliceerd_op_j``,
    ``concept_j`` and ``gids_j``, and with the newest waiting-list figure
    (``wachtlijst_peildatum``, ``wachtlijst_aantal``; the whole location's first)."""
    ref = OuterRef("pk")
    annotaties: dict[str, Any] = {}
    for j, jaar in enumerate(schooljaren):
        annotaties[f"gepubliceerd_op_{j}"] = Subquery(
            _versie(ref, jaar, Status.GEPUBLICEERD).values("gepubliceerd_op")[:1]
        )
        annotaties[f"concept_{j}"] = Exists(_versie(ref, jaar, Status.CONCEPT))
        annotaties[f"gids_{j}"] = Exists(
            Schoolgidstekst.objects.filter(vestiging=ref, schooljaar=jaar)
        )
    laatste = Wachtlijststand.objects.filter(vestiging=ref).order_by(
        "-peildatum", F("gebied_id").asc(nulls_first=True)
    )
    annotaties["wachtlijst_peildatum"] = Subquery(laatste.values("peildatum")[:1])
    annotaties["wachtlijst_aantal"] = Subquery(laatste.values("aantal_wachtend")[:1])
    return (
        Vestiging.objects.filter(vestiging_zichtbaarheid(actor))
        .select_related("school")
        .annotate(**annotaties)
        .order_by("school__naam", "naam", "vestigingscode")
    )


def overzichtsrij(vestiging: Vestiging, schooljaren: tuple[str, ...]) -> dict[str, Any]:
    """One row of the overview, from an annotated location (no queries)."""
    met_wachtlijst = wachtlijst_past_bij_soort(vestiging.soort)
    annotaties = vars(vestiging)  # what ``schoolvestigingen`` annotated on the row
    return {
        "vestiging": vestiging,
        "jaren": [
            {
                "schooljaar": jaar,
                "gepubliceerd_op": getattr(vestiging, f"gepubliceerd_op_{j}"),
                "concept": getattr(vestiging, f"concept_{j}"),
                "gids": getattr(vestiging, f"gids_{j}"),
            }
            for j, jaar in enumerate(schooljaren)
        ],
        "met_wachtlijst": met_wachtlijst,
        "wachtlijst_peildatum": annotaties["wachtlijst_peildatum"] if met_wachtlijst else None,
        "wachtlijst_aantal": annotaties["wachtlijst_aantal"] if met_wachtlijst else None,
    }


# --- One location ------------------------------------------------------------------------


def vestiging_voor_inzien(*, actor: Any, vestigingscode: str) -> Vestiging:
    """A location whose offer the actor may read (the policy's ``vestiging_inzien``, as its
    queryset filter); hidden or unknown: 404."""
    vestiging = (
        Vestiging.objects.filter(vestiging_zichtbaarheid(actor), vestigingscode=vestigingscode)
        .select_related("school")
        .first()
    )
    if vestiging is None:
        raise Http404("Deze vestiging bestaat niet of u mag haar aanbod niet zien.")
    return vestiging


def vestiging_voor_schrijven(*, actor: Any, vestigingscode: str, actie: str) -> Vestiging:
    """A location the actor may do ``actie`` on (a policy action on a Vestiging); a location
    the actor may not see or not change: 404."""
    vestiging = (
        Vestiging.objects.filter(vestiging_zichtbaarheid(actor), vestigingscode=vestigingscode)
        .select_related("school")
        .first()
    )
    if vestiging is None or not beleid.mag(actor, actie, vestiging):
        raise Http404("Deze vestiging bestaat niet of u mag haar aanbod niet wijzigen.")
    return vestiging


def schooljaar_of_404(schooljaar: str, toegestaan: tuple[str, ...] | None = None) -> str:
    """A school year from a URL: well formed, and (for writing) one of ``toegestaan``."""
    if not schooljaar_geldig(schooljaar) or (
        toegestaan is not None and schooljaar not in toegestaan
    ):
        raise Http404("Dit schooljaar kunt u hier niet gebruiken.")
    return schooljaar


def _met_gebieden(queryset: QuerySet[Aanbod]) -> QuerySet[Aanbod]:
    return queryset.select_related("bewerkt_door", "gepubliceerd_door").prefetch_related(
        Prefetch(
            "gebieden",
            queryset=Gebiedsaanbod.objects.select_related("gebied").order_by(
                "gebied__volgorde", "gebied__naam"
            ),
        )
    )


def aanbod_versies(*, vestiging: Vestiging, schooljaar: str) -> dict[str, Aanbod]:
    """The concept and the published version of a school year (either may be missing), by
    status, with their areas (two queries)."""
    versies = _met_gebieden(
        Aanbod.objects.filter(
            vestiging=vestiging, schooljaar=schooljaar, status__in=HUIDIGE_STATUSSEN
        )
    )
    return {versie.status: versie for versie in versies}


def concept_van(*, vestiging: Vestiging, schooljaar: str) -> Aanbod | None:
    return _met_gebieden(
        Aanbod.objects.filter(vestiging=vestiging, schooljaar=schooljaar, status=Status.CONCEPT)
    ).first()


def beschreven_schooljaren(*, vestiging: Vestiging) -> list[str]:
    """The school years for which the location has a concept or a published offer, newest
    first."""
    return list(
        Aanbod.objects.filter(vestiging=vestiging, status__in=HUIDIGE_STATUSSEN)
        .order_by("-schooljaar")
        .values_list("schooljaar", flat=True)
        .distinct()
    )


def schoolgids_bron(*, vestiging: Vestiging, schooljaar: str) -> Aanbod | None:
    """The version the schoolgids text of a school year is written from: the published one,
    or else the concept (a school writes its guide before the summer)."""
    voorkeur = Case(
        When(status=Status.GEPUBLICEERD, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        _met_gebieden(
            Aanbod.objects.filter(
                vestiging=vestiging, schooljaar=schooljaar, status__in=HUIDIGE_STATUSSEN
            )
        )
        .order_by(voorkeur)
        .first()
    )


def samenwerkingsverbanden_van(
    *, vestiging: Vestiging, peildatum: date
) -> list[Samenwerkingsverband]:
    """The location's samenwerkingsverband(en) on the date (a (v)so location has one per
    sector)."""
    lid = SwvLidmaatschap.objects.filter(
        vestiging=vestiging, samenwerkingsverband=OuterRef("pk")
    ).filter(actief_op(peildatum))
    return list(Samenwerkingsverband.objects.filter(Exists(lid)).order_by("code"))


def wachtlijst_historie(*, vestiging: Vestiging) -> QuerySet[Wachtlijststand]:
    """The location's waiting-list figures, newest first."""
    return (
        Wachtlijststand.objects.filter(vestiging=vestiging)
        .select_related("gebied", "vastgelegd_door")
        .order_by("-peildatum", F("gebied__volgorde").asc(nulls_first=True))
    )


def schoolgidstekst_van(*, vestiging: Vestiging, schooljaar: str) -> Schoolgidstekst | None:
    return (
        Schoolgidstekst.objects.filter(vestiging=vestiging, schooljaar=schooljaar)
        .select_related("bijgewerkt_door")
        .first()
    )


def tekst_achterhaald(tekst: Schoolgidstekst, bron: Aanbod | None) -> bool:
    """Did the offer change after the text was written (another version, or the same
    version saved or published since)?"""
    if bron is None:
        return False
    return tekst.bron_id != bron.pk or tekst.bron_revisie != bron.revisie


def schoolgidstekst_maximum() -> int:
    """The longest schoolgids text a school may save by hand: what Passend can write from
    an offer that fills every text of every area to the limit (one query)."""
    return maximale_lengte(
        aantal_gebieden=Ondersteuningsgebied.objects.count(),
        tekstlengte=MAXIMALE_TEKSTLENGTE,
        contactlengte=MAXIMALE_CONTACTLENGTE,
    )
