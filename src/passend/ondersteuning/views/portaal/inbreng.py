"""What parents and the pupil add to the draft: the parents' view ('Geef uw kijk') and the
pupil's own view ('Wat vind jij?', hoorrecht).
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from passend.accounts.actor import actor_of_403
from passend.core.models import Actie
from passend.ondersteuning import services
from passend.ondersteuning.forms.portaal import MeningForm, ZienswijzeForm
from passend.ondersteuning.rules import Hoorwijze
from passend.ondersteuning.selectors import opp_voor_actor, opp_voor_schrijven
from passend.ondersteuning.views.portaal.afhandeling import (
    alleen_ouders_en_leerling,
    fouten_naar_formulier,
    gesloten_post,
    plan_is_dicht,
    vastleggen,
)


@login_required
def zienswijze(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """'Geef uw kijk': a parent adds their own view to the draft."""
    route = "ondersteuning:zienswijze"
    actor = actor_of_403(request)
    alleen_ouders_en_leerling(request, actor, sleutel, route)
    doel = "kijk van de ouders geven"
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="zienswijze_geven", doel=doel, route=route
        )
        if opp.is_bevroren:
            return plan_is_dicht(request, actor, opp)
        form = ZienswijzeForm(initial={"tekst": opp.zienswijze_ouders})
        return render(request, "ondersteuning/portaal/zienswijze.html", {"form": form, "opp": opp})

    opp = opp_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="zienswijze_geven",
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    if opp.is_bevroren:
        return gesloten_post(request, actor, opp, route)
    form = ZienswijzeForm(request.POST)
    if form.is_valid():
        try:
            services.zienswijze_ouders_geven(
                actor=actor, opp=opp, tekst=form.cleaned_data["tekst"], route=route
            )
        except services.Bevroren:
            return gesloten_post(request, actor, opp, route)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Dank u wel. De school kan nu lezen wat u van het plan vindt."
            )
            return redirect("ondersteuning:portaal", sleutel=opp.sleutel)
    vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden="kijk van de ouders niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )
    return render(request, "ondersteuning/portaal/zienswijze.html", {"form": form, "opp": opp})


@login_required
def mening(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """'Wat vind jij?': the pupil gives their own view (hoorrecht), with their own log-in."""
    route = "ondersteuning:wat-vind-jij"
    actor = actor_of_403(request)
    alleen_ouders_en_leerling(request, actor, sleutel, route)
    doel = "mening van de leerling geven"
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="mening_geven", doel=doel, route=route
        )
        if opp.is_bevroren:
            return plan_is_dicht(request, actor, opp)
        return render(
            request, "ondersteuning/portaal/mening.html", {"form": MeningForm(), "opp": opp}
        )

    opp = opp_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="mening_geven",
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    if opp.is_bevroren:
        return gesloten_post(request, actor, opp, route)
    form = MeningForm(request.POST)
    if form.is_valid():
        try:
            services.leerlingstem_vastleggen(
                actor=actor,
                opp=opp,
                hoorwijze=Hoorwijze.ZELF,
                route=route,
                **form.cleaned_data,
            )
        except services.Bevroren:
            return gesloten_post(request, actor, opp, route)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, "Dank je wel! De school leest wat je hebt geschreven.")
            return redirect("ondersteuning:portaal", sleutel=opp.sleutel)
    vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden="mening niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )
    return render(request, "ondersteuning/portaal/mening.html", {"form": form, "opp": opp})
