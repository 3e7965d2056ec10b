"""The plan in plain words: B1 for parents, child-friendly for the pupil."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passend.accounts.actor import actor_of_403
from passend.accounts.rules import Rolsoort
from passend.ondersteuning.rules import Besluit, FactorSoort, Status
from passend.ondersteuning.selectors import laatste_instemming, opp_voor_actor
from passend.ondersteuning.views.portaal.afhandeling import alleen_ouders_en_leerling
from passend.ondersteuning.views.portaal.beslissen import mag_beslissen, waarom_niet_beslissen


@login_required
def bekijken(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The plan in plain words: B1 for parents, child-friendly for the pupil."""
    route = "ondersteuning:portaal"
    actor = actor_of_403(request)
    alleen_ouders_en_leerling(request, actor, sleutel, route)
    opp = opp_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="bekijken",
        doel="plan bekijken in het portaal",
        route=route,
    )
    factoren = list(opp.factoren.all())
    instemmingen = sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk))
    laatste = laatste_instemming(opp)
    mag = mag_beslissen(actor, opp)
    is_concept = opp.status == Status.CONCEPT
    context = {
        "opp": opp,
        "leerling": opp.leerling,
        "naam": opp.leerling.roepnaam or opp.leerling.voornamen,
        "is_concept": is_concept,
        "moeilijk": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "helpt": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "doelen": list(opp.doelen.all()),
        "overleggen": list(opp.overleggen.all()),
        "stemmen": list(opp.leerlingstemmen.all()),
        "instemmingen": instemmingen,
        "laatste_instemming": laatste,
        "niet_ingestemd": laatste is not None and laatste.besluit == Besluit.GEWEIGERD,
        "mag_beslissen": mag,
        "waarom_niet_beslissen": "" if mag else waarom_niet_beslissen(actor, opp),
    }
    sjabloon = (
        "ondersteuning/portaal/leerling.html"
        if actor.rolsoort == Rolsoort.LEERLING
        else "ondersteuning/portaal/ouder.html"
    )
    return render(request, sjabloon, context)
