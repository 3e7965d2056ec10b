"""The arrangement resource: reads go through the selectors (policy + access log), writes
through the services. Only the POST actions change a request; there is no PUT, PATCH or
DELETE (a request is withdrawn, never removed)."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.arrangementen import services
from passend.arrangementen.api.afhandeling import (
    ROUTE,
    als_sleutel,
    rol_eisen,
    schrijfactie,
    uitvoeren,
    vastleggen,
)
from passend.arrangementen.api.invoer import (
    ArrangementAanvraagInvoer,
    ArrangementAanvullenInvoer,
    ArrangementBesluitInvoer,
    ArrangementIntrekkenInvoer,
    ArrangementOnvolledigInvoer,
)
from passend.arrangementen.api.serializers import (
    ArrangementaanvraagLijstSerializer,
    ArrangementaanvraagSerializer,
    ArrangementFoutSerializer,
)
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.selectors import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    STATUSFILTERS,
    aanvraag_met_delen,
    aanvraag_voor_actor,
    aanvraag_voor_schrijven,
    aanvragen_zichtbaar_voor,
)
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.selectors import opp_voor_schrijven


class ArrangementaanvraagViewSet(viewsets.GenericViewSet[Arrangementaanvraag]):
    """Arrangement requests to the samenwerkingsverband."""

    serializer_class = ArrangementaanvraagSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Arrangementaanvraag.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    # --- Reading ---------------------------------------------------------------------------

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=list(STATUSFILTERS),
                description="`open`: alle aanvragen zonder besluit. Zonder filter: alle.",
            ),
            OpenApiParameter("leerling", OpenApiTypes.UUID, description="Alleen deze leerling"),
        ],
        responses=ArrangementaanvraagLijstSerializer(many=True),
        description=(
            "De aanvragen die u mag zien: een school en haar bestuur hun eigen aanvragen, een "
            "samenwerkingsverband de aanvragen die bij hem zijn ingediend, ouders die van hun "
            "kinderen. De oudste ontvangst eerst."
        ),
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        rol_eisen(actor, "lezer", route, Actie.ZOEKEN)
        status_filter = request.query_params.get("status")
        leerling_filter = request.query_params.get("leerling")
        aanvragen = aanvragen_zichtbaar_voor(actor=actor).order_by("ingediend_op", "id")
        if status_filter is not None:
            if status_filter not in STATUSFILTERS:
                raise serializers.ValidationError(
                    {"status": [f"Kies een van: {', '.join(STATUSFILTERS)}."]}
                )
            aanvragen = aanvragen.filter(status__in=STATUSFILTERS[status_filter])
        if leerling_filter is not None:
            try:
                aanvragen = aanvragen.filter(leerling__sleutel=UUID(leerling_filter))
            except ValueError:
                raise serializers.ValidationError(
                    {"leerling": ["Geef de sleutel (UUID) van een leerling."]}
                ) from None
        pagina = self.paginate_queryset(aanvragen) or []
        toegang_vastleggen(
            actor=actor,
            actie=Actie.ZOEKEN,
            object_type="arrangementaanvragenlijst",
            leerling_sleutels=[a.leerling.sleutel for a in pagina],
            toegestaan=True,
            reden="arrangementaanvragen opvragen via API",
            route=route,
        )
        return self.get_paginated_response(
            ArrangementaanvraagLijstSerializer(pagina, many=True).data
        )

    @extend_schema(responses=ArrangementaanvraagSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("detail")
        rol_eisen(actor, "lezer", route, Actie.LEZEN)
        try:
            aanvraag = aanvraag_voor_actor(
                actor=actor,
                sleutel=als_sleutel(sleutel),
                actie="bekijken",
                doel="arrangementaanvraag opvragen via API",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        return Response(ArrangementaanvraagSerializer(aanvraag).data)

    # --- Writing -----------------------------------------------------------------------------

    @extend_schema(
        request=ArrangementAanvraagInvoer,
        responses={
            201: ArrangementaanvraagSerializer,
            400: OpenApiResponse(ArrangementFoutSerializer, description="Niet opgeslagen"),
        },
        description=(
            "Vraag het samenwerkingsverband van de vestiging om een arrangement, vanuit een "
            "vastgesteld OPP. De kijk van de ouders en de mening van de leerling komen uit het "
            "OPP. Een concept-OPP wordt geweigerd (400, veld `opp`)."
        ),
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        rol_eisen(actor, "aanvragen", route, Actie.AANMAKEN)
        invoer = ArrangementAanvraagInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        try:
            opp = opp_voor_schrijven(
                actor=actor,
                sleutel=gegevens.pop("opp"),
                actie="bekijken",
                doel="arrangement aanvragen via API",
                route=route,
                log_actie=Actie.AANMAKEN,
            )
        except Http404:  # the refusal is logged by the selector
            raise serializers.ValidationError(
                {"opp": ["Dit OPP bestaat niet of u mag het niet zien."]}
            ) from None
        try:
            aanvraag = services.aanvraag_indienen(actor=actor, opp=opp, route=route, **gegevens)
        except (Geweigerd, DjangoValidationError) as fout:
            geweigerd = isinstance(fout, Geweigerd)
            toegang_vastleggen(
                actor=actor,
                actie=Actie.AANMAKEN,
                object_type=OBJECT_TYPE,
                leerling_sleutels=[opp.leerling.sleutel],
                toegestaan=not geweigerd,
                reden=("geweigerd: " if geweigerd else "niet aangevraagd: ")
                + "; ".join(
                    fout.messages if isinstance(fout, DjangoValidationError) else [fout.reden]
                ),
                route=route,
            )
            if isinstance(fout, Geweigerd):
                raise PermissionDenied(fout.reden) from None
            raise als_api_fout(fout) from None
        return Response(
            ArrangementaanvraagSerializer(aanvraag_met_delen(aanvraag)).data,
            status=status.HTTP_201_CREATED,
        )

    def _actie(
        self,
        request: Request,
        sleutel: str,
        *,
        naam: str,
        rol_actie: str,
        actie: str,
        invoer: type[serializers.Serializer[Any]] | None,
        schrijven: Callable[[Any, Arrangementaanvraag, dict[str, Any], str], object],
    ) -> Response:
        actor = api_actor(request)
        route = ROUTE.format(naam)
        rol_eisen(actor, rol_actie, route, Actie.WIJZIGEN)
        try:
            aanvraag = aanvraag_voor_schrijven(
                actor=actor,
                sleutel=als_sleutel(sleutel),
                actie=actie,
                doel=f"arrangementaanvraag via API: {naam}",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        gegevens: dict[str, Any] = {}
        if invoer is not None:
            body = invoer(data=request.data)
            if not body.is_valid():
                vastleggen(
                    actor,
                    aanvraag,
                    toegestaan=True,
                    reden="niet opgeslagen: ongeldige invoer",
                    route=route,
                )
                raise serializers.ValidationError(body.errors)
            gegevens = dict(body.validated_data)
        uitvoeren(actor, aanvraag, route, lambda: schrijven(actor, aanvraag, gegevens, route))
        return Response(ArrangementaanvraagSerializer(aanvraag_met_delen(aanvraag)).data)

    @schrijfactie(
        None,
        "Het loket verklaart de aanvraag compleet (met de datum van vandaag); daarna kan de "
        "commissie besluiten. Alleen bij status `ingediend`; anders 409 met code `status`.",
    )
    @action(detail=True, methods=["post"])
    def compleet(self, request: Request, sleutel: str) -> Response:
        return self._actie(
            request,
            sleutel,
            naam="compleet",
            rol_actie="loket",
            actie="volledigheid_beoordelen",
            invoer=None,
            schrijven=lambda actor, aanvraag, gegevens, route: services.compleet_verklaren(
                actor=actor, aanvraag=aanvraag, route=route
            ),
        )

    @schrijfactie(
        ArrangementOnvolledigInvoer,
        "Het loket verklaart de aanvraag onvolledig en zegt wat er ontbreekt; de school vult "
        "aan en dient opnieuw in. Alleen bij status `ingediend`.",
    )
    @action(detail=True, methods=["post"])
    def onvolledig(self, request: Request, sleutel: str) -> Response:
        return self._actie(
            request,
            sleutel,
            naam="onvolledig",
            rol_actie="loket",
            actie="volledigheid_beoordelen",
            invoer=ArrangementOnvolledigInvoer,
            schrijven=lambda actor, aanvraag, gegevens, route: services.onvolledig_verklaren(
                actor=actor, aanvraag=aanvraag, route=route, **gegevens
            ),
        )

    @schrijfactie(
        ArrangementBesluitInvoer,
        "Een commissielid of de directeur besluit over een complete aanvraag: `toegekend` "
        "(het gevraagde bedrag en de gevraagde periode), `deels` (minder geld of een kortere "
        "periode binnen de gevraagde) of `afgewezen` (geen bedrag, geen periode); altijd met "
        "redenen. Is er intussen al besloten, dan volgt 409 en wordt niets opgeslagen.",
    )
    @action(detail=True, methods=["post"])
    def besluit(self, request: Request, sleutel: str) -> Response:
        return self._actie(
            request,
            sleutel,
            naam="besluit",
            rol_actie="beslisser",
            actie="beslissen",
            invoer=ArrangementBesluitInvoer,
            schrijven=lambda actor, aanvraag, gegevens, route: services.besluit_nemen(
                actor=actor, aanvraag=aanvraag, route=route, **gegevens
            ),
        )

    @schrijfactie(
        ArrangementAanvullenInvoer,
        "De school vult een onvolledige aanvraag aan en dient haar opnieuw in. Velden die u "
        "weglaat, blijven zoals ze waren.",
    )
    @action(detail=True, methods=["post"])
    def aanvullen(self, request: Request, sleutel: str) -> Response:
        def schrijven(
            actor: Any, aanvraag: Arrangementaanvraag, gegevens: dict[str, Any], route: str
        ) -> object:
            velden = {
                veld: gegevens.get(veld, getattr(aanvraag, veld))
                for veld in ("ondersteuning", "van", "tot", "bedrag", "toelichting")
            }
            return services.aanvraag_aanvullen(
                actor=actor,
                aanvraag=aanvraag,
                aanvulling=gegevens["aanvulling"],
                route=route,
                **velden,
            )

        return self._actie(
            request,
            sleutel,
            naam="aanvullen",
            rol_actie="aanvragen",
            actie="aanvullen",
            invoer=ArrangementAanvullenInvoer,
            schrijven=schrijven,
        )

    @schrijfactie(ArrangementIntrekkenInvoer, "De school trekt de aanvraag in, vóór het besluit.")
    @action(detail=True, methods=["post"])
    def intrekken(self, request: Request, sleutel: str) -> Response:
        return self._actie(
            request,
            sleutel,
            naam="intrekken",
            rol_actie="aanvragen",
            actie="intrekken",
            invoer=ArrangementIntrekkenInvoer,
            schrijven=lambda actor, aanvraag, gegevens, route: services.aanvraag_intrekken(
                actor=actor, aanvraag=aanvraag, route=route, **gegevens
            ),
        )
