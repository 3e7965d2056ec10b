"""Pages of accounts: the start page per role ("mijn werk"), choosing a role, logging out."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from passend.accounts.actor import SESSIE_ROL, actor_van_request, rollen_van_request
from passend.accounts.startpagina import startpagina_voor


@login_required
def mijn_werk(request: HttpRequest) -> HttpResponse:
    actor = actor_van_request(request)
    if actor is None:
        return render(request, "accounts/geen_rol.html", status=403)
    context = startpagina_voor(actor=actor, route="accounts:mijn-werk")
    return render(request, f"accounts/start/{context['sjabloon']}.html", context)


@login_required
@require_POST
def rol_kiezen(request: HttpRequest) -> HttpResponse:
    rollen = {str(rol.pk): rol for rol in rollen_van_request(request)}
    gekozen = rollen.get(request.POST.get("rol", ""))
    if gekozen is None:
        messages.error(request, "Deze rol hoort niet bij u of is niet meer geldig.")
    else:
        request.session[SESSIE_ROL] = gekozen.pk
        messages.success(request, f"U werkt nu als {gekozen}.")
    return redirect("accounts:mijn-werk")


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "U bent uitgelogd.")
    return redirect("two_factor:login")
