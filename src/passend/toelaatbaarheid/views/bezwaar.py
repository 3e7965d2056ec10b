"""Bezwaar: the SWV records an objection and then, step by step, the request for advice to
the bezwaaradviescommissie (within 2 weeks), the advice received, and the outcome; after a
gegrond outcome the new decision (beslissing op bezwaar) and its letter."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import Actor
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import (
    AdviesGevraagdForm,
    AdviesOntvangenForm,
    BeslissingOpBezwaarForm,
    BezwaarForm,
    UitkomstForm,
)
from passend.toelaatbaarheid.models import Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.pdf import beslissing_van, besluit_pdf, oorspronkelijk_besluit
from passend.toelaatbaarheid.permissions import PRIVE
from passend.toelaatbaarheid.rules import (
    BESLOTEN,
    Bezwaarstap,
    Uitkomst,
    adviesaanvraag_te_laat,
    adviesaanvraag_uiterlijk,
    beroep_uiterlijk,
    beslissing_op_bezwaar_fout,
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


@login_required
def beslissing_op_bezwaar(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """After a gegrond bezwaar: the new decision (once), with the original one shown."""
    route = "toelaatbaarheid:beslissing-op-bezwaar"
    nieuw: dict[str, Any] = {}

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        nieuw["beslissing"] = services.beslissen_op_bezwaar(
            actor=actor,
            tlv=tlv,
            besluit=gegevens["besluit"],
            motivering=gegevens["motivering"],
            beslist_op=gegevens["beslist_op"],
            schoolsoort=gegevens.get("schoolsoort") or "",
            bekostigingscategorie=gegevens.get("bekostigingscategorie"),
            ingangsdatum=gegevens.get("ingangsdatum"),
            einddatum=gegevens.get("einddatum"),
            route=route,
        )
        return (
            "De beslissing op bezwaar is vastgelegd: "
            f"{nieuw['beslissing'].get_besluit_display().lower()}. De brief staat klaar."
        )

    def maak_form(tlv: Toelaatbaarheidsverklaring, data: Any) -> BeslissingOpBezwaarForm:
        return BeslissingOpBezwaarForm(
            data,
            regeling=regeling_van(tlv.verantwoordelijk_swv),
            initial={
                "besluit": tlv.besluit,
                "schoolsoort": tlv.schoolsoort or tlv.soort,
                "bekostigingscategorie": tlv.bekostigingscategorie,
                "ingangsdatum": tlv.ingangsdatum,
                "einddatum": tlv.einddatum,
                "beslist_op": timezone.localdate(),
            },
        )

    def context(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> dict[str, Any]:
        regeling = regeling_van(tlv.verantwoordelijk_swv)
        inhoud = oorspronkelijk_besluit(tlv)
        return {
            "oorspronkelijk": inhoud,
            "categorie": regeling.categorie_label(inhoud.bekostigingscategorie),
            "gegrond": [b for b in tlv.bezwaren.all() if b.uitkomst == Uitkomst.GEGROND],
        }

    antwoord = tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="beslissen_op_bezwaar",
        doel="beslissen op bezwaar",
        statussen=BESLOTEN,
        niet_toegestaan="Er is nog geen besluit, dus ook geen bezwaar om op te beslissen.",
        maak_form=maak_form,
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/beslissing_op_bezwaar.html",
        context=context,
        voorwaarde=lambda tlv: beslissing_op_bezwaar_fout(
            uitkomsten=[b.uitkomst for b in tlv.bezwaren.all()],
            al_beslist=beslissing_van(tlv) is not None,
        ),
    )
    return antwoord


@require_GET
@never_cache
@login_required
def brief_bezwaar(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The letter of the beslissing op bezwaar (PDF), with the appeal clause."""
    route = "toelaatbaarheid:brief-bezwaar"
    actor = eis_rol(request, "brief", route)
    tlv = tlv_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="brief",
        doel="brief beslissing op bezwaar TLV afdrukken",
        route=route,
        log_actie=Actie.AFDRUKKEN,
    )
    if beslissing_van(tlv) is None or tlv.besluit_op is None:
        messages.info(request, "Er is (nog) geen beslissing op bezwaar, dus ook geen brief.")
        if actor.rolsoort in PRIVE:
            return redirect("toelaatbaarheid:portaal", leerling=tlv.leerling.sleutel)
        return naar_dossier(tlv)
    antwoord = HttpResponse(besluit_pdf(tlv, op_bezwaar=True), content_type="application/pdf")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="beslissing-op-bezwaar-tlv-{tlv.kenmerk.lower()}.pdf"'
    )
    return antwoord


def beroepregel(tlv: Toelaatbaarheidsverklaring) -> dict[str, Any] | None:
    """The beslissing op bezwaar of a TLV with its appeal term (for the pages)."""
    bob = beslissing_van(tlv)
    if bob is None:
        return None
    return {"beslissing": bob, "beroep_uiterlijk": beroep_uiterlijk(bob.beslist_op)}
