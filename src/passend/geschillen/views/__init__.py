"""What every disagreement page does around its one selector or service call: who acts,
the role check (403, logged), the one access-log record when no service or selector wrote
it, a closed case, service errors on the form.

Every request that touches pupil data writes exactly one access-log record: a GET through
``onenigheid_voor_actor``; a POST authorises with ``onenigheid_voor_schrijven`` (the service
logs a successful write); when nothing is saved the view writes the record itself.
"""

from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.core.forms import fouten_naar_formulier
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.models import Onenigheid
from passend.geschillen.permissions import beleid
from passend.geschillen.rules import Status
from passend.geschillen.selectors import (
    OBJECT_TYPE,
    onenigheid_detail,
    onenigheid_voor_actor,
    onenigheid_voor_schrijven,
    stand_van,
)
from passend.geschillen.services import Conflict

PAGINA_GROOTTE = 25


def eis_rol(
    request: HttpRequest,
    actie: str,
    route: str,
    *,
    rollen: Iterable[str] | None = None,
    reden: str = "",
) -> Actor:
    """The actor, if their role may ever do this (and is one of ``rollen`` on a page for
    only some of them); else a logged refusal (403)."""
    actor = actor_of_403(request)
    log_actie = Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN
    if actie == "starten" and request.method == "POST":
        log_actie = Actie.AANMAKEN
    if (
        rollen is not None
        and actor.rolsoort not in set(rollen)
        and beleid.mag(actor, f"rol:{actie}")
    ):
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=OBJECT_TYPE,
            toegestaan=False,
            reden=f"geweigerd: {reden}",
            route=route,
        )
        raise Geweigerd(f"Geweigerd: {reden}.")
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=OBJECT_TYPE, route=route)
    return actor


def vastleggen(
    *, actor: Actor, onenigheid: Onenigheid, actie: Actie, toegestaan: bool, reden: str, route: str
) -> None:
    """The one access-log record of a request in which no service or selector wrote one."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(onenigheid.sleutel),
        leerling_sleutels=[onenigheid.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def menu(actor: Actor) -> dict[str, bool]:
    return {
        "overzicht": beleid.mag(actor, "rol:lijst"),
        "route": actor.rol.samenwerkingsverband_id is not None,
    }


def naar(onenigheid: Onenigheid, portaal: bool = False) -> HttpResponse:
    naam = "geschillen:portaal-onenigheid" if portaal else "geschillen:onenigheid"
    return redirect(naam, sleutel=onenigheid.sleutel)


def _met_revisie(request: HttpRequest, onenigheid: Onenigheid) -> Any:
    """The typed data with the current revisie (after a conflict: shown, not saved)."""
    data = request.POST.copy()
    if "revisie" in data:
        data["revisie"] = str(onenigheid.revisie)
    return data


def formulierpagina(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    actie: str,
    doel: str,
    maak_form: Callable[[Onenigheid, Any], Form],
    opslaan: Callable[[Actor, Onenigheid, dict[str, Any]], str],
    sjabloon: str,
    rollen: Iterable[str] | None = None,
    rolreden: str = "",
    portaal: bool = False,
    voorwaarde: Callable[[Onenigheid], str | None] | None = None,
    context: Callable[[Onenigheid], dict[str, Any]] | None = None,
) -> HttpResponse:
    """A form page about one disagreement: GET shows it, POST calls one service.

    ``voorwaarde`` says why the page does not apply now (None: it does; a closed case never
    does); then the actor is sent back to the case."""

    def niet_van_toepassing(onenigheid: Onenigheid) -> str | None:
        if onenigheid.status != Status.OPEN:
            return "Deze onenigheid is afgesloten."
        return voorwaarde(onenigheid) if voorwaarde is not None else None

    actor = eis_rol(request, actie, route, rollen=rollen, reden=rolreden)
    if request.method != "POST":
        onenigheid = onenigheid_voor_actor(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        reden = niet_van_toepassing(onenigheid)
        if reden:
            messages.info(request, reden)
            return naar(onenigheid, portaal)
        form = maak_form(onenigheid, None)
    else:
        onenigheid = onenigheid_voor_schrijven(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        try:
            reden = niet_van_toepassing(onenigheid)
        except Http404:
            # A part of the case that does not exist (a step's pk): refused, and logged.
            vastleggen(
                actor=actor,
                onenigheid=onenigheid,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden=f"{doel}: onderdeel bestaat niet; niets opgeslagen",
                route=route,
            )
            raise
        if reden:
            vastleggen(
                actor=actor,
                onenigheid=onenigheid,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden=f"niet mogelijk: {reden} Niets opgeslagen",
                route=route,
            )
            messages.error(request, reden)
            return naar(onenigheid, portaal)
        form = maak_form(onenigheid, request.POST)
        if form.is_valid():
            try:
                melding = opslaan(actor, onenigheid, form.cleaned_data)
            except Geweigerd as fout:
                vastleggen(
                    actor=actor,
                    onenigheid=onenigheid,
                    actie=Actie.WIJZIGEN,
                    toegestaan=False,
                    reden=fout.reden,
                    route=route,
                )
                raise
            except Conflict as fout:
                if fout.code != "revisie":
                    vastleggen(
                        actor=actor,
                        onenigheid=onenigheid,
                        actie=Actie.WIJZIGEN,
                        toegestaan=True,
                        reden=f"niets opgeslagen: {fout.melding}",
                        route=route,
                    )
                    messages.error(request, fout.melding)
                    return naar(onenigheid, portaal)
                onenigheid = onenigheid_detail(sleutel) or onenigheid
                form = maak_form(onenigheid, _met_revisie(request, onenigheid))
                form.is_valid()
                form.add_error(None, fout.melding)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, melding)
                return naar(onenigheid, portaal)
        vastleggen(
            actor=actor,
            onenigheid=onenigheid,
            actie=Actie.LEZEN,
            toegestaan=True,
            reden=f"{doel}: niet opgeslagen; formulier opnieuw getoond",
            route=route,
        )
    inhoud = {
        "onenigheid": onenigheid,
        "leerling": onenigheid.leerling,
        "form": form,
        "menu": menu(actor),
        "stand": stand_van(onenigheid, timezone.localdate()),
    }
    if context is not None:
        inhoud.update(context(onenigheid))
    return render(request, sjabloon, inhoud)
