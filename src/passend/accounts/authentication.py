"""API authentication for koppelingen: ``Authorization: Token <token>``."""

from typing import Any

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from passend.accounts.selectors import koppeling_bij_token


class KoppelingTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header.")
        token = header[1].decode(errors="ignore")
        koppeling = koppeling_bij_token(token=token, peildatum=timezone.localdate())
        if koppeling is None:
            raise exceptions.AuthenticationFailed("Onbekend of ingetrokken token.")
        return koppeling.rol.gebruiker, koppeling

    def authenticate_header(self, request: Any) -> str:
        return self.keyword


class KoppelingTokenScheme(OpenApiAuthenticationExtension):
    target_class = "passend.accounts.authentication.KoppelingTokenAuthentication"
    name = "koppelingToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token van een koppeling: `Token <token>`.",
        }
