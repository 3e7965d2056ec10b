"""What every API action does around its one selector or service call: the OPP for a write,
the request body, the service call whose refusals become logged, machine-readable answers,
the OPP as it is after a write, and the access-log record when no service wrote one."""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.request import Request

from passend.core.api import als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning import services
from passend.ondersteuning.api.serializers import (
    OntwikkelingsperspectiefSerializer,
    OppFoutSerializer,
)
from passend.ondersteuning.models import Instemming, Ontwikkelingsperspectief
from passend.ondersteuning.selectors import opp_voor_schrijven, opps_zichtbaar_voor

T = TypeVar("T")
NIET_GEVONDEN = "Dit ontwikkelingsperspectief bestaat niet of u mag het niet zien."
ROUTE = "api:ontwikkelingsperspectief-{}"
#: The parts of an OPP shown with it (one query each).
ONDERDELEN = (
    "factoren",
    "doelen",
    "overleggen",
    "evaluaties",
    "leerlingstemmen",
    Prefetch("instemmingen", queryset=Instemming.objects.select_related("door", "vastgelegd_door")),
)


class OppFout(APIException):
    """An answer with its own code (``conflict``, ``onvolledig``, ``bevroren``)."""

    def __init__(self, status_code: int, code: str, detail: str, **extra: Any) -> None:
        self.status_code = status_code
        super().__init__({"code": code, "detail": detail, **extra})


def als_sleutel(waarde: str) -> UUID:
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound(NIET_GEVONDEN) from None


def vastleggen(
    actor: Any, *, object_id: str, leerling: Any, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type="ontwikkelingsperspectief",
        object_id=object_id,
        leerling_sleutels=[leerling.sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=reden,
        route=route,
    )


def opp_voor_wijziging(
    actor: Any, sleutel: str, *, actie: str, route: str
) -> Ontwikkelingsperspectief:
    """``opp_voor_schrijven`` for the API: an allowed request is logged by the service that
    writes; a refusal is logged by the selector and answered with a JSON 404."""
    try:
        return opp_voor_schrijven(
            actor=actor,
            sleutel=als_sleutel(sleutel),
            actie=actie,
            doel=f"OPP wijzigen via API ({actie})",
            route=route,
        )
    except Http404:
        raise NotFound(NIET_GEVONDEN) from None


def niet_opgeslagen(actor: Any, opp: Ontwikkelingsperspectief, route: str, reden: str) -> None:
    vastleggen(
        actor,
        object_id=str(opp.sleutel),
        leerling=opp.leerling,
        toegestaan=True,
        reden=f"wijziging niet opgeslagen: {reden}",
        route=route,
    )


def invoer_van(
    soort: type[serializers.Serializer[Any]],
    request: Request,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    route: str,
) -> dict[str, Any]:
    invoer = soort(data=request.data)
    if not invoer.is_valid():
        niet_opgeslagen(actor, opp, route, "ongeldige invoer")
        raise serializers.ValidationError(invoer.errors)
    return dict(invoer.validated_data)


def uitvoeren(
    actor: Any, opp: Ontwikkelingsperspectief, route: str, schrijven: Callable[[], T]
) -> T:
    """Run one service; every refusal becomes a logged, machine-readable answer."""
    try:
        return schrijven()
    except services.Conflict:
        niet_opgeslagen(actor, opp, route, "conflict: intussen door een ander gewijzigd")
        raise OppFout(
            status.HTTP_409_CONFLICT,
            "conflict",
            "Iemand anders heeft dit OPP intussen gewijzigd; haal de nieuwe versie op.",
        ) from None
    except services.OppOnvolledig as fout:
        niet_opgeslagen(actor, opp, route, "onvolledig")
        raise OppFout(
            status.HTTP_400_BAD_REQUEST,
            "onvolledig",
            "Het OPP kan nog niet worden vastgesteld: er ontbreken onderdelen.",
            ontbrekend=fout.ontbrekend,
        ) from None
    except services.Bevroren as fout:
        niet_opgeslagen(actor, opp, route, "versie is bevroren")
        raise OppFout(status.HTTP_400_BAD_REQUEST, "bevroren", fout.messages[0]) from None
    except Geweigerd as fout:
        vastleggen(
            actor,
            object_id=str(opp.sleutel),
            leerling=opp.leerling,
            toegestaan=False,
            reden=f"geweigerd: {fout.reden}",
            route=route,
        )
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        niet_opgeslagen(actor, opp, route, "ongeldige invoer")
        raise als_api_fout(fout) from None


def weergave(actor: Any, opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """The OPP as it is now, after a write (the service logged this request)."""
    vers = (
        opps_zichtbaar_voor(actor=actor)
        .filter(pk=opp.pk)
        .select_related("vorige_versie")
        .prefetch_related(*ONDERDELEN)
        .first()
    )
    if vers is None:
        raise NotFound(NIET_GEVONDEN)
    return dict(OntwikkelingsperspectiefSerializer(vers).data)


def schrijfactie(
    invoer: type[serializers.Serializer[Any]] | None,
    beschrijving: str,
    antwoord: int = status.HTTP_201_CREATED,
    parameters: list[OpenApiParameter] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Schema of a POST action: its body, the OPP as the answer, and the 400 with a code."""
    return extend_schema(
        request=invoer,
        responses={
            antwoord: OntwikkelingsperspectiefSerializer,
            400: OpenApiResponse(OppFoutSerializer, description="Niet opgeslagen"),
        },
        description=beschrijving,
        parameters=parameters,
    )
