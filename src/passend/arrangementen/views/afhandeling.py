"""What every arrangement page does around its one selector or service call: the one
access-log record when no service or selector wrote it, a request whose status does not
allow the step, service errors on the form, and the plain context of a request with the
OPP it rests on (the parents' and the pupil's view come from the OPP, never typed again).
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.arrangementen import services
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import OPEN, Status, bezwaar_uiterlijk, dagen_tussen
from passend.arrangementen.selectors import (
    OBJECT_TYPE,
    aanvraag_met_delen,
    aanvraag_voor_actor,
    aanvraag_voor_schrijven,
    bezwaartermijn_weken,
    laatste_instemming,
    verloop,
)
from passend.core.forms import fouten_naar_formulier as fouten_naar_formulier
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.rules import FactorSoort

#: The parts of an OPP shown when an arrangement is requested from it.
OPP_DELEN = (
    "factoren",
    "doelen",
    Prefetch("instemmingen", queryset=Instemming.objects.select_related("door")),
    Prefetch("leerlingstemmen", queryset=Leerlingstem.objects.select_related("reactie_door")),
)


def vastleggen(
    *,
    actor: Actor,
    aanvraag: Arrangementaanvraag,
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
        object_id=str(aanvraag.sleutel),
        leerling_sleutels=[aanvraag.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def opnieuw_getoond(actor: Actor, aanvraag: Arrangementaanvraag, route: str, wat: str) -> None:
    """Nothing was saved and the page is shown again with data: one read record."""
    vastleggen(
        actor=actor,
        aanvraag=aanvraag,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden=f"{wat} niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )


def gesloten(
    request: HttpRequest, actor: Actor, aanvraag: Arrangementaanvraag, route: str, melding: str
) -> HttpResponse:
    """A POST that the request's status does not allow: nothing saved, one record."""
    vastleggen(
        actor=actor,
        aanvraag=aanvraag,
        actie=Actie.WIJZIGEN,
        toegestaan=False,
        reden=f"niet mogelijk bij status '{aanvraag.get_status_display().lower()}'; "
        "niets opgeslagen",
        route=route,
    )
    messages.error(request, melding)
    return redirect("arrangementen:detail", sleutel=aanvraag.sleutel)


def opp_inhoud(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """The OPP summary shown with a request (parts prefetched: no queries per row)."""
    factoren = list(opp.factoren.all())
    return {
        "opp": opp,
        "belemmerend": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "bevorderend": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "doelen": list(opp.doelen.all()),
        "stemmen": list(opp.leerlingstemmen.all()),
        "laatste_instemming": laatste_instemming(opp),
    }


def opp_delen_ophalen(opp: Ontwikkelingsperspectief) -> None:
    prefetch_related_objects([opp], *OPP_DELEN)


def aanvraag_inhoud(actor: Actor, aanvraag: Arrangementaanvraag) -> dict[str, Any]:
    """Plain context of one request: its facts, history, OPP and what this actor may do."""
    vandaag = timezone.localdate()
    open_ = aanvraag.status in OPEN
    return {
        "aanvraag": aanvraag,
        "leerling": aanvraag.leerling,
        "verloop": verloop(aanvraag),
        "dagen_sinds_ontvangst": dagen_tussen(aanvraag.ingediend_op, vandaag) if open_ else None,
        "behandeldagen": dagen_tussen(aanvraag.ingediend_op, aanvraag.besloten_op)
        if aanvraag.besloten_op
        else None,
        "bezwaar_uiterlijk": bezwaar_uiterlijk(aanvraag.besloten_op, bezwaartermijn_weken())
        if aanvraag.besloten_op
        else None,
        # Role checks only: the request is already authorised for this actor.
        "mag_beoordelen": beleid.mag(actor, "loket") and aanvraag.status == Status.INGEDIEND,
        "mag_beslissen": beleid.mag(actor, "beslisser") and aanvraag.status == Status.COMPLEET,
        "mag_aanvullen": beleid.mag(actor, "aanvragen") and aanvraag.status == Status.ONVOLLEDIG,
        "mag_intrekken": beleid.mag(actor, "aanvragen") and open_,
        "terug": (
            ("arrangementen:werkvoorraad", "Terug naar de werkvoorraad")
            if beleid.mag(actor, "werkvoorraad")
            else ("arrangementen:overzicht", "Terug naar de aanvragen van de school")
        ),
        **opp_inhoud(aanvraag.opp),
    }


def formulierpagina(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    actie: str,
    rol_actie: str,
    rol_reden: str,
    doel: str,
    toegestaan: frozenset[str],
    niet_toegestaan: str,
    maak_form: Any,
    opslaan: Any,
    gelukt: str,
    sjabloon: str,
    wat: str,
) -> HttpResponse:
    """A form page about one request: GET shows it, POST calls one service."""
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        rol_actie,
        log_actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
        object_type=OBJECT_TYPE,
        reden=rol_reden,
        route=route,
    )
    if request.method != "POST":
        aanvraag = aanvraag_voor_actor(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        if aanvraag.status not in toegestaan:
            messages.info(request, niet_toegestaan)
            return redirect("arrangementen:detail", sleutel=aanvraag.sleutel)
        form = maak_form(aanvraag, None)
    else:
        aanvraag = aanvraag_voor_schrijven(
            actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route
        )
        if aanvraag.status not in toegestaan:
            return gesloten(request, actor, aanvraag, route, niet_toegestaan)
        form = maak_form(aanvraag, request.POST)
        if form.is_valid():
            try:
                opslaan(actor, aanvraag, form.cleaned_data)
            except services.Statusfout as fout:
                return gesloten(request, actor, aanvraag, route, " ".join(fout.messages))
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, gelukt)
                return redirect("arrangementen:detail", sleutel=aanvraag.sleutel)
        opnieuw_getoond(actor, aanvraag, route, wat)
        aanvraag = aanvraag_met_delen(aanvraag)
    return render(request, sjabloon, {**aanvraag_inhoud(actor, aanvraag), "form": form})
