"""The school requests: a TLV from the pupil's vastgesteld OPP, and a verlenging.

The form asks only what Passend cannot know (the soort, and optionally a note); the page
shows everything that comes along from the OPP: pupil, school, the plan, the parents' view
and their consent, the pupil's view (hoorrecht) and what the school did with it.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import FactorSoort
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.selectors import laatste_instemming, opp_voor_actor, opp_voor_schrijven
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import AanvraagForm, VerlengingForm
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import verlenging_fout
from passend.toelaatbaarheid.selectors import lopende_aanvraag, nieuwste_vastgestelde_opp
from passend.toelaatbaarheid.views.afhandeling import (
    eis_rol,
    fouten_naar_formulier,
    menu,
    tlv_formulierpagina,
)

#: The parts of an OPP that come along with a request (shown on the page).
OPP_DELEN = (
    "factoren",
    "doelen",
    "overleggen",
    "instemmingen__door",
    "leerlingstemmen__reactie_door",
)


def wat_meekomt(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """Everything Passend already knows that comes along with the request (prefetched)."""
    factoren = list(opp.factoren.all())
    return {
        "opp": opp,
        "belemmerend": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "bevorderend": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "doelen": list(opp.doelen.all()),
        "overleggen": list(opp.overleggen.all()),
        "laatste_instemming": laatste_instemming(opp),
        "instemmingen": sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk)),
        "stemmen": list(opp.leerlingstemmen.all()),
    }


def _log_opp(
    actor: Actor, opp: Ontwikkelingsperspectief, *, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.AANMAKEN if not toegestaan else Actie.LEZEN,
        object_type="ontwikkelingsperspectief",
        object_id=str(opp.sleutel),
        leerling_sleutels=[opp.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


@login_required
def aanvragen(request: HttpRequest, opp: UUID) -> HttpResponse:
    """Request a TLV from a vastgesteld OPP version (``opp`` is the version's key)."""
    route = "toelaatbaarheid:aanvragen"
    actor = eis_rol(request, "aanvragen", route)
    form = AanvraagForm(request.POST or None)
    if request.method != "POST":
        plan = opp_voor_actor(
            actor=actor,
            sleutel=opp,
            actie="bekijken",
            doel="TLV aanvragen vanuit het OPP",
            route=route,
        )
    else:
        plan = opp_voor_schrijven(
            actor=actor,
            sleutel=opp,
            actie="bekijken",
            doel="TLV aanvragen vanuit het OPP",
            route=route,
            log_actie=Actie.AANMAKEN,
        )
        if form.is_valid():
            try:
                tlv = services.tlv_aanvragen(
                    actor=actor,
                    opp=plan,
                    soort=form.cleaned_data["soort"],
                    toelichting=form.cleaned_data["toelichting"],
                    route=route,
                )
            except Geweigerd as fout:
                _log_opp(actor, plan, toegestaan=False, reden=fout.reden, route=route)
                raise
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    f"De aanvraag is verstuurd naar {tlv.verantwoordelijk_swv.naam}. "
                    f"Het kenmerk is {tlv.kenmerk}.",
                )
                return redirect("toelaatbaarheid:detail", sleutel=tlv.sleutel)
        _log_opp(
            actor,
            plan,
            toegestaan=True,
            reden="TLV niet aangevraagd; formulier opnieuw getoond",
            route=route,
        )
        prefetch_related_objects([plan], *OPP_DELEN)
    return render(
        request,
        "toelaatbaarheid/aanvragen.html",
        {
            **wat_meekomt(plan),
            "leerling": plan.leerling,
            "form": form,
            "is_vastgesteld": plan.status == OppStatus.VASTGESTELD,
            "lopend": lopende_aanvraag(leerling_id=plan.leerling_id),
            "menu": menu(actor),
        },
    )


@login_required
def verlenging(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The current school requests a verlenging before the end date."""
    route = "toelaatbaarheid:verlenging"
    nieuw: dict[str, Toelaatbaarheidsverklaring] = {}

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        nieuw["tlv"] = services.tlv_verlenging_aanvragen(
            actor=actor,
            tlv=tlv,
            soort=gegevens["soort"],
            toelichting=gegevens["toelichting"],
            route=route,
        )
        return (
            f"De verlenging is aangevraagd bij {nieuw['tlv'].verantwoordelijk_swv.naam} "
            f"(kenmerk {nieuw['tlv'].kenmerk})."
        )

    def context(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> dict[str, Any]:
        opp = nieuwste_vastgestelde_opp(actor=actor, leerling_id=tlv.leerling_id)
        fout = verlenging_fout(
            status=tlv.status, einddatum=tlv.einddatum, vandaag=timezone.localdate()
        )
        if fout is None and Toelaatbaarheidsverklaring.objects.filter(vorige=tlv).exists():
            fout = "Voor deze TLV is al een verlenging aangevraagd."
        return {"nieuw_opp": opp, "kan_niet": fout}

    antwoord = tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="verlenging_aanvragen",
        doel="verlenging aanvragen",
        statussen=frozenset({"toegekend"}),
        niet_toegestaan="Alleen een toegekende TLV kan worden verlengd.",
        maak_form=lambda tlv, data: VerlengingForm(
            data, initial={"soort": tlv.schoolsoort or tlv.soort}
        ),
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/verlenging.html",
        context=context,
    )
    if "tlv" in nieuw:
        return redirect("toelaatbaarheid:detail", sleutel=nieuw["tlv"].sleutel)
    return antwoord
