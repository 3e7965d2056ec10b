"""Two-factor authentication for everybody who logs in."""

from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device


#: Paths a logged-in but not yet verified person may reach.
VRIJ_ZONDER_TWEEDE_FACTOR = ("/account/", "/static/", "/healthz", "/api/")


class TweeFactorVerplichtMiddleware:
    """Everybody logs in with a second factor (TOTP). Without one, set it up first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[union-attr]
            and not request.path.startswith(VRIJ_ZONDER_TWEEDE_FACTOR)
        ):
            if user_has_device(user):
                logout(request)
                return HttpResponseRedirect(reverse("two_factor:login") + f"?next={request.path}")
            return HttpResponseRedirect(reverse("two_factor:setup"))
        return self.get_response(request)
