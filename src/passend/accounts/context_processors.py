from typing import Any

from django.http import HttpRequest

from passend.accounts.actor import actor_van_request, rollen_van_request


def actor(request: HttpRequest) -> dict[str, Any]:
    huidige = actor_van_request(request)
    return {
        "actor": huidige,
        "mijn_rollen": rollen_van_request(request),
    }
