"""The Veilig Thuis guard in the pupil's file (measure 12), and the SWV's counts.

Every request writes exactly one access-log record (object type ``veilig-thuis-melding``):
- a role that may never do this: the refusal is logged, then a 403 (``_eis_rol``);
- a GET reads the pupil or the report through a selector that authorises and logs (404
  when hidden, logged);
- a POST authorises with ``leerling_voor_schrijven`` (a hidden pupil is logged, then a
  404); a saved report is logged by the service; when nothing is saved the view logs.
"""

from datetime import date
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from passend.accounts.actor import Actor, actor_of_403
from passend.core.forms import fouten_naar_formulier
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.forms_veilig_thuis import VeiligThuisMeldingForm
from passend.geschillen.permissions import beleid
from passend.geschillen.rules import MELDCODE_STAPPEN
from passend.geschillen.selectors.veilig_thuis import (
    OBJECT_TYPE,
    cijfers,
    leerling_voor_actor,
    leerling_voor_schrijven,
    melding_voor_actor,
    meldingen_van,
    open_onenigheid_van,
)
from passend.geschillen.services.veilig_thuis import melding_vastleggen
from passend.leerlingen.models import Leerling

CIJFERS_OBJECT_TYPE = "veilig-thuis-cijfers"
STAPLABELS = dict(MELDCODE_STAPPEN)


def _eis_rol(
    request: HttpRequest, actie: str, route: str, *, object_type: str = OBJECT_TYPE
) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    beleid.eis_rol(
        actor,
        actie,
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type=object_type,
        route=route,
    )
    return actor


def _niet_opgeslagen(actor: Actor, leerling: Leerling, reden: str, route: str) -> None:
    """The one record of a POST in which nothing was saved (the page shows the file again)."""
    toegang_vastleggen(
        actor=actor,
        actie=Actie.AANMAKEN,
        object_type=OBJECT_TYPE,
        object_id=str(leerling.sleutel),
        leerling_sleutels=[leerling.sleutel],
        toegestaan=True,
        reden=f"Veilig Thuis-melding niet opgeslagen: {reden}; formulier opnieuw getoond",
        route=route,
    )


def _stappen(codes: list[str]) -> list[str]:
    return [STAPLABELS.get(code, code) for code in codes]


def _datum(waarde: str) -> date | None:
    """The report's date as typed (None when empty or invalid: the form reports it)."""
    try:
        return date.fromisoformat(waarde.strip())
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def leerling(request: HttpRequest, leerling: UUID) -> HttpResponse:
    """The pupil's earlier reports and the form to record one, with the meldcode."""
    route = "geschillen:veilig-thuis"
    if request.method == "POST":
        actor = _eis_rol(request, "veilig_thuis_melden", route)
        kind = leerling_voor_schrijven(
            actor=actor, sleutel=leerling, doel="Veilig Thuis-melding vastleggen", route=route
        )
        onenigheid = open_onenigheid_van(kind, _datum(request.POST.get("gemeld_op", "")))
        form = VeiligThuisMeldingForm(request.POST, onenigheid_open=onenigheid is not None)
        if form.is_valid():
            try:
                melding_vastleggen(
                    actor=actor,
                    leerling=kind,
                    gemeld_op=form.cleaned_data["gemeld_op"],
                    signalen=form.cleaned_data["signalen"],
                    meldcode_stappen=form.cleaned_data["meldcode_stappen"],
                    bevestiging=bool(form.cleaned_data.get("bevestiging")),
                    route=route,
                )
            except Geweigerd as fout:
                _niet_opgeslagen(actor, kind, f"geweigerd: {fout.reden}", route)
                raise
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, "De Veilig Thuis-melding is vastgelegd.")
                return redirect("geschillen:veilig-thuis", leerling=kind.sleutel)
        # A disagreement opened between this read and the service's locked read is refused
        # by the service (an error at the top); the next attempt asks for the confirmation.
        _niet_opgeslagen(actor, kind, "formulier onvolledig", route)
    else:
        actor = _eis_rol(request, "veilig_thuis_bekijken", route)
        kind = leerling_voor_actor(
            actor=actor, sleutel=leerling, doel="Veilig Thuis-meldingen bekijken", route=route
        )
        onenigheid = open_onenigheid_van(kind)
        form = VeiligThuisMeldingForm(
            onenigheid_open=onenigheid is not None,
            initial={"gemeld_op": timezone.localdate()},
        )
    meldingen = [
        {"melding": m, "stappen": _stappen(list(m.meldcode_stappen))} for m in meldingen_van(kind)
    ]
    return render(
        request,
        "geschillen/veilig_thuis/leerling.html",
        {
            "leerling": kind,
            "meldingen": meldingen,
            "onenigheid": onenigheid,
            "form": form,
            "mag_melden": beleid.mag(actor, "rol:veilig_thuis_melden"),
            "meldcode": MELDCODE_STAPPEN,
        },
    )


@login_required
@require_GET
def melding(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """One report with its signs and steps (school staff of the pupil's current school)."""
    route = "geschillen:veilig-thuis-melding"
    actor = _eis_rol(request, "veilig_thuis_bekijken", route)
    gevonden = melding_voor_actor(actor=actor, sleutel=sleutel, route=route)
    return render(
        request,
        "geschillen/veilig_thuis/melding.html",
        {
            "melding": gevonden,
            "leerling": gevonden.leerling,
            "stappen": _stappen(list(gevonden.meldcode_stappen)),
        },
    )


@login_required
@require_GET
@never_cache
def cijfers_swv(request: HttpRequest) -> HttpResponse:
    """For the SWV's directeur: counts of reports in the region, never contents."""
    route = "geschillen:veilig-thuis-cijfers"
    actor = _eis_rol(request, "veilig_thuis_tellen", route, object_type=CIJFERS_OBJECT_TYPE)
    swv = actor.rol.samenwerkingsverband
    assert swv is not None  # the directeur's role is held in an SWV
    uitkomst: dict[str, Any] = cijfers(samenwerkingsverband=swv, peildatum=timezone.localdate())
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=CIJFERS_OBJECT_TYPE,
        object_id=actor.organisatie_sleutel,
        toegestaan=True,
        reden="aantallen Veilig Thuis-meldingen in de regio (geen inhoud)",
        route=route,
    )
    return render(
        request, "geschillen/veilig_thuis/cijfers.html", {"cijfers": uitkomst, "swv": swv}
    )
