"""Lockout against password guessing (django-axes), per account."""

from typing import Any

from django.http import HttpRequest


def gebruikersnaam_voor_blokkade(
    request: HttpRequest, credentials: dict[str, Any] | None
) -> str | None:
    """The account a log-in attempt is for: from the credentials passed to authenticate(),
    or from the two-step log-in form (field ``auth-username``)."""
    naam = (credentials or {}).get("username")
    if not naam and request is not None:
        naam = request.POST.get("auth-username") or request.POST.get("username")
    return str(naam).strip().lower() if naam else None
