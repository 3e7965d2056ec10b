"""Reads of Veilig Thuis reports (measure 12).

The contents (the signs, the steps) are for the IB / OC and schoolleider of the pupil's
current school only; every read of them authorises and writes the access-log record here.
The SWV sees counts, never contents: ``aantallen`` and ``cijfers`` return numbers only.
"""

from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone

from passend.core.aggregaten import kleine_cel_grens, onderdruk
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.models import Onenigheid, VeiligThuisMelding
from passend.geschillen.permissions import veilig_thuis_leerlingen
from passend.geschillen.selectors import open_onenigheid
from passend.leerlingen.models import Inschrijving, Leerling
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap, Vestiging

OBJECT_TYPE = "veilig-thuis-melding"
LEERLING_NIET_GEVONDEN = "Deze leerling bestaat niet of u mag deze niet zien."
MELDING_NIET_GEVONDEN = "Deze melding bestaat niet of u mag deze niet zien."


def leerling_voor_veilig_thuis(actor: Any, sleutel: UUID) -> Leerling | None:
    """The pupil, if this actor may record and read their reports; no log (callers log)."""
    return Leerling.objects.filter(veilig_thuis_leerlingen(actor), sleutel=sleutel).first()


def huidige_vestiging(actor: Any, leerling: Leerling) -> Vestiging | None:
    """The location of the actor's school where the pupil is enrolled today."""
    inschrijving = (
        Inschrijving.objects.filter(leerling=leerling, vestiging__school_id=actor.rol.school_id)
        .filter(actief_op(timezone.localdate()))
        .select_related("vestiging")
        .order_by("-van", "-id")
        .first()
    )
    return inschrijving.vestiging if inschrijving else None


def _log(
    *,
    actor: Any,
    actie: Actie,
    object_id: str,
    leerling: Leerling | None,
    toegestaan: bool,
    doel: str,
    route: str,
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=object_id,
        leerling_sleutels=[leerling.sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )


def leerling_voor_actor(
    *, actor: Any, sleutel: UUID, doel: str, route: str, log_actie: Actie = Actie.LEZEN
) -> Leerling:
    """The pupil whose reports this actor may see, with one access-log record; else 404
    (logged, without revealing whether the pupil exists)."""
    leerling = leerling_voor_veilig_thuis(actor, sleutel)
    _log(
        actor=actor,
        actie=log_actie,
        object_id=str(sleutel),
        leerling=leerling,
        toegestaan=leerling is not None,
        doel=doel,
        route=route,
    )
    if leerling is None:
        raise Http404(LEERLING_NIET_GEVONDEN)
    return leerling


def leerling_voor_schrijven(*, actor: Any, sleutel: UUID, doel: str, route: str) -> Leerling:
    """The pupil for a report to be recorded: no record when allowed (the service logs a
    successful write, the view a refused form); a hidden pupil is logged, then a 404."""
    leerling = leerling_voor_veilig_thuis(actor, sleutel)
    if leerling is None:
        _log(
            actor=actor,
            actie=Actie.AANMAKEN,
            object_id=str(sleutel),
            leerling=None,
            toegestaan=False,
            doel=doel,
            route=route,
        )
        raise Http404(LEERLING_NIET_GEVONDEN)
    return leerling


def meldingen_van(leerling: Leerling) -> QuerySet[VeiligThuisMelding]:
    """The pupil's earlier reports, newest first (no rights check: callers authorised)."""
    return VeiligThuisMelding.objects.filter(leerling=leerling).select_related(
        "vastgelegd_door", "vestiging", "open_onenigheid"
    )


def open_onenigheid_van(leerling: Leerling) -> Onenigheid | None:
    """The disagreement about this pupil that is open now (None: none is)."""
    return open_onenigheid(leerling)


def melding_voor_actor(*, actor: Any, sleutel: UUID, route: str) -> VeiligThuisMelding:
    """One report with its signs, authorised (the pupil's current school) and logged; else
    404 (logged)."""
    melding = (
        VeiligThuisMelding.objects.filter(sleutel=sleutel)
        .select_related("leerling", "vestiging", "vastgelegd_door", "open_onenigheid")
        .first()
    )
    toegestaan = (
        melding is not None
        and Leerling.objects.filter(veilig_thuis_leerlingen(actor), pk=melding.leerling_id).exists()
    )
    _log(
        actor=actor,
        actie=Actie.LEZEN,
        object_id=str(sleutel),
        leerling=melding.leerling if melding is not None and toegestaan else None,
        toegestaan=toegestaan,
        doel="Veilig Thuis-melding bekijken",
        route=route,
    )
    if not toegestaan or melding is None:
        raise Http404(MELDING_NIET_GEVONDEN)
    return melding


# --- Counts for the SWV and the monitor ------------------------------------------------


def _in_regio(samenwerkingsverband: Samenwerkingsverband) -> Q:
    """Reports of pupils at a location that was a member of the SWV on the report's date."""
    lid = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("vestiging"),
        samenwerkingsverband=samenwerkingsverband,
        van__lte=OuterRef("gemeld_op"),
    ).filter(Q(tot__isnull=True) | Q(tot__gte=OuterRef("gemeld_op")))
    return Q(Exists(lid))


def _per_maand(
    samenwerkingsverband: Samenwerkingsverband, van: date, tot: date
) -> list[dict[str, Any]]:
    """Per month: the number of reports and how many were made during a disagreement."""
    return list(
        VeiligThuisMelding.objects.filter(
            _in_regio(samenwerkingsverband), gemeld_op__gte=van, gemeld_op__lte=tot
        )
        .annotate(maand=TruncMonth("gemeld_op"))
        .values("maand")
        .annotate(
            totaal=Count("id"),
            tijdens_onenigheid=Count("id", filter=Q(open_onenigheid__isnull=False)),
        )
        .order_by("maand")
    )


def aantallen(
    *, samenwerkingsverband: Samenwerkingsverband, van: date, tot: date
) -> dict[str, int]:
    """The region's reports from ``van`` to ``tot`` (both included): ``totaal`` and
    ``tijdens_onenigheid`` (made while a disagreement was open). Raw counts, no rights check
    and no suppression: the caller (the monitor, the figures page) does both."""
    rij = VeiligThuisMelding.objects.filter(
        _in_regio(samenwerkingsverband), gemeld_op__gte=van, gemeld_op__lte=tot
    ).aggregate(
        totaal=Count("id"),
        tijdens_onenigheid=Count("id", filter=Q(open_onenigheid__isnull=False)),
    )
    return {"totaal": rij["totaal"] or 0, "tijdens_onenigheid": rij["tijdens_onenigheid"] or 0}


def schooljaar_begin(dag: date) -> date:
    """The first day (1 August) of the school year that holds this day."""
    return date(dag.year if dag.month >= 8 else dag.year - 1, 8, 1)


def _schooljaar(dag: date) -> str:
    begin = schooljaar_begin(dag).year
    return f"{begin}-{begin + 1}"


def _kwartaal(dag: date) -> str:
    return f"{dag.year}-K{(dag.month - 1) // 3 + 1}"


def _kwartalen(van: date, tot: date) -> list[str]:
    uit: list[str] = []
    jaar, k = van.year, (van.month - 1) // 3
    while (jaar, k) <= (tot.year, (tot.month - 1) // 3):
        uit.append(f"{jaar}-K{k + 1}")
        jaar, k = (jaar + 1, 0) if k == 3 else (jaar, k + 1)
    return uit


def cijfers(
    *, samenwerkingsverband: Samenwerkingsverband, schooljaren: int = 2, peildatum: date
) -> dict[str, Any]:
    """The figures page: per calendar quarter and per school year, over the last
    ``schooljaren`` school years up to the peildatum, the number of reports and how many
    were made during a disagreement; cells of 1 up to the small-cell limit are suppressed
    (None). One query, whatever the number of reports."""
    van = date(schooljaar_begin(peildatum).year - (schooljaren - 1), 8, 1)
    grens = kleine_cel_grens()
    per_kwartaal: dict[str, Counter[str]] = {k: Counter() for k in _kwartalen(van, peildatum)}
    per_jaar: dict[str, Counter[str]] = {
        f"{j}-{j + 1}": Counter() for j in range(van.year, schooljaar_begin(peildatum).year + 1)
    }
    for rij in _per_maand(samenwerkingsverband, van, peildatum):
        maand: date = rij["maand"]
        for teller in (per_kwartaal[_kwartaal(maand)], per_jaar[_schooljaar(maand)]):
            teller["totaal"] += rij["totaal"]
            teller["tijdens_onenigheid"] += rij["tijdens_onenigheid"]

    def regels(tellers: dict[str, Counter[str]]) -> list[dict[str, Any]]:
        return [
            {
                "periode": periode,
                "totaal": onderdruk(teller["totaal"], grens),
                "tijdens_onenigheid": onderdruk(teller["tijdens_onenigheid"], grens),
            }
            for periode, teller in tellers.items()
        ]

    return {
        "van": van,
        "tot": peildatum,
        "grens": grens,
        "per_kwartaal": regels(per_kwartaal),
        "per_schooljaar": regels(per_jaar),
    }
