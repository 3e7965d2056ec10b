"""Reads of an SWV's yearly budgets: one budget (authorised and logged), the list of the
own SWV's budgets, and the totals of a budget (``overzicht``).

A role that may never read (or, for a write, edit) budgets gets a logged 403; another
SWV's budget, or one that does not exist, a logged 404 that reveals nothing. Budgets hold
figures, never a pupil: reading one is logged without pupil keys.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.middelen.models import Begroting, Begrotingspost
from passend.middelen.permissions import beleid
from passend.middelen.rules import (
    AFDRACHTEN,
    BATEN,
    BEREKENDE_POSTEN,
    LASTEN,
    Begrotingsstatus,
    Postsoort,
    bovenmatig_eigen_vermogen,
    signaleringswaarde,
    teldatum,
)
from passend.organisaties.models import Leerlingtelling, SwvLidmaatschap, Vestiging

OBJECT_TYPE = "middelen.begroting"
NIET_GEVONDEN = "Deze begroting bestaat niet of u mag haar niet zien."
NUL = Decimal("0.00")
#: At most this many locations without a pupil count are named on the page.
MAX_ZONDER_TELLING = 50


def _met_posten() -> QuerySet[Begroting]:
    return Begroting.objects.select_related(
        "samenwerkingsverband", "vastgesteld_door"
    ).prefetch_related(
        Prefetch(
            "posten",
            queryset=Begrotingspost.objects.select_related("vestiging").order_by(
                "soort", "omschrijving", "id"
            ),
        )
    )


def begroting_na_schrijven(pk: int) -> Begroting:
    """The budget just written by a service, for the answer of that write. Not logged
    again: ``begroting_voor(..., voor_schrijven=True)`` authorised the write and the
    service logged it (one access-log record per write)."""
    return _met_posten().get(pk=pk)


def begroting_voor(*, actor: Any, pk: int, route: str, voor_schrijven: bool = False) -> Begroting:
    """One budget with its posts (and their locations), or a logged 403 (the role may never
    do this) / 404 (another SWV's budget, or none). A read is logged; for a write only a
    refusal is (the service logs what it does)."""
    actie = "begroting_bewerken" if voor_schrijven else "begroting_bekijken"
    log_actie = Actie.WIJZIGEN if voor_schrijven else Actie.LEZEN
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=OBJECT_TYPE, route=route)
    begroting = _met_posten().filter(pk=pk).first()
    toegestaan = begroting is not None and beleid.mag(actor, actie, begroting)
    if not toegestaan or not voor_schrijven:
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=OBJECT_TYPE,
            object_id=str(pk),
            toegestaan=toegestaan,
            reden="begroting bekeken"
            if toegestaan
            else "geweigerd: begroting van een ander samenwerkingsverband of bestaat niet",
            route=route,
        )
    if not toegestaan or begroting is None:
        raise Http404(NIET_GEVONDEN)
    return begroting


def begrotingen(actor: Any, *, route: str = "") -> QuerySet[Begroting]:
    """The budgets of the actor's SWV, newest year first, with their totals (one query);
    a logged 403 for a role that may not read budgets. The list is logged."""
    beleid.eis_rol(
        actor, "begroting_bekijken", log_actie=Actie.LEZEN, object_type=OBJECT_TYPE, route=route
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=OBJECT_TYPE,
        toegestaan=True,
        reden="lijst van begrotingen bekeken",
        route=route,
    )
    # Sums of many posts: wider than one post (16 digits), so a total never overflows.
    totaal: DecimalField[Decimal, Decimal] = DecimalField(max_digits=16, decimal_places=2)
    nul = Value(NUL, output_field=totaal)

    def som(soorten: frozenset[str]) -> Coalesce:
        return Coalesce(
            Sum("posten__bedrag", filter=Q(posten__soort__in=soorten), output_field=totaal),
            nul,
            output_field=totaal,
        )

    return (
        beleid.filter_zichtbaar(actor, Begroting.objects.all())
        .annotate(
            baten=som(BATEN),
            afdrachten=som(AFDRACHTEN),
            lasten=som(LASTEN),
            aantal_posten=Count("posten"),
        )
        .order_by("-jaar")
    )


@dataclass
class Groep:
    """Posts of one kind (baten, afdrachten, lasten) with their total."""

    titel: str
    sleutel: str
    posten: list[Begrotingspost] = field(default_factory=list)
    totaal: Decimal = NUL
    per_soort: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class Overzicht:
    baten: Groep
    afdrachten: Groep
    lasten: Groep
    totale_baten: Decimal
    resultaat: Decimal
    signaleringswaarde: Decimal
    eigen_vermogen: Decimal | None
    bovenmatig: Decimal
    toelichting_ontbreekt: bool
    heeft_berekende_posten: bool

    @property
    def groepen(self) -> list[Groep]:
        return [self.baten, self.afdrachten, self.lasten]


def overzicht(begroting: Begroting) -> Overzicht:
    """The totals of a budget from its (prefetched) posts: no queries of its own when the
    posts were prefetched (``begroting_voor`` does)."""
    baten = Groep("Baten", "baten")
    afdrachten = Groep("Afdrachten (sbo, so en vso)", "afdrachten")
    lasten = Groep("Lasten", "lasten")
    berekend = False
    for post in begroting.posten.all():
        groep = baten if post.soort in BATEN else afdrachten if post.soort in AFDRACHTEN else lasten
        groep.posten.append(post)
        groep.totaal += post.bedrag
        groep.per_soort[post.soort] = groep.per_soort.get(post.soort, NUL) + post.bedrag
        berekend = berekend or post.berekend or post.soort in BEREKENDE_POSTEN
    waarde = signaleringswaarde(baten.totaal)
    bovenmatig = (
        bovenmatig_eigen_vermogen(begroting.eigen_vermogen, baten.totaal)
        if begroting.eigen_vermogen is not None
        else NUL
    )
    return Overzicht(
        baten=baten,
        afdrachten=afdrachten,
        lasten=lasten,
        totale_baten=baten.totaal,
        resultaat=baten.totaal - afdrachten.totaal - lasten.totaal,
        signaleringswaarde=waarde,
        eigen_vermogen=begroting.eigen_vermogen,
        bovenmatig=bovenmatig,
        toelichting_ontbreekt=bovenmatig > 0 and not begroting.toelichting_reserve.strip(),
        heeft_berekende_posten=berekend,
    )


def vestigingen_zonder_telling(begroting: Begroting) -> list[str]:
    """The names of the SWV's member locations on the teldatum that have no pupil count on
    or before it: they get no allocation (the budget page lists them). Empty when the
    budget allocates nothing per pupil. Two queries at most."""
    if begroting.bedrag_per_leerling is None:
        return []
    swv = begroting.samenwerkingsverband
    peildatum = teldatum(swv.sector, begroting.jaar)
    leden = SwvLidmaatschap.objects.filter(actief_op(peildatum), samenwerkingsverband=swv)
    return list(
        Vestiging.objects.filter(pk__in=leden.values("vestiging_id"))
        .exclude(
            Exists(
                Leerlingtelling.objects.filter(vestiging=OuterRef("pk"), teldatum__lte=peildatum)
            )
        )
        .order_by("naam", "pk")
        .values_list("naam", flat=True)[:MAX_ZONDER_TELLING]
    )


def soortnaam(soort: str) -> str:
    try:
        return str(Postsoort(soort).label)
    except ValueError:
        return soort


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """Start-page items of the controller (one query; empty: nothing to do): concept
    budgets of this year and later, and no budget yet for the current year."""
    if actor is None or not beleid.mag(actor, "rol:begroting_bewerken"):
        return []
    jaren = dict(
        beleid.filter_zichtbaar(actor, Begroting.objects.filter(jaar__gte=peildatum.year))
        .values_list("jaar", "status")
        .order_by("jaar")
    )
    lijst = reverse("middelen:begrotingen")
    items: list[dict[str, Any]] = []
    if peildatum.year not in jaren:
        items.append(
            {"tekst": f"Er is nog geen begroting voor {peildatum.year}", "aantal": 1, "url": lijst}
        )
    concepten = [jaar for jaar, status in jaren.items() if status == Begrotingsstatus.CONCEPT]
    if concepten:
        items.append(
            {
                "tekst": "Nog niet vastgestelde begroting"
                + ("en" if len(concepten) > 1 else "")
                + f": {', '.join(str(j) for j in concepten)}",
                "aantal": len(concepten),
                "url": lijst,
            }
        )
    return items
