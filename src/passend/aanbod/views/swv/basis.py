"""What the SWV's pages share: the role check, the SWV's menu and CSV downloads."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passend.aanbod.permissions import beleid
from passend.accounts.actor import Actor, actor_of_403

#: Pages of the SWV's menu: (label, route, action of the policy).
MENU = (
    ("Aanbod in de regio", "aanbod:regio-overzicht", "regio_inzien"),
    ("Wachtlijsten", "aanbod:regio-wachtlijsten", "regio_inzien"),
    ("Inlezen en uitvoeren", "aanbod:regio-importeren", "regio_importeren"),
    ("Sociale kaart", "aanbod:kaart-lijst", "sociale_kaart_beheren"),
)


def actor_voor(request: HttpRequest, actie: str) -> Actor:
    """The actor, if their role may ever do ``actie`` (a role action of the policy); else
    a 403."""
    actor = actor_of_403(request)
    beleid.eis(actor, actie)
    return actor


def pagina(
    request: HttpRequest, actor: Actor, sjabloon: str, menupunt: str, **context: Any
) -> HttpResponse:
    """Render an SWV page with the menu items the actor's role may use."""
    menu = [
        {"label": label, "route": route, "huidig": route == menupunt}
        for label, route, actie in MENU
        if beleid.mag(actor, actie)
    ]
    return render(
        request,
        sjabloon,
        {"menu": menu, "swv": actor.rol.samenwerkingsverband, **context},
    )
