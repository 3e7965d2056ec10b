"""Counts of disagreements for the monitor: numbers only, never contents."""

from datetime import date
from typing import Any

from django.db.models import Count

from passend.geschillen.models import Onenigheid
from passend.geschillen.rules import Onderwerp, Status


def aantallen(*, samenwerkingsverband: Any, van: date, tot: date) -> dict[str, Any]:
    """Disagreements started in [van, tot] in the SWV: the total and counts per subject and
    per status (every choice present, zero included). One query."""
    rijen = (
        Onenigheid.objects.filter(
            samenwerkingsverband=samenwerkingsverband, gestart_op__gte=van, gestart_op__lte=tot
        )
        .values("onderwerp", "status")
        .annotate(aantal=Count("id"))
        .order_by()
    )
    per_onderwerp = dict.fromkeys(Onderwerp.values, 0)
    per_status = dict.fromkeys(Status.values, 0)
    totaal = 0
    for rij in rijen:
        per_onderwerp[rij["onderwerp"]] += rij["aantal"]
        per_status[rij["status"]] += rij["aantal"]
        totaal += rij["aantal"]
    return {"totaal": totaal, "per_onderwerp": per_onderwerp, "per_status": per_status}
