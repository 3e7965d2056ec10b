"""What every TLV page does around its one selector or service call: who acts, the role
check (403, logged), the one access-log record when no service or selector wrote it, a TLV
whose status does not allow the POST, service errors shown on the form, and the menu.

Every request that touches pupil data writes exactly one access-log record:
- a GET fetches through ``tlv_voor_actor`` (which authorises and logs);
- a POST that calls a service authorises with ``tlv_voor_schrijven`` (no record when
  allowed: the service logs a successful write; a refusal is logged there, then a 404);
- when nothing is saved (a form error, a conflict, a closed status) the view writes the one
  record itself.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from passend.accounts.actor import Actor, actor_of_403
from passend.core.forms import fouten_naar_formulier as fouten_naar_formulier
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.selectors import (
    OBJECT_TYPE,
    tlv_dossier,
    tlv_voor_actor,
    tlv_voor_schrijven,
)
from passend.toelaatbaarheid.services import Conflict


def eis_rol(
    request: HttpRequest, actie: str, route: str, *, object_type: str = OBJECT_TYPE
) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    if request.method == "POST":
        log_actie = (
            Actie.AANMAKEN if actie in ("aanvragen", "verlenging_aanvragen") else Actie.WIJZIGEN
        )
    elif actie == "exporteren":
        log_actie = Actie.EXPORTEREN
    elif actie == "brief":
        log_actie = Actie.AFDRUKKEN
    else:
        log_actie = Actie.LEZEN
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=object_type, route=route)
    return actor


def vastleggen(
    *,
    actor: Actor,
    tlv: Toelaatbaarheidsverklaring,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    """The one access-log record of a request in which no service or selector wrote one."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(tlv.sleutel),
        leerling_sleutels=[tlv.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def menu(actor: Actor) -> dict[str, bool]:
    """Which TLV pages this role has (for the menu and the links on the pages)."""
    return {
        naam: beleid.mag(actor, f"rol:{actie}")
        for naam, actie in (
            ("werklijst", "werklijst"),
            ("grensverkeer", "grensverkeer"),
            ("eindigt_binnenkort", "eindigt_binnenkort"),
            ("rapportage", "rapporteren"),
            ("export", "exporteren"),
            ("deskundigen", "deskundigen_beheren"),
            ("regeling", "regeling_beheren"),
        )
    }


def naar_dossier(tlv: Toelaatbaarheidsverklaring) -> HttpResponse:
    return redirect("toelaatbaarheid:detail", sleutel=tlv.sleutel)


def tlv_formulierpagina(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    actie: str,
    doel: str,
    statussen: frozenset[str],
    niet_toegestaan: str,
    maak_form: Callable[[Toelaatbaarheidsverklaring, Any], Form],
    opslaan: Callable[[Actor, Toelaatbaarheidsverklaring, dict[str, Any]], str],
    sjabloon: str,
    context: Callable[[Toelaatbaarheidsverklaring, Actor], dict[str, Any]] | None = None,
    voorwaarde: Callable[[Toelaatbaarheidsverklaring], str | None] | None = None,
) -> HttpResponse:
    """A form page about one TLV: GET shows it, POST calls one service.

    ``opslaan`` returns the success message; ``context`` adds what the page shows (from the
    TLV with its prefetched parts). ``voorwaarde`` (beyond the status) says why the page does
    not apply to this TLV now (None: it does); then the actor is sent back to the dossier.
    """
    actor = eis_rol(request, actie, route)
    if request.method != "POST":
        tlv = tlv_voor_actor(actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route)
        if tlv.status not in statussen:
            messages.info(request, niet_toegestaan)
            return naar_dossier(tlv)
        reden = voorwaarde(tlv) if voorwaarde is not None else None
        if reden:
            messages.info(request, reden)
            return naar_dossier(tlv)
        form = maak_form(tlv, None)
    else:
        schrijf = tlv_voor_schrijven(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        if schrijf.status not in statussen:
            vastleggen(
                actor=actor,
                tlv=schrijf,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden=f"niet mogelijk bij status '{schrijf.get_status_display().lower()}'; niets opgeslagen",
                route=route,
            )
            messages.error(request, niet_toegestaan)
            return naar_dossier(schrijf)
        reden = voorwaarde(schrijf) if voorwaarde is not None else None
        if reden:
            vastleggen(
                actor=actor,
                tlv=schrijf,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden=f"niet mogelijk: {reden}; niets opgeslagen",
                route=route,
            )
            messages.error(request, reden)
            return naar_dossier(schrijf)
        form = maak_form(schrijf, request.POST)
        if form.is_valid():
            try:
                melding = opslaan(actor, schrijf, form.cleaned_data)
            except Geweigerd as fout:
                vastleggen(
                    actor=actor,
                    tlv=schrijf,
                    actie=Actie.WIJZIGEN,
                    toegestaan=False,
                    reden=fout.reden,
                    route=route,
                )
                raise
            except Conflict as fout:
                vastleggen(
                    actor=actor,
                    tlv=schrijf,
                    actie=Actie.WIJZIGEN,
                    toegestaan=True,
                    reden="niets opgeslagen: intussen door een ander behandeld",
                    route=route,
                )
                messages.error(request, str(fout))
                return naar_dossier(schrijf)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, melding)
                return naar_dossier(schrijf)
        vastleggen(
            actor=actor,
            tlv=schrijf,
            actie=Actie.LEZEN,
            toegestaan=True,
            reden=f"{doel}: niet opgeslagen; formulier opnieuw getoond",
            route=route,
        )
        tlv = tlv_dossier(sleutel) or schrijf
    inhoud = {"tlv": tlv, "leerling": tlv.leerling, "form": form, "menu": menu(actor)}
    if context is not None:
        inhoud.update(context(tlv, actor))
    return render(request, sjabloon, inhoud)
