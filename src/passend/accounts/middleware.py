"""Two-factor authentication for everybody who logs in."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

#: Routes a logged-in but not yet verified person may reach: the two-factor log-in and
#: set-up pages, logging out, health, and the API (which checks verification itself).
VRIJE_NAMESPACES = frozenset({"two_factor", "api"})
VRIJE_ROUTES = frozenset({"accounts:uitloggen", "healthz", "api-schema", "api-docs"})


def _vrij_zonder_tweede_factor(request: HttpRequest) -> bool:
    if request.path_info.startswith(settings.STATIC_URL):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return True  # a 404 page shows nothing
    return bool(set(match.namespaces) & VRIJE_NAMESPACES) or match.view_name in VRIJE_ROUTES


#: Session key set by an external log-in with its own second factor (the seam for DigiD and
#: eHerkenning via OIDC, docs/adr/0004-inloggen.md). Nothing in Passend sets it yet.
SESSIE_STERK_INGELOGD = "passend_sterk_ingelogd"


def is_geverifieerd(request: HttpRequest) -> bool:
    """Has this person passed a second factor: our TOTP, or an external strong log-in?"""
    if getattr(request.user, "is_verified", lambda: False)():
        return True
    return bool(request.session.get(SESSIE_STERK_INGELOGD))


class TweeFactorVerplichtMiddleware:
    """Everybody logs in with a second factor (TOTP). Without one, set it up first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not is_geverifieerd(request)
            and not _vrij_zonder_tweede_factor(request)
        ):
            if user_has_device(user):
                logout(request)
                return HttpResponseRedirect(reverse("two_factor:login") + f"?next={request.path}")
            return HttpResponseRedirect(reverse("two_factor:setup"))
        return self.get_response(request)
