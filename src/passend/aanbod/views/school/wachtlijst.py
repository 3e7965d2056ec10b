"""The waiting list of an sbo/so/vso location: its history for everyone who reads the
offer, a form for a new figure for the school."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from passend.aanbod.forms import WachtlijstForm
from passend.aanbod.permissions import beleid
from passend.aanbod.rules import wachtlijst_past_bij_soort
from passend.aanbod.selectors.school import vestiging_voor_inzien, wachtlijst_historie
from passend.aanbod.services.wachtlijst import wachtlijststand_vastleggen
from passend.aanbod.views.school.basis import (
    PAGINA_GROOTTE,
    rol_actor,
    schrijfbaar,
    te_beschrijven,
    toon_pagina,
)
from passend.core.forms import fouten_naar_formulier


@login_required
def wachtlijst(request: HttpRequest, vestigingscode: str) -> HttpResponse:
    """The history of the waiting list and, for the school, a form for a new figure."""
    if request.method == "POST":
        actor, locatie = schrijfbaar(
            request, "aanbod_beschrijven", "wachtlijst_bijhouden", vestigingscode, None
        )
    else:
        actor = rol_actor(request, "aanbod_inzien")
        locatie = vestiging_voor_inzien(actor=actor, vestigingscode=vestigingscode)
        if not wachtlijst_past_bij_soort(locatie.soort):
            raise Http404("Alleen sbo, so en vso houden een wachtlijst bij.")
    mag_bijhouden = beleid.mag(actor, "wachtlijst_bijhouden", locatie)
    form = WachtlijstForm(request.POST or None, initial={"peildatum": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            wachtlijststand_vastleggen(actor=actor, vestiging=locatie, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, "De telling van de wachtlijst is vastgelegd.")
            return redirect("aanbod:wachtlijst-bijhouden", locatie.vestigingscode)
    pagina = Paginator(wachtlijst_historie(vestiging=locatie), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    return toon_pagina(
        request,
        actor,
        "aanbod/school/wachtlijst.html",
        {
            "vestiging": locatie,
            "pagina": pagina,
            "form": form if mag_bijhouden else None,
            "schooljaar": te_beschrijven()[0],
        },
    )
