"""One version through its life: reading it (with what changed since the previous version),
setting it, revising it, the yearly evaluation and ending it.
"""

from collections.abc import Callable
from datetime import date
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
from django.views.decorators.http import require_POST

from passend.accounts.actor import Actor, actor_of_403
from passend.accounts.rules import PRIVEROLLEN
from passend.arrangementen.permissions import beleid as arrangementen_beleid
from passend.core.models import Actie
from passend.ondersteuning import services
from passend.ondersteuning.forms.school import BeeindigenForm, EvaluatieForm
from passend.ondersteuning.models import Doel, Factor, Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    VERGELEKEN_VELDEN,
    Status,
    ontbrekende_onderdelen,
    uiterste_vaststeldatum,
    verschillen,
)
from passend.ondersteuning.selectors import opp_voor_actor, opp_voor_schrijven, volledigheid
from passend.ondersteuning.views.school.afhandeling import (
    ALLE_ONDERDELEN,
    BEVROREN,
    fouten_naar_formulier,
    gesloten,
    opnieuw_getoond,
    vastleggen,
)
from passend.ondersteuning.views.school.inhoud import SPECIAAL_ONDERWIJS, inhoud
from passend.toelaatbaarheid.permissions import beleid as tlv_beleid

# --- Reading one version ---------------------------------------------------------------------


def _vergelijkbaar(
    opp: Ontwikkelingsperspectief, factoren: list[Factor], doelen: list[Doel]
) -> dict[str, object]:
    """The facts of one version that a revision compares."""
    feiten: dict[str, object] = {veld: getattr(opp, veld) for veld in VERGELEKEN_VELDEN}
    feiten["factoren"] = sorted((f.soort, f.omschrijving) for f in factoren)
    feiten["doelen"] = sorted(d.doel for d in doelen)
    return feiten


@login_required
def detail(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The whole version, read-only, with what changed since the previous version."""
    route = "ondersteuning:detail"
    actor = actor_of_403(request)
    if actor.rolsoort in PRIVEROLLEN:  # parents and the pupil read the plan in their portal
        return redirect("ondersteuning:portaal", sleutel=sleutel)
    opp = opp_voor_actor(
        actor=actor, sleutel=sleutel, actie="bekijken", doel="OPP bekijken", route=route
    )
    context = inhoud(opp)
    wijzigingen: list[str] = []
    vorige = opp.vorige_versie
    if vorige is not None:  # the same pupil, already authorised: read without a second record
        wijzigingen = verschillen(
            _vergelijkbaar(vorige, list(vorige.factoren.all()), list(vorige.doelen.all())),
            _vergelijkbaar(opp, context["factoren"], context["doelen"]),
        )
    context.update(
        {
            "vorige": vorige,
            "wijzigingen": wijzigingen,
            "herziening": Ontwikkelingsperspectief.objects.filter(vorige_versie=opp)
            .only("sleutel", "versie", "status")
            .first(),
            "mag_opstellen": beleid.mag(actor, "opstellen", opp),
            "mag_arrangement_aanvragen": arrangementen_beleid.mag(actor, "aanvragen"),
            "mag_tlv_aanvragen": tlv_beleid.mag(actor, "rol:aanvragen"),
        }
    )
    return render(request, "ondersteuning/school/detail.html", context)


# --- Setting, revising, evaluating, ending ---------------------------------------------------


def _controlelijst(
    opp: Ontwikkelingsperspectief, peildatum: date
) -> tuple[list[tuple[str, bool]], list[str]]:
    """Every part the law requires, whether it is there, and what exactly is missing."""
    v = volledigheid(opp, peildatum=peildatum)
    lijst = [
        ("Verwachte uitstroombestemming", bool(v.uitstroombestemming)),
        ("Onderbouwing van het uitstroomperspectief", bool(v.onderbouwing.strip())),
        ("Minstens één belemmerende factor", v.belemmerende_factoren >= 1),
        ("Minstens één bevorderende factor", v.bevorderende_factoren >= 1),
        ("Handelingsdeel met minstens één doel", v.doelen >= 1),
        ("Overleg met de ouders vastgelegd", v.overleggen_met_ouders >= 1),
        (
            "Instemming met het handelingsdeel (ouder met ouderlijk gezag, of de leerling vanaf 18 jaar)",
            v.instemming_gegeven,
        ),
    ]
    if v.hoorrecht_van_toepassing:
        lijst += [
            ("Mening van de leerling (hoorrecht)", v.leerlingstem),
            ("Wat de school met de mening van de leerling doet", v.reactie_op_leerlingstem),
        ]
    return lijst, ontbrekende_onderdelen(v)


def _vaststellen_pagina(
    request: HttpRequest, opp: Ontwikkelingsperspectief, *, fout: list[str] | None = None
) -> HttpResponse:
    controlelijst, ontbrekend = _controlelijst(opp, timezone.localdate())
    return render(
        request,
        "ondersteuning/school/vaststellen.html",
        {
            "opp": opp,
            "leerling": opp.leerling,
            "controlelijst": controlelijst,
            "ontbrekend": ontbrekend,
            "fout": fout,
            "uiterste_vaststeldatum": uiterste_vaststeldatum(opp.start_extra_ondersteuning),
        },
    )


@login_required
def vaststellen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """A checklist of the legal parts; setting the OPP freezes this version."""
    route = "ondersteuning:vaststellen"
    actor = actor_of_403(request)
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor,
            sleutel=sleutel,
            actie="opstellen",
            doel="OPP vaststellen: controle op volledigheid",
            route=route,
        )
        if opp.is_bevroren:
            messages.info(request, "Deze versie is al vastgesteld of niet meer geldig.")
            return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        return _vaststellen_pagina(request, opp)

    opp = opp_voor_schrijven(
        actor=actor, sleutel=sleutel, actie="opstellen", doel="OPP vaststellen", route=route
    )
    if opp.is_bevroren:
        return gesloten(
            request, actor, opp, route, "Deze versie is al vastgesteld of niet meer geldig."
        )
    try:
        services.opp_vaststellen(actor=actor, opp=opp, route=route)
    except services.Bevroren:
        return gesloten(request, actor, opp, route, BEVROREN)
    except services.OppOnvolledig as fout:
        ontbrekend = fout.ontbrekend
    except ValidationError as fout:
        ontbrekend = fout.messages
    else:
        messages.success(
            request, "Het OPP is vastgesteld. Deze versie kan nu niet meer worden gewijzigd."
        )
        return redirect("ondersteuning:detail", sleutel=opp.sleutel)
    opnieuw_getoond(actor, opp, route, "vaststellen")
    prefetch_related_objects([opp], *ALLE_ONDERDELEN)
    return _vaststellen_pagina(request, opp, fout=ontbrekend)


@login_required
@require_POST
def herzien(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """A revision: a new draft version with the same content."""
    route = "ondersteuning:herzien"
    actor = actor_of_403(request)
    opp = opp_voor_schrijven(
        actor=actor, sleutel=sleutel, actie="opstellen", doel="OPP herzien", route=route
    )
    bestaand = Ontwikkelingsperspectief.objects.filter(vorige_versie=opp).first()
    if bestaand is not None:
        vastleggen(
            actor=actor,
            opp=opp,
            actie=Actie.WIJZIGEN,
            toegestaan=False,
            reden="er is al een herziening; niets opgeslagen",
            route=route,
        )
        messages.info(request, f"Er is al een herziening (versie {bestaand.versie}).")
        return redirect("ondersteuning:detail", sleutel=bestaand.sleutel)
    if opp.status != Status.VASTGESTELD:
        return gesloten(
            request,
            actor,
            opp,
            route,
            "Alleen de geldende, vastgestelde versie kan worden herzien.",
        )
    try:
        nieuw = services.opp_herzien(actor=actor, opp=opp, route=route)
    except ValidationError as fout:
        return gesloten(request, actor, opp, route, " ".join(fout.messages))
    messages.success(
        request,
        f"Versie {nieuw.versie} is gemaakt. Pas aan wat verandert; de ouders stemmen opnieuw in "
        "en de leerling geeft opnieuw zijn of haar mening.",
    )
    return redirect("ondersteuning:bewerken", sleutel=nieuw.sleutel)


def _formulier_na_vaststellen(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    doel: str,
    toegestaan: tuple[str, ...],
    niet_toegestaan: str,
    maak_form: Callable[[Ontwikkelingsperspectief, Any], Form],
    opslaan: Callable[[Actor, Ontwikkelingsperspectief, dict[str, Any]], object],
    gelukt: Callable[[Ontwikkelingsperspectief], str],
    sjabloon: str,
    wat: str,
) -> HttpResponse:
    """A form page about a running OPP (evaluatie, beëindigen): GET shows, POST saves."""
    actor = actor_of_403(request)
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="opstellen", doel=doel, route=route
        )
        if opp.status not in toegestaan:
            messages.info(request, niet_toegestaan)
            return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        form = maak_form(opp, None)
    else:
        opp = opp_voor_schrijven(
            actor=actor, sleutel=sleutel, actie="opstellen", doel=doel, route=route
        )
        if opp.status not in toegestaan:
            return gesloten(request, actor, opp, route, niet_toegestaan)
        form = maak_form(opp, request.POST)
        if form.is_valid():
            try:
                opslaan(actor, opp, form.cleaned_data)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, gelukt(opp))
                return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        opnieuw_getoond(actor, opp, route, wat)
    return render(request, sjabloon, {"opp": opp, "leerling": opp.leerling, "form": form})


@login_required
def evaluatie(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The yearly evaluation with parents and pupil; (v)so also discusses a return."""
    route = "ondersteuning:evaluatie"

    def opslaan(actor: Actor, opp: Ontwikkelingsperspectief, gegevens: dict[str, Any]) -> None:
        services.evaluatie_vastleggen(actor=actor, opp=opp, route=route, **gegevens)

    def gelukt(opp: Ontwikkelingsperspectief) -> str:
        opp.refresh_from_db(fields=["volgende_evaluatie"])
        return (
            "De evaluatie is vastgelegd. De volgende evaluatie is uiterlijk op "
            f"{opp.volgende_evaluatie:%d-%m-%Y}."
        )

    return _formulier_na_vaststellen(
        request,
        sleutel,
        route=route,
        doel="evaluatie vastleggen",
        toegestaan=(Status.VASTGESTELD,),
        niet_toegestaan="Alleen een geldend, vastgesteld OPP wordt geëvalueerd.",
        maak_form=lambda opp, data: EvaluatieForm(
            data,
            initial={"datum": timezone.localdate()},
            speciaal_onderwijs=opp.vestiging.soort in SPECIAAL_ONDERWIJS,
        ),
        opslaan=opslaan,
        gelukt=gelukt,
        sjabloon="ondersteuning/school/evaluatie.html",
        wat="evaluatie",
    )


@login_required
def beeindigen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """End the OPP with a date and a reason (the end date goes to DUO)."""
    route = "ondersteuning:beeindigen"

    def opslaan(actor: Actor, opp: Ontwikkelingsperspectief, gegevens: dict[str, Any]) -> None:
        services.opp_beeindigen(
            actor=actor,
            opp=opp,
            einddatum=gegevens["einddatum"],
            reden=gegevens["reden"],
            route=route,
        )

    return _formulier_na_vaststellen(
        request,
        sleutel,
        route=route,
        doel="OPP beëindigen",
        toegestaan=(Status.CONCEPT, Status.VASTGESTELD),
        niet_toegestaan="Dit OPP is al beëindigd of vervangen door een nieuwere versie.",
        maak_form=lambda opp, data: BeeindigenForm(
            data, initial={"einddatum": timezone.localdate()}, start=opp.start_extra_ondersteuning
        ),
        opslaan=opslaan,
        gelukt=lambda opp: "Het OPP is beëindigd.",
        sjabloon="ondersteuning/school/beeindigen.html",
        wat="beëindigen",
    )
