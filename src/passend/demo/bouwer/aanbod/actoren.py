"""Who writes the demo offer, waiting lists and sociale kaart: the demo's own log-ins, as
actors, so the services check their rights as for anyone."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.organisaties.models import Vestiging

#: The roles looked for, in order of preference where one organisation has several.
SCHOOL = (Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER)
IMPORT = (Rolsoort.FUNCTIONEEL_BEHEERDER, Rolsoort.DIRECTEUR)
KAART = (Rolsoort.LOKET, Rolsoort.FUNCTIONEEL_BEHEERDER, Rolsoort.DIRECTEUR)


def _voorkeur(rollen: Iterable[Rol], soorten: tuple[str, ...], sleutel: str) -> dict[int, Actor]:
    """Per organisation (``sleutel``: the role's organisation field) the actor of the role
    that comes first in ``soorten``."""
    gekozen: dict[int, Rol] = {}
    for rol in rollen:
        organisatie = getattr(rol, f"{sleutel}_id")
        if rol.rolsoort not in soorten or organisatie is None:
            continue
        huidig = gekozen.get(organisatie)
        if huidig is None or soorten.index(rol.rolsoort) < soorten.index(huidig.rolsoort):
            gekozen[organisatie] = rol
    return {org: Actor(gebruiker=rol.gebruiker, rol=rol) for org, rol in gekozen.items()}


@dataclass(frozen=True)
class Demoactoren:
    #: Per school: its schoolleider (publishes the offer).
    schoolleiders: dict[int, Actor]
    #: Per school: who describes the offer and keeps the waiting list (the intern
    #: begeleider, else the schoolleider).
    beschrijvers: dict[int, Actor]
    #: Per SWV: who imports the offer of its region (functioneel beheerder or directeur).
    importeurs: dict[int, Actor]
    #: Per SWV: who keeps its sociale kaart (the loket first).
    kaartbeheerders: dict[int, Actor]

    def uitgever(self, vestiging: Vestiging, swv_ids: Iterable[int]) -> Actor | None:
        """Who publishes this location's offer: its own schoolleider, else the SWV that
        keeps the offer of schools without a log-in of their own (the import route)."""
        if vestiging.school_id in self.schoolleiders:
            return self.schoolleiders[vestiging.school_id]
        return next((self.importeurs[i] for i in sorted(swv_ids) if i in self.importeurs), None)


def demoactoren_ophalen() -> Demoactoren:
    """The current roles of people (not of API koppelingen) that may write the offer."""
    rollen = list(
        Rol.objects.filter(rolsoort__in={*SCHOOL, *IMPORT, *KAART}, koppelingen__isnull=True)
        .filter(actief_op(timezone.localdate()))
        .select_related("gebruiker", "school", "samenwerkingsverband")
        .order_by("gebruiker__username", "pk")
    )
    return Demoactoren(
        schoolleiders=_voorkeur(rollen, (Rolsoort.SCHOOLLEIDER,), "school"),
        beschrijvers=_voorkeur(rollen, SCHOOL, "school"),
        importeurs=_voorkeur(rollen, IMPORT, "samenwerkingsverband"),
        kaartbeheerders=_voorkeur(rollen, KAART, "samenwerkingsverband"),
    )
