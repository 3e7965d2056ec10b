"""Being written (placeholder until the pages exist)."""

from django.http import Http404, HttpRequest, HttpResponse


def bekijken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def instemmen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def mening(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def zienswijze(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
