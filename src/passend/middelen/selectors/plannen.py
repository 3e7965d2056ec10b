"""Reads of the plans: the SWV's list with each plan's status, one plan with its versions,
consent and OOGO per municipality, and the plan or version a write is about.

The selectors authorise with the middelen policy and write one access-log record
("middelen.plan") before returning: a role that may never read plans gets a logged 403, a
plan of another SWV a logged 404 (its existence is not revealed). A bounded number of
queries whatever the number of plans, versions and municipalities.

The status of a plan (``plan_status``) and of the SWV (``swv_status``) are pure functions
of the prefetched rows: "geldig met instemming OPR en OOGO met alle gemeenten" or, in
words, what is missing.
"""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.middelen.models import Instemming, Oogo, Plan, Planversie
from passend.middelen.permissions import beleid
from passend.middelen.rules import Instemmingsuitkomst, Oogouitkomst, Plansoort
from passend.organisaties.models import Gemeente

OBJECT_TYPE = "middelen.plan"
NIET_GEVONDEN = "Dit plan bestaat niet of u mag het niet zien."
GELDIG_OP = "geldig met instemming OPR en OOGO met alle gemeenten"
GELDIG_MJB = "geldig met instemming OPR"
#: How long before the end of the running ondersteuningsplan the SWV is warned.
WAARSCHUWING_MAANDEN = 6


def datumtekst(d: datetime.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def _namen(namen: Sequence[str]) -> str:
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


# --- Status (pure, from prefetched rows) ----------------------------------------------------


@dataclass(frozen=True)
class Gemeentestatus:
    gemeente: Gemeente
    oogo: Oogo | None

    @property
    def overeenstemming(self) -> bool:
        return self.oogo is not None and self.oogo.uitkomst == Oogouitkomst.OVEREENSTEMMING


@dataclass(frozen=True)
class Planstatus:
    geldig: bool
    tekst: str
    ontbreekt: list[str] = field(default_factory=list)
    laatste: Planversie | None = None
    instemming: Instemming | None = None
    gemeenten: list[Gemeentestatus] = field(default_factory=list)


def _laatste(rijen: Sequence[Any]) -> Any:
    """The latest decision (by date, then the last recorded)."""
    return max(rijen, key=lambda r: (r.datum, r.pk), default=None)


def plan_status(plan: Plan, werkgebied: Sequence[Gemeente]) -> Planstatus:
    """What the latest version of the plan has and lacks: the OPR's consent and, for an
    ondersteuningsplan, the OOGO with every municipality of the werkgebied. Uses the
    prefetched ``versies`` with their ``instemmingen`` and ``oogo``."""
    versies = list(plan.versies.all())
    laatste = max(versies, key=lambda v: v.nummer, default=None)
    if laatste is None:
        return Planstatus(
            geldig=False,
            tekst="Er is nog geen versie van dit plan.",
            ontbreekt=["Er is nog geen versie van dit plan."],
        )
    ontbreekt: list[str] = []
    instemming = _laatste(list(laatste.instemmingen.all()))
    if instemming is None:
        ontbreekt.append(f"De OPR heeft nog niet ingestemd met versie {laatste.nummer}.")
    elif instemming.uitkomst != Instemmingsuitkomst.INGESTEMD:
        ontbreekt.append(
            f"De OPR heeft niet ingestemd met versie {laatste.nummer} "
            f"(besluit van {datumtekst(instemming.datum)})."
        )
    gemeenten: list[Gemeentestatus] = []
    if plan.soort == Plansoort.ONDERSTEUNINGSPLAN:
        per_gemeente: dict[int, list[Oogo]] = {}
        for oogo in laatste.oogo.all():
            per_gemeente.setdefault(oogo.gemeente_id, []).append(oogo)
        gemeenten = [
            Gemeentestatus(gemeente=g, oogo=_laatste(per_gemeente.get(g.pk, [])))
            for g in werkgebied
        ]
        zonder = [s.gemeente.naam for s in gemeenten if s.oogo is None]
        oneens = [s.gemeente.naam for s in gemeenten if s.oogo and not s.overeenstemming]
        if zonder:
            ontbreekt.append(f"Nog geen OOGO over versie {laatste.nummer} met {_namen(zonder)}.")
        if oneens:
            ontbreekt.append(
                f"Geen overeenstemming in het OOGO over versie {laatste.nummer} met "
                f"{_namen(oneens)}."
            )
        if not werkgebied:
            ontbreekt.append(
                "Het samenwerkingsverband heeft nog geen gemeenten in zijn werkgebied."
            )
    geldig = not ontbreekt
    if geldig:
        tekst = (
            f"Versie {laatste.nummer} is "
            f"{GELDIG_OP if plan.soort == Plansoort.ONDERSTEUNINGSPLAN else GELDIG_MJB}."
        )
    else:
        tekst = f"Versie {laatste.nummer} is nog niet geldig. " + " ".join(ontbreekt)
    return Planstatus(
        geldig=geldig,
        tekst=tekst,
        ontbreekt=ontbreekt,
        laatste=laatste,
        instemming=instemming,
        gemeenten=gemeenten,
    )


def _maanden_terug(d: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(d.month - 1 - maanden, 12)
    jaar += d.year
    maand += 1
    for dag in (d.day, 30, 29, 28):
        try:
            return d.replace(year=jaar, month=maand, day=dag)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Swvstatus:
    loopt: Plan | None
    tekst: str
    waarschuwing: str = ""


def swv_status(plannen: Sequence[Plan], vandaag: datetime.date) -> Swvstatus:
    """Whether an ondersteuningsplan runs today and when the next one must start (at least
    every 4 years), with a warning from 6 months before the end."""
    op = [p for p in plannen if p.soort == Plansoort.ONDERSTEUNINGSPLAN]
    loopt = next((p for p in op if p.periode_van <= vandaag <= p.periode_tot), None)
    if loopt is None:
        return Swvstatus(
            loopt=None,
            tekst="Er loopt vandaag geen ondersteuningsplan.",
            waarschuwing="Er loopt vandaag geen ondersteuningsplan. Stel een nieuw "
            "ondersteuningsplan vast, met instemming van de OPR en OOGO met de gemeenten.",
        )
    volgende_start = loopt.periode_tot + datetime.timedelta(days=1)
    opvolger = next((p for p in op if p.periode_van == volgende_start), None)
    tekst = (
        f"Het ondersteuningsplan '{loopt.titel}' loopt tot en met "
        f"{datumtekst(loopt.periode_tot)}. Het volgende ondersteuningsplan moet ingaan op "
        f"{datumtekst(volgende_start)}."
    )
    waarschuwing = ""
    if opvolger is None and vandaag >= _maanden_terug(loopt.periode_tot, WAARSCHUWING_MAANDEN):
        waarschuwing = (
            f"Het ondersteuningsplan eindigt op {datumtekst(loopt.periode_tot)}. Er is nog "
            "geen nieuw ondersteuningsplan dat daarna begint."
        )
    return Swvstatus(loopt=loopt, tekst=tekst, waarschuwing=waarschuwing)


# --- Reads ----------------------------------------------------------------------------------


def plannen_queryset() -> Any:
    """Plans with their versions, consent and OOGO (4 queries, whatever their number)."""
    return Plan.objects.prefetch_related(
        Prefetch(
            "versies",
            queryset=Planversie.objects.select_related("aangemaakt_door").prefetch_related(
                Prefetch("instemmingen", queryset=Instemming.objects.all()),
                Prefetch("oogo", queryset=Oogo.objects.select_related("gemeente")),
            ),
        )
    )


def werkgebied_van(swv_id: int) -> list[Gemeente]:
    return list(Gemeente.objects.filter(samenwerkingsverbanden__id=swv_id).order_by("naam"))


def _log(
    actor: Any, actie: Actie, object_id: str, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=object_id,
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


@dataclass(frozen=True)
class Planregel:
    plan: Plan
    status: Planstatus


@dataclass(frozen=True)
class Planoverzicht:
    regels: list[Planregel]
    swv: Swvstatus
    werkgebied: list[Gemeente]


def plannen_voor_actor(actor: Any, *, route: str) -> Planoverzicht:
    """The actor's SWV's plans with their status (the role was checked by the caller)."""
    swv_id = getattr(actor.rol, "samenwerkingsverband_id", None)
    plannen = list(
        beleid.filter_zichtbaar(actor, plannen_queryset()).order_by("soort", "-periode_van")
    )
    werkgebied = werkgebied_van(swv_id) if swv_id else []
    _log(actor, Actie.LEZEN, str(swv_id or ""), True, "plannen bekeken", route)
    return Planoverzicht(
        regels=[Planregel(plan=p, status=plan_status(p, werkgebied)) for p in plannen],
        swv=swv_status(plannen, timezone.localdate()),
        werkgebied=werkgebied,
    )


def _als_id(pk: int | str) -> int | None:
    """A key from a URL as a database id; a malformed one (API keys are free text, so a bad
    one is a JSON 404 rather than Django's HTML one) is None."""
    tekst = str(pk)
    if not re.fullmatch(r"[0-9]{1,18}", tekst):
        return None
    return int(tekst)


def _zichtbaar_plan(actor: Any, pk: int | str, actie: str, log_actie: Actie, route: str) -> Plan:
    """The plan if the actor may ``actie`` it; another SWV's is a logged 404, the own one
    the actor may not write (the wrong soort) a logged 403."""
    plan_id = _als_id(pk)
    plan = plannen_queryset().filter(pk=plan_id).first() if plan_id is not None else None
    if plan is None or not beleid.mag(actor, "plan_bekijken", plan):
        _log(actor, log_actie, str(pk), False, NIET_GEVONDEN, route)
        raise Http404(NIET_GEVONDEN)
    if actie != "plan_bekijken" and not beleid.mag(actor, actie, plan):
        reden = beleid.weigerredenen[actie]
        _log(actor, log_actie, str(pk), False, reden, route)
        raise Geweigerd(f"Geweigerd: {reden}.")
    return plan


@dataclass(frozen=True)
class Plandetail:
    plan: Plan
    status: Planstatus
    versies: list[Planversie]
    werkgebied: list[Gemeente]


def plan_voor_actor(actor: Any, pk: int | str, *, route: str) -> Plandetail:
    """One plan with its versions (newest first), consent and OOGO; logged."""
    plan = _zichtbaar_plan(actor, pk, "plan_bekijken", Actie.LEZEN, route)
    werkgebied = werkgebied_van(plan.samenwerkingsverband_id)
    _log(actor, Actie.LEZEN, str(plan.pk), True, "plan bekeken", route)
    return Plandetail(
        plan=plan,
        status=plan_status(plan, werkgebied),
        versies=sorted(plan.versies.all(), key=lambda v: -v.nummer),
        werkgebied=werkgebied,
    )


def plan_voor_schrijven(actor: Any, pk: int | str, *, route: str) -> Plan:
    """The plan a new version is for (no record when allowed: the service logs the write)."""
    return _zichtbaar_plan(actor, pk, "plan_bewerken", Actie.WIJZIGEN, route)


def planversie_voor_vastleggen(actor: Any, versie_pk: int | str, *, route: str) -> Planversie:
    """The version whose consent or OOGO the directeur records; another SWV's is a logged
    404 (no record when allowed: the service logs the write)."""
    versie_id = _als_id(versie_pk)
    versie = (
        Planversie.objects.select_related("plan", "plan__samenwerkingsverband")
        .filter(pk=versie_id)
        .first()
        if versie_id is not None
        else None
    )
    if versie is None or not beleid.mag(actor, "plan_bekijken", versie.plan):
        _log(actor, Actie.WIJZIGEN, f"versie:{versie_pk}", False, NIET_GEVONDEN, route)
        raise Http404(NIET_GEVONDEN)
    if not beleid.mag(actor, "instemming_vastleggen", versie.plan):
        reden = beleid.weigerredenen["instemming_vastleggen"]
        _log(actor, Actie.WIJZIGEN, str(versie.plan_id), False, reden, route)
        raise Geweigerd(f"Geweigerd: {reden}.")
    return versie


def leg_lezen_vast(actor: Any, plan: Plan, *, reden: str, route: str) -> None:
    """The one record of a form request in which nothing was saved."""
    _log(actor, Actie.LEZEN, str(plan.pk), True, reden, route)


def mijn_werk(*, actor: Any, peildatum: datetime.date) -> list[dict[str, Any]]:
    """Start-page item of the directeur (one query; empty: nothing to do): no
    ondersteuningsplan runs, or the running one ends within 6 months without a successor
    (the warning of ``swv_status``)."""
    if actor is None or not beleid.mag(actor, "rol:instemming_vastleggen"):
        return []
    plannen = list(
        beleid.filter_zichtbaar(
            actor,
            Plan.objects.filter(
                soort=Plansoort.ONDERSTEUNINGSPLAN, periode_tot__gte=peildatum
            ).only("soort", "titel", "periode_van", "periode_tot", "samenwerkingsverband_id"),
        )
    )
    status = swv_status(plannen, peildatum)
    if not status.waarschuwing:
        return []
    return [{"tekst": status.waarschuwing, "aantal": 1, "url": reverse("middelen:plannen")}]
