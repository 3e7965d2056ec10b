"""After submitting, the school answers the SWV's extra questions (DOMAIN.md §2.3: the
request form is configurable per SWV, without adding steps to submitting) or withdraws the
request before the decision."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from passend.accounts.actor import Actor
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import AntwoordenForm, IntrekkenForm
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import LOPEND, Status
from passend.toelaatbaarheid.selectors import vragenlijst
from passend.toelaatbaarheid.views.afhandeling import tlv_formulierpagina


@login_required
def vragen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The school answers the SWV's extra questions, until the request is complete."""
    route = "toelaatbaarheid:vragen"

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        antwoorden = {
            int(naam.removeprefix("vraag_")): waarde or ""
            for naam, waarde in gegevens.items()
            if naam.startswith("vraag_")
        }
        services.antwoorden_vastleggen(actor=actor, tlv=tlv, antwoorden=antwoorden, route=route)
        return "De antwoorden op de aanvullende vragen zijn opgeslagen."

    def context(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> dict[str, Any]:
        return {"regels": vragenlijst(tlv)}

    return tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="vragen_beantwoorden",
        doel="aanvullende vragen beantwoorden",
        statussen=frozenset({Status.INGEDIEND}),
        niet_toegestaan=(
            "De aanvullende vragen kunnen alleen worden beantwoord zolang het loket de aanvraag "
            "nog niet compleet heeft verklaard."
        ),
        maak_form=lambda tlv, data: AntwoordenForm(data, vragen=vragenlijst(tlv)),
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/vragen.html",
        context=context,
    )


@login_required
def intrekken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The requesting school withdraws the request before the decision, with a reason."""
    route = "toelaatbaarheid:intrekken"

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        services.tlv_intrekken(actor=actor, tlv=tlv, reden=gegevens["reden"], route=route)
        return (
            "De aanvraag is ingetrokken. Het samenwerkingsverband en de ouders zien dat in Passend."
        )

    return tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="intrekken",
        doel="TLV-aanvraag intrekken",
        statussen=LOPEND,
        niet_toegestaan="Intrekken kan alleen zolang er nog geen besluit is.",
        maak_form=lambda tlv, data: IntrekkenForm(data),
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/intrekken.html",
    )
