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
from passend.core.kalender import schooljaar_begin, schooljaar_van
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.models import Onenigheid, VeiligThuisMelding
from passend.geschillen.permissions import veilig_thuis_leerlingen
from passend.geschillen.selectors import onenigheid_open_op
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


def open_onenigheid_van(leerling: Leerling, op: date | None = None) -> Onenigheid | None:
    """The disagreement about this pupil that was open on ``op`` (the report's date; default
    today), None when none was."""
    return onenigheid_open_op(leerling, op or timezone.localdate())


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
    and no suppression: the caller (the monitor) does both. The same count as the figures
    page (``cijfers``): both sum ``_per_maand``."""
    rijen = _per_maand(samenwerkingsverband, van, tot)
    return {
        "totaal": sum(rij["totaal"] for rij in rijen),
        "tijdens_onenigheid": sum(rij["tijdens_onenigheid"] for rij in rijen),
    }


#: The quarters of a school year (1 August – 31 July), so that four quarters make exactly
#: one school year.
KWARTAALMAANDEN = {1: "aug–okt", 2: "nov–jan", 3: "feb–apr", 4: "mei–jul"}
KOLOMMEN = ("totaal", "tijdens_onenigheid")


def _kwartaal(dag: date) -> str:
    """The school-year quarter of a day, e.g. "2025-2026 K1 (aug–okt)"."""
    begin = schooljaar_begin(schooljaar_van(dag)).year
    k = ((dag.year - begin) * 12 + dag.month - 8) // 3 + 1
    return f"{begin}-{begin + 1} K{k} ({KWARTAALMAANDEN[k]})"


def _kwartalen(van: date, tot: date) -> list[str]:
    """The school-year quarters from ``van`` to ``tot``, in order."""
    uit: list[str] = []
    dag = date(van.year, van.month, 1)
    while dag <= tot:
        if (label := _kwartaal(dag)) not in uit:
            uit.append(label)
        dag = date(dag.year + (dag.month == 12), dag.month % 12 + 1, 1)
    return uit


def cijfers(
    *, samenwerkingsverband: Samenwerkingsverband, schooljaren: int = 2, peildatum: date
) -> dict[str, Any]:
    """The figures page: per school-year quarter and per school year, over the last
    ``schooljaren`` school years up to the peildatum, the number of reports and how many
    were made during a disagreement. One query, whatever the number of reports.

    Suppression: a cell of 1 up to the small-cell limit is not shown (None). Secondary
    suppression: the quarters nest exactly in the school year (aug–okt, nov–jan, feb–apr,
    mei–jul), and a school year's cell is not shown when any of its quarters' cells in that
    column is not shown; otherwise the hidden quarter is the year minus the shown quarters.
    """
    van = date(schooljaar_begin(schooljaar_van(peildatum)).year - (schooljaren - 1), 8, 1)
    grens = kleine_cel_grens()
    per_kwartaal: dict[str, Counter[str]] = {k: Counter() for k in _kwartalen(van, peildatum)}
    for rij in _per_maand(samenwerkingsverband, van, peildatum):
        teller = per_kwartaal[_kwartaal(rij["maand"])]
        for kolom in KOLOMMEN:
            teller[kolom] += rij[kolom]
    kwartaalregels = [
        {"periode": periode, **{k: onderdruk(teller[k], grens) for k in KOLOMMEN}}
        for periode, teller in per_kwartaal.items()
    ]
    per_jaar: dict[str, list[tuple[Counter[str], dict[str, Any]]]] = {}
    for (periode, teller), regel in zip(per_kwartaal.items(), kwartaalregels, strict=True):
        per_jaar.setdefault(periode.split(" ")[0], []).append((teller, regel))
    jaarregels = []
    for jaar, kwartalen in per_jaar.items():
        jaarregel: dict[str, Any] = {"periode": jaar}
        for kolom in KOLOMMEN:
            verborgen = any(regel[kolom] is None for _, regel in kwartalen)
            som = sum(teller[kolom] for teller, _ in kwartalen)
            jaarregel[kolom] = None if verborgen else onderdruk(som, grens)
        jaarregels.append(jaarregel)
    return {
        "van": van,
        "tot": peildatum,
        "grens": grens,
        "per_kwartaal": kwartaalregels,
        "per_schooljaar": jaarregels,
    }
