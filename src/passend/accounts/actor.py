"""Who is acting in a request: a person in one of their roles, or a koppeling."""

from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from passend.accounts.models import Gebruiker, Koppeling, Rol
from passend.accounts.selectors import actieve_rollen

SESSIE_ROL = "passend_actieve_rol"
CACHE_ACTOR = "_passend_actor"
CACHE_ROLLEN = "_passend_rollen"


@dataclass(frozen=True)
class Actor:
    gebruiker: Gebruiker
    rol: Rol
    koppeling: Koppeling | None = None

    @property
    def rolsoort(self) -> str:
        return self.rol.rolsoort

    @property
    def rol_label(self) -> str:
        return self.rol.get_rolsoort_display()

    @property
    def organisatie_label(self) -> str:
        return self.rol.organisatie_label

    @property
    def organisatie_sleutel(self) -> str:
        return self.rol.organisatie_sleutel

    @property
    def koppeling_naam(self) -> str:
        return self.koppeling.naam if self.koppeling else ""


def actor_van_request(request: Any) -> Actor | None:
    """The actor of a Django or DRF request (cached on the request)."""
    auth = getattr(request, "auth", None)
    if isinstance(auth, Koppeling):
        return Actor(gebruiker=auth.rol.gebruiker, rol=auth.rol, koppeling=auth)
    django_request: HttpRequest = getattr(request, "_request", request)
    cache = vars(django_request)  # per request: resolved once
    if CACHE_ACTOR in cache:
        return cast(Actor | None, cache[CACHE_ACTOR])
    actor = None
    rollen: list[Rol] = []
    user = getattr(django_request, "user", None)
    if user is not None and user.is_authenticated:
        rollen = list(actieve_rollen(gebruiker=user, peildatum=timezone.localdate()))
        if rollen:
            gekozen = django_request.session.get(SESSIE_ROL)
            rol = next((r for r in rollen if r.pk == gekozen), rollen[0])
            actor = Actor(gebruiker=user, rol=rol)
    cache[CACHE_ROLLEN] = rollen
    cache[CACHE_ACTOR] = actor
    return actor


def rollen_van_request(request: HttpRequest) -> list[Rol]:
    """The person's current roles (to choose from), resolved with the actor."""
    actor_van_request(request)
    return cast(list[Rol], vars(request).get(CACHE_ROLLEN, []))


def actor_of_403(request: HttpRequest) -> Actor:
    """The actor of a page request; a person without a current role gets a 403."""
    actor = actor_van_request(request)
    if actor is None:
        raise PermissionDenied
    return actor
