"""The school's OPP pages: the intern begeleider / ondersteuningscoördinator and the
schoolleider start, write, set, revise, evaluate and end a pupil's OPP. Thin: parse (form),
call one selector or service, render or redirect.

Every request that touches pupil data writes exactly one access-log record:
- a GET fetches through ``opp_voor_actor`` (which authorises and logs);
- a POST that calls a service authorises with ``_opp_voor_post`` (no log when allowed:
  the service logs a successful write itself; a refusal is logged there, then a 404);
- when nothing is saved (a form error, a conflict, a frozen version) the view writes the
  one record itself, as a read when the page is shown again with data.
"""

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from passend.accounts.actor import Actor, actor_van_request
from passend.accounts.models import Gebruiker
from passend.accounts.rules import PRIVEROLLEN
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Ouderschap
from passend.leerlingen.selectors import leerling_voor_actor
from passend.ondersteuning import services
from passend.ondersteuning.forms.school import (
    BeeindigenForm,
    DoelForm,
    EvaluatieForm,
    FactorForm,
    InstemmingPapierForm,
    MeningSamenForm,
    OppForm,
    OverlegForm,
    ReactieForm,
    StartenForm,
)
from passend.ondersteuning.models import (
    Doel,
    Factor,
    Instemming,
    Leerlingstem,
    Ontwikkelingsperspectief,
    Overleg,
)
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    MEERDERJARIG,
    VERGELEKEN_VELDEN,
    FactorSoort,
    Status,
    leeftijd_op,
    ontbrekende_onderdelen,
    uiterste_vaststeldatum,
    verschillen,
)
from passend.ondersteuning.selectors import (
    huidige_opps,
    laatste_instemming,
    opp_voor_actor,
    opps_met_signalen,
    volledigheid,
)
from passend.organisaties.rules import Soort

OBJECT_TYPE = "ontwikkelingsperspectief"
PAGINA_GROOTTE = 50
#: Locations where each evaluation checks whether a return to regular education is possible.
SPECIAAL_ONDERWIJS = frozenset({Soort.SO, Soort.VSO, Soort.SO_VSO})
#: The parts of a draft that can be removed on the edit page, with their Dutch name.
ONDERDELEN: dict[str, tuple[type[Factor | Doel | Overleg], str]] = {
    "factor": (Factor, "De factor"),
    "doel": (Doel, "Het doel"),
    "overleg": (Overleg, "Het overleg"),
}
#: The same parts ``opp_voor_actor`` prefetches, for a page shown again after a POST.
ALLE_ONDERDELEN = (
    "factoren",
    "doelen",
    "overleggen",
    "evaluaties",
    Prefetch("instemmingen", queryset=Instemming.objects.select_related("door", "vastgelegd_door")),
    Prefetch("leerlingstemmen", queryset=Leerlingstem.objects.select_related("reactie_door")),
)
CONFLICT = (
    "Iemand anders heeft dit OPP intussen gewijzigd. Uw tekst staat hieronder nog; kopieer "
    "hem en open de pagina opnieuw."
)


# --- Helpers: who acts, fetching for a POST, the access log --------------------------------


def _actor_of_403(request: HttpRequest) -> Actor:
    actor = actor_van_request(request)
    if actor is None:
        raise PermissionDenied
    return actor


def _vastleggen(
    *,
    actor: Actor,
    opp: Ontwikkelingsperspectief,
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
        object_id=str(opp.sleutel),
        leerling_sleutels=[opp.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def _opp_voor_post(
    *, actor: Actor, sleutel: UUID, doel: str, route: str
) -> Ontwikkelingsperspectief:
    """Authorised fetch for a POST that calls a service: no log when allowed.

    The service writes the record of a successful change; a form shown again writes a read
    (``_opnieuw_getoond``). A refusal (another school, a role that may not draw up an OPP,
    an unknown key) is logged by ``opp_voor_actor``, which then raises Http404.
    """
    opp = (
        Ontwikkelingsperspectief.objects.select_related("leerling", "vestiging__school")
        .filter(sleutel=sleutel)
        .first()
    )
    if opp is not None and beleid.mag(actor, "opstellen", opp):
        return opp
    opp_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="opstellen",
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    raise Http404  # only reached if the rights changed in between


def _opnieuw_getoond(actor: Actor, opp: Ontwikkelingsperspectief, route: str, wat: str) -> None:
    """Nothing was saved and the page is shown again with data: one read record."""
    _vastleggen(
        actor=actor,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden=f"{wat} niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )


def _gesloten(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief, route: str, melding: str
) -> HttpResponse:
    """A POST that this version's status does not allow: nothing saved, one record."""
    _vastleggen(
        actor=actor,
        opp=opp,
        actie=Actie.WIJZIGEN,
        toegestaan=False,
        reden=f"niet mogelijk bij status '{opp.get_status_display().lower()}'; niets opgeslagen",
        route=route,
    )
    messages.error(request, melding)
    return redirect("ondersteuning:detail", sleutel=opp.sleutel)


BEVROREN = "Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een herziening."


def _fouten_naar_formulier(form: Form, fout: ValidationError) -> None:
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
    else:
        form.add_error(None, fout.messages)


# --- Overview and start ---------------------------------------------------------------------


def _termijn(rij: dict[str, Any]) -> dict[str, Any]:
    """One row of the overview with the deadline that matters now."""
    opp = rij["opp"]
    if opp.status == Status.CONCEPT:
        termijn, soort = uiterste_vaststeldatum(opp.start_extra_ondersteuning), "vaststellen"
    else:
        termijn, soort = opp.volgende_evaluatie, "evalueren"
    return {**rij, "termijn": termijn, "termijn_soort": soort}


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """The school's running OPPs, overdue ones first, with their deadlines."""
    route = "ondersteuning:overzicht"
    actor = _actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "starten",
        log_actie=Actie.ZOEKEN,
        object_type="opp-overzicht",
        reden="rol mag geen OPP's opstellen",
        route=route,
    )
    rijen = [_termijn(r) for r in opps_met_signalen(actor=actor, vandaag=timezone.localdate())]
    pagina = Paginator(rijen, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="opp-overzicht",
        leerling_sleutels=[rij["opp"].leerling.sleutel for rij in pagina],
        toegestaan=True,
        reden="overzicht van de lopende OPP's bekijken",
        route=route,
    )
    return render(
        request,
        "ondersteuning/school/overzicht.html",
        {
            "pagina": pagina,
            "aantal_te_laat": sum(
                r["te_laat_vastgesteld"] or r["evaluatie_te_laat"] for r in rijen
            ),
        },
    )


@login_required
def starten(request: HttpRequest, leerling: UUID) -> HttpResponse:
    """Start an OPP for a pupil of the own school: only the start of extra support."""
    route = "ondersteuning:starten"
    actor = _actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "starten",
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type=OBJECT_TYPE,
        reden="rol mag geen OPP starten",
        route=route,
    )
    kind = leerling_voor_actor(
        actor=actor,
        sleutel=leerling,
        actie="bekijken",
        doel="OPP starten",
        route=route,
        toegestane_vastleggen=request.method != "POST",
    )
    form = StartenForm(
        request.POST or None, initial={"start_extra_ondersteuning": timezone.localdate()}
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                opp = services.opp_starten(
                    actor=actor,
                    leerling=kind,
                    start_extra_ondersteuning=form.cleaned_data["start_extra_ondersteuning"],
                    route=route,
                )
            except Geweigerd as fout:
                toegang_vastleggen(
                    actor=actor,
                    actie=Actie.AANMAKEN,
                    object_type=OBJECT_TYPE,
                    leerling_sleutels=[kind.sleutel],
                    toegestaan=False,
                    reden=f"geweigerd: {fout.reden}",
                    route=route,
                )
                raise
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request, f"Het OPP van {kind.naam} is gestart. Vul nu de onderdelen in."
                )
                return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type="leerling",
            object_id=str(kind.sleutel),
            leerling_sleutels=[kind.sleutel],
            toegestaan=True,
            reden="OPP niet gestart; formulier opnieuw getoond",
            route=route,
        )
    lopend = huidige_opps(actor=actor, leerling_ids=[kind.pk]).get(kind.pk)
    return render(
        request,
        "ondersteuning/school/starten.html",
        {"form": form, "leerling": kind, "lopend": lopend},
    )


# --- Reading one version ---------------------------------------------------------------------


def _vergelijkbaar(
    opp: Ontwikkelingsperspectief, factoren: list[Factor], doelen: list[Doel]
) -> dict[str, object]:
    """The facts of one version that a revision compares."""
    feiten: dict[str, object] = {veld: getattr(opp, veld) for veld in VERGELEKEN_VELDEN}
    feiten["factoren"] = sorted((f.soort, f.omschrijving) for f in factoren)
    feiten["doelen"] = sorted(d.doel for d in doelen)
    return feiten


def _inhoud(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """Plain context of one version's parts (all prefetched: no queries per row)."""
    factoren = list(opp.factoren.all())
    return {
        "opp": opp,
        "leerling": opp.leerling,
        "belemmerend": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "bevorderend": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "factoren": factoren,
        "doelen": list(opp.doelen.all()),
        "overleggen": list(opp.overleggen.all()),
        "stemmen": list(opp.leerlingstemmen.all()),
        "instemmingen": sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk)),
        "laatste_instemming": laatste_instemming(opp),
        "evaluaties": list(opp.evaluaties.all()),
        "uiterste_vaststeldatum": uiterste_vaststeldatum(opp.start_extra_ondersteuning),
        "speciaal_onderwijs": opp.vestiging.soort in SPECIAAL_ONDERWIJS,
    }


@login_required
def detail(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The whole version, read-only, with what changed since the previous version."""
    route = "ondersteuning:detail"
    actor = _actor_of_403(request)
    if actor.rolsoort in PRIVEROLLEN:  # parents and the pupil read the plan in their portal
        return redirect("ondersteuning:portaal", sleutel=sleutel)
    opp = opp_voor_actor(
        actor=actor, sleutel=sleutel, actie="bekijken", doel="OPP bekijken", route=route
    )
    context = _inhoud(opp)
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
        }
    )
    return render(request, "ondersteuning/school/detail.html", context)


# --- Writing the draft -----------------------------------------------------------------------


def _beslissers(opp: Ontwikkelingsperspectief) -> list[tuple[Gebruiker, str]]:
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
    context = _inhoud(opp)
    formulieren: dict[str, Form] = {
        "form": OppForm(prefix="opp", initial=_opp_initial(opp)),
        "factor_form": FactorForm(prefix="factor"),
        "doel_form": DoelForm(prefix="doel"),
        "overleg_form": OverlegForm(prefix="overleg"),
        "mening_form": MeningSamenForm(prefix="mening"),
        "instemming_form": InstemmingPapierForm(
            prefix="instemming",
            beslissers=_beslissers(opp),
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


def _opnieuw_bewerken(
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
    _opnieuw_getoond(actor, opp, route, SECTIES[fout_in][1].lower())
    prefetch_related_objects([opp], *ALLE_ONDERDELEN)
    if reactie_van is not None:
        return _bewerken_pagina(request, opp, fout_in=fout_in, reactie=(reactie_van, form))
    return _bewerken_pagina(request, opp, fout_in=fout_in, form=form)


@login_required
def bewerken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The draft on one page: main fields, factors, goals, overleg, the pupil's view, consent."""
    route = "ondersteuning:bewerken"
    actor = _actor_of_403(request)
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="opstellen", doel="OPP bewerken", route=route
        )
        if opp.is_bevroren:
            messages.info(request, BEVROREN)
            return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        return _bewerken_pagina(request, opp)

    opp = _opp_voor_post(actor=actor, sleutel=sleutel, doel="OPP bijwerken", route=route)
    if opp.is_bevroren:
        return _gesloten(request, actor, opp, route, BEVROREN)
    form = OppForm(request.POST, prefix="opp")
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
            return _gesloten(request, actor, opp, route, BEVROREN)
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Het uitstroomperspectief en de onderbouwing zijn opgeslagen."
            )
            return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
    return _opnieuw_bewerken(request, actor, opp, route, fout_in="form", form=form)


def _onderdeel_opslaan(
    request: HttpRequest,
    sleutel: UUID,
    *,
    route: str,
    doel: str,
    fout_in: str,
    maak_form: Callable[[Ontwikkelingsperspectief], Form],
    opslaan: Callable[[Actor, Ontwikkelingsperspectief, dict[str, Any]], object],
    gelukt: str,
) -> HttpResponse:
    """One POST from a section of the edit page: authorise, validate, call the service."""
    actor = _actor_of_403(request)
    opp = _opp_voor_post(actor=actor, sleutel=sleutel, doel=doel, route=route)
    if opp.is_bevroren:
        return _gesloten(request, actor, opp, route, BEVROREN)
    form = maak_form(opp)
    if form.is_valid():
        try:
            opslaan(actor, opp, form.cleaned_data)
        except services.Bevroren:
            return _gesloten(request, actor, opp, route, BEVROREN)
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(request, gelukt)
            return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
    return _opnieuw_bewerken(request, actor, opp, route, fout_in=fout_in, form=form)


@login_required
@require_POST
def factor_toevoegen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:factor-toevoegen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="factor toevoegen",
        fout_in="factor_form",
        maak_form=lambda opp: FactorForm(request.POST, prefix="factor"),
        opslaan=lambda actor, opp, gegevens: services.factor_toevoegen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="De factor is toegevoegd.",
    )


@login_required
@require_POST
def doel_toevoegen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:doel-toevoegen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="doel toevoegen",
        fout_in="doel_form",
        maak_form=lambda opp: DoelForm(request.POST, prefix="doel"),
        opslaan=lambda actor, opp, gegevens: services.doel_toevoegen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="Het doel is toegevoegd aan het handelingsdeel.",
    )


@login_required
@require_POST
def overleg_vastleggen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:overleg-vastleggen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="overleg met de ouders vastleggen",
        fout_in="overleg_form",
        maak_form=lambda opp: OverlegForm(request.POST, prefix="overleg"),
        opslaan=lambda actor, opp, gegevens: services.overleg_vastleggen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="Het overleg met de ouders is vastgelegd.",
    )


@login_required
@require_POST
def instemming_op_papier(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:instemming-papier"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="instemming op papier vastleggen",
        fout_in="instemming_form",
        maak_form=lambda opp: InstemmingPapierForm(
            request.POST, prefix="instemming", beslissers=_beslissers(opp)
        ),
        opslaan=lambda actor, opp, gegevens: services.instemming_op_papier_vastleggen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="Het besluit op papier is vastgelegd.",
    )


@login_required
@require_POST
def mening_samen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "ondersteuning:mening-samen"
    return _onderdeel_opslaan(
        request,
        sleutel,
        route=route,
        doel="mening van de leerling vastleggen",
        fout_in="mening_form",
        maak_form=lambda opp: MeningSamenForm(request.POST, prefix="mening"),
        opslaan=lambda actor, opp, gegevens: services.leerlingstem_vastleggen(
            actor=actor, opp=opp, route=route, **gegevens
        ),
        gelukt="De mening van de leerling is vastgelegd. Schrijf nu op wat de school ermee doet.",
    )


def _onderdeel_van(
    actor: Actor, opp: Ontwikkelingsperspectief, model: Any, pk: int, route: str
) -> Any:
    """A part of this OPP (factor, doel, overleg, the pupil's view); another OPP's is a 404."""
    rij = model.objects.filter(pk=pk, opp=opp).first() if model is not None else None
    if rij is None:
        _vastleggen(
            actor=actor,
            opp=opp,
            actie=Actie.WIJZIGEN,
            toegestaan=False,
            reden="onderdeel hoort niet bij dit OPP",
            route=route,
        )
        raise Http404("Dit onderdeel hoort niet bij dit OPP.")
    rij.opp = opp
    return rij


@login_required
@require_POST
def reactie(request: HttpRequest, sleutel: UUID, pk: int) -> HttpResponse:
    """What the school did with the pupil's view."""
    route = "ondersteuning:reactie"
    actor = _actor_of_403(request)
    opp = _opp_voor_post(
        actor=actor, sleutel=sleutel, doel="reactie op de mening van de leerling", route=route
    )
    stem = _onderdeel_van(actor, opp, Leerlingstem, pk, route)
    if opp.is_bevroren:
        return _gesloten(request, actor, opp, route, BEVROREN)
    form = ReactieForm(request.POST, prefix=f"reactie-{pk}")
    if form.is_valid():
        try:
            services.reactie_op_leerlingstem(
                actor=actor, stem=stem, reactie=form.cleaned_data["reactie_school"], route=route
            )
        except services.Bevroren:
            return _gesloten(request, actor, opp, route, BEVROREN)
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Er staat nu wat de school met de mening van de leerling doet."
            )
            return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)
    return _opnieuw_bewerken(
        request, actor, opp, route, fout_in="reactie_form", form=form, reactie_van=stem.pk
    )


@login_required
@require_POST
def onderdeel_verwijderen(
    request: HttpRequest, sleutel: UUID, onderdeel: str, pk: int
) -> HttpResponse:
    route = "ondersteuning:onderdeel-verwijderen"
    actor = _actor_of_403(request)
    opp = _opp_voor_post(actor=actor, sleutel=sleutel, doel=f"{onderdeel} verwijderen", route=route)
    model, naam = ONDERDELEN.get(onderdeel, (None, ""))
    rij = _onderdeel_van(actor, opp, model, pk, route)
    if opp.is_bevroren:
        return _gesloten(request, actor, opp, route, BEVROREN)
    try:
        services.onderdeel_verwijderen(actor=actor, onderdeel=rij, route=route)
    except services.Bevroren:
        return _gesloten(request, actor, opp, route, BEVROREN)
    messages.success(request, f"{naam} is verwijderd.")
    return redirect("ondersteuning:bewerken", sleutel=opp.sleutel)


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
    actor = _actor_of_403(request)
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

    opp = _opp_voor_post(actor=actor, sleutel=sleutel, doel="OPP vaststellen", route=route)
    if opp.is_bevroren:
        return _gesloten(
            request, actor, opp, route, "Deze versie is al vastgesteld of niet meer geldig."
        )
    try:
        services.opp_vaststellen(actor=actor, opp=opp, route=route)
    except services.Bevroren:
        return _gesloten(request, actor, opp, route, BEVROREN)
    except services.OppOnvolledig as fout:
        ontbrekend = fout.ontbrekend
    except ValidationError as fout:
        ontbrekend = fout.messages
    else:
        messages.success(
            request, "Het OPP is vastgesteld. Deze versie kan nu niet meer worden gewijzigd."
        )
        return redirect("ondersteuning:detail", sleutel=opp.sleutel)
    _opnieuw_getoond(actor, opp, route, "vaststellen")
    prefetch_related_objects([opp], *ALLE_ONDERDELEN)
    return _vaststellen_pagina(request, opp, fout=ontbrekend)


@login_required
@require_POST
def herzien(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """A revision: a new draft version with the same content."""
    route = "ondersteuning:herzien"
    actor = _actor_of_403(request)
    opp = _opp_voor_post(actor=actor, sleutel=sleutel, doel="OPP herzien", route=route)
    bestaand = Ontwikkelingsperspectief.objects.filter(vorige_versie=opp).first()
    if bestaand is not None:
        _vastleggen(
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
        return _gesloten(
            request,
            actor,
            opp,
            route,
            "Alleen de geldende, vastgestelde versie kan worden herzien.",
        )
    try:
        nieuw = services.opp_herzien(actor=actor, opp=opp, route=route)
    except ValidationError as fout:
        return _gesloten(request, actor, opp, route, " ".join(fout.messages))
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
    actor = _actor_of_403(request)
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="opstellen", doel=doel, route=route
        )
        if opp.status not in toegestaan:
            messages.info(request, niet_toegestaan)
            return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        form = maak_form(opp, None)
    else:
        opp = _opp_voor_post(actor=actor, sleutel=sleutel, doel=doel, route=route)
        if opp.status not in toegestaan:
            return _gesloten(request, actor, opp, route, niet_toegestaan)
        form = maak_form(opp, request.POST)
        if form.is_valid():
            try:
                opslaan(actor, opp, form.cleaned_data)
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                messages.success(request, gelukt(opp))
                return redirect("ondersteuning:detail", sleutel=opp.sleutel)
        _opnieuw_getoond(actor, opp, route, wat)
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
