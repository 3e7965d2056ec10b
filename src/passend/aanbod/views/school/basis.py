"""What the school's offer pages share: the actor and the policy's role check, the school
years that may still be described, a location fetched for writing, rendering with the
menu item, and the redirects back to a location's pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.permissions import beleid
from passend.aanbod.rules import schooljaren_om_te_beschrijven
from passend.aanbod.selectors.school import (
    schooljaar_of_404,
    vestiging_voor_schrijven,
    ziet_schooloverzicht,
)
from passend.accounts.actor import Actor, actor_of_403
from passend.organisaties.models import Vestiging

PAGINA_GROOTTE = 50
CODE = r"(?P<vestigingscode>[0-9]{2}[A-Z]{2}[0-9]{2})"
JAAR = r"(?P<schooljaar>[0-9]{4}-[0-9]{4})"


def rol_actor(request: HttpRequest, actie: str) -> Actor:
    """The actor, if their role may ever do ``actie`` (a role action of the policy)."""
    actor = actor_of_403(request)
    beleid.eis(actor, actie)
    return actor


def te_beschrijven() -> tuple[str, ...]:
    """The school years a school may describe today (the running and the next)."""
    return schooljaren_om_te_beschrijven(timezone.localdate())


def schrijfbaar(
    request: HttpRequest, rolactie: str, actie: str, code: str, jaar: str | None
) -> tuple[Actor, Vestiging]:
    """The actor and a location they may do ``actie`` on; for a school year, one they may
    still describe (the running or the next)."""
    actor = rol_actor(request, rolactie)
    vestiging = vestiging_voor_schrijven(actor=actor, vestigingscode=code, actie=actie)
    if jaar is not None:
        schooljaar_of_404(jaar, te_beschrijven())
    return actor, vestiging


def toon_pagina(
    request: HttpRequest, actor: Actor, sjabloon: str, context: dict[str, object]
) -> HttpResponse:
    """Render a page of the school's offer (with the menu item for who sees the overview)."""
    return render(request, sjabloon, {**context, "ziet_overzicht": ziet_schooloverzicht(actor)})


def naar_vestiging(vestiging: Vestiging, schooljaar: str, toon: str = "") -> HttpResponse:
    url = reverse("aanbod:vestiging", args=[vestiging.vestigingscode, schooljaar])
    return redirect(f"{url}?toon={toon}" if toon else url)


def naar_schoolgids(vestiging: Vestiging, schooljaar: str) -> HttpResponse:
    return redirect("aanbod:schoolgids", vestiging.vestigingscode, schooljaar)
