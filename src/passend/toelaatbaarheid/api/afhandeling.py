"""What every TLV API action does around its one selector or service call: the role check
(403, logged), the TLV for a write (hidden: logged 404), the request body, the service call
whose refusals become logged machine-readable answers, and the TLV as it is after a write."""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.request import Request

from passend.accounts.actor import Actor
from passend.core.api import als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.api.serializers import (
    TlvFoutSerializer,
    ToelaatbaarheidsverklaringSerializer,
)
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.selectors import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    tlv_dossier,
    tlv_voor_schrijven,
)

T = TypeVar("T")
ROUTE = "api:toelaatbaarheidsverklaring-{}"


class TlvFout(APIException):
    """An answer with its own code (``conflict``, ``status``, ``loopt_al``, ...)."""

    def __init__(self, status_code: int, code: str, detail: str) -> None:
        self.status_code = status_code
        super().__init__({"code": code, "detail": detail})


def als_sleutel(waarde: str) -> UUID:
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound(NIET_GEVONDEN) from None


def vastleggen(
    actor: Actor, tlv: Toelaatbaarheidsverklaring, *, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type=OBJECT_TYPE,
        object_id=str(tlv.sleutel),
        leerling_sleutels=[tlv.leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def eis_rol(actor: Actor, actie: str, route: str, log_actie: Actie = Actie.WIJZIGEN) -> None:
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=OBJECT_TYPE, route=route)


def voor_wijziging(
    actor: Actor, sleutel: str, actie: str, route: str
) -> Toelaatbaarheidsverklaring:
    """Role check (403, logged), then the TLV for a write (hidden: logged 404)."""
    eis_rol(actor, actie, route)
    try:
        return tlv_voor_schrijven(
            actor=actor,
            sleutel=als_sleutel(sleutel),
            actie=actie,
            doel=f"TLV via API ({actie})",
            route=route,
        )
    except Http404:
        raise NotFound(NIET_GEVONDEN) from None


def invoer_van(
    soort: type[serializers.Serializer[Any]],
    request: Request,
    actor: Actor,
    tlv: Toelaatbaarheidsverklaring,
    route: str,
) -> dict[str, Any]:
    invoer = soort(data=request.data)
    if not invoer.is_valid():
        vastleggen(
            actor, tlv, toegestaan=True, reden="niets opgeslagen: ongeldige invoer", route=route
        )
        raise serializers.ValidationError(invoer.errors)
    return dict(invoer.validated_data)


def uitvoeren(
    actor: Actor, tlv: Toelaatbaarheidsverklaring, route: str, schrijven: Callable[[], T]
) -> T:
    """Run one service; every refusal becomes a logged, machine-readable answer."""
    try:
        return schrijven()
    except services.Conflict as fout:
        vastleggen(actor, tlv, toegestaan=True, reden="niets opgeslagen: conflict", route=route)
        raise TlvFout(status.HTTP_409_CONFLICT, "conflict", str(fout)) from None
    except Geweigerd as fout:
        vastleggen(actor, tlv, toegestaan=False, reden=fout.reden, route=route)
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        vastleggen(
            actor,
            tlv,
            toegestaan=True,
            reden="niets opgeslagen: " + "; ".join(fout.messages)[:200],
            route=route,
        )
        if not hasattr(fout, "error_dict") and getattr(fout, "code", None):
            raise TlvFout(status.HTTP_400_BAD_REQUEST, str(fout.code), fout.messages[0]) from None
        raise als_api_fout(fout) from None


def weergave(tlv: Toelaatbaarheidsverklaring) -> dict[str, Any]:
    """The TLV as it is now, after a write (the service logged this request)."""
    vers = tlv_dossier(tlv.sleutel)
    if vers is None:
        raise NotFound(NIET_GEVONDEN)
    return dict(ToelaatbaarheidsverklaringSerializer(vers).data)


def schrijfactie(
    invoer: type[serializers.Serializer[Any]],
    beschrijving: str,
    antwoord: int = status.HTTP_200_OK,
    ook: tuple[int, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return extend_schema(
        request=invoer,
        responses={
            **{code: ToelaatbaarheidsverklaringSerializer for code in (antwoord, *ook)},
            400: OpenApiResponse(TlvFoutSerializer, description="Niet opgeslagen"),
            409: OpenApiResponse(
                TlvFoutSerializer, description="Intussen door een ander behandeld"
            ),
        },
        description=beschrijving,
    )
