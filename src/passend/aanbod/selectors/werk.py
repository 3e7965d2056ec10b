"""What the start page ("mijn werk") shows about the support offer: counts and links, no
pupil data (there is none in the offer), in one query."""

import calendar
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from passend.aanbod.models import Aanbod, Wachtlijststand
from passend.aanbod.permissions import beleid, vestiging_zichtbaarheid
from passend.aanbod.rules import (
    SOORTEN_MET_WACHTLIJST,
    Status,
    schooljaar_van,
    schooljaren_om_te_beschrijven,
)
from passend.aanbod.selectors.school import ziet_schooloverzicht
from passend.organisaties.models import Vestiging

#: A waiting-list figure older than this many months asks for a new count.
WACHTLIJST_VERVERSEN_MAANDEN = 3


def maanden_eerder(datum: date, maanden: int) -> date:
    """The same day ``maanden`` months earlier (the month's last day when it is shorter)."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 - maanden, 12)
    laatste_dag = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(datum.day, laatste_dag))


def _tekst(aantal: int, enkelvoud: str, meervoud: str) -> str:
    return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """The start-page items of the school's describers and the board (one query; empty:
    nothing to do). ``peildatum`` is today on the start page."""
    if actor is None or not ziet_schooloverzicht(actor):
        return []
    lopend = schooljaar_van(peildatum)
    gepubliceerd = Aanbod.objects.filter(
        vestiging=OuterRef("pk"), schooljaar=lopend, status=Status.GEPUBLICEERD
    )
    # Only concepts that can still be published: of the school years a school describes
    # now (an old year's concept waits for nothing).
    concept = Aanbod.objects.filter(
        vestiging=OuterRef("pk"),
        status=Status.CONCEPT,
        schooljaar__in=schooljaren_om_te_beschrijven(peildatum),
    )
    recent = Wachtlijststand.objects.filter(
        vestiging=OuterRef("pk"),
        peildatum__gte=maanden_eerder(peildatum, WACHTLIJST_VERVERSEN_MAANDEN),
    )
    aantallen = Vestiging.objects.filter(vestiging_zichtbaarheid(actor)).aggregate(
        niet_gepubliceerd=Count("pk", filter=~Q(Exists(gepubliceerd))),
        concepten=Count("pk", filter=Q(Exists(concept))),
        wachtlijst=Count("pk", filter=Q(soort__in=SOORTEN_MET_WACHTLIJST) & ~Q(Exists(recent))),
    )
    overzicht = reverse("aanbod:overzicht")
    items: list[dict[str, Any]] = []

    def item(aantal: int, tekst: str) -> None:
        if aantal:
            items.append({"tekst": tekst, "aantal": aantal, "url": overzicht})

    n = aantallen["niet_gepubliceerd"]
    item(
        n,
        _tekst(n, "vestiging heeft", "vestigingen hebben")
        + f" nog geen gepubliceerd ondersteuningsaanbod voor {lopend}",
    )
    if beleid.mag(actor, "aanbod_publiceren"):
        n = aantallen["concepten"]
        item(
            n,
            _tekst(n, "concept van het aanbod wacht", "concepten van het aanbod wachten")
            + " op publicatie",
        )
    if beleid.mag(actor, "aanbod_beschrijven"):
        n = aantallen["wachtlijst"]
        item(
            n,
            _tekst(n, "wachtlijst is", "wachtlijsten zijn")
            + f" langer dan {WACHTLIJST_VERVERSEN_MAANDEN} maanden niet bijgewerkt",
        )
    return items
