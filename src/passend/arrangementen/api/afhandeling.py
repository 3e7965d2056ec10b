"""What every API action does around its one selector or service call: the role check whose
refusal is logged, the access-log record when no service wrote one, the service call whose
refusals become logged, machine-readable answers, and the schema of a POST action."""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied

from passend.arrangementen import services
from passend.arrangementen.api.serializers import (
    ArrangementaanvraagSerializer,
    ArrangementFoutSerializer,
)
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.permissions import beleid
from passend.arrangementen.selectors import NIET_GEVONDEN, OBJECT_TYPE
from passend.core.api import als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen

T = TypeVar("T")
ROUTE = "api:arrangementaanvraag-{}"
ROLREDENEN = {
    "lezer": "rol leest geen arrangementaanvragen",
    "aanvragen": "rol vraagt geen arrangementen aan",
    "loket": "alleen het loket controleert de volledigheid",
    "beslisser": "alleen een commissielid of de directeur besluit",
}


class AanvraagFout(APIException):
    """An answer with its own code (``status``: not possible in the request's status)."""

    def __init__(self, status_code: int, code: str, detail: str) -> None:
        self.status_code = status_code
        super().__init__({"code": code, "detail": detail})


def als_sleutel(waarde: str) -> UUID:
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound(NIET_GEVONDEN) from None


def rol_eisen(actor: Any, rol_actie: str, route: str, log_actie: Actie) -> None:
    beleid.eis_en_leg_weigering_vast(
        actor,
        rol_actie,
        log_actie=log_actie,
        object_type=OBJECT_TYPE,
        reden=ROLREDENEN[rol_actie],
        route=route,
    )


def vastleggen(
    actor: Any, aanvraag: Arrangementaanvraag, *, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type=OBJECT_TYPE,
        object_id=str(aanvraag.sleutel),
        leerling_sleutels=[aanvraag.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def uitvoeren(
    actor: Any, aanvraag: Arrangementaanvraag, route: str, schrijven: Callable[[], T]
) -> T:
    """Run one service; every refusal becomes a logged, machine-readable answer."""
    try:
        return schrijven()
    except services.Statusfout as fout:
        vastleggen(actor, aanvraag, toegestaan=True, reden="niet opgeslagen: status", route=route)
        raise AanvraagFout(status.HTTP_409_CONFLICT, "status", " ".join(fout.messages)) from None
    except Geweigerd as fout:
        vastleggen(actor, aanvraag, toegestaan=False, reden=fout.reden, route=route)
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        vastleggen(
            actor, aanvraag, toegestaan=True, reden="niet opgeslagen: ongeldige invoer", route=route
        )
        raise als_api_fout(fout) from None


def schrijfactie(
    invoer: type[serializers.Serializer[Any]] | None, beschrijving: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return extend_schema(
        request=invoer,
        responses={
            200: ArrangementaanvraagSerializer,
            400: OpenApiResponse(ArrangementFoutSerializer, description="Niet opgeslagen"),
            409: OpenApiResponse(
                ArrangementFoutSerializer, description="Niet mogelijk bij de status van de aanvraag"
            ),
        },
        description=beschrijving,
    )
