"""The SWV handles a request: complete (loket), advice (deskundigen), decision (commissie)."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.accounts.rules import Rolsoort
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import AdviesForm, BesluitForm, CompleetForm
from passend.toelaatbaarheid.models import Deskundige, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import LOPEND, Status, minimale_einddatum
from passend.toelaatbaarheid.selectors import (
    advieslijst_fouten,
    deskundigen_van,
    ontbrekende_antwoorden,
    regeling_van,
)
from passend.toelaatbaarheid.views.aanvraag import wat_meekomt
from passend.toelaatbaarheid.views.afhandeling import tlv_formulierpagina


@login_required
def compleet(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The desk declares the request complete, with the date (for the handling time)."""

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        services.tlv_compleet_verklaren(
            actor=actor,
            tlv=tlv,
            compleet_op=gegevens["compleet_op"],
            route="toelaatbaarheid:compleet",
        )
        return "De aanvraag is compleet verklaard. De deskundigen kunnen nu advies geven."

    return tlv_formulierpagina(
        request,
        sleutel,
        route="toelaatbaarheid:compleet",
        actie="compleet_verklaren",
        doel="aanvraag compleet verklaren",
        statussen=frozenset({Status.INGEDIEND}),
        niet_toegestaan="Deze aanvraag is al compleet verklaard of afgehandeld.",
        maak_form=lambda tlv, data: CompleetForm(
            data, initial={"compleet_op": timezone.localdate()}
        ),
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/compleet.html",
        context=lambda tlv, actor: {
            **wat_meekomt(tlv.opp),
            "open_vragen": ontbrekende_antwoorden(tlv),
        },
    )


def _keuzes(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> QuerySet[Deskundige]:
    """The pool of the deciding SWV, without who already advised; a deskundige only sees
    themselves."""
    pool = deskundigen_van(
        samenwerkingsverband=tlv.verantwoordelijk_swv, alleen_actief=True
    ).exclude(adviezen__tlv=tlv)
    if actor.rolsoort == Rolsoort.DESKUNDIGE:
        pool = pool.filter(gebruiker=actor.gebruiker)
    return pool


@login_required
def advies(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Record the advice of one (independent) deskundige."""
    route = "toelaatbaarheid:advies"

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        advies = services.advies_vastleggen(actor=actor, tlv=tlv, route=route, **gegevens)
        return f"Het advies van {advies.deskundige.naam} is vastgelegd."

    def context(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> dict[str, Any]:
        regeling = regeling_van(tlv.verantwoordelijk_swv)
        return {
            "adviezen": list(tlv.adviezen.all()),
            "regeling": regeling,
            "adviesfouten": advieslijst_fouten(tlv, regeling),
            **wat_meekomt(tlv.opp),
        }

    return tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="advies_vastleggen",
        doel="advies van een deskundige vastleggen",
        statussen=LOPEND,
        niet_toegestaan="Over deze aanvraag is al besloten; er kan geen advies meer bij.",
        maak_form=lambda tlv, data: AdviesForm(
            data,
            deskundigen=_keuzes(tlv, actor_of_403(request)),
            initial={"datum": timezone.localdate()},
        ),
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/advies.html",
        context=context,
    )


@login_required
def besluit(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The decision: granted (type, category, period) or refused, with reasons."""
    route = "toelaatbaarheid:besluit"

    def opslaan(actor: Actor, tlv: Toelaatbaarheidsverklaring, gegevens: dict[str, Any]) -> str:
        besloten = services.tlv_besluiten(
            actor=actor,
            tlv=tlv,
            besluit=gegevens["besluit"],
            motivering=gegevens["motivering"],
            besluit_op=gegevens["besluit_op"],
            schoolsoort=gegevens.get("schoolsoort") or "",
            bekostigingscategorie=gegevens.get("bekostigingscategorie"),
            ingangsdatum=gegevens.get("ingangsdatum"),
            einddatum=gegevens.get("einddatum"),
            route=route,
        )
        return (
            f"Het besluit is vastgelegd: {besloten.get_besluit_display().lower()}. "
            "De besluitbrief staat klaar."
        )

    def maak_form(tlv: Toelaatbaarheidsverklaring, data: Any) -> BesluitForm:
        regeling = regeling_van(tlv.verantwoordelijk_swv)
        vandaag = timezone.localdate()
        return BesluitForm(
            data,
            regeling=regeling,
            initial={
                "schoolsoort": tlv.soort,
                "besluit_op": vandaag,
                "ingangsdatum": vandaag,
                "einddatum": minimale_einddatum(vandaag, regeling.minimale_duur_maanden),
            },
        )

    def context(tlv: Toelaatbaarheidsverklaring, actor: Actor) -> dict[str, Any]:
        regeling = regeling_van(tlv.verantwoordelijk_swv)
        return {
            "adviezen": list(tlv.adviezen.all()),
            "adviesfouten": advieslijst_fouten(tlv, regeling),
            "regeling": regeling,
        }

    return tlv_formulierpagina(
        request,
        sleutel,
        route=route,
        actie="besluiten",
        doel="besluit over de TLV",
        statussen=frozenset({Status.COMPLEET}),
        niet_toegestaan=(
            "Besluiten kan alleen over een aanvraag die het loket compleet heeft verklaard en "
            "waarover nog niet is besloten."
        ),
        maak_form=maak_form,
        opslaan=opslaan,
        sjabloon="toelaatbaarheid/besluit.html",
        context=context,
    )
