"""What the start page ("mijn werk") shows about verzuim cases: counts and links, no pupil
names, in at most two queries."""

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, DateField, ExpressionWrapper, F, Q
from django.urls import reverse

from passend.verzuim.models import Actiepunt, Verzuimmelding
from passend.verzuim.permissions import SCHOOL, SWV_WERKERS, beleid, melding_zichtbaarheid
from passend.verzuim.rules import ONDERWIJSCONSULENT_NA_DAGEN, Partnersoort, Verzuimsoort


def _tekst(aantal: int, enkelvoud: str, meervoud: str) -> str:
    return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """The start-page items of who works in verzuim cases (empty: nothing to do)."""
    if actor is None or not beleid.mag(actor, "rol:bewerken"):
        return []
    na_weken = int(settings.PASSEND["VERZUIM_DOORBRAAK_NA_WEKEN"])
    grens = ExpressionWrapper(F("sinds") + timedelta(weeks=na_weken), output_field=DateField())
    lopend = Q(einde__isnull=True, sinds__lte=peildatum) & ~Q(soort=Verzuimsoort.VRIJSTELLING_5A)
    aantallen = (
        Verzuimmelding.objects.filter(melding_zichtbaarheid(actor))
        .filter(lopend)
        .aggregate(
            doorbraak=Count(
                "pk",
                filter=Q(sinds__lte=peildatum - timedelta(weeks=na_weken))
                & (Q(aanbod_op__isnull=True) | Q(aanbod_op__gt=grens))
                & (Q(doorbraakplan__isnull=True) | Q(doorbraakplan__vastgesteld_op__isnull=True)),
            ),
            consulent=Count(
                "pk",
                filter=Q(
                    sinds__lte=peildatum - timedelta(days=ONDERWIJSCONSULENT_NA_DAGEN),
                    onderwijsconsulent_op__isnull=True,
                    aanbod_op__isnull=True,
                ),
            ),
        )
    )
    eigen = Q(eigenaar__gebruiker_id=actor.gebruiker.pk)
    if actor.rolsoort in SCHOOL:
        eigen |= Q(eigenaar__soort=Partnersoort.SCHOOL)
    elif actor.rolsoort in SWV_WERKERS:
        eigen |= Q(eigenaar__soort=Partnersoort.SAMENWERKINGSVERBAND)
    te_laat = (
        Actiepunt.objects.filter(
            melding__in=Verzuimmelding.objects.filter(melding_zichtbaarheid(actor)).filter(
                einde__isnull=True
            ),
            afgerond_op__isnull=True,
            deadline__lt=peildatum,
        )
        .filter(eigen)
        .count()
    )
    overzicht = reverse("verzuim:overzicht")
    items: list[dict[str, Any]] = []
    if aantallen["doorbraak"]:
        n = aantallen["doorbraak"]
        items.append(
            {
                "tekst": _tekst(n, "verzuimmelding vraagt", "verzuimmeldingen vragen")
                + " om een doorbraakplan",
                "aantal": n,
                "url": f"{overzicht}?status=open",
            }
        )
    if te_laat:
        items.append(
            {
                "tekst": _tekst(te_laat, "actie", "acties")
                + " in verzuimmeldingen over de deadline",
                "aantal": te_laat,
                "url": f"{overzicht}?status=open",
            }
        )
    if aantallen["consulent"]:
        n = aantallen["consulent"]
        items.append(
            {
                "tekst": _tekst(n, "kind zit", "kinderen zitten")
                + " langer dan 4 weken thuis zonder onderwijsconsulent",
                "aantal": n,
                "url": f"{overzicht}?status=open&thuiszitters=1",
            }
        )
    return items
