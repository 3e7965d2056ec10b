"""Consent (or not) on the handelingsdeel by a parent with gezag or the adult pupil, after
entering the password again.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.ondersteuning import services
from passend.ondersteuning.forms.portaal import InstemmenForm
from passend.ondersteuning.models import Instemming, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit
from passend.ondersteuning.selectors import opp_voor_schrijven
from passend.ondersteuning.views.portaal.afhandeling import (
    alleen_ouders_en_leerling,
    fouten_naar_formulier,
    gesloten_post,
    plan_is_dicht,
    vastleggen,
)
from passend.ondersteuning.views.portaal.beslissen import mag_beslissen, waarom_niet_beslissen


def _geen_besluit(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief, route: str, uitleg: str
) -> HttpResponse:
    """403 in plain words: this actor may read the plan but not decide on it."""
    vastleggen(
        actor=actor,
        sleutel=opp.sleutel,
        opp=opp,
        actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
        toegestaan=False,
        reden="instemmen: geen ouderlijk gezag, of de leerling beslist zelf",
        route=route,
    )
    return render(
        request,
        "ondersteuning/portaal/geen_besluit.html",
        {"opp": opp, "uitleg": uitleg},
        status=403,
    )


@login_required
def instemmen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Consent (or not) on the handelingsdeel, after entering the password again."""
    route = "ondersteuning:instemmen"
    actor = actor_of_403(request)
    alleen_ouders_en_leerling(request, actor, sleutel, route)
    opp = opp_voor_schrijven(
        actor=actor,
        sleutel=sleutel,
        actie="instemmen",
        doel="instemmen met het handelingsdeel",
        route=route,
        log_actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
    )
    if opp.is_bevroren:
        if request.method == "POST":
            return gesloten_post(request, actor, opp, route)
        vastleggen(
            actor=actor,
            sleutel=sleutel,
            opp=opp,
            actie=Actie.LEZEN,
            toegestaan=True,
            reden="instemformulier gevraagd; het plan is niet meer in concept",
            route=route,
        )
        return plan_is_dicht(request, actor, opp)
    if not mag_beslissen(actor, opp):
        return _geen_besluit(request, actor, opp, route, waarom_niet_beslissen(actor, opp))

    form = InstemmenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _verse_inlogcontrole(request, actor, form):
        try:
            instemming = services.instemming_geven(
                actor=actor,
                opp=opp,
                besluit=form.cleaned_data["besluit"],
                toelichting=form.cleaned_data["toelichting"],
                herauthenticatie_op=timezone.now(),
                route=route,
            )
        except services.Bevroren:
            return gesloten_post(request, actor, opp, route)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        except Geweigerd:
            return _geen_besluit(request, actor, opp, route, waarom_niet_beslissen(actor, opp))
        else:
            return _na_besluit(request, instemming)
    vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden=(
            "besluit niet opgeslagen; formulier opnieuw getoond"
            if request.method == "POST"
            else "instemformulier bekijken"
        ),
        route=route,
    )
    return render(
        request,
        "ondersteuning/portaal/instemmen.html",
        {"form": form, "opp": opp, "doelen": list(opp.doelen.all())},
    )


def _na_besluit(request: HttpRequest, instemming: Instemming) -> HttpResponse:
    """Saved: thank the parent; after a refusal, point to the next steps on the plan page."""
    plan = reverse("ondersteuning:portaal", kwargs={"sleutel": instemming.opp.sleutel})
    if instemming.besluit == Besluit.GEGEVEN:
        messages.success(
            request,
            "Dank u wel. U heeft ingestemd met wat de school gaat doen. De school weet dit nu.",
        )
        return redirect(plan)
    messages.info(
        request,
        "U heeft niet ingestemd. De school weet dit nu. Hieronder leest u wat u nu kunt doen.",
    )
    return redirect(plan + "#wat-kunt-u-doen")


def _verse_inlogcontrole(request: HttpRequest, actor: Actor, form: InstemmenForm) -> bool:
    """The fresh log-in check: the password of the person who is logged in, again."""
    # A wrong password counts as a failed log-in for django-axes; when the account is
    # blocked, authenticate() returns None and the axes middleware shows the lockout page.
    gebruiker = authenticate(
        request, username=actor.gebruiker.username, password=form.cleaned_data["wachtwoord"]
    )
    if gebruiker is None or gebruiker.pk != actor.gebruiker.pk:
        form.add_error("wachtwoord", "Dit wachtwoord klopt niet.")
        return False
    return True
