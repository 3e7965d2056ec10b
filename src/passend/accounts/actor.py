"""Who is acting in a request: a person in one of their roles, or a koppeling."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from passend.accounts.models import Gebruiker, Koppeling, Rol
from passend.accounts.selectors import actieve_rollen

SESSIE_ROL = "passend_actieve_rol"


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
    if hasattr(django_request, "_passend_actor"):
        return django_request._passend_actor  # type: ignore[no-any-return]
    actor = None
    user = getattr(django_request, "user", None)
    if user is not None and user.is_authenticated:
        rollen = list(actieve_rollen(gebruiker=user, peildatum=timezone.localdate()))
        if rollen:
            gekozen = django_request.session.get(SESSIE_ROL)
            rol = next((r for r in rollen if r.pk == gekozen), rollen[0])
            actor = Actor(gebruiker=user, rol=rol)
        django_request._passend_rollen = rollen  # type: ignore[attr-defined]
    django_request._passend_actor = actor  # type: ignore[attr-defined]
    return actor
