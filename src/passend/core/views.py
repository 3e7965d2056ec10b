"""Pages of the shared kernel: the root, health, and error pages."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET


def start(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:mijn-werk")
    return redirect("two_factor:login")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check; touches no pupil data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # any database failure means not healthy
        database = "fout"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "fout", "database": database}, status=status
    )


def geen_toegang(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/fout.html",
        {"titel": "Geen toegang", "tekst": "U mag deze pagina niet bekijken."},
        status=403,
    )


def niet_gevonden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/fout.html",
        {"titel": "Niet gevonden", "tekst": "Deze pagina bestaat niet, of u mag haar niet zien."},
        status=404,
    )


def serverfout(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/fout.html",
        {"titel": "Er ging iets mis", "tekst": "Probeer het later opnieuw."},
        status=500,
    )
