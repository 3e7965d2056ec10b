"""Being written (placeholder until the pages exist)."""

from django.http import Http404, HttpRequest, HttpResponse


def beeindigen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def bewerken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def detail(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def doel_toevoegen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def evaluatie(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def factor_toevoegen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def herzien(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def instemming_op_papier(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def mening_samen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def onderdeel_verwijderen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def overleg_vastleggen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def overzicht(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def reactie(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def starten(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def vaststellen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
