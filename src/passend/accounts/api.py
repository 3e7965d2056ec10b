"""API pieces of accounts: the base permission every API route starts from."""

from typing import Any

from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission

from passend.accounts.actor import Actor, actor_van_request
from passend.accounts.middleware import is_geverifieerd


class HeeftActor(BasePermission):
    """A koppeling token, or a verified log-in with an active role."""

    message = "Log in met een koppelingstoken of met tweestapsverificatie en een actieve rol."

    def has_permission(self, request: Any, view: Any) -> bool:
        actor = actor_van_request(request)
        if actor is None:
            return False
        if actor.koppeling is not None:
            return True
        return is_geverifieerd(getattr(request, "_request", request))


def api_actor(request: Any) -> Actor:
    """The actor of an API request; HeeftActor already refused anonymous ones."""
    actor = actor_van_request(request)
    if actor is None:
        raise NotAuthenticated()
    return actor
