"""The OPP resource: reads go through the OPP selectors (policy + access log), writes
through services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.selectors import leerling_voor_actor
from passend.ondersteuning import services
from passend.ondersteuning.api.afhandeling import (
    NIET_GEVONDEN,
    ROUTE,
    als_sleutel,
    invoer_van,
    opp_voor_wijziging,
    schrijfactie,
    uitvoeren,
    vastleggen,
    weergave,
)
from passend.ondersteuning.api.invoer import (
    BeeindigenInvoer,
    EvaluatieInvoer,
    LijstFilter,
    StartenInvoer,
    WijzigenInvoer,
)
from passend.ondersteuning.api.onderdelen import OnderdelenActies
from passend.ondersteuning.api.serializers import (
    OntwikkelingsperspectiefLijstSerializer,
    OntwikkelingsperspectiefSerializer,
)
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import Status
from passend.ondersteuning.selectors import opp_voor_actor, opps_zichtbaar_voor


class OntwikkelingsperspectiefViewSet(
    OnderdelenActies, viewsets.GenericViewSet[Ontwikkelingsperspectief]
):
    """Reads go through the OPP selectors (policy + access log); writes through services."""

    serializer_class = OntwikkelingsperspectiefSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Ontwikkelingsperspectief.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    @extend_schema(
        parameters=[
            OpenApiParameter("leerling", OpenApiTypes.UUID, description="Alleen deze leerling"),
            OpenApiParameter("status", OpenApiTypes.STR, enum=Status.values),
        ],
        responses=OntwikkelingsperspectiefLijstSerializer(many=True),
        description="Alle OPP-versies die u mag zien, de nieuwste versie per plan eerst.",
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        # A plain dict: from a QueryDict DRF would skip an empty ``?leerling=``.
        filter_ = LijstFilter(data=dict(request.query_params.items()))
        filter_.is_valid(raise_exception=True)
        opps = opps_zichtbaar_voor(actor=actor)
        if "leerling" in filter_.validated_data:
            opps = opps.filter(leerling__sleutel=filter_.validated_data["leerling"])
        if "status" in filter_.validated_data:
            opps = opps.filter(status=filter_.validated_data["status"])
        pagina = self.paginate_queryset(opps) or []
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type="ontwikkelingsperspectievenlijst",
            leerling_sleutels=[opp.leerling.sleutel for opp in pagina],
            toegestaan=True,
            reden="OPP's opvragen via API",
            route=ROUTE.format("list"),
        )
        return self.get_paginated_response(
            OntwikkelingsperspectiefLijstSerializer(pagina, many=True).data
        )

    @extend_schema(responses=OntwikkelingsperspectiefSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        try:
            opp = opp_voor_actor(
                actor=actor,
                sleutel=als_sleutel(sleutel),
                actie="bekijken",
                doel="OPP opvragen via API",
                route=ROUTE.format("detail"),
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        return Response(OntwikkelingsperspectiefSerializer(opp).data)

    @extend_schema(
        request=StartenInvoer,
        responses={201: OntwikkelingsperspectiefSerializer},
        description="Start een OPP (concept) voor een leerling die nu op uw school staat.",
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        beleid.eis_en_leg_weigering_vast(
            actor,
            "starten",
            log_actie=Actie.AANMAKEN,
            object_type="ontwikkelingsperspectief",
            reden="rol mag geen OPP starten",
            route=route,
        )
        invoer = StartenInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            leerling = leerling_voor_actor(
                actor=actor,
                sleutel=invoer.validated_data["leerling"],
                actie="bekijken",
                doel="OPP starten via API",
                route=route,
                toegestane_vastleggen=False,
            )
        except Http404:  # the refusal is logged by the selector
            raise serializers.ValidationError(
                {"leerling": ["Deze leerling bestaat niet of u mag deze niet zien."]}
            ) from None
        try:
            opp = services.opp_starten(
                actor=actor,
                leerling=leerling,
                start_extra_ondersteuning=invoer.validated_data["start_extra_ondersteuning"],
                route=route,
            )
        except (Geweigerd, DjangoValidationError) as fout:
            geweigerd = isinstance(fout, Geweigerd)
            vastleggen(
                actor,
                object_id="",
                leerling=leerling,
                toegestaan=not geweigerd,
                reden=("geweigerd: " if geweigerd else "OPP niet gestart: ")
                + "; ".join(
                    fout.messages if isinstance(fout, DjangoValidationError) else [fout.reden]
                ),
                route=route,
            )
            if isinstance(fout, Geweigerd):
                raise PermissionDenied(fout.reden) from None
            raise als_api_fout(fout) from None
        return Response(weergave(actor, opp), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=WijzigenInvoer,
        responses={200: OntwikkelingsperspectiefSerializer},
        description=(
            "Wijzig de eigen velden van een concept. Stuur `versie` mee; is het OPP intussen "
            "gewijzigd, dan volgt 409 en wordt niets opgeslagen."
        ),
    )
    def partial_update(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("detail")
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = invoer_van(WijzigenInvoer, request, actor, opp, route)
        versie = gegevens.pop("versie")
        uitvoeren(
            actor,
            opp,
            route,
            lambda: services.opp_bijwerken(
                actor=actor, opp=opp, versie=versie, wijzigingen=gegevens, route=route
            ),
        )
        return Response(weergave(actor, opp))

    # --- The lifecycle --------------------------------------------------------------------

    @schrijfactie(
        None,
        "Stel het OPP vast; de versie is daarna bevroren. Ontbreekt er een onderdeel dat de "
        "wet vraagt, dan volgt 400 met code `onvolledig` en de lijst `ontbrekend`.",
        antwoord=status.HTTP_200_OK,
    )
    @action(detail=True, methods=["post"])
    def vaststellen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("vaststellen")
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        uitvoeren(
            actor, opp, route, lambda: services.opp_vaststellen(actor=actor, opp=opp, route=route)
        )
        return Response(weergave(actor, opp))

    @schrijfactie(EvaluatieInvoer, "Leg de (jaarlijkse) evaluatie van een vastgesteld OPP vast.")
    @action(detail=True, methods=["post"])
    def evaluatie(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("evaluatie")
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = invoer_van(EvaluatieInvoer, request, actor, opp, route)
        uitvoeren(
            actor,
            opp,
            route,
            lambda: services.evaluatie_vastleggen(actor=actor, opp=opp, route=route, **gegevens),
        )
        return Response(weergave(actor, opp), status=status.HTTP_201_CREATED)

    @schrijfactie(
        BeeindigenInvoer,
        "Beëindig het OPP met een datum en een reden (de einddatum gaat naar DUO).",
        antwoord=status.HTTP_200_OK,
    )
    @action(detail=True, methods=["post"])
    def beeindigen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("beeindigen")
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = invoer_van(BeeindigenInvoer, request, actor, opp, route)
        uitvoeren(
            actor,
            opp,
            route,
            lambda: services.opp_beeindigen(
                actor=actor,
                opp=opp,
                einddatum=gegevens["einddatum"],
                reden=gegevens["reden_einde"],
                route=route,
            ),
        )
        return Response(weergave(actor, opp))
