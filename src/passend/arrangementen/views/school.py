"""The school's pages: ask the SWV for an arrangement from the OPP, see the school's
requests, complete an incomplete request and withdraw one. Thin: parse (form), call one
selector or service, render or redirect.

Every request that touches pupil data writes exactly one access-log record: a GET fetches
through a selector that logs; a POST authorises with a non-logging fetch and the service
logs a successful write; when nothing is saved the view writes the one record itself.
"""

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.arrangementen import services
from passend.arrangementen.forms import AanvraagForm, AanvullenForm, IntrekkenForm
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import OPEN, Status, dagen_tussen
from passend.arrangementen.selectors import (
    OBJECT_TYPE,
    STATUSFILTERS,
    geldende_versie,
    open_aanvraag_van_opp,
    schooloverzicht,
)
from passend.arrangementen.views.afhandeling import (
    formulierpagina,
    fouten_naar_formulier,
    opp_delen_ophalen,
    opp_inhoud,
)
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.selectors import opp_voor_actor, opp_voor_schrijven

PAGINA_GROOTTE = 50


# --- Requesting from the OPP ---------------------------------------------------------------


def voorstel(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """A first version of the request from the OPP's handelingsdeel: nothing typed twice."""
    doelen = list(opp.doelen.all())
    if not doelen:
        return {}
    regels = [f"- {d.aanpak} ({d.frequentie}, door {d.door_wie}); doel: {d.doel}" for d in doelen]
    vandaag = timezone.localdate()
    van = max(min(d.van for d in doelen), vandaag)
    tot = max(max(d.tot for d in doelen), van + timedelta(days=1))
    return {"ondersteuning": "\n".join(regels), "van": van, "tot": tot}


def _opp_vastleggen(actor: Actor, opp: Ontwikkelingsperspectief, route: str, reden: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type="ontwikkelingsperspectief",
        object_id=str(opp.sleutel),
        leerling_sleutels=[opp.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


@login_required
def aanvragen(request: HttpRequest, opp: UUID) -> HttpResponse:
    """ "Arrangement aanvragen": from a vastgesteld OPP; the parents' and the pupil's view
    come along from the OPP and are shown, never typed again."""
    route = "arrangementen:aanvragen"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "aanvragen",
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type=OBJECT_TYPE,
        reden="rol mag geen arrangement aanvragen",
        route=route,
    )
    if request.method != "POST":
        plan = opp_voor_actor(
            actor=actor,
            sleutel=opp,
            actie="bekijken",
            doel="arrangement aanvragen vanuit het OPP",
            route=route,
        )
        form = AanvraagForm(initial=voorstel(plan))
    else:
        plan = opp_voor_schrijven(
            actor=actor,
            sleutel=opp,
            actie="bekijken",
            doel="arrangement aanvragen",
            route=route,
            log_actie=Actie.AANMAKEN,
        )
        form = AanvraagForm(request.POST)
        if form.is_valid():
            try:
                aanvraag = services.aanvraag_indienen(
                    actor=actor, opp=plan, route=route, **form.cleaned_data
                )
            except Geweigerd as fout:
                toegang_vastleggen(
                    actor=actor,
                    actie=Actie.AANMAKEN,
                    object_type=OBJECT_TYPE,
                    leerling_sleutels=[plan.leerling.sleutel],
                    toegestaan=False,
                    reden=f"geweigerd: {fout.reden}",
                    route=route,
                )
                raise
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    f"De aanvraag is ingediend bij {aanvraag.samenwerkingsverband.naam} "
                    f"(kenmerk {aanvraag.kenmerk}). Het loket controleert of de aanvraag "
                    "compleet is.",
                )
                return redirect("arrangementen:detail", sleutel=aanvraag.sleutel)
        _opp_vastleggen(
            actor, plan, route, "arrangement niet aangevraagd; formulier opnieuw getoond"
        )
        opp_delen_ophalen(plan)
    lopend = open_aanvraag_van_opp(plan) if plan.status == OppStatus.VASTGESTELD else None
    return render(
        request,
        "arrangementen/school/aanvragen.html",
        {
            "form": form,
            "leerling": plan.leerling,
            "kan_aanvragen": plan.status == OppStatus.VASTGESTELD and lopend is None,
            "lopend": lopend,
            "geldend": geldende_versie(plan) if plan.status == OppStatus.VERVANGEN else None,
            **opp_inhoud(plan),
        },
    )


# --- The school's list ---------------------------------------------------------------------


def _keuze(request: HttpRequest, standaard: str) -> str:
    status = request.GET.get("status", standaard)
    return status if status in STATUSFILTERS else standaard


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """The school's (or the board's) requests: incomplete ones first."""
    route = "arrangementen:overzicht"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "schooloverzicht",
        log_actie=Actie.ZOEKEN,
        object_type="arrangementen-overzicht",
        reden="rol vraagt geen arrangementen aan",
        route=route,
    )
    status = _keuze(request, "alle")
    pagina = Paginator(schooloverzicht(actor=actor, status=status), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="arrangementen-overzicht",
        leerling_sleutels=[a.leerling.sleutel for a in pagina],
        toegestaan=True,
        reden="overzicht van de arrangementaanvragen van de school",
        route=route,
    )
    vandaag = timezone.localdate()
    return render(
        request,
        "arrangementen/school/overzicht.html",
        {
            "pagina": pagina,
            "rijen": [
                {
                    "aanvraag": a,
                    "dagen": dagen_tussen(a.ingediend_op, vandaag) if a.status in OPEN else None,
                }
                for a in pagina
            ],
            "status": status,
            "querystring": f"status={status}",
            "filters": _filters(),
        },
    )


def _filters() -> list[tuple[str, str]]:
    return [
        ("alle", "Alle aanvragen"),
        ("open", "Zonder besluit"),
        *((s.value, s.label) for s in Status),
    ]


# --- Completing and withdrawing --------------------------------------------------------------


@login_required
def aanvullen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The school completes an incomplete request and submits it again."""
    route = "arrangementen:aanvullen"

    def maak_form(aanvraag: Arrangementaanvraag, data: Any) -> AanvullenForm:
        return AanvullenForm(
            data,
            initial={
                "ondersteuning": aanvraag.ondersteuning,
                "van": aanvraag.van,
                "tot": aanvraag.tot,
                "bedrag": aanvraag.bedrag,
                "toelichting": aanvraag.toelichting,
            },
        )

    def opslaan(actor: Actor, aanvraag: Arrangementaanvraag, gegevens: dict[str, Any]) -> None:
        services.aanvraag_aanvullen(actor=actor, aanvraag=aanvraag, route=route, **gegevens)

    return formulierpagina(
        request,
        sleutel,
        route=route,
        actie="aanvullen",
        rol_actie="aanvragen",
        rol_reden="rol vraagt geen arrangementen aan",
        doel="arrangementaanvraag aanvullen",
        toegestaan=frozenset({Status.ONVOLLEDIG}),
        niet_toegestaan="Alleen een aanvraag die het loket onvolledig vond, wordt aangevuld.",
        maak_form=maak_form,
        opslaan=opslaan,
        gelukt="De aanvraag is aangevuld en opnieuw ingediend. Het loket kijkt er opnieuw naar.",
        sjabloon="arrangementen/school/aanvullen.html",
        wat="aanvulling",
    )


@login_required
def intrekken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The school withdraws a request before the decision."""
    route = "arrangementen:intrekken"

    def opslaan(actor: Actor, aanvraag: Arrangementaanvraag, gegevens: dict[str, Any]) -> None:
        services.aanvraag_intrekken(
            actor=actor, aanvraag=aanvraag, reden=gegevens["reden"], route=route
        )

    return formulierpagina(
        request,
        sleutel,
        route=route,
        actie="intrekken",
        rol_actie="aanvragen",
        rol_reden="rol vraagt geen arrangementen aan",
        doel="arrangementaanvraag intrekken",
        toegestaan=OPEN,
        niet_toegestaan="Over deze aanvraag is al besloten, of zij is al ingetrokken.",
        maak_form=lambda aanvraag, data: IntrekkenForm(data),
        opslaan=opslaan,
        gelukt="De aanvraag is ingetrokken.",
        sjabloon="arrangementen/school/intrekken.html",
        wat="intrekken",
    )
