"""The disagreement resource. Every request writes exactly one access-log record:

* a list: one ZOEKEN record with the pupils of the page; a case: one LEZEN record (by
  ``onenigheid_voor_actor``);
* a write: the service logs a success; when nothing is saved (a refusal, invalid input, a
  closed case) this module writes the one record;
* a role that may never do the action: 403 (logged); a case the actor may not see: 404
  (logged), never revealing that it exists.
"""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.actor import Actor
from passend.accounts.api import api_actor
from passend.accounts.rules import Rolsoort
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout, sleutel_of_404
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen import services
from passend.geschillen.api.serializers import (
    OnenigheidFoutSerializer,
    OnenigheidInvoer,
    OnenigheidLijstFilter,
    OnenigheidLijstSerializer,
    OnenigheidSerializer,
    StapInvoer,
    vandaag_context,
)
from passend.geschillen.models import Onenigheid
from passend.geschillen.permissions import beleid
from passend.geschillen.rules import Status
from passend.geschillen.selectors import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    koppelkeuzes,
    onenigheden_zichtbaar_voor,
    onenigheid_detail,
    onenigheid_voor_actor,
    onenigheid_voor_schrijven,
    route_van,
)
from passend.leerlingen.models import Leerling
from passend.leerlingen.selectors import leerlingen_zichtbaar_voor

T = TypeVar("T")
ROUTE = "api:onenigheid-{}"
ONBEKENDE_LEERLING = "Deze leerling bestaat niet of u mag deze niet zien."

FOUT_400 = OpenApiResponse(OnenigheidFoutSerializer, description="Ongeldige invoer; zie `velden`")
FOUT_409 = OpenApiResponse(
    OnenigheidFoutSerializer,
    description="De onenigheid is intussen afgesloten (`afgesloten`); er is niets opgeslagen",
)


class _Antwoord(Exception):
    """A machine-readable answer with its own body (the 409 of a closed case)."""

    def __init__(self, status_code: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("detail", ""))
        self.status_code = status_code
        self.body = body


def _eis_rol(actor: Actor, actie: str, route: str, log_actie: Actie) -> None:
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=OBJECT_TYPE, route=route)


def _vastleggen(
    actor: Actor,
    *,
    onenigheid: Onenigheid | None,
    leerling: Leerling | None = None,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    """The one record of a write that saved nothing."""
    if onenigheid is not None:
        leerling = onenigheid.leerling
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(onenigheid.sleutel) if onenigheid is not None else "",
        leerling_sleutels=[leerling.sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def _uitvoeren(
    actor: Actor,
    *,
    onenigheid: Onenigheid | None,
    leerling: Leerling | None,
    route: str,
    actie: Actie,
    schrijven: Callable[[], T],
) -> T:
    """Run one service; every refusal becomes a logged, machine-readable answer."""
    try:
        return schrijven()
    except services.Conflict as fout:
        _vastleggen(
            actor,
            onenigheid=onenigheid,
            leerling=leerling,
            actie=actie,
            toegestaan=True,
            reden=f"niets opgeslagen: {fout.melding}",
            route=route,
        )
        raise _Antwoord(
            status.HTTP_409_CONFLICT, {"code": fout.code, "detail": fout.melding}
        ) from None
    except Geweigerd as fout:
        _vastleggen(
            actor,
            onenigheid=onenigheid,
            leerling=leerling,
            actie=actie,
            toegestaan=False,
            reden=fout.reden,
            route=route,
        )
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        _vastleggen(
            actor,
            onenigheid=onenigheid,
            leerling=leerling,
            actie=actie,
            toegestaan=True,
            reden="niets opgeslagen: " + "; ".join(fout.messages)[:200],
            route=route,
        )
        raise als_api_fout(fout) from None


def _invoer(
    soort: type[serializers.Serializer[Any]],
    request: Request,
    actor: Actor,
    onenigheid: Onenigheid | None,
    route: str,
    actie: Actie,
) -> dict[str, Any]:
    invoer = soort(data=request.data)
    if not invoer.is_valid():
        _vastleggen(
            actor,
            onenigheid=onenigheid,
            actie=actie,
            toegestaan=True,
            reden="niets opgeslagen: ongeldige invoer",
            route=route,
        )
        raise serializers.ValidationError(invoer.errors)
    return dict(invoer.validated_data)


def _weiger_invoer(
    actor: Actor,
    fouten: dict[str, list[str]],
    *,
    onenigheid: Onenigheid | None,
    leerling: Leerling | None,
    route: str,
    actie: Actie,
) -> None:
    _vastleggen(
        actor,
        onenigheid=onenigheid,
        leerling=leerling,
        actie=actie,
        toegestaan=True,
        reden="niets opgeslagen: " + "; ".join(m for ms in fouten.values() for m in ms)[:200],
        route=route,
    )
    raise serializers.ValidationError(fouten)


def _weergave(onenigheid: Onenigheid) -> dict[str, Any]:
    """The case as it is now, after a write (the service logged this request)."""
    vers = onenigheid_detail(onenigheid.sleutel)
    if vers is None:
        raise NotFound(NIET_GEVONDEN)
    return dict(OnenigheidSerializer(vers, context=vandaag_context()).data)


def _leerling_van(actor: Actor, sleutel: UUID) -> Leerling | None:
    """The pupil the actor may start about: a parent's own child, the school's pupil."""
    if actor.rolsoort == Rolsoort.OUDER:
        return Leerling.objects.filter(
            sleutel=sleutel, ouderschappen__ouder_id=actor.gebruiker.pk
        ).first()
    return leerlingen_zichtbaar_voor(actor=actor).filter(sleutel=sleutel).first()


class OnenigheidViewSet(viewsets.GenericViewSet[Onenigheid]):
    """Disagreements of parents with the school: the same policy, selectors, services and
    access log as the pages."""

    serializer_class = OnenigheidSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Onenigheid.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, _Antwoord):
            return Response(exc.body, status=exc.status_code)
        return super().handle_exception(exc)

    @extend_schema(
        parameters=[OpenApiParameter("status", enum=Status.values, description="De status")],
        responses={200: OnenigheidLijstSerializer(many=True), 400: FOUT_400},
        description=(
            "De onenigheden die u mag zien, de nieuwste eerst. Het samenwerkingsverband ziet een "
            "onenigheid pas vanaf een stap bij het samenwerkingsverband."
        ),
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        _eis_rol(actor, "lijst", route, Actie.ZOEKEN)
        try:
            filter_ = OnenigheidLijstFilter(data=dict(request.query_params.items()))
            filter_.is_valid(raise_exception=True)
            onenigheden = onenigheden_zichtbaar_voor(actor=actor).order_by("-gestart_op", "-id")
            if "status" in filter_.validated_data:
                onenigheden = onenigheden.filter(status=filter_.validated_data["status"])
            pagina = self.paginate_queryset(onenigheden) or []
        except serializers.ValidationError:
            # A bad filter or paging value: a 400 that showed no pupil, logged all the same.
            toegang_vastleggen(
                actor=actor,
                actie=Actie.ZOEKEN,
                object_type=OBJECT_TYPE,
                toegestaan=True,
                reden="niets getoond: ongeldige invoer",
                route=route,
            )
            raise
        toegang_vastleggen(
            actor=actor,
            actie=Actie.ZOEKEN,
            object_type=OBJECT_TYPE,
            leerling_sleutels=[o.leerling.sleutel for o in pagina],
            toegestaan=True,
            reden="onenigheden opvragen via API",
            route=route,
        )
        return self.get_paginated_response(OnenigheidLijstSerializer(pagina, many=True).data)

    @extend_schema(
        responses=OnenigheidSerializer,
        description=(
            "Eén onenigheid: waar zij over gaat, de gezette stappen, de volgende stap en de "
            "termijnen van de GPO of de LBT."
        ),
    )
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("detail")
        _eis_rol(actor, "bekijken", route, Actie.LEZEN)
        try:
            onenigheid = onenigheid_voor_actor(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie="bekijken",
                doel="onenigheid opvragen via API",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        return Response(OnenigheidSerializer(onenigheid, context=vandaag_context()).data)

    @extend_schema(
        request=OnenigheidInvoer,
        responses={201: OnenigheidSerializer, 400: FOUT_400},
        description=(
            "Start een onenigheid: ouders met gezag over hun kind, de school over haar "
            "leerling. Koppel hoogstens één OPP, aanmelding of TLV van dit kind, passend bij "
            "het onderwerp. Passend leidt de school en het samenwerkingsverband af."
        ),
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        _eis_rol(actor, "starten", route, Actie.AANMAKEN)
        gegevens = _invoer(OnenigheidInvoer, request, actor, None, route, Actie.AANMAKEN)
        leerling = _leerling_van(actor, gegevens["leerling"])
        if leerling is None:
            _weiger_invoer(
                actor,
                {"leerling": [ONBEKENDE_LEERLING]},
                onenigheid=None,
                leerling=None,
                route=route,
                actie=Actie.AANMAKEN,
            )
        assert leerling is not None
        gekoppeld: dict[str, Any] = {}
        fouten: dict[str, list[str]] = {}
        gevraagd = {
            veld: gegevens[veld]
            for veld in ("opp", "aanmelding", "tlv")
            if gegevens.get(veld) is not None
        }
        if gevraagd:
            keuzes = {waarde: obj for waarde, _label, obj in koppelkeuzes(actor, leerling)}
            for veld, sleutel in gevraagd.items():
                obj = keuzes.get(f"{veld}:{sleutel}")
                if obj is None:
                    fouten[veld] = ["Kies iets van dit kind."]
                gekoppeld[veld] = obj
        if fouten:
            _weiger_invoer(
                actor,
                fouten,
                onenigheid=None,
                leerling=leerling,
                route=route,
                actie=Actie.AANMAKEN,
            )
        onenigheid = _uitvoeren(
            actor,
            onenigheid=None,
            leerling=leerling,
            route=route,
            actie=Actie.AANMAKEN,
            schrijven=lambda: services.onenigheid_starten(
                actor=actor,
                leerling=leerling,
                onderwerp=gegevens["onderwerp"],
                omschrijving=gegevens["omschrijving"],
                besluit_op=gegevens["besluit_op"],
                route=route,
                **gekoppeld,
            ),
        )
        return Response(_weergave(onenigheid), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=StapInvoer,
        responses={201: OnenigheidSerializer, 400: FOUT_400, 409: FOUT_409},
        description=(
            "Leg vast dat een stap van de route is begonnen (`routestap`: de code van een stap "
            "van de route van het samenwerkingsverband). Een lopende stap moet eerst zijn "
            "afgerond. Vanaf een stap bij het samenwerkingsverband ziet het "
            "samenwerkingsverband de onenigheid."
        ),
    )
    @action(detail=True, methods=["post"])
    def stappen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("stappen")
        _eis_rol(actor, "stap_vastleggen", route, Actie.WIJZIGEN)
        try:
            onenigheid = onenigheid_voor_schrijven(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie="stap_vastleggen",
                doel="stap vastleggen via API",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        gegevens = _invoer(StapInvoer, request, actor, onenigheid, route, Actie.WIJZIGEN)
        routestap = next(
            (
                stap
                for stap in route_van(onenigheid.samenwerkingsverband_id)
                if stap.code == gegevens["routestap"]
            ),
            None,
        )
        if routestap is None:
            _weiger_invoer(
                actor,
                {"routestap": ["Kies een stap van de route."]},
                onenigheid=onenigheid,
                leerling=None,
                route=route,
                actie=Actie.WIJZIGEN,
            )
        assert routestap is not None
        _uitvoeren(
            actor,
            onenigheid=onenigheid,
            leerling=None,
            route=route,
            actie=Actie.WIJZIGEN,
            schrijven=lambda: services.stap_beginnen(
                actor=actor,
                onenigheid=onenigheid,
                routestap=routestap,
                begonnen_op=gegevens["begonnen_op"],
                toelichting=gegevens["toelichting"],
                route=route,
            ),
        )
        return Response(_weergave(onenigheid), status=status.HTTP_201_CREATED)


def _sleutel(waarde: str) -> UUID:
    return sleutel_of_404(waarde, NIET_GEVONDEN)
