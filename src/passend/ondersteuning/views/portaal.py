"""The portal pages of the OPP: parents and the pupil read the plan in plain words, give
their view and decide on the handelingsdeel. Thin: parse, call a selector or service, render.

Every request writes exactly one access-log record. A GET fetches through
``opp_voor_actor`` (which logs). A POST that calls a service authorises with a
non-logging fetch, because the service logs a successful write itself; when nothing is
saved (a form error, a closed plan, a refusal) the view writes the one record itself. The
consent page does the same on a GET, so that a parent without gezag is logged as refused.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor, actor_van_request
from passend.accounts.rules import PRIVEROLLEN, Rolsoort
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Ouderschap
from passend.ondersteuning import services
from passend.ondersteuning.forms.portaal import InstemmenForm, MeningForm, ZienswijzeForm
from passend.ondersteuning.models import Instemming, Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    MEERDERJARIG,
    Besluit,
    FactorSoort,
    Hoorwijze,
    Status,
    leeftijd_op,
    leerling_beslist_zelf,
    mag_instemmen,
)
from passend.ondersteuning.selectors import laatste_instemming, opp_voor_actor, opps_zichtbaar_voor

OBJECT_TYPE = "ontwikkelingsperspectief"


# --- Helpers: who acts, fetching, the access log -------------------------------------------


def _actor_of_403(request: HttpRequest) -> Actor:
    actor = actor_van_request(request)
    if actor is None:
        raise PermissionDenied
    return actor


def _vastleggen(
    *,
    actor: Actor,
    sleutel: UUID,
    opp: Ontwikkelingsperspectief | None,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    """The one access-log record of a request in which no service wrote one."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[opp.leerling.sleutel] if opp is not None else [],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def _alleen_ouders_en_leerling(
    request: HttpRequest, actor: Actor, sleutel: UUID, route: str
) -> None:
    """The portal is for parents and the pupil; school and SWV staff have their own pages."""
    if actor.rolsoort in PRIVEROLLEN:
        return
    _vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=None,
        actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
        toegestaan=False,
        reden="het portaal is alleen voor ouders en de leerling",
        route=route,
    )
    raise PermissionDenied("Deze pagina is alleen voor ouders en de leerling.")


def _opp_zonder_log(
    *, actor: Actor, sleutel: UUID, actie: str, doel: str, route: str, log_actie: Actie
) -> Ontwikkelingsperspectief:
    """Authorise without logging (the caller writes the one record, or the service does).

    A refusal is logged by ``opp_voor_actor``, which then raises Http404.
    """
    opp = (
        opps_zichtbaar_voor(actor=actor).filter(sleutel=sleutel).prefetch_related("doelen").first()
    )
    if opp is not None and beleid.mag(actor, actie, opp):
        return opp
    opp_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie=actie,
        doel=doel,
        route=route,
        log_actie=log_actie,
    )
    raise Http404  # only reached if visibility changed in between


def _mag_beslissen(actor: Actor, opp: Ontwikkelingsperspectief) -> bool:
    """May this actor decide on the handelingsdeel (parent with gezag, or the adult pupil)?"""
    leerling = opp.leerling
    return mag_instemmen(
        is_ouder_met_gezag=actor.rolsoort == Rolsoort.OUDER
        and Ouderschap.objects.filter(
            leerling=leerling, ouder=actor.gebruiker, gezag=True
        ).exists(),
        is_de_leerling=actor.rolsoort == Rolsoort.LEERLING
        and leerling.gebruiker_id == actor.gebruiker.pk,
        geboortedatum=leerling.geboortedatum,
        peildatum=timezone.localdate(),
        handelingsbekwaam=opp.leerling_handelingsbekwaam,
    )


def _waarom_niet_beslissen(actor: Actor, opp: Ontwikkelingsperspectief) -> str:
    """Plain words: why this actor may read the plan but not decide on it."""
    leerling = opp.leerling
    naam = leerling.roepnaam or leerling.voornamen
    if leerling_beslist_zelf(
        leerling.geboortedatum, timezone.localdate(), opp.leerling_handelingsbekwaam
    ):
        return (
            f"{naam} is 18 jaar of ouder en beslist nu zelf over het plan. U kunt het plan "
            "lezen, maar u kunt niet instemmen."
        )
    if actor.rolsoort == Rolsoort.LEERLING:
        if leeftijd_op(leerling.geboortedatum, timezone.localdate()) < MEERDERJARIG:
            return (
                "Je bent nog geen 18. Daarom beslissen je ouders over het plan. Jij mag wel "
                "altijd zeggen wat je ervan vindt."
            )
        return (
            "Over dit plan beslissen je ouders of je wettelijk vertegenwoordiger. Jij mag wel "
            "altijd zeggen wat je ervan vindt."
        )
    return (
        f"U heeft geen ouderlijk gezag over {naam}. Daarom mag u het plan wel lezen en uw kijk "
        "geven, maar u kunt niet beslissen. Instemmen doet een ouder met ouderlijk gezag."
    )


def _plan_is_dicht(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief
) -> HttpResponse:
    if actor.rolsoort == Rolsoort.LEERLING:
        melding = (
            "Je plan is al klaar. Je kunt hier nu niets meer invullen. Wil je toch iets zeggen? "
            "Praat dan met je mentor of intern begeleider."
        )
    else:
        melding = (
            "Dit plan is al definitief. U kunt hier nu niets meer veranderen. Wilt u toch iets "
            "zeggen over het plan? Neem dan contact op met de school."
        )
    messages.error(request, melding)
    return redirect("ondersteuning:portaal", sleutel=opp.sleutel)


def _gesloten_post(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief, route: str
) -> HttpResponse:
    """A POST on a plan that is no longer a concept: nothing is saved, one record."""
    _vastleggen(
        actor=actor,
        sleutel=opp.sleutel,
        opp=opp,
        actie=Actie.WIJZIGEN,
        toegestaan=False,
        reden="het plan is niet meer in concept; formulier gesloten",
        route=route,
    )
    return _plan_is_dicht(request, actor, opp)


def _fouten_naar_formulier(
    form: MeningForm | InstemmenForm | ZienswijzeForm, fout: ValidationError
) -> None:
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
    else:
        form.add_error(None, fout.messages)


# --- Pages ------------------------------------------------------------------------------------


@login_required
def bekijken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The plan in plain words: B1 for parents, child-friendly for the pupil."""
    route = "ondersteuning:portaal"
    actor = _actor_of_403(request)
    _alleen_ouders_en_leerling(request, actor, sleutel, route)
    opp = opp_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="bekijken",
        doel="plan bekijken in het portaal",
        route=route,
    )
    factoren = list(opp.factoren.all())
    instemmingen = sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk))
    laatste = laatste_instemming(opp)
    mag_beslissen = _mag_beslissen(actor, opp)
    is_concept = opp.status == Status.CONCEPT
    context = {
        "opp": opp,
        "leerling": opp.leerling,
        "naam": opp.leerling.roepnaam or opp.leerling.voornamen,
        "is_concept": is_concept,
        "moeilijk": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "helpt": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "doelen": list(opp.doelen.all()),
        "overleggen": list(opp.overleggen.all()),
        "stemmen": list(opp.leerlingstemmen.all()),
        "instemmingen": instemmingen,
        "laatste_instemming": laatste,
        "niet_ingestemd": laatste is not None and laatste.besluit == Besluit.GEWEIGERD,
        "mag_beslissen": mag_beslissen,
        "waarom_niet_beslissen": "" if mag_beslissen else _waarom_niet_beslissen(actor, opp),
    }
    sjabloon = (
        "ondersteuning/portaal/leerling.html"
        if actor.rolsoort == Rolsoort.LEERLING
        else "ondersteuning/portaal/ouder.html"
    )
    return render(request, sjabloon, context)


@login_required
def zienswijze(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """'Geef uw kijk': a parent adds their own view to the draft."""
    route = "ondersteuning:zienswijze"
    actor = _actor_of_403(request)
    _alleen_ouders_en_leerling(request, actor, sleutel, route)
    doel = "kijk van de ouders geven"
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="zienswijze_geven", doel=doel, route=route
        )
        if opp.is_bevroren:
            return _plan_is_dicht(request, actor, opp)
        form = ZienswijzeForm(initial={"tekst": opp.zienswijze_ouders})
        return render(request, "ondersteuning/portaal/zienswijze.html", {"form": form, "opp": opp})

    opp = _opp_zonder_log(
        actor=actor,
        sleutel=sleutel,
        actie="zienswijze_geven",
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    if opp.is_bevroren:
        return _gesloten_post(request, actor, opp, route)
    form = ZienswijzeForm(request.POST)
    if form.is_valid():
        try:
            services.zienswijze_ouders_geven(
                actor=actor, opp=opp, tekst=form.cleaned_data["tekst"], route=route
            )
        except services.Bevroren:
            return _gesloten_post(request, actor, opp, route)
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, "Dank u wel. De school kan nu lezen wat u van het plan vindt."
            )
            return redirect("ondersteuning:portaal", sleutel=opp.sleutel)
    _vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden="kijk van de ouders niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )
    return render(request, "ondersteuning/portaal/zienswijze.html", {"form": form, "opp": opp})


def _geen_besluit(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief, route: str, uitleg: str
) -> HttpResponse:
    """403 in plain words: this actor may read the plan but not decide on it."""
    _vastleggen(
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
    actor = _actor_of_403(request)
    _alleen_ouders_en_leerling(request, actor, sleutel, route)
    opp = _opp_zonder_log(
        actor=actor,
        sleutel=sleutel,
        actie="instemmen",
        doel="instemmen met het handelingsdeel",
        route=route,
        log_actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
    )
    if opp.is_bevroren:
        if request.method == "POST":
            return _gesloten_post(request, actor, opp, route)
        _vastleggen(
            actor=actor,
            sleutel=sleutel,
            opp=opp,
            actie=Actie.LEZEN,
            toegestaan=True,
            reden="instemformulier gevraagd; het plan is niet meer in concept",
            route=route,
        )
        return _plan_is_dicht(request, actor, opp)
    if not _mag_beslissen(actor, opp):
        return _geen_besluit(request, actor, opp, route, _waarom_niet_beslissen(actor, opp))

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
            return _gesloten_post(request, actor, opp, route)
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        except Geweigerd:
            return _geen_besluit(request, actor, opp, route, _waarom_niet_beslissen(actor, opp))
        else:
            return _na_besluit(request, instemming)
    _vastleggen(
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


@login_required
def mening(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """'Wat vind jij?': the pupil gives their own view (hoorrecht), with their own log-in."""
    route = "ondersteuning:wat-vind-jij"
    actor = _actor_of_403(request)
    _alleen_ouders_en_leerling(request, actor, sleutel, route)
    doel = "mening van de leerling geven"
    if request.method != "POST":
        opp = opp_voor_actor(
            actor=actor, sleutel=sleutel, actie="mening_geven", doel=doel, route=route
        )
        if opp.is_bevroren:
            return _plan_is_dicht(request, actor, opp)
        return render(
            request, "ondersteuning/portaal/mening.html", {"form": MeningForm(), "opp": opp}
        )

    opp = _opp_zonder_log(
        actor=actor,
        sleutel=sleutel,
        actie="mening_geven",
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    if opp.is_bevroren:
        return _gesloten_post(request, actor, opp, route)
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
            return _gesloten_post(request, actor, opp, route)
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(request, "Dank je wel! De school leest wat je hebt geschreven.")
            return redirect("ondersteuning:portaal", sleutel=opp.sleutel)
    _vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden="mening niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )
    return render(request, "ondersteuning/portaal/mening.html", {"form": form, "opp": opp})
