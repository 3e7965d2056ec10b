"""What every verzuim case page does around its one selector or service call: who acts,
the role check (403, logged), the one access-log record when no service or selector wrote
it, service errors shown on the form, a stale form (``Conflict``), and what the pages derive
from the facts.

Every request that touches pupil data writes exactly one access-log record:
- a GET fetches through ``melding_voor_actor`` (which authorises and logs);
- a POST that calls a service authorises with ``melding_voor_schrijven`` (no record when
  allowed: the service logs a successful write; a refusal is logged there, then a 404);
- when nothing is saved (a form error, a conflict) the view writes the one record itself.
"""

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
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
from passend.verzuim import rules
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.permissions import WEIGERREDENEN, beleid
from passend.verzuim.selectors import (
    OBJECT_TYPE,
    melding_dossier,
    melding_voor_actor,
    melding_voor_schrijven,
)
from passend.verzuim.services import Conflict, doorbraak_standaard


def eis_rol(
    request: HttpRequest, actie: str, route: str, *, object_type: str = OBJECT_TYPE
) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    if request.method == "POST":
        log_actie = Actie.AANMAKEN if actie == "melden" else Actie.WIJZIGEN
    else:
        log_actie = Actie.LEZEN
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=object_type, route=route)
    return actor


def vastleggen(
    *,
    actor: Actor,
    melding: Verzuimmelding,
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
        object_id=str(melding.sleutel),
        leerling_sleutels=[melding.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def mag(actor: Actor) -> dict[str, bool]:
    """Which actions this role has (for the buttons on the pages)."""
    return {actie: beleid.mag(actor, f"rol:{actie}") for actie in WEIGERREDENEN}


def afgeleid(melding: Verzuimmelding, vandaag: date | None = None) -> dict[str, Any]:
    """What Passend derives from the facts and the dates (nobody ticks it)."""
    vandaag = vandaag or timezone.localdate()
    na_weken = int(settings.PASSEND["VERZUIM_DOORBRAAK_NA_WEKEN"])
    laatste = min(melding.einde or vandaag, vandaag)
    standaard = doorbraak_standaard(melding)
    return {
        "vorm": rules.verzuimvorm_op(melding.soort, melding.sinds, melding.einde, vandaag),
        "thuiszitter": rules.is_thuiszitter(melding.soort, melding.sinds, melding.einde, vandaag),
        "thuiszitter_vanaf": rules.thuiszitter_vanaf(melding.soort, melding.sinds),
        "langdurig_vanaf": rules.langdurig_vanaf(melding.sinds),
        "weken_thuis": rules.duur_in_weken(melding.sinds, laatste)
        if laatste >= melding.sinds
        else None,
        "doorbraak_nodig": rules.doorbraak_nodig(
            soort=melding.soort,
            sinds=melding.sinds,
            einde=melding.einde,
            aanbod_op=melding.aanbod_op,
            peildatum=vandaag,
            na_weken=na_weken,
        ),
        "doorbraak": standaard,
        "doorbraak_na_weken": na_weken,
        "doorzettingsmacht": settings.PASSEND["VERZUIM_DOORZETTINGSMACHT"],
        "consulent_mogelijk": melding.einde is None
        and rules.onderwijsconsulent_mogelijk(melding.soort, melding.sinds, vandaag),
        "consulent_vanaf": rules.onderwijsconsulent_mogelijk_vanaf(melding.sinds),
        "meldplichtig": rules.meldplichtig(melding.gemiste_uren),
    }


def naar_melding(melding: Verzuimmelding) -> HttpResponse:
    return redirect("verzuim:melding", sleutel=melding.sleutel)


def is_beeindigd(melding: Verzuimmelding) -> str | None:
    if melding.einde is not None:
        return "Deze melding is beëindigd. Er kan niets meer bij."
    return None


def formulierpagina(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    actie: str,
    doel: str,
    maak_form: Callable[[Verzuimmelding, Any], Form],
    opslaan: Callable[[Actor, Verzuimmelding, dict[str, Any]], str],
    sjabloon: str,
    context: Callable[[Verzuimmelding], dict[str, Any]] | None = None,
    voorwaarde: Callable[[Verzuimmelding], str | None] = is_beeindigd,
    na_opslaan: Callable[[Actor, Verzuimmelding], HttpResponse] | None = None,
) -> HttpResponse:
    """A form page about one case: GET shows it, POST calls one service.

    ``opslaan`` returns the success message. ``voorwaarde`` says why the page does not
    apply to this case now (None: it does); then the actor is sent back to the case. A
    stale form (``Conflict``) shows the current data with the input kept.
    """
    actor = eis_rol(request, actie, route)
    if request.method != "POST":
        melding = melding_voor_actor(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        reden = voorwaarde(melding)
        if reden:
            messages.info(request, reden)
            return naar_melding(melding)
        form = maak_form(melding, None)
    else:
        melding = melding_voor_schrijven(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        reden = voorwaarde(melding)
        if reden:
            vastleggen(
                actor=actor,
                melding=melding,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden=f"niet mogelijk: {reden}; niets opgeslagen",
                route=route,
            )
            messages.error(request, reden)
            return naar_melding(melding)
        try:
            form = maak_form(melding, request.POST)
        except Http404:
            vastleggen(
                actor=actor,
                melding=melding,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden=f"{doel}: onderdeel bestaat niet",
                route=route,
            )
            raise
        if form.is_valid():
            try:
                bericht = opslaan(actor, melding, form.cleaned_data)
            except Geweigerd as fout:
                vastleggen(
                    actor=actor,
                    melding=melding,
                    actie=Actie.WIJZIGEN,
                    toegestaan=False,
                    reden=fout.reden,
                    route=route,
                )
                raise
            except Conflict as fout:
                melding = melding_dossier(sleutel) or melding
                gegevens = request.POST.copy()
                gegevens["revisie"] = str(melding.revisie)
                form = maak_form(melding, gegevens)
                form.is_valid()
                form.add_error(None, fout.melding)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, bericht)
                if na_opslaan is not None:
                    return na_opslaan(actor, melding)
                return naar_melding(melding)
        vastleggen(
            actor=actor,
            melding=melding,
            actie=Actie.LEZEN,
            toegestaan=True,
            reden=f"{doel}: niet opgeslagen; formulier opnieuw getoond",
            route=route,
        )
        melding = melding_dossier(sleutel) or melding
    inhoud: dict[str, Any] = {
        "melding": melding,
        "leerling": melding.leerling,
        "form": form,
        "afgeleid": afgeleid(melding),
        "mag": mag(actor),
    }
    if context is not None:
        inhoud.update(context(melding))
    return render(request, sjabloon, inhoud)


def onderdeel_of_404(rijen: Any, pk: int) -> Any:
    """One prefetched part (partner, action) of an authorised case, else 404."""
    for rij in rijen:
        if rij.pk == pk:
            return rij
    raise Http404("Dit onderdeel van de melding bestaat niet.")
