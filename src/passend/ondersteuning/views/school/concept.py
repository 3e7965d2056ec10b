"""Writing the draft: the edit page with all its sections, and saving the OPP's own fields."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.accounts.models import Gebruiker
from passend.leerlingen.models import Ouderschap
from passend.ondersteuning import services
from passend.ondersteuning.forms.school import (
    DoelForm,
    FactorForm,
    InstemmingPapierForm,
    MeningSamenForm,
    OppForm,
    OverlegForm,
    ReactieForm,
)
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import MEERDERJARIG, leeftijd_op
from passend.ondersteuning.selectors import opp_voor_actor, opp_voor_schrijven
from passend.ondersteuning.views.school.afhandeling import (
    ALLE_ONDERDELEN,
    BEVROREN,
    fouten_naar_formulier,
    gesloten,
    opnieuw_getoond,
)
from passend.ondersteuning.views.school.inhoud import inhoud

CONFLICT = (
    "Iemand anders heeft dit OPP intussen gewijzigd. Uw tekst staat hieronder nog; kopieer "
    "hem en open de pagina opnieuw."
)


def beslissers(opp: Ontwikkelingsperspectief) -> list[tuple[Gebruiker, str]]:
    """Who can decide on the handelingsdeel: parents with gezag, and the pupil from 18."""
    leerling = opp.leerling
    keuzes = [
        (
            o.ouder,
            f"{o.ouder.get_full_name() or o.ouder.username} ({o.get_relatie_display().lower()}, met ouderlijk gezag)",
        )
        for o in Ouderschap.objects.filter(leerling=leerling, gezag=True).select_related("ouder")
    ]
    if (
        leerling.gebruiker_id is not None
        and leeftijd_op(leerling.geboortedatum, timezone.localdate()) >= MEERDERJARIG
    ):
        gebruiker = Gebruiker.objects.get(pk=leerling.gebruiker_id)
        keuzes.append((gebruiker, f"{leerling.naam} (de leerling zelf, 18 jaar of ouder)"))
    return keuzes


def _opp_initial(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    return {
        "uitstroombestemming": opp.uitstroombestemming,
        "uitstroomperspectief": opp.uitstroomperspectief,
        "onderbouwing": opp.onderbouwing,
        # by id: the choice list holds the current area, so no query for the object itself
        "ondersteuningsgebied": opp.ondersteuningsgebied_id,
        "start_extra_ondersteuning": opp.start_extra_ondersteuning,
        "leerling_handelingsbekwaam": opp.leerling_handelingsbekwaam,
        "versie": opp.gewijzigd_op.isoformat(),
    }


#: The sections of the edit page: (name of the form in the context, anchor, heading).
SECTIES = {
    "form": ("uitstroomperspectief", "Uitstroomperspectief en onderbouwing"),
    "factor_form": ("factoren", "Belemmerende en bevorderende factoren"),
    "doel_form": ("handelingsdeel", "Handelingsdeel"),
    "overleg_form": ("overleg", "Overleg met de ouders"),
    "mening_form": ("mening", "Mening van de leerling"),
    "reactie_form": ("mening", "Mening van de leerling"),
    "instemming_form": ("instemming", "Instemming met het handelingsdeel"),
}


def _bewerken_pagina(
    request: HttpRequest,
    opp: Ontwikkelingsperspectief,
    *,
    fout_in: str = "",
    form: Form | None = None,
    reactie: tuple[int, Form] | None = None,
) -> HttpResponse:
    """The edit page; after a failed POST ``form`` is the bound form of section ``fout_in``."""
    context = inhoud(opp)
    formulieren: dict[str, Form] = {
        "form": OppForm(
            prefix="opp", initial=_opp_initial(opp), gebied_nu=opp.ondersteuningsgebied_id
        ),
        "factor_form": FactorForm(prefix="factor"),
        "doel_form": DoelForm(prefix="doel"),
        "overleg_form": OverlegForm(prefix="overleg"),
        "mening_form": MeningSamenForm(prefix="mening"),
        "instemming_form": InstemmingPapierForm(
            prefix="instemming",
            beslissers=beslissers(opp),
            initial={"datum": timezone.localdate()},
        ),
    }
    if form is not None:
        formulieren[fout_in] = form
    context.update(formulieren)
    context["reacties"] = [
        {
            "stem": stem,
            "form": reactie[1]
            if reactie is not None and reactie[0] == stem.pk
            else ReactieForm(prefix=f"reactie-{stem.pk}"),
        }
        for stem in context["stemmen"]
        if not stem.reactie_school
    ]
    fout_form = form if form is not None else (reactie[1] if reactie is not None else None)
    if fout_in and fout_form is not None:
        context["fout_anker"], context["fout_sectie"] = SECTIES[fout_in]
        context["fouten_algemeen"] = fout_form.non_field_errors()
    return render(request, "ondersteuning/school/bewerken.html", context)


def opnieuw_bewerken(
    request: HttpRequest,
    actor: Actor,
    opp: Ontwikkelingsperspectief,
    route: str,
    *,
    fout_in: str,
    form: Form,
    reactie_van: int | None = None,
) -> HttpResponse:
    """A POST on the edit page saved nothing: log one read, show the page with the errors."""
    opnieuw_getoond(actor, opp, route, SECTIES[fout_in][1].lower())
    prefetch_related_objects([opp], *ALLE_ONDERDELEN)
    if reactie_van is not None:
        return _bewerken_pagina(request, opp, fout_in=fout_in, reactie=(reactie_van, form))
    return _bewerken_pagina(request, opp, fout_in=fout_in, form=form)


@login_required
def bewerken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The draft on one page: main fields, factors, goals, overleg, the pupil's view, consent."""
    route = "ondersteuning:bewerken"
    actor = actor_of_403(request)
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="opstellen", doel="OPP bewerken", route=route
        )
        if opp.is_bevroren:
            messages.info(request, BEVROREN)
            return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        return _bewerken_pagina(request, opp)

    opp = opp_voor_schrijven(
        actor=actor, sleutel=sleutel, actie="opstellen", doel="OPP bijwerken", route=route
    )
    if opp.is_bevroren:
        return gesloten(request, actor, opp, route, BEVROREN)
    form = OppForm(request.POST, prefix="opp", gebied_nu=opp.ondersteuningsgebied_id)
    if form.is_valid():
        gegevens = dict(form.cleaned_data)
        versie = gegevens.pop("versie")
        try:
            services.opp_bijwerken(
                actor=actor, opp=opp, versie=versie, wijzigingen=gegevens, route=route
            )
        except services.Conflict:
            form.add_error(None, CONFLICT)
        except services.Bevroren:
            return gesloten(request, actor, opp, route, BEVROREN)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Het uitstroomperspectief en de onderbouwing zijn opgeslagen."
            )
            return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
    return opnieuw_bewerken(request, actor, opp, route, fout_in="form", form=form)
