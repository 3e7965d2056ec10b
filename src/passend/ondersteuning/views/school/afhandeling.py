"""What every school page does around its one selector or service call: who acts, the one
access-log record when no service or selector wrote it, a version whose status does not allow
the POST, and service errors shown on the form.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from passend.accounts.actor import Actor
from passend.core.forms import fouten_naar_formulier as fouten_naar_formulier
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief

OBJECT_TYPE = "ontwikkelingsperspectief"
#: The same parts ``opp_voor_actor`` prefetches, for a page shown again after a POST.
ALLE_ONDERDELEN = (
    "factoren",
    "doelen",
    "overleggen",
    "evaluaties",
    Prefetch("instemmingen", queryset=Instemming.objects.select_related("door", "vastgelegd_door")),
    Prefetch("leerlingstemmen", queryset=Leerlingstem.objects.select_related("reactie_door")),
)


def vastleggen(
    *,
    actor: Actor,
    opp: Ontwikkelingsperspectief,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    """The one access-log record of a request in which no service or selector wrote one."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(opp.sleutel),
        leerling_sleutels=[opp.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def opnieuw_getoond(actor: Actor, opp: Ontwikkelingsperspectief, route: str, wat: str) -> None:
    """Nothing was saved and the page is shown again with data: one read record."""
    vastleggen(
        actor=actor,
        opp=opp,
        actie=Actie.LEZEN,
        toegestaan=True,
        reden=f"{wat} niet opgeslagen; formulier opnieuw getoond",
        route=route,
    )


def gesloten(
    request: HttpRequest, actor: Actor, opp: Ontwikkelingsperspectief, route: str, melding: str
) -> HttpResponse:
    """A POST that this version's status does not allow: nothing saved, one record."""
    vastleggen(
        actor=actor,
        opp=opp,
        actie=Actie.WIJZIGEN,
        toegestaan=False,
        reden=f"niet mogelijk bij status '{opp.get_status_display().lower()}'; niets opgeslagen",
        route=route,
    )
    messages.error(request, melding)
    return redirect("ondersteuning:detail", sleutel=opp.sleutel)


BEVROREN = "Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een herziening."
