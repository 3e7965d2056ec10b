"""The verzuim case resource. Every request writes exactly one access-log record:

* a list: one ZOEKEN record with the pupils of the page; a case: one LEZEN record (by
  ``melding_voor_actor``);
* a write: the service logs a success; when nothing is saved (a refusal, invalid input, a
  stale ``revisie``) this module writes the one record;
* a role that may never do the action: 403 (logged); a case the actor may not see: 404
  (logged), never revealing that it exists.
"""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.actor import Actor
from passend.accounts.api import api_actor
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout, sleutel_of_404
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.selectors import leerlingen_zichtbaar_voor
from passend.verzuim import services
from passend.verzuim.api.serializers import (
    VerzuimActiepuntInvoer,
    VerzuimActiepuntSerializer,
    VerzuimBeeindigenInvoer,
    VerzuimFoutSerializer,
    VerzuimLijstFilter,
    VerzuimmeldingInvoer,
    VerzuimmeldingLijstSerializer,
    VerzuimmeldingSerializer,
)
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.permissions import beleid
from passend.verzuim.selectors import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    melding_dossier,
    melding_voor_actor,
    melding_voor_schrijven,
    meldingen_zichtbaar_voor,
)
from passend.verzuim.selectors.zaken import (
    gebruiker_met_id,
    gemeente_met_code,
    huidige_revisie,
    partner_van_melding,
    thuiszitter_filter,
)

T = TypeVar("T")
ROUTE = "api:verzuimmelding-{}"

FOUT_400 = OpenApiResponse(VerzuimFoutSerializer, description="Ongeldige invoer; zie `velden`")
FOUT_409 = OpenApiResponse(
    VerzuimFoutSerializer,
    description="Intussen door een ander gewijzigd (`revisie`, met de huidige revisie); er is "
    "niets opgeslagen",
)


def _eis_rol(actor: Actor, actie: str, route: str, log_actie: Actie) -> None:
    beleid.eis_rol(actor, actie, log_actie=log_actie, object_type=OBJECT_TYPE, route=route)


def _vastleggen(
    actor: Actor,
    melding: Verzuimmelding | None,
    *,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    """The one record of a write that saved nothing."""
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(melding.sleutel) if melding is not None else "",
        leerling_sleutels=[melding.leerling.sleutel] if melding is not None else [],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def _uitvoeren(
    actor: Actor,
    melding: Verzuimmelding | None,
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
            melding,
            actie=actie,
            toegestaan=True,
            reden="niets opgeslagen: conflict",
            route=route,
        )
        huidig = huidige_revisie(melding) if melding is not None else None
        raise _Antwoord(
            status.HTTP_409_CONFLICT, {"code": "revisie", "detail": fout.melding, "revisie": huidig}
        ) from None
    except Geweigerd as fout:
        _vastleggen(actor, melding, actie=actie, toegestaan=False, reden=fout.reden, route=route)
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        _vastleggen(
            actor,
            melding,
            actie=actie,
            toegestaan=True,
            reden="niets opgeslagen: " + "; ".join(fout.messages)[:200],
            route=route,
        )
        raise als_api_fout(fout) from None


class _Antwoord(Exception):
    """A machine-readable answer with its own body (the 409 of a stale ``revisie``)."""

    def __init__(self, status_code: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("detail", ""))
        self.status_code = status_code
        self.body = body


def _invoer(
    soort: type[serializers.Serializer[Any]],
    request: Request,
    actor: Actor,
    melding: Verzuimmelding | None,
    route: str,
    actie: Actie,
) -> dict[str, Any]:
    invoer = soort(data=request.data)
    if not invoer.is_valid():
        _vastleggen(
            actor,
            melding,
            actie=actie,
            toegestaan=True,
            reden="niets opgeslagen: ongeldige invoer",
            route=route,
        )
        raise serializers.ValidationError(invoer.errors)
    return dict(invoer.validated_data)


def _weergave(melding: Verzuimmelding) -> dict[str, Any]:
    """The case as it is now, after a write (the service logged this request)."""
    vers = melding_dossier(melding.sleutel)
    if vers is None:
        raise NotFound(NIET_GEVONDEN)
    return dict(VerzuimmeldingSerializer(vers, context={"vandaag": timezone.localdate()}).data)


class VerzuimmeldingViewSet(viewsets.GenericViewSet[Verzuimmelding]):
    """Verzuim cases: the same policy, selectors, services and access log as the pages."""

    serializer_class = VerzuimmeldingSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Verzuimmelding.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, _Antwoord):
            return Response(exc.body, status=exc.status_code)
        return super().handle_exception(exc)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=["open", "beeindigd"],
                description="Lopend of beëindigd",
            ),
            OpenApiParameter(
                "thuiszitter",
                OpenApiTypes.BOOL,
                description="Alleen meldingen die vandaag een thuiszitter maken",
            ),
        ],
        responses={200: VerzuimmeldingLijstSerializer(many=True), 400: FOUT_400},
        description="De verzuimmeldingen die u mag zien, de nieuwste eerst.",
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        _eis_rol(actor, "lijst", route, Actie.ZOEKEN)
        vandaag = timezone.localdate()
        try:
            filter_ = VerzuimLijstFilter(data=dict(request.query_params.items()))
            filter_.is_valid(raise_exception=True)
            meldingen = meldingen_zichtbaar_voor(actor=actor).order_by("-sinds", "-id")
            if filter_.validated_data.get("status") == "open":
                meldingen = meldingen.filter(einde__isnull=True)
            elif filter_.validated_data.get("status") == "beeindigd":
                meldingen = meldingen.filter(einde__isnull=False)
            if filter_.validated_data.get("thuiszitter") is True:
                meldingen = meldingen.filter(thuiszitter_filter(vandaag))
            elif filter_.validated_data.get("thuiszitter") is False:
                meldingen = meldingen.exclude(thuiszitter_filter(vandaag))
            pagina = self.paginate_queryset(meldingen) or []
        except serializers.ValidationError:
            # A bad filter or paging value: a 400 that showed no pupil, logged all the same.
            toegang_vastleggen(
                actor=actor,
                actie=Actie.ZOEKEN,
                object_type="verzuimmeldingenlijst",
                leerling_sleutels=[],
                toegestaan=True,
                reden="niets getoond: ongeldige invoer",
                route=route,
            )
            raise
        toegang_vastleggen(
            actor=actor,
            actie=Actie.ZOEKEN,
            object_type="verzuimmeldingenlijst",
            leerling_sleutels=[m.leerling.sleutel for m in pagina],
            toegestaan=True,
            reden="verzuimmeldingen opvragen via API",
            route=route,
        )
        return self.get_paginated_response(
            VerzuimmeldingLijstSerializer(pagina, many=True, context={"vandaag": vandaag}).data
        )

    @extend_schema(responses=VerzuimmeldingSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("detail")
        _eis_rol(actor, "bekijken", route, Actie.LEZEN)
        try:
            melding = melding_voor_actor(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie="bekijken",
                doel="verzuimmelding opvragen via API",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        return Response(
            VerzuimmeldingSerializer(melding, context={"vandaag": timezone.localdate()}).data
        )

    @extend_schema(
        request=VerzuimmeldingInvoer,
        responses={201: VerzuimmeldingSerializer, 400: FOUT_400},
        description=(
            "Meld verzuim van een bekende leerling (`leerling`), of absoluut verzuim van een "
            "kind dat nergens staat ingeschreven (`nieuw_kind`). Passend leidt school, bestuur, "
            "samenwerkingsverband en gemeente af uit de inschrijving en de woongemeente."
        ),
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        _eis_rol(actor, "melden", route, Actie.AANMAKEN)
        gegevens = _invoer(VerzuimmeldingInvoer, request, actor, None, route, Actie.AANMAKEN)
        fouten: dict[str, list[str]] = {}
        leerling = None
        if "leerling" in gegevens:
            leerling = (
                leerlingen_zichtbaar_voor(actor=actor).filter(sleutel=gegevens["leerling"]).first()
            )
            if leerling is None:
                fouten["leerling"] = ["Deze leerling bestaat niet of u mag deze niet zien."]
        kind = None
        if "nieuw_kind" in gegevens:
            kind = dict(gegevens["nieuw_kind"])
            gemeente = gemeente_met_code(kind["woongemeente"])
            if gemeente is None:
                fouten["nieuw_kind"] = ["Er is geen gemeente met deze CBS-code."]
            kind["woongemeente"] = gemeente
        leerplichtambtenaar = None
        if gegevens.get("leerplichtambtenaar") is not None:
            leerplichtambtenaar = gebruiker_met_id(gegevens["leerplichtambtenaar"])
            if leerplichtambtenaar is None:
                fouten["leerplichtambtenaar"] = ["Kies een leerplichtambtenaar van de gemeente."]
        if fouten:
            _vastleggen(
                actor,
                None,
                actie=Actie.AANMAKEN,
                toegestaan=True,
                reden="niets opgeslagen: "
                + "; ".join(m for ms in fouten.values() for m in ms)[:200],
                route=route,
            )
            raise serializers.ValidationError(fouten)
        melding = _uitvoeren(
            actor,
            None,
            route,
            Actie.AANMAKEN,
            lambda: services.melding_maken(
                actor=actor,
                soort=gegevens["soort"],
                sinds=gegevens["sinds"],
                reden=gegevens["reden"],
                leerling=leerling,
                nieuw_kind=kind,
                toelichting=gegevens.get("toelichting", ""),
                gemiste_uren=gegevens.get("gemiste_uren"),
                leerplichtambtenaar=leerplichtambtenaar,
                route=route,
            ),
        )
        return Response(_weergave(melding), status=status.HTTP_201_CREATED)

    def _voor_wijziging(self, actor: Actor, sleutel: str, actie: str, route: str) -> Verzuimmelding:
        """Role check (403, logged), then the case for a write (hidden: logged 404)."""
        _eis_rol(actor, actie, route, Actie.WIJZIGEN)
        try:
            return melding_voor_schrijven(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie=actie,
                doel=f"verzuimmelding via API ({actie})",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None

    @extend_schema(
        request=VerzuimBeeindigenInvoer,
        responses={200: VerzuimmeldingSerializer, 400: FOUT_400, 409: FOUT_409},
        description=(
            "Beëindig de melding: laatste verzuimdag en uitkomst; Passend bewaart de duur in "
            "weken. Geef de `revisie` mee zoals u de melding ophaalde; heeft iemand anders haar "
            "intussen gewijzigd, dan volgt 409 met code `revisie` en wordt niets opgeslagen."
        ),
    )
    @action(detail=True, methods=["post"])
    def beeindigen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("beeindigen")
        melding = self._voor_wijziging(actor, sleutel, "beeindigen", route)
        gegevens = _invoer(VerzuimBeeindigenInvoer, request, actor, melding, route, Actie.WIJZIGEN)
        _uitvoeren(
            actor,
            melding,
            route,
            Actie.WIJZIGEN,
            lambda: services.melding_beeindigen(
                actor=actor,
                melding=melding,
                revisie=gegevens["revisie"],
                einde=gegevens["einde"],
                uitkomst=gegevens["uitkomst"],
                route=route,
            ),
        )
        return Response(_weergave(melding))

    @extend_schema(
        request=VerzuimActiepuntInvoer,
        responses={201: VerzuimActiepuntSerializer, 400: FOUT_400},
        description="Voeg een actie toe aan het plan: wat, welke partner (`eigenaar`), wanneer.",
    )
    @action(detail=True, methods=["post"])
    def acties(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("acties")
        melding = self._voor_wijziging(actor, sleutel, "bewerken", route)
        gegevens = _invoer(VerzuimActiepuntInvoer, request, actor, melding, route, Actie.WIJZIGEN)
        eigenaar = partner_van_melding(melding, gegevens["eigenaar"])
        if eigenaar is None:
            _vastleggen(
                actor,
                melding,
                actie=Actie.WIJZIGEN,
                toegestaan=True,
                reden="niets opgeslagen: onbekende partner",
                route=route,
            )
            raise serializers.ValidationError(
                {"eigenaar": ["Kies een partner die nu meedoet in deze melding."]}
            )
        actiepunt = _uitvoeren(
            actor,
            melding,
            route,
            Actie.WIJZIGEN,
            lambda: services.actiepunt_toevoegen(
                actor=actor,
                melding=melding,
                omschrijving=gegevens["omschrijving"],
                eigenaar=eigenaar,
                deadline=gegevens["deadline"],
                route=route,
            ),
        )
        return Response(
            VerzuimActiepuntSerializer(actiepunt, context={"vandaag": timezone.localdate()}).data,
            status=status.HTTP_201_CREATED,
        )


def _sleutel(waarde: str) -> UUID:
    return sleutel_of_404(waarde, NIET_GEVONDEN)
