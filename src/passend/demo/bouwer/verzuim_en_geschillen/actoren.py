"""The demo log-ins that do the work of verzuim, disagreements, Veilig Thuis and the steunpunt,
and the pupils they work with (synthetic, from the demo region)."""

from datetime import date

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Gebruiker, Rol
from passend.core.perioden import actief_op
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap

ROUTE = "demo"


def actor(gebruikersnaam: str, rolsoort: str) -> Actor | None:
    """The demo person in this role (None when the demo has no such log-in)."""
    rol = (
        Rol.objects.filter(gebruiker__username=gebruikersnaam, rolsoort=rolsoort)
        .filter(actief_op(timezone.localdate()))
        .select_related("gebruiker", "school", "samenwerkingsverband", "gemeente")
        .first()
    )
    return Actor(gebruiker=rol.gebruiker, rol=rol) if rol else None


def gebruiker(gebruikersnaam: str) -> Gebruiker | None:
    return Gebruiker.objects.filter(username=gebruikersnaam).first()


def ingeschreven(
    *, vandaag: date, school_id: int | None = None, swv_id: int | None = None
) -> QuerySet[Leerling]:
    """Pupils enrolled today at this school or at a location of this SWV, with a parent
    with gezag, without a log-in of their own, in a fixed order."""
    inschrijving = Inschrijving.objects.filter(leerling=OuterRef("pk")).filter(actief_op(vandaag))
    if school_id is not None:
        inschrijving = inschrijving.filter(vestiging__school_id=school_id)
    if swv_id is not None:
        inschrijving = inschrijving.filter(
            vestiging__lidmaatschappen__samenwerkingsverband_id=swv_id,
            vestiging__lidmaatschappen__tot__isnull=True,
        )
    met_gezag = Exists(Ouderschap.objects.filter(leerling=OuterRef("pk"), gezag=True))
    return (
        Leerling.objects.filter(Exists(inschrijving), met_gezag, gebruiker__isnull=True)
        .select_related("woongemeente")
        .order_by("achternaam", "voornamen", "id")
    )
