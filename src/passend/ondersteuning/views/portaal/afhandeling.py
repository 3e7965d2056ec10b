"""What every portal page does around its one selector or service call: who acts (parents
and the pupil only), the one access-log record when no service or selector wrote one, a plan
that is no longer open, and service errors shown on the form.
"""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from passend.accounts.actor import Actor
from passend.accounts.rules import PRIVEROLLEN, Rolsoort
from passend.core.forms import fouten_naar_formulier as fouten_naar_formulier
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Ontwikkelingsperspectief

OBJECT_TYPE = "ontwikkelingsperspectief"


def vastleggen(
    *,
    actor: Actor,
    sleutel: UUID,
    opp: Ontwikkelingsperspectief | None,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    """The one access-log record of a request in which no service wrote one."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[opp.leerling.sleutel] if opp is not None else [],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def alleen_ouders_en_leerling(
    request: HttpRequest, actor: Actor, sleutel: UUID, route: str
) -> None:
    """The portal is for parents and the pupil; school and SWV staff have their own pages."""
    if actor.rolsoort in PRIVEROLLEN:
        return
    vastleggen(
        actor=actor,
        sleutel=sleutel,
        opp=None,
        actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
        toegestaan=False,
        reden="het portaal is alleen voor ouders en de leerling",
        route=route,
    )
    raise PermissionDenied("Deze pagina is alleen voor ouders en de leerling.")


def plan_is_dicht(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief
) -> HttpResponse:
    if actor.rolsoort == Rolsoort.LEERLING:
        melding = (
            "Je plan is al klaar. Je kunt hier nu niets meer invullen. Wil je toch iets zeggen? "
            "Praat dan met je mentor of intern begeleider."
        )
    else:
        melding = (
            "Dit plan is al definitief. U kunt hier nu niets meer veranderen. Wilt u toch iets "
            "zeggen over het plan? Neem dan contact op met de school."
        )
    messages.error(request, melding)
    return redirect("ondersteuning:portaal", sleutel=opp.sleutel)


def gesloten_post(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief, route: str
) -> HttpResponse:
    """A POST on a plan that is no longer a concept: nothing is saved, one record."""
    vastleggen(
        actor=actor,
        sleutel=opp.sleutel,
        opp=opp,
        actie=Actie.WIJZIGEN,
        toegestaan=False,
        reden="het plan is niet meer in concept; formulier gesloten",
        route=route,
    )
    return plan_is_dicht(request, actor, opp)
