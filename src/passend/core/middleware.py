"""Fail closed: when the access log cannot be written, answer 503 and show no data."""

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from passend.core.toegangslog import ToegangslogNietBeschikbaar

logger = logging.getLogger(__name__)


class ToegangslogFailClosedMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ToegangslogNietBeschikbaar):
            return None
        logger.error("Toegangslog niet beschikbaar; niets getoond: %s", exception)
        response = TemplateResponse(request, "core/toegangslog_niet_beschikbaar.html", status=503)
        return response.render()
