"""The parents' portal (B1 language): their children's disagreements, starting one (for a
child over whom they have parental authority), where it stands, and withdrawing it."""

from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.core.forms import fouten_naar_formulier
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen import forms, services
from passend.geschillen.models import Onenigheid
from passend.geschillen.permissions import beleid
from passend.geschillen.selectors import (
    OBJECT_TYPE,
    kinderen_met_gezag,
    koppelkeuzes,
    onenigheid_voor_actor,
    portaal_onenigheden,
    stand_van,
    wie_schreef,
)
from passend.geschillen.views import eis_rol, formulierpagina, naar

OUDERS = frozenset({Rolsoort.OUDER})
ALLEEN_OUDERS = "het portaal is alleen voor ouders"


def _hulp() -> dict[str, str]:
    return {"onderwijsconsulenten": settings.PASSEND["ONDERWIJSCONSULENTEN_WEBSITE"]}


@login_required
@require_GET
def portaal(request: HttpRequest) -> HttpResponse:
    route = "geschillen:portaal"
    actor = eis_rol(request, "portaal", route)
    return render(
        request,
        "geschillen/portaal/overzicht.html",
        {
            "onenigheden": portaal_onenigheden(actor=actor, route=route),
            "kan_starten": bool(kinderen_met_gezag(actor)),
            **_hulp(),
        },
    )


def _log(actor: Actor, kinderen: list[Any], toegestaan: bool, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.AANMAKEN,
        object_type=OBJECT_TYPE,
        leerling_sleutels=[kind.sleutel for kind in kinderen],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


@login_required
@require_http_methods(["GET", "POST"])
def starten(request: HttpRequest) -> HttpResponse:
    route = "geschillen:portaal-starten"
    actor = eis_rol(
        request, "starten", route, rollen=OUDERS, reden="de school start op de leerlingpagina"
    )
    kinderen = kinderen_met_gezag(actor)
    keuzes = [keuze for kind in kinderen for keuze in koppelkeuzes(actor, kind)]
    initieel: dict[str, str] = {}
    gevraagd = request.GET.get("opp", "")
    for waarde, _, obj in keuzes:
        if waarde == f"opp:{gevraagd}":
            initieel = {
                "koppeling": waarde,
                "onderwerp": "opp",
                "leerling": str(obj.leerling.sleutel),
            }
    post = request.method == "POST"
    form = forms.PortaalStartenForm(
        request.POST if post else None, kinderen=kinderen, keuzes=keuzes, initial=initieel
    )
    if post and form.is_valid():
        kind = next(k for k in kinderen if str(k.sleutel) == form.cleaned_data["leerling"])
        try:
            onenigheid = services.onenigheid_starten(
                actor=actor,
                leerling=kind,
                onderwerp=form.cleaned_data["onderwerp"],
                omschrijving=form.cleaned_data["omschrijving"],
                route=route,
                **form.gekoppeld(),
            )
        except Geweigerd as fout:
            _log(actor, [kind], False, fout.reden, route)
            raise
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Uw onenigheid staat in Passend. Hieronder ziet u waar het staat."
            )
            return naar(onenigheid, portaal=True)
    _log(
        actor,
        kinderen,
        True,
        "portaal: onenigheid starten" + (": niet opgeslagen" if post else ""),
        route,
    )
    return render(
        request,
        "geschillen/portaal/starten.html",
        {"form": form, "kinderen": kinderen, **_hulp()},
    )


@login_required
@require_GET
def onenigheid(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "geschillen:portaal-onenigheid"
    actor = eis_rol(request, "bekijken", route, rollen=OUDERS, reden=ALLEEN_OUDERS)
    zaak = onenigheid_voor_actor(
        actor=actor, sleutel=sleutel, actie="bekijken", doel="portaal: onenigheid", route=route
    )
    return render(
        request,
        "geschillen/portaal/onenigheid.html",
        {
            "onenigheid": zaak,
            "leerling": zaak.leerling,
            "stand": stand_van(zaak, timezone.localdate()),
            "mag_intrekken": beleid.mag(actor, "intrekken", zaak),
            "schrijver": wie_schreef(actor, zaak),
            **_hulp(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def intrekken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def opslaan(actor: Actor, zaak: Onenigheid, gegevens: dict[str, Any]) -> str:
        services.onenigheid_intrekken(
            actor=actor,
            onenigheid=zaak,
            revisie=gegevens["revisie"],
            route="geschillen:portaal-intrekken",
        )
        return "U heeft de onenigheid ingetrokken."

    return formulierpagina(
        request,
        sleutel,
        route="geschillen:portaal-intrekken",
        actie="intrekken",
        doel="portaal: onenigheid intrekken",
        maak_form=lambda zaak, data: forms.IntrekkenForm(data, initial={"revisie": zaak.revisie}),
        opslaan=opslaan,
        sjabloon="geschillen/portaal/intrekken.html",
        portaal=True,
    )
