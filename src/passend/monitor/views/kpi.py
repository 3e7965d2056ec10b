"""The KPI pages: the dashboard of one SWV, every SWV side by side, and their downloads.

* ``dashboard``: the own SWV's figures for its directeur, functioneel beheerder, board
  (toezichthouder) and OPR; the inspectorate and the ministry have no own SWV and are sent
  to the all-SWV table.
* ``landelijk``: every SWV side by side, for the inspectorate and the ministry (their only
  view: no per-SWV page next to it, whose suppression could differ).
* Each page has CSV and XLSX downloads of exactly what it shows (the same filters).

Thin views: the role check (a logged 403), the filter form (an invalid filter shows its
errors and no figures, and reads nothing), then one selector call — ``kpi_dashboard`` or
``kpi_landelijk`` authorise and write the one access-log record before anything is shown.
Actors who see suppressed figures get a form with one school year only, and a page without
the previous year, the change and the charts (see ``selectors/kpi.py``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import Actor, actor_of_403
from passend.accounts.rules import ALLEEN_AGGREGATEN
from passend.core.models import Actie
from passend.monitor.export import csv_inhoud, xlsx_inhoud
from passend.monitor.forms.kpi import DashboardForm, LandelijkForm, PeriodeForm
from passend.monitor.grafieken import EENHEID_WOORDEN, getal, jaargrafiek
from passend.monitor.permissions import beleid
from passend.monitor.rules import Eenheid, Kengetal
from passend.monitor.selectors.kpi import (
    GROEPEN,
    OBJECT_TYPE,
    OBJECT_TYPE_LANDELIJK,
    WAAROM_EEN_SCHOOLJAAR,
    Dashboard,
    Landelijk,
    dashboard_tabel,
    kpi_dashboard,
    kpi_landelijk,
    landelijk_tabel,
)
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.rules import Soort

CSV = "csv"
XLSX = "xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def eis_rol(request: HttpRequest, actie: str, route: str, *, object_type: str) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    log = Actie.EXPORTEREN if route.endswith(("-csv", "-xlsx")) else Actie.LEZEN
    beleid.eis_rol(actor, actie, log_actie=log, object_type=object_type, route=route)
    return actor


# --- Presentation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cel:
    """One shown number: its text, a suppressed small cell, or an unknown one ("–" with
    the word "onbekend" for screen readers)."""

    tekst: str
    onderdrukt: bool = False
    onbekend: bool = False


ONBEKEND = Cel("–", onbekend=True)


def _waarde(waarde: Decimal | None, eenheid: str) -> str:
    if waarde is None:
        return "–"
    woorden = EENHEID_WOORDEN.get(eenheid, eenheid)
    return f"{getal(waarde)} {woorden}".strip()


def _aantal_cel(aantal: int | None, onderdrukt: bool) -> Cel:
    if aantal is None:
        return Cel("", onderdrukt=True) if onderdrukt else Cel("–")
    return Cel(getal(aantal))


def _waarde_cel(aantal: int | None, waarde: Decimal | None, eenheid: str, onderdrukt: bool) -> Cel:
    if eenheid == Eenheid.AANTAL:
        return Cel("")
    if waarde is None and aantal is None and onderdrukt:
        return Cel("", onderdrukt=True)
    return Cel(_waarde(waarde, eenheid))


def verandering_tekst(verandering: Decimal | None) -> str:
    """The change in words, so it does not rest on colour or a sign alone."""
    if verandering is None:
        return "–"
    if verandering > 0:
        return f"{getal(verandering)}% meer"
    if verandering < 0:
        return f"{getal(-verandering)}% minder"
    return "gelijk"


@dataclass(frozen=True)
class Regel:
    """One figure of the dashboard, ready to show."""

    label: str
    aantal: Cel
    waarde: Cel
    noemer: Cel
    vorig_aantal: Cel
    vorig_waarde: Cel
    verandering: str
    landelijk: str


def _noemer_cel(k: Kengetal, weg: bool) -> Cel:
    """The denominator with what it counts in words ("1.100 leerlingen")."""
    if weg:
        return Cel("", onderdrukt=True)
    if k.noemer is None:
        return Cel("")
    return Cel(f"{getal(k.noemer)} {k.noemer_eenheid}".strip())


def regel(k: Kengetal) -> Regel:
    nu_weg = k.onderdrukt and k.aantal is None
    vorig_weg = k.onderdrukt and k.vorig_jaar_aantal is None
    return Regel(
        label=k.label,
        aantal=_aantal_cel(k.aantal, nu_weg),
        waarde=_waarde_cel(k.aantal, k.waarde, k.eenheid, nu_weg),
        noemer=_noemer_cel(k, k.onderdrukt and k.noemer is None and bool(k.noemer_eenheid)),
        vorig_aantal=_aantal_cel(k.vorig_jaar_aantal, vorig_weg),
        vorig_waarde=_waarde_cel(k.vorig_jaar_aantal, k.vorig_jaar_waarde, k.eenheid, vorig_weg),
        verandering=verandering_tekst(k.verandering),
        landelijk=_waarde(k.landelijk, k.eenheid) if k.landelijk is not None else "",
    )


def groepen(kengetallen: list[Kengetal]) -> list[tuple[str, str, list[Regel]]]:
    """The figures per group (code, heading, rows), in the order of ``GROEPEN``."""
    per_groep: dict[str, list[Regel]] = {}
    for k in kengetallen:
        per_groep.setdefault(k.groep, []).append(regel(k))
    return [(code, kop, per_groep[code]) for code, kop in GROEPEN.items() if code in per_groep]


def grafieken(dashboard: Dashboard) -> list[dict[str, Any]]:
    """Per series of the dashboard: the chart and the same figures as table rows."""
    uit = []
    naam = dashboard.samenwerkingsverband.naam
    for index, reeks in enumerate(dashboard.reeksen):
        landelijk = dict(reeks.landelijk or [])
        uit.append(
            {
                "reeks": reeks,
                "eenheid": EENHEID_WOORDEN.get(reeks.eenheid, reeks.eenheid) or "aantal",
                "svg": jaargrafiek(reeks, naam=naam, sleutel=f"grafiek-{index}"),
                "met_landelijk": reeks.landelijk is not None,
                "rijen": [
                    {
                        "jaar": jaar,
                        "waarde": Cel(getal(w))
                        if w is not None
                        else Cel("", onderdrukt=True)
                        if jaar in reeks.onderdrukt
                        else ONBEKEND,
                        "landelijk": getal(landelijk.get(jaar)),
                    }
                    for jaar, w in reeks.punten
                ],
            }
        )
    return uit


def _kolomkop(label: str, eenheid: str) -> str:
    woorden = EENHEID_WOORDEN.get(eenheid, eenheid)
    return f"{label} ({woorden})" if woorden else label


def landelijke_cel(k: Kengetal) -> Cel:
    """A cell of the all-SWV table: the figure with its count beside it."""
    if k.aantal is None:
        return Cel("", onderdrukt=True) if k.onderdrukt else Cel("–")
    if k.eenheid == Eenheid.AANTAL or k.waarde is None:
        return Cel(getal(k.aantal) if k.eenheid == Eenheid.AANTAL else f"– ({getal(k.aantal)})")
    return Cel(f"{getal(k.waarde)} ({getal(k.aantal)})")


# --- Filters and downloads ------------------------------------------------------------------


def _vandaag() -> date:
    return timezone.localdate()


def _query(form: PeriodeForm) -> str:
    parameters = form.parameters()
    return f"?{urlencode(parameters)}" if parameters else ""


def _download(kop: list[str], rijen: list[list[object]], formaat: str, naam: str) -> HttpResponse:
    if formaat == CSV:
        antwoord = HttpResponse(csv_inhoud(kop, rijen), content_type="text/csv; charset=utf-8")
    else:
        antwoord = HttpResponse(
            xlsx_inhoud(kop, rijen, titel="Kengetallen"), content_type=XLSX_TYPE
        )
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord


def _dashboard(
    request: HttpRequest,
    *,
    actor: Actor,
    swv: Samenwerkingsverband,
    route: str,
    formaat: str | None,
) -> HttpResponse:
    """The dashboard page (``formaat`` None) or its download, for one SWV."""
    form = DashboardForm(
        request.GET or None,
        vandaag=_vandaag(),
        samenwerkingsverband=swv,
        onderdrukt=beleid.onderdrukt(actor, swv),
    )
    context: dict[str, Any] = {
        "form": form,
        "samenwerkingsverband": swv,
        "actie": reverse(EIGEN_ROUTES[0]),
        "waarom_een_schooljaar": WAAROM_EEN_SCHOOLJAAR,
    }
    if form.is_bound and not form.is_valid():
        return render(
            request, "monitor/kpi/dashboard.html", context, status=200 if formaat is None else 400
        )
    van, tot = form.periode()
    dashboard = kpi_dashboard(
        actor=actor,
        samenwerkingsverband=swv,
        van=van,
        tot=tot,
        afbakening=form.afbakening(),
        route=route,
        log_actie=Actie.LEZEN if formaat is None else Actie.EXPORTEREN,
    )
    if formaat is not None:
        kop, rijen = dashboard_tabel(dashboard)
        return _download(kop, rijen, formaat, f"kengetallen-{swv.code}-{van:%Y%m%d}-{tot:%Y%m%d}")
    query = _query(form)
    soort = form.cleaned_data.get("soort") if form.is_bound else None
    context.update(
        {
            "dashboard": dashboard,
            "groepen": groepen(dashboard.kengetallen),
            "grafieken": grafieken(dashboard),
            "csv_url": reverse(EIGEN_ROUTES[1]) + query,
            "xlsx_url": reverse(EIGEN_ROUTES[2]) + query,
            "bestuur": form.cleaned_data.get("bestuur") if form.is_bound else None,
            "soort": Soort(soort).label if soort else "",
        }
    )
    return render(request, "monitor/kpi/dashboard.html", context)


EIGEN_ROUTES = ("monitor:dashboard", "monitor:dashboard-csv", "monitor:dashboard-xlsx")
LANDELIJK_ROUTES = ("monitor:landelijk", "monitor:landelijk-csv", "monitor:landelijk-xlsx")


def _eigen(request: HttpRequest, formaat: str | None) -> HttpResponse:
    route = EIGEN_ROUTES[{None: 0, CSV: 1, XLSX: 2}[formaat]]
    actor = actor_of_403(request)
    if actor.rolsoort in ALLEEN_AGGREGATEN:
        # No own SWV: every SWV is on the national table (nothing is read here).
        return redirect("monitor:landelijk")
    actor = eis_rol(request, "kpi", route, object_type=OBJECT_TYPE)
    swv = actor.rol.samenwerkingsverband
    assert swv is not None  # every role with "kpi" but the national ones is held in an SWV
    return _dashboard(request, actor=actor, swv=swv, route=route, formaat=formaat)


def _landelijk(request: HttpRequest, formaat: str | None) -> HttpResponse:
    route = LANDELIJK_ROUTES[{None: 0, CSV: 1, XLSX: 2}[formaat]]
    actor = eis_rol(request, "kpi_landelijk", route, object_type=OBJECT_TYPE_LANDELIJK)
    form = LandelijkForm(request.GET or None, vandaag=_vandaag())
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "monitor/kpi/landelijk.html",
            {"form": form, "waarom_een_schooljaar": WAAROM_EEN_SCHOOLJAAR},
            status=200 if formaat is None else 400,
        )
    van, tot = form.periode()
    landelijk: Landelijk = kpi_landelijk(
        actor=actor,
        van=van,
        tot=tot,
        afbakening=form.afbakening(),
        route=route,
        log_actie=Actie.LEZEN if formaat is None else Actie.EXPORTEREN,
    )
    if formaat is not None:
        kop, rijen = landelijk_tabel(landelijk)
        return _download(kop, rijen, formaat, f"kengetallen-landelijk-{van:%Y%m%d}-{tot:%Y%m%d}")
    query = _query(form)
    return render(
        request,
        "monitor/kpi/landelijk.html",
        {
            "form": form,
            "waarom_een_schooljaar": WAAROM_EEN_SCHOOLJAAR,
            "landelijk": landelijk,
            "kolommen": [_kolomkop(label, eenheid) for _, label, eenheid in landelijk.kolommen],
            "rijen": [
                {
                    "swv": rij.samenwerkingsverband,
                    "cellen": [landelijke_cel(k) for k in rij.kengetallen],
                }
                for rij in landelijk.rijen
            ],
            "totaal": [landelijke_cel(k) for k in landelijk.totaal],
            "csv_url": reverse(LANDELIJK_ROUTES[1]) + query,
            "xlsx_url": reverse(LANDELIJK_ROUTES[2]) + query,
        },
    )


# --- The routes -----------------------------------------------------------------------------


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The own SWV's KPI dashboard."""
    return _eigen(request, None)


@require_GET
@never_cache
@login_required
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    return _eigen(request, CSV)


@require_GET
@never_cache
@login_required
def dashboard_xlsx(request: HttpRequest) -> HttpResponse:
    return _eigen(request, XLSX)


@require_GET
@login_required
def landelijk(request: HttpRequest) -> HttpResponse:
    """Every SWV side by side."""
    return _landelijk(request, None)


@require_GET
@never_cache
@login_required
def landelijk_csv(request: HttpRequest) -> HttpResponse:
    return _landelijk(request, CSV)


@require_GET
@never_cache
@login_required
def landelijk_xlsx(request: HttpRequest) -> HttpResponse:
    return _landelijk(request, XLSX)
