"""The TLV resource: reads go through the TLV selectors (policy + access log), writes
through the services (``afhandeling`` holds what the actions share). A role that may never
do an action gets 403 (logged); a hidden TLV is a 404; every write that is not saved writes
one access-log record."""

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
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.selectors import opp_voor_schrijven
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.api.afhandeling import (
    ROUTE,
    TlvFout,
    als_sleutel,
    eis_rol,
    invoer_van,
    schrijfactie,
    uitvoeren,
    vastleggen,
    voor_wijziging,
    weergave,
)
from passend.toelaatbaarheid.api.invoer import (
    LijstFilter,
    TlvAanvraagInvoer,
    TlvAdviesInvoer,
    TlvAntwoordenInvoer,
    TlvBeslissingOpBezwaarInvoer,
    TlvBesluitInvoer,
    TlvBezwaarInvoer,
    TlvCompleetInvoer,
    TlvIntrekkenInvoer,
    TlvVerlengingInvoer,
)
from passend.toelaatbaarheid.api.serializers import (
    TlvFoutSerializer,
    ToelaatbaarheidsverklaringLijstSerializer,
    ToelaatbaarheidsverklaringSerializer,
)
from passend.toelaatbaarheid.models import Bezwaar, Deskundige, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status
from passend.toelaatbaarheid.selectors import (
    NIET_GEVONDEN,
    tlv_voor_actor,
    tlvs_zichtbaar_voor,
)


class ToelaatbaarheidsverklaringViewSet(viewsets.GenericViewSet[Toelaatbaarheidsverklaring]):
    """TLV requests and decisions: the same policy, selectors, services and access log as
    the pages."""

    serializer_class = ToelaatbaarheidsverklaringSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Toelaatbaarheidsverklaring.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    @extend_schema(
        parameters=[
            OpenApiParameter("leerling", OpenApiTypes.UUID, description="Alleen deze leerling"),
            OpenApiParameter("status", OpenApiTypes.STR, enum=Status.values),
        ],
        responses=ToelaatbaarheidsverklaringLijstSerializer(many=True),
        description="Alle TLV's (aanvragen en besluiten) die u mag zien, de nieuwste eerst.",
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        filter_ = LijstFilter(data=dict(request.query_params.items()))
        filter_.is_valid(raise_exception=True)
        tlvs = (
            tlvs_zichtbaar_voor(actor=actor)
            .select_related("vorige")
            .order_by("-ontvangen_op", "-id")
        )
        if "leerling" in filter_.validated_data:
            tlvs = tlvs.filter(leerling__sleutel=filter_.validated_data["leerling"])
        if "status" in filter_.validated_data:
            tlvs = tlvs.filter(status=filter_.validated_data["status"])
        pagina = self.paginate_queryset(tlvs) or []
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type="toelaatbaarheidsverklaringenlijst",
            leerling_sleutels=[tlv.leerling.sleutel for tlv in pagina],
            toegestaan=True,
            reden="TLV's opvragen via API",
            route=ROUTE.format("list"),
        )
        return self.get_paginated_response(
            ToelaatbaarheidsverklaringLijstSerializer(pagina, many=True).data
        )

    @extend_schema(responses=ToelaatbaarheidsverklaringSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        try:
            # The whole dossier (advices, answers, bezwaar handling) is for staff, as on the
            # pages; parents and pupils read their child's TLV in the portal.
            tlv = tlv_voor_actor(
                actor=actor,
                sleutel=als_sleutel(sleutel),
                actie="dossier_bekijken",
                doel="TLV opvragen via API",
                route=ROUTE.format("detail"),
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        return Response(ToelaatbaarheidsverklaringSerializer(tlv).data)

    @extend_schema(
        request=TlvAanvraagInvoer,
        responses={
            201: ToelaatbaarheidsverklaringSerializer,
            400: OpenApiResponse(TlvFoutSerializer, description="Niet aangevraagd"),
        },
        description=(
            "Vraag een TLV aan vanuit een vastgesteld OPP (`opp` is de sleutel van die versie). "
            "Leerling, school, OPP, de kijk van de ouders en de mening van de leerling gaan mee."
        ),
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        eis_rol(actor, "aanvragen", route, log_actie=Actie.AANMAKEN)
        invoer = TlvAanvraagInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            opp = opp_voor_schrijven(
                actor=actor,
                sleutel=invoer.validated_data["opp"],
                actie="bekijken",
                doel="TLV aanvragen via API",
                route=route,
                log_actie=Actie.AANMAKEN,
            )
        except Http404:  # the refusal is logged by the selector
            raise serializers.ValidationError(
                {"opp": ["Dit OPP bestaat niet of u mag het niet zien."]}
            ) from None
        try:
            tlv = services.tlv_aanvragen(
                actor=actor,
                opp=opp,
                soort=invoer.validated_data["soort"],
                toelichting=invoer.validated_data["toelichting"],
                route=route,
            )
        except (Geweigerd, DjangoValidationError) as fout:
            geweigerd = isinstance(fout, Geweigerd)
            redenen = [fout.reden] if isinstance(fout, Geweigerd) else fout.messages
            toegang_vastleggen(
                actor=actor,
                actie=Actie.AANMAKEN,
                object_type="ontwikkelingsperspectief",
                object_id=str(opp.sleutel),
                leerling_sleutels=[opp.leerling.sleutel],
                toegestaan=not geweigerd,
                reden=("geweigerd: " if geweigerd else "TLV niet aangevraagd: ")
                + "; ".join(redenen)[:200],
                route=route,
            )
            if isinstance(fout, Geweigerd):
                raise PermissionDenied(fout.reden) from None
            if not hasattr(fout, "error_dict") and getattr(fout, "code", None):
                raise TlvFout(
                    status.HTTP_400_BAD_REQUEST, str(fout.code), fout.messages[0]
                ) from None
            raise als_api_fout(fout) from None
        return Response(weergave(tlv), status=status.HTTP_201_CREATED)

    @schrijfactie(TlvCompleetInvoer, "Het loket verklaart de aanvraag compleet, met de datum.")
    @action(detail=True, methods=["post"])
    def compleet(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("compleet")
        tlv = voor_wijziging(actor, sleutel, "compleet_verklaren", route)
        gegevens = invoer_van(TlvCompleetInvoer, request, actor, tlv, route)
        uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.tlv_compleet_verklaren(
                actor=actor, tlv=tlv, compleet_op=gegevens["compleet_op"], route=route
            ),
        )
        return Response(weergave(tlv))

    @schrijfactie(
        TlvAdviesInvoer,
        "Leg het advies van een deskundige uit de pool vast. Een deskundige die op de "
        "aanvragende school werkt of aan de aanvraag meewerkte, wordt geweigerd (400).",
        antwoord=status.HTTP_201_CREATED,
    )
    @action(detail=True, methods=["post"])
    def advies(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("advies")
        tlv = voor_wijziging(actor, sleutel, "advies_vastleggen", route)
        gegevens = invoer_van(TlvAdviesInvoer, request, actor, tlv, route)
        deskundige = Deskundige.objects.filter(
            pk=gegevens.pop("deskundige"), samenwerkingsverband_id=tlv.verantwoordelijk_swv_id
        ).first()
        if deskundige is None:
            vastleggen(
                actor,
                tlv,
                toegestaan=True,
                reden="niets opgeslagen: onbekende deskundige",
                route=route,
            )
            raise serializers.ValidationError(
                {"deskundige": ["Kies een deskundige uit de pool van het samenwerkingsverband."]}
            )
        uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.advies_vastleggen(
                actor=actor, tlv=tlv, deskundige=deskundige, route=route, **gegevens
            ),
        )
        return Response(weergave(tlv), status=status.HTTP_201_CREATED)

    @schrijfactie(
        TlvBesluitInvoer,
        "Besluit over een complete aanvraag met minstens twee geldige adviezen: toekennen "
        "(schooltype, categorie bij so/vso, ingangs- en einddatum) of afwijzen, met redenen.",
    )
    @action(detail=True, methods=["post"])
    def besluit(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("besluit")
        tlv = voor_wijziging(actor, sleutel, "besluiten", route)
        gegevens = invoer_van(TlvBesluitInvoer, request, actor, tlv, route)
        uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.tlv_besluiten(actor=actor, tlv=tlv, route=route, **gegevens),
        )
        return Response(weergave(tlv))

    @schrijfactie(
        TlvBezwaarInvoer,
        "Bezwaar: leg een nieuw bezwaar vast (`stap` = `indienen`; na 6 weken gemarkeerd als "
        "te laat) of de volgende stap van een bezwaar: advies gevraagd (binnen 2 weken), "
        "advies ontvangen, uitkomst (200).",
        antwoord=status.HTTP_201_CREATED,
        ook=(status.HTTP_200_OK,),
    )
    @action(detail=True, methods=["post"])
    def bezwaar(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("bezwaar")
        tlv = voor_wijziging(actor, sleutel, "bezwaar_vastleggen", route)
        gegevens = invoer_van(TlvBezwaarInvoer, request, actor, tlv, route)
        stap = gegevens.pop("stap")
        if stap == "indienen":
            uitvoeren(
                actor,
                tlv,
                route,
                lambda: services.bezwaar_vastleggen(
                    actor=actor,
                    tlv=tlv,
                    indiener=gegevens["indiener"],
                    ingediend_op=gegevens["ingediend_op"],
                    omschrijving=gegevens["omschrijving"],
                    route=route,
                ),
            )
            return Response(weergave(tlv), status=status.HTTP_201_CREATED)
        gekozen = (
            Bezwaar.objects.filter(pk=gegevens["bezwaar"], tlv=tlv).select_related("tlv").first()
        )
        if gekozen is None:
            vastleggen(
                actor, tlv, toegestaan=True, reden="niets opgeslagen: onbekend bezwaar", route=route
            )
            raise serializers.ValidationError({"bezwaar": ["Dit bezwaar hoort niet bij deze TLV."]})
        if stap == "advies_gevraagd":
            uitvoeren(
                actor,
                tlv,
                route,
                lambda: services.bezwaar_advies_gevraagd(
                    actor=actor,
                    bezwaar=gekozen,
                    adviesaanvraag_op=gegevens["adviesaanvraag_op"],
                    route=route,
                ),
            )
        elif stap == "advies_ontvangen":
            uitvoeren(
                actor,
                tlv,
                route,
                lambda: services.bezwaar_advies_ontvangen(
                    actor=actor,
                    bezwaar=gekozen,
                    advies_ontvangen_op=gegevens["advies_ontvangen_op"],
                    advies=gegevens["advies"],
                    route=route,
                ),
            )
        else:
            uitvoeren(
                actor,
                tlv,
                route,
                lambda: services.bezwaar_beslissen(
                    actor=actor,
                    bezwaar=gekozen,
                    uitkomst=gegevens["uitkomst"],
                    uitkomst_op=gegevens["uitkomst_op"],
                    toelichting=gegevens["toelichting"],
                    route=route,
                ),
            )
        return Response(weergave(tlv), status=status.HTTP_200_OK)

    @schrijfactie(
        TlvVerlengingInvoer,
        "De huidige school vraagt vóór de einddatum een verlenging aan: een nieuwe aanvraag "
        "vanuit het geldende OPP, gekoppeld aan deze TLV. Het antwoord is de nieuwe aanvraag.",
        antwoord=status.HTTP_201_CREATED,
    )
    @action(detail=True, methods=["post"])
    def verlenging(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("verlenging")
        tlv = voor_wijziging(actor, sleutel, "verlenging_aanvragen", route)
        gegevens = invoer_van(TlvVerlengingInvoer, request, actor, tlv, route)
        nieuw = uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.tlv_verlenging_aanvragen(
                actor=actor, tlv=tlv, route=route, **gegevens
            ),
        )
        return Response(weergave(nieuw), status=status.HTTP_201_CREATED)

    @schrijfactie(
        TlvIntrekkenInvoer,
        "De aanvragende school trekt de aanvraag vóór het besluit in, met een reden "
        "(gedateerd vandaag).",
    )
    @action(detail=True, methods=["post"])
    def intrekken(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("intrekken")
        tlv = voor_wijziging(actor, sleutel, "intrekken", route)
        gegevens = invoer_van(TlvIntrekkenInvoer, request, actor, tlv, route)
        uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.tlv_intrekken(
                actor=actor, tlv=tlv, reden=gegevens["reden"], route=route
            ),
        )
        return Response(weergave(tlv))

    @schrijfactie(
        TlvAntwoordenInvoer,
        "De school beantwoordt de aanvullende vragen van het samenwerkingsverband, zolang de "
        "aanvraag nog niet compleet is. Een leeg antwoord laat een eerder antwoord vervallen.",
    )
    @action(detail=True, methods=["post"])
    def vragen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("vragen")
        tlv = voor_wijziging(actor, sleutel, "vragen_beantwoorden", route)
        gegevens = invoer_van(TlvAntwoordenInvoer, request, actor, tlv, route)
        antwoorden = {regel["vraag"]: regel["antwoord"] for regel in gegevens["antwoorden"]}
        uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.antwoorden_vastleggen(
                actor=actor, tlv=tlv, antwoorden=antwoorden, route=route
            ),
        )
        return Response(weergave(tlv))

    @schrijfactie(
        TlvBeslissingOpBezwaarInvoer,
        "Na een gegrond bezwaar beslist het samenwerkingsverband opnieuw (één keer): het besluit "
        "wordt herzien of alsnog toegekend of afgewezen. Het oorspronkelijke besluit blijft "
        "bewaard in `beslissing_op_bezwaar`.",
    )
    @action(detail=True, methods=["post"], url_path="beslissing-op-bezwaar")
    def beslissing_op_bezwaar(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("beslissing-op-bezwaar")
        tlv = voor_wijziging(actor, sleutel, "beslissen_op_bezwaar", route)
        gegevens = invoer_van(TlvBeslissingOpBezwaarInvoer, request, actor, tlv, route)
        uitvoeren(
            actor,
            tlv,
            route,
            lambda: services.beslissen_op_bezwaar(actor=actor, tlv=tlv, route=route, **gegevens),
        )
        return Response(weergave(tlv))
