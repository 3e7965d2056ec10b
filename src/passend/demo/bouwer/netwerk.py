"""Two dekkend netwerk analyses of the demo's PO region, so the comparison page has content:

- "Huidige situatie": demand and supply on the demo's peildatum;
- a what-if that answers the question the first one raises: the special-education area
  with the most pupils who cannot be placed (in the demo: so places for
  gedrag-sociaal-emotioneel, see ``bouwer.monitor.SPECIAAL_AANBOD``) gets that many places
  more at the location that offers most of them. Without such a gap, the what-if closes the
  special location whose places are used most.

They run through the monitor's own service, at once (not in a background thread: the
demo command ends right after), as the PO SWV's directeur; the job writes its access-log
record like any other run.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.test import override_settings

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.demo.bouwer.regio import PEILDATUM, SWV_PO
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.netwerk.model import SPECIAAL
from passend.monitor.selectors.netwerk import gebieden_en_namen
from passend.monitor.services.netwerk import analyse_starten

ROUTE = "demo"
BASISNAAM = "Huidige situatie"


def wat_als_van(resultaat: dict[str, Any]) -> tuple[str, list[dict[str, Any]]] | None:
    """The demo's what-if on an analysis's result: (name, changes), or None without any
    special location."""
    tekort: dict[tuple[str, str], int] = {}
    for rij in resultaat.get("niet_geplaatst", []):
        if rij["niveau"] in SPECIAAL:
            sleutel = (rij["niveau"], rij["gebied"])
            tekort[sleutel] = tekort.get(sleutel, 0) + rij["aantal"]
    locaties = [loc for loc in resultaat.get("locaties", []) if loc["soort"] not in {"bao", "vo"}]
    if tekort:
        (niveau, gebied), aantal = max(tekort.items(), key=lambda t: (t[1], t[0]))
        aanbieders = [
            (plaats["capaciteit"], loc["id"], loc["naam"])
            for loc in locaties
            for plaats in loc["plaatsen"]
            if plaats["niveau"] == niveau and plaats["gebied"] == gebied
        ]
        if aanbieders:
            capaciteit, code, naam = max(aanbieders)
            gebiedsnaam = gebieden_en_namen().get(gebied, gebied).lower()
            return (
                f"Wat als {naam} {aantal} plaatsen {niveau} voor {gebiedsnaam} erbij krijgt",
                [
                    {
                        "soort": "capaciteit",
                        "vestiging": code,
                        "niveau": niveau,
                        "gebied": gebied,
                        "capaciteit": capaciteit + aantal,
                    }
                ],
            )
    if not locaties:
        return None
    drukste = max(locaties, key=lambda loc: (loc["gebruikt"], loc["id"]))
    return f"Wat als {drukste['naam']} sluit", [{"soort": "sluiten", "vestiging": drukste["id"]}]


def demo_netwerkanalyses_opslaan(meld: Callable[[str], None]) -> dict[str, Any]:
    rol = (
        Rol.objects.select_related("gebruiker", "samenwerkingsverband")
        .filter(rolsoort=Rolsoort.DIRECTEUR, samenwerkingsverband__code=SWV_PO.code)
        .first()
    )
    if rol is None:
        return {}
    actor = Actor(gebruiker=rol.gebruiker, rol=rol)
    analyses: list[Netwerkanalyse] = []
    with override_settings(PASSEND={**settings.PASSEND, "DEKKEND_NETWERK_ACHTERGROND": False}):
        basis = analyse_starten(
            actor=actor,
            naam=BASISNAAM,
            wijzigingen=[],
            basis=None,
            route=ROUTE,
            peildatum=PEILDATUM,
        )
        basis.refresh_from_db()
        analyses.append(basis)
        wat_als = (
            wat_als_van(basis.resultaat or {}) if basis.status == Analysestatus.KLAAR else None
        )
        if wat_als is not None:
            naam, wijzigingen = wat_als
            analyse = analyse_starten(
                actor=actor, naam=naam, wijzigingen=wijzigingen, basis=basis, route=ROUTE
            )
            analyse.refresh_from_db()
            analyses.append(analyse)
    for analyse in analyses:
        resultaat = analyse.resultaat or {}
        meld(
            f"Netwerkanalyse '{analyse.naam}': {analyse.get_status_display().lower()}, "
            f"{resultaat.get('aantal_geplaatst', 0)} van {resultaat.get('aantal_vraag', 0)} "
            "leerlingen geplaatst."
        )
    return {"netwerkanalyses": len(analyses)}
