"""Being written (placeholder until the pages exist)."""

from django.http import Http404, HttpRequest, HttpResponse


def bron_export(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def pdf(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
