"""The overview of running terms for the board (its schools) and the SWV (the locations of
its region): days left, extended and overdue first, and the right to tijdelijke plaatsing.
This overview is how a registration without a decision after 10 weeks reaches the SWV."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from passend.accounts.actor import actor_of_403
from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.zorgplicht.permissions import beleid
from passend.zorgplicht.selectors import (
    aanmeldingen_zichtbaar_voor,
    lopende_termijnen,
    met_signalen,
    termijntellingen,
)
from passend.zorgplicht.views.afhandeling import vastleggen

PAGINA_GROOTTE = 50


@login_required
def termijnen(request: HttpRequest) -> HttpResponse:
    route = "zorgplicht:termijnen"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "termijnen_bewaken",
        log_actie=Actie.ZOEKEN,
        object_type="aanmeldingen-termijnen",
        reden="alleen het schoolbestuur en het samenwerkingsverband bewaken de termijnen",
        route=route,
    )
    vandaag = timezone.localdate()
    pagina = Paginator(lopende_termijnen(actor=actor, vandaag=vandaag), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    rijen = met_signalen(list(pagina), vandaag=vandaag)
    vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        toegestaan=True,
        reden="lopende termijnen van aanmeldingen bekijken",
        route=route,
        leerling_sleutels=[rij["aanmelding"].leerling.sleutel for rij in rijen],
        object_type="aanmeldingen-termijnen",
    )
    return render(
        request,
        "zorgplicht/regio/termijnen.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "tellingen": termijntellingen(
                aanmeldingen_zichtbaar_voor(actor=actor), peildatum=vandaag
            ),
            "is_bestuur": actor.rolsoort == Rolsoort.BESTUURDER,
            "organisatie": actor.organisatie_label,
        },
    )
