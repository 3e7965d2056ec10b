"""API machinery shared by every app: errors as machine-readable bodies."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from passend.core.toegangslog import ToegangslogNietBeschikbaar


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
    if response is not None and isinstance(response.data, dict) and "code" not in response.data:
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
