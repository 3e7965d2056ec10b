"""What the start page ("mijn werk") shows about the steunpunt, in a few counting queries.
Counts only: no pupil data, so no access-log record."""

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.core.kalender import schooljaar_grenzen, schooljaar_van
from passend.steunpunt.models import Contact, Toestemming
from passend.steunpunt.permissions import beleid

R = Rolsoort


def _item(aantal: int, enkel: str, meer: str, url: str) -> dict[str, Any]:
    return {
        "tekst": (enkel if aantal == 1 else meer).format(n=aantal),
        "aantal": aantal,
        "url": url,
    }


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """Items like {"tekst": "4 contacten deze maand", "aantal": 4, "url": ...}."""
    items: list[dict[str, Any]] = []
    if beleid.mag(actor, "rol:contacten"):
        swv = actor.rol.samenwerkingsverband_id
        maand = Contact.objects.filter(
            samenwerkingsverband_id=swv,
            datum__gte=peildatum.replace(day=1),
            datum__lte=peildatum,
        ).count()
        items.append(
            _item(
                maand,
                "{n} contact vastgelegd deze maand",
                "{n} contacten vastgelegd deze maand",
                reverse("steunpunt:contacten"),
            )
        )
        nieuw = Toestemming.objects.filter(
            samenwerkingsverband_id=swv,
            ingetrokken_op__isnull=True,
            gegeven_op__gte=peildatum - timedelta(days=30),
        ).count()
        if nieuw:
            items.append(
                _item(
                    nieuw,
                    "{n} ouder gaf de afgelopen 30 dagen toestemming",
                    "{n} ouders gaven de afgelopen 30 dagen toestemming",
                    reverse("steunpunt:contact-nieuw"),
                )
            )
    if actor.rolsoort == R.DIRECTEUR and beleid.mag(actor, "rol:signalen"):
        van, tot = schooljaar_grenzen(schooljaar_van(peildatum))
        signalen = (
            Contact.objects.filter(
                samenwerkingsverband_id=actor.rol.samenwerkingsverband_id,
                datum__gte=van,
                datum__lte=tot,
            )
            .exclude(signaal="")
            .count()
        )
        items.append(
            _item(
                signalen,
                "{n} signaal van ouders en jongeren dit schooljaar (steunpunt)",
                "{n} signalen van ouders en jongeren dit schooljaar (steunpunt)",
                reverse("steunpunt:signalen"),
            )
        )
    return items
