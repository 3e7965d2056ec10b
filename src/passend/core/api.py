"""API machinery shared by every app: errors as machine-readable bodies."""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from passend.core.toegangslog import ToegangslogNietBeschikbaar


def als_api_fout(fout: DjangoValidationError) -> ValidationError:
    """A service's Django ValidationError as the API's 400 with messages per field."""
    return ValidationError(
        fout.message_dict if hasattr(fout, "error_dict") else {"niet_veldgebonden": fout.messages}
    )


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ToegangslogNietBeschikbaar):
        return Response(
            {
                "code": "toegangslog_niet_beschikbaar",
                "detail": "Het toegangslog kan nu niet worden geschreven; er worden geen "
                "gegevens getoond.",
            },
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(
            detail=exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    response = drf_exception_handler(exc, context)
    # A body of our own already has a string ``code``; a field error on a field named
    # ``code`` (a list of messages) still needs wrapping.
    if (
        response is not None
        and isinstance(response.data, dict)
        and not isinstance(response.data.get("code"), str)
    ):
        codes = getattr(exc, "get_codes", lambda: None)()
        response.data = {
            "code": codes
            if isinstance(codes, str)
            else "ongeldig"
            if response.status_code == 400
            else "fout",
            **(
                {"detail": response.data["detail"]}
                if "detail" in response.data
                else {"velden": response.data}
            ),
        }
    elif response is not None and isinstance(response.data, list):
        response.data = {"code": "ongeldig", "detail": response.data}
    return response


class StrikteLimitOffsetPaginering(LimitOffsetPagination):
    """Limit/offset paging that refuses bad values with a 400 instead of ignoring them."""

    max_limit = 500
    max_offset = 10_000_000

    def _getal(self, request: Any, naam: str, standaard: int | None) -> int | None:
        waarden = request.query_params.getlist(naam)
        if not waarden:
            return standaard
        if len(waarden) > 1:
            raise ValidationError({naam: [f"Geef '{naam}' maar één keer op."]})
        try:
            getal = int(waarden[0])
        except ValueError:
            raise ValidationError({naam: ["Geef een geheel getal op."]}) from None
        if getal < 0:
            raise ValidationError({naam: ["Geef een getal van 0 of meer op."]})
        return getal

    def get_limit(self, request: Any) -> int | None:
        limit = self._getal(request, self.limit_query_param, self.default_limit)
        if limit is None:
            return None
        if not 1 <= limit <= self.max_limit:
            raise ValidationError(
                {self.limit_query_param: [f"Geef een getal van 1 tot en met {self.max_limit} op."]}
            )
        return limit

    def get_offset(self, request: Any) -> int:
        offset = self._getal(request, self.offset_query_param, 0) or 0
        if offset > self.max_offset:
            # A huge offset would overflow the database's integer (an error, not a 400).
            raise ValidationError(
                {
                    self.offset_query_param: [
                        f"Geef een getal van 0 tot en met {self.max_offset} op."
                    ]
                }
            )
        return offset

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_limit})
            elif parameter["name"] == self.offset_query_param:
                parameter["schema"].update({"minimum": 0, "maximum": self.max_offset})
        return parameters


FOUT_SCHEMA = {
    "type": "object",
    "description": "Machineleesbare fout: een code, en een toelichting of fouten per veld.",
    "properties": {
        "code": {"type": "string", "example": "ongeldig"},
        "detail": {},
        "velden": {"type": "object", "additionalProperties": True},
    },
    "required": ["code"],
}

FOUTEN = {
    "400": "Ongeldige invoer; zie 'velden'",
    "401": "Niet ingelogd of ongeldig token",
    "403": "Geen recht op deze actie",
    "404": "Bestaat niet, of u mag het niet zien",
    "409": "Intussen door een ander gewijzigd",
    "503": "Toegangslog niet beschikbaar; niets getoond",
}


def foutantwoorden_toevoegen(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular hook: document the error answers every operation can give."""
    result.setdefault("components", {}).setdefault("schemas", {})["Fout"] = FOUT_SCHEMA
    for pad in result.get("paths", {}).values():
        for operatie in pad.values():
            antwoorden = operatie.setdefault("responses", {})
            for code, omschrijving in FOUTEN.items():
                antwoorden.setdefault(
                    code,
                    {
                        "description": omschrijving,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}
                        },
                    },
                )
    return result


def sleutel_of_404(waarde: str, melding: str) -> UUID:
    """A key from the URL; one that is not a UUID is a 404 like a hidden object."""
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound(melding) from None
