"""The samenwerkingsverband's pages: the werkvoorraad (new, incomplete and complete
requests, the longest waiting first), the completeness check by the loket and the decision
by a commissielid or the directeur. Thin: parse (form), call one selector or service."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from passend.accounts.actor import Actor, actor_of_403
from passend.arrangementen import services
from passend.arrangementen.forms import BesluitForm, VolledigheidForm
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import OPEN, Status, dagen_tussen
from passend.arrangementen.selectors import STATUSFILTERS, aanvragen_zichtbaar_voor, werkvoorraad
from passend.arrangementen.views.afhandeling import formulierpagina
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen

PAGINA_GROOTTE = 50
FILTERS = (
    ("open", "Zonder besluit"),
    (Status.INGEDIEND, "Nieuw: te controleren"),
    (Status.ONVOLLEDIG, "Onvolledig: bij de school"),
    (Status.COMPLEET, "Compleet: wacht op besluit"),
    (Status.BESLOTEN, "Besloten"),
    (Status.INGETROKKEN, "Ingetrokken"),
    ("alle", "Alle aanvragen"),
)


@login_required
def werkvoorraad_pagina(request: HttpRequest) -> HttpResponse:
    """The SWV's requests; without a filter every request that has no decision yet."""
    route = "arrangementen:werkvoorraad"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "werkvoorraad",
        log_actie=Actie.ZOEKEN,
        object_type="arrangementen-werkvoorraad",
        reden="alleen medewerkers van het samenwerkingsverband",
        route=route,
    )
    status = request.GET.get("status", "open")
    if status not in STATUSFILTERS:
        status = "open"
    pagina = Paginator(werkvoorraad(actor=actor, status=status), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="arrangementen-werkvoorraad",
        leerling_sleutels=[a.leerling.sleutel for a in pagina],
        toegestaan=True,
        reden="werkvoorraad arrangementaanvragen",
        route=route,
    )
    aantallen = aanvragen_zichtbaar_voor(actor=actor).aggregate(
        **{s: Count("id", filter=Q(status=s)) for s in Status.values}
    )
    vandaag = timezone.localdate()
    return render(
        request,
        "arrangementen/swv/werkvoorraad.html",
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
            "filters": [
                {
                    "waarde": waarde,
                    "label": label,
                    "aantal": sum(aantallen[s] for s in STATUSFILTERS[waarde]),
                }
                for waarde, label in FILTERS
            ],
            "swv": actor.rol.samenwerkingsverband,
        },
    )


@login_required
def volledigheid(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The loket checks whether the request is complete (dated), or says what is missing."""
    route = "arrangementen:volledigheid"

    def opslaan(actor: Actor, aanvraag: Arrangementaanvraag, gegevens: dict[str, Any]) -> None:
        if gegevens["uitkomst"] == "compleet":
            services.compleet_verklaren(actor=actor, aanvraag=aanvraag, route=route)
        else:
            services.onvolledig_verklaren(
                actor=actor, aanvraag=aanvraag, ontbreekt=gegevens["ontbreekt"], route=route
            )

    return formulierpagina(
        request,
        sleutel,
        route=route,
        actie="volledigheid_beoordelen",
        rol_actie="loket",
        rol_reden="alleen het loket controleert de volledigheid",
        doel="arrangementaanvraag op volledigheid controleren",
        toegestaan=frozenset({Status.INGEDIEND}),
        niet_toegestaan="Deze aanvraag is al op volledigheid gecontroleerd.",
        maak_form=lambda aanvraag, data: VolledigheidForm(data),
        opslaan=opslaan,
        gelukt="De uitkomst van de controle is vastgelegd.",
        sjabloon="arrangementen/swv/volledigheid.html",
        wat="controle op volledigheid",
    )


@login_required
def besluit(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """A commissielid or the directeur decides: granted, partly granted or refused."""
    route = "arrangementen:besluit"

    def maak_form(aanvraag: Arrangementaanvraag, data: Any) -> BesluitForm:
        return BesluitForm(
            data,
            initial={
                "toegekend_bedrag": aanvraag.bedrag,
                "toegekend_van": aanvraag.van,
                "toegekend_tot": aanvraag.tot,
            },
        )

    def opslaan(actor: Actor, aanvraag: Arrangementaanvraag, gegevens: dict[str, Any]) -> None:
        services.besluit_nemen(actor=actor, aanvraag=aanvraag, route=route, **gegevens)

    return formulierpagina(
        request,
        sleutel,
        route=route,
        actie="beslissen",
        rol_actie="beslisser",
        rol_reden="alleen een commissielid of de directeur besluit",
        doel="besluit over een arrangementaanvraag",
        toegestaan=frozenset({Status.COMPLEET}),
        niet_toegestaan=(
            "Over deze aanvraag kan nu niet worden besloten: zij is niet compleet verklaard, "
            "of er is al besloten."
        ),
        maak_form=maak_form,
        opslaan=opslaan,
        gelukt="Het besluit is vastgelegd. De school kan de besluitbrief downloaden.",
        sjabloon="arrangementen/swv/besluit.html",
        wat="besluit",
    )
