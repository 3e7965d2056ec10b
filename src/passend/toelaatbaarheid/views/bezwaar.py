"""Bezwaar: the SWV records an objection and then, step by step, the request for advice to
the bezwaaradviescommissie (within 2 weeks), the advice received, and the outcome."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import (
    AdviesGevraagdForm,
    AdviesOntvangenForm,
    BezwaarForm,
    UitkomstForm,
)
from passend.toelaatbaarheid.models import Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import (
    BESLOTEN,
    Bezwaarstap,
    adviesaanvraag_te_laat,
    adviesaanvraag_uiterlijk,
    bezwaar_te_laat,
    bezwaar_uiterlijk,
    volgende_bezwaarstap,
)
from passend.toelaatbaarheid.selectors import (
    NIET_GEVONDEN,
    regeling_van,
    tlv_dossier,
    tlv_voor_actor,
    tlv_voor_schrijven,
)
from passend.toelaatbaarheid.views.afhandeling import (
    eis_rol,
    fouten_naar_formulier,
    menu,
    naar_dossier,
    tlv_formulierpagina,
    vastleggen,
)

INGETROKKEN = "ingetrokken"


@login_required
def bezwaar(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Record a bezwaar of the parents or the board; after 6 weeks it is marked late."""
    route = "toelaatbaarheid:bezwaar"

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        nieuw = services.bezwaar_vastleggen(actor=actor, tlv=tlv, route=route, **gegevens)
        uiterlijk = adviesaanvraag_uiterlijk(nieuw.ingediend_op)
        melding = (
            "Het bezwaar is vastgelegd. Vraag uiterlijk op "
            f"{uiterlijk:%d-%m-%Y} advies aan de bezwaaradviescommissie."
        )
        if nieuw.te_laat:
            melding += " Let op: het bezwaar kwam na de termijn van 6 weken (wel aanvaard)."
        return melding

    def context(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> dict[str, Any]:
        assert tlv.besluit_op is not None
        return {
            "bezwaar_uiterlijk": bezwaar_uiterlijk(tlv.besluit_op),
            "nu_te_laat": bezwaar_te_laat(
                besluit_op=tlv.besluit_op, ingediend_op=timezone.localdate()
            ),
        }

    return tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="bezwaar_vastleggen",
        doel="bezwaar vastleggen",
        statussen=BESLOTEN,
        niet_toegestaan="Bezwaar kan pas worden vastgelegd als er een besluit is.",
        maak_form=lambda tlv, data: BezwaarForm(
            data, initial={"ingediend_op": timezone.localdate()}
        ),
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/bezwaar.html",
        context=context,
    )


def _stap(bezwaar: Bezwaar) -> str:
    return volgende_bezwaarstap(
        adviesaanvraag_op=bezwaar.adviesaanvraag_op,
        advies_ontvangen_op=bezwaar.advies_ontvangen_op,
        uitkomst=bezwaar.uitkomst,
    )


def _form(stap: str, data: Any) -> Form | None:
    vandaag = timezone.localdate()
    if stap == Bezwaarstap.ADVIES_VRAGEN:
        return AdviesGevraagdForm(data, initial={"adviesaanvraag_op": vandaag}, prefix="stap")
    if stap == Bezwaarstap.ADVIES_ONTVANGEN:
        return AdviesOntvangenForm(data, initial={"advies_ontvangen_op": vandaag}, prefix="stap")
    if stap == Bezwaarstap.UITKOMST:
        return UitkomstForm(data, initial={"uitkomst_op": vandaag}, prefix="stap")
    return None


def _intrekken_form(stap: str, data: Any) -> UitkomstForm | None:
    if stap in (Bezwaarstap.ADVIES_VRAGEN, Bezwaarstap.ADVIES_ONTVANGEN):
        return UitkomstForm(
            data,
            alleen_intrekken=True,
            initial={"uitkomst_op": timezone.localdate()},
            prefix="intrekken",
        )
    return None


def _opslaan(
    actor: Actor, bezwaar: Bezwaar, stap: str, gegevens: dict[str, Any], route: str
) -> str:
    if stap == Bezwaarstap.ADVIES_VRAGEN:
        services.bezwaar_advies_gevraagd(actor=actor, bezwaar=bezwaar, route=route, **gegevens)
        return "De adviesaanvraag aan de bezwaaradviescommissie is vastgelegd."
    if stap == Bezwaarstap.ADVIES_ONTVANGEN:
        services.bezwaar_advies_ontvangen(actor=actor, bezwaar=bezwaar, route=route, **gegevens)
        return "Het advies van de commissie is vastgelegd. Beslis nu op het bezwaar."
    services.bezwaar_beslissen(actor=actor, bezwaar=bezwaar, route=route, **gegevens)
    return "De uitkomst van het bezwaar is vastgelegd."


@login_required
def bezwaar_afhandelen(request: HttpRequest, sleutel: UUID, pk: int) -> HttpResponse:
    """The next step of one bezwaar: ask advice, advice received, outcome (or withdrawn)."""
    route = "toelaatbaarheid:bezwaar-afhandelen"
    actor = eis_rol(request, "bezwaar_vastleggen", route)
    doel = "bezwaar afhandelen"
    if request.method != "POST":
        tlv = tlv_voor_actor(
            actor=actor, sleutel=sleutel, actie="bezwaar_vastleggen", doel=doel, route=route
        )
        gekozen = next((b for b in tlv.bezwaren.all() if b.pk == pk), None)
        if gekozen is None:
            raise Http404(NIET_GEVONDEN)
        stap = _stap(gekozen)
        form, intrekken = _form(stap, None), _intrekken_form(stap, None)
    else:
        schrijf = tlv_voor_schrijven(
            actor=actor, sleutel=sleutel, actie="bezwaar_vastleggen", doel=doel, route=route
        )
        gekozen = Bezwaar.objects.filter(pk=pk, tlv=schrijf).select_related("tlv").first()
        if gekozen is None:
            vastleggen(
                actor=actor,
                tlv=schrijf,
                actie=Actie.WIJZIGEN,
                toegestaan=False,
                reden="onbekend bezwaar",
                route=route,
            )
            raise Http404(NIET_GEVONDEN)
        stap = _stap(gekozen)
        gevraagd = request.POST.get("stap", "")
        form, intrekken = _form(stap, None), _intrekken_form(stap, None)
        actief: Form | None
        doelstap: str
        if gevraagd == INGETROKKEN and intrekken is not None:
            intrekken = _intrekken_form(stap, request.POST)
            actief, doelstap = intrekken, Bezwaarstap.UITKOMST
        elif gevraagd and gevraagd != stap:
            vastleggen(
                actor=actor,
                tlv=schrijf,
                actie=Actie.WIJZIGEN,
                toegestaan=True,
                reden="niets opgeslagen: bezwaar intussen verder behandeld",
                route=route,
            )
            messages.error(
                request, "Dit bezwaar is intussen verder behandeld. Bekijk de nieuwe stand."
            )
            return naar_dossier(schrijf)
        else:
            form = _form(stap, request.POST)
            actief, doelstap = form, stap
        if actief is not None and actief.is_valid():
            try:
                melding = _opslaan(actor, gekozen, doelstap, dict(actief.cleaned_data), route)
            except Geweigerd as fout:
                vastleggen(
                    actor=actor,
                    tlv=schrijf,
                    actie=Actie.WIJZIGEN,
                    toegestaan=False,
                    reden=fout.reden,
                    route=route,
                )
                raise
            except services.Conflict as fout:
                vastleggen(
                    actor=actor,
                    tlv=schrijf,
                    actie=Actie.WIJZIGEN,
                    toegestaan=True,
                    reden="niets opgeslagen: bezwaar intussen verder behandeld",
                    route=route,
                )
                messages.error(request, str(fout))
                return naar_dossier(schrijf)
            except ValidationError as fout:
                fouten_naar_formulier(actief, fout)
            else:
                messages.success(request, melding)
                return naar_dossier(schrijf)
        vastleggen(
            actor=actor,
            tlv=schrijf,
            actie=Actie.LEZEN,
            toegestaan=True,
            reden=f"{doel}: niet opgeslagen; formulier opnieuw getoond",
            route=route,
        )
        tlv = tlv_dossier(sleutel) or schrijf
    return render(
        request,
        "toelaatbaarheid/bezwaar_afhandelen.html",
        {
            "tlv": tlv,
            "leerling": tlv.leerling,
            "bezwaar": gekozen,
            "stap": stap,
            "stap_label": Bezwaarstap(stap).label,
            "form": form,
            "intrekken": intrekken,
            "adviesaanvraag_uiterlijk": adviesaanvraag_uiterlijk(gekozen.ingediend_op),
            "adviesaanvraag_te_laat": adviesaanvraag_te_laat(
                bezwaar_ontvangen_op=gekozen.ingediend_op,
                adviesaanvraag_op=gekozen.adviesaanvraag_op,
                vandaag=timezone.localdate(),
            ),
            "regeling": regeling_van(tlv.verantwoordelijk_swv),
            "menu": menu(actor),
        },
    )
