"""Figures of the steunpunt for the regional monitor (later): contacts per theme.

Raw counts: a monitor that shows them outside the SWV must suppress cells below
``settings.PASSEND["KLEINE_CEL_GRENS"]`` itself.
"""

from datetime import date

from django.db.models import Count

from passend.organisaties.models import Samenwerkingsverband
from passend.steunpunt.models import Contactthema
from passend.steunpunt.rules import Thema


def aantallen(
    *, samenwerkingsverband: Samenwerkingsverband, van: date, tot: date
) -> dict[str, int]:
    """Contacts per theme (every theme, 0 included) in [van, tot]; one query."""
    rijen = {
        rij["thema"]: rij["aantal"]
        for rij in Contactthema.objects.filter(
            contact__samenwerkingsverband=samenwerkingsverband,
            contact__datum__gte=van,
            contact__datum__lte=tot,
        )
        .order_by()
        .values("thema")
        .annotate(aantal=Count("contact_id"))
    }
    return {thema: rijen.get(thema, 0) for thema in Thema.values}
