"""The SWV's disagreement route: everyone of the SWV reads it; the directeur and the
functioneel beheerder take the default over and change its texts. No pupil data."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from passend.accounts.actor import actor_of_403
from passend.core.forms import fouten_naar_formulier
from passend.geschillen import forms, services
from passend.geschillen.models import Routestap
from passend.geschillen.permissions import beleid
from passend.geschillen.selectors import eigen_route, standaardroute
from passend.geschillen.services import Conflict


@login_required
@require_http_methods(["GET", "POST"])
def route(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    swv_id = actor.rol.samenwerkingsverband_id
    if swv_id is None:
        raise PermissionDenied("Alleen medewerkers van een samenwerkingsverband zien deze route.")
    mag_beheren = beleid.mag(actor, "rol:route_beheren")
    if request.method == "POST" and not mag_beheren:
        raise PermissionDenied("Alleen de directeur of de functioneel beheerder wijzigt de route.")
    bewerk: forms.RoutestapForm | None = None
    if request.method == "POST":
        if "overnemen" in request.POST:
            try:
                services.route_overnemen(actor=actor)
            except Conflict as fout:
                messages.error(request, fout.melding)
            else:
                messages.success(
                    request, "De standaardroute is nu de route van uw samenwerkingsverband."
                )
            return redirect("geschillen:route")
        stap_pk = request.POST.get("routestap", "")
        bewerk = forms.RoutestapForm(request.POST, prefix=f"stap{stap_pk}")
        if bewerk.is_valid():
            # isdecimal() alone accepts other scripts' digits ("٣"); isascii() keeps int() safe.
            geldig = stap_pk.isascii() and stap_pk.isdecimal() and len(stap_pk) < 19
            rij = eigen_route(swv_id).filter(pk=int(stap_pk)).first() if geldig else None
            if rij is None:
                bewerk.add_error(
                    None, "Deze stap hoort niet bij de route van uw samenwerkingsverband."
                )
            else:
                try:
                    services.routestap_wijzigen(actor=actor, routestap=rij, **bewerk.cleaned_data)
                except Conflict as fout:
                    # What was typed stays; the hidden revisie moves on, so the next save
                    # (after reading the new texts above) goes through.
                    gegevens = request.POST.copy()
                    gegevens[f"stap{stap_pk}-revisie"] = str(
                        eigen_route(swv_id).get(pk=rij.pk).revisie
                    )
                    bewerk = forms.RoutestapForm(gegevens, prefix=f"stap{stap_pk}")
                    bewerk.is_valid()
                    bewerk.add_error(None, fout.melding)
                except ValidationError as fout:
                    fouten_naar_formulier(bewerk, fout)
                else:
                    messages.success(request, f"De stap '{rij.naam}' is gewijzigd.")
                    return redirect("geschillen:route")
    eigen = list(eigen_route(swv_id))
    stappen: list[Routestap] = eigen or standaardroute()
    formulieren: list[tuple[Routestap, forms.RoutestapForm | None]] = []
    getoond = False
    for stap in stappen:
        if bewerk is not None and request.POST.get("routestap") == str(stap.pk):
            formulieren.append((stap, bewerk))
            getoond = True
        elif eigen and mag_beheren:
            formulieren.append(
                (
                    stap,
                    forms.RoutestapForm(
                        initial={
                            "revisie": stap.revisie,
                            "naam": stap.naam,
                            "uitleg": stap.uitleg,
                            "wie": stap.wie,
                            "termijn": stap.termijn,
                        },
                        prefix=f"stap{stap.pk}",
                    ),
                )
            )
        else:
            formulieren.append((stap, None))
    return render(
        request,
        "geschillen/route.html",
        {
            "stappen": formulieren,
            "eigen": bool(eigen),
            "mag_beheren": mag_beheren,
            "fout": bewerk is not None and bool(bewerk.errors),
            # Errors of a form whose step is not on the page (an unknown step number).
            "losse_fouten": (
                list(bewerk.non_field_errors()) if bewerk is not None and not getoond else []
            ),
        },
    )
