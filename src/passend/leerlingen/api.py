"""API of the pupil register: the same policy, selectors, services and access log as the pages."""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Inschrijving, Leerling
from passend.leerlingen.permissions import beleid
from passend.leerlingen.selectors import leerling_voor_actor, leerlingen_zichtbaar_voor
from passend.leerlingen.services import Conflict, leerling_inschrijven, leerling_wijzigen
from passend.organisaties.models import Gemeente, Vestiging

POSTCODE_PATROON = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"


def _sleutel(waarde: str) -> UUID:
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound("Deze leerling bestaat niet of u mag deze niet zien.") from None


class InschrijvingSerializer(serializers.ModelSerializer[Inschrijving]):
    vestigingscode = serializers.CharField(source="vestiging.vestigingscode")

    class Meta:
        model = Inschrijving
        fields = ["vestigingscode", "van", "tot"]


class LeerlingSerializer(serializers.ModelSerializer[Leerling]):
    inschrijvingen = InschrijvingSerializer(many=True, read_only=True)
    woongemeente: serializers.SlugRelatedField[Gemeente] = serializers.SlugRelatedField(
        slug_field="naam", read_only=True
    )
    versie = serializers.SerializerMethodField(
        help_text="Meesturen bij een wijziging (optimistische vergrendeling)."
    )

    class Meta:
        model = Leerling
        fields = [
            "sleutel",
            "voornamen",
            "roepnaam",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "postcode",
            "woongemeente",
            "inschrijvingen",
            "versie",
        ]

    def get_versie(self, leerling: Leerling) -> str:
        return leerling.gewijzigd_op.isoformat()


class LeerlingLijstSerializer(serializers.ModelSerializer[Leerling]):
    huidige_vestigingscode = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = Leerling
        fields = [
            "sleutel",
            "voornamen",
            "roepnaam",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "postcode",
            "huidige_vestigingscode",
        ]

    def to_representation(self, instance: Leerling) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["huidige_vestigingscode"] = getattr(instance, "huidige_vestiging_code", None)
        return data


class InschrijvenSerializer(serializers.Serializer[Any]):
    voornamen = serializers.CharField(max_length=200)
    roepnaam = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    tussenvoegsel = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )
    achternaam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    postcode = serializers.RegexField(POSTCODE_PATROON, max_length=7)
    vestigingscode = serializers.RegexField(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$", max_length=6)
    van = serializers.DateField()


class WijzigenSerializer(serializers.Serializer[Any]):
    versie = serializers.CharField()
    voornamen = serializers.CharField(max_length=200, required=False)
    roepnaam = serializers.CharField(max_length=100, required=False, allow_blank=True)
    tussenvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200, required=False)
    postcode = serializers.RegexField(POSTCODE_PATROON, max_length=7, required=False)
    woongemeente = serializers.SlugRelatedField(
        slug_field="naam",
        queryset=Gemeente.objects.all(),
        required=False,
        allow_null=True,
        help_text="Naam van de woongemeente (bepaalt het SWV van de woonregio).",
    )


class LeerlingViewSet(viewsets.GenericViewSet[Leerling]):
    """Reads go through the pupil selectors (policy + access log); writes through services."""

    serializer_class = LeerlingSerializer
    pagination_class = StrikteLimitOffsetPaginering
    queryset = Leerling.objects.none()  # only for the schema; every action uses a selector
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view, not an HTML one

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Zoek op naam of postcode")
        ],
        responses=LeerlingLijstSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        beleid.eis_en_leg_weigering_vast(
            actor,
            "zoeken",
            log_actie=Actie.ZOEKEN,
            object_type="leerlingenlijst",
            reden="rol mag geen leerlingen zoeken",
            route="api:leerling-list",
        )
        zoekterm = str(request.query_params.get("q", ""))[:100]
        pagina = (
            self.paginate_queryset(leerlingen_zichtbaar_voor(actor=actor, zoekterm=zoekterm)) or []
        )
        toegang_vastleggen(
            actor=actor,
            actie=Actie.ZOEKEN,
            object_type="leerlingenlijst",
            object_id=zoekterm,
            leerling_sleutels=[leerling.sleutel for leerling in pagina],
            toegestaan=True,
            reden="leerlingen opvragen via API",
            route="api:leerling-list",
        )
        return self.get_paginated_response(LeerlingLijstSerializer(pagina, many=True).data)

    @extend_schema(responses=LeerlingSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        try:
            leerling = leerling_voor_actor(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie="bekijken",
                doel="leerling opvragen via API",
                route="api:leerling-detail",
            )
        except Http404 as fout:
            raise NotFound("Deze leerling bestaat niet of u mag deze niet zien.") from fout
        return Response(LeerlingSerializer(leerling).data)

    @extend_schema(request=InschrijvenSerializer, responses={201: LeerlingSerializer})
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        beleid.eis_en_leg_weigering_vast(
            actor,
            "inschrijven",
            log_actie=Actie.AANMAKEN,
            object_type="leerling",
            reden="rol mag geen leerlingen inschrijven",
            route="api:leerling-list",
        )
        invoer = InschrijvenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        vestiging = Vestiging.objects.filter(
            vestigingscode=gegevens.pop("vestigingscode").upper()
        ).first()
        if vestiging is None:
            raise serializers.ValidationError({"vestigingscode": ["Onbekende vestigingscode."]})
        try:
            leerling = leerling_inschrijven(
                actor=actor, vestiging=vestiging, route="api:leerling-list", **gegevens
            )
        except Geweigerd as fout:
            raise PermissionDenied(
                "U kunt alleen inschrijven op vestigingen van uw eigen school."
            ) from fout
        except DjangoValidationError as fout:
            raise als_api_fout(fout) from fout
        leerling = Leerling.objects.prefetch_related("inschrijvingen__vestiging").get(
            pk=leerling.pk
        )
        return Response(LeerlingSerializer(leerling).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=WijzigenSerializer,
        responses={
            200: LeerlingSerializer,
            409: OpenApiResponse(description="Intussen door een ander gewijzigd"),
        },
    )
    def partial_update(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        invoer = WijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        versie = gegevens.pop("versie")
        try:
            leerling = leerling_voor_actor(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie="wijzigen",
                doel="leerling wijzigen via API",
                route="api:leerling-detail",
                toegestane_vastleggen=False,
            )
        except Http404 as fout:
            raise NotFound("Deze leerling bestaat niet of u mag deze niet wijzigen.") from fout
        try:
            leerling = leerling_wijzigen(
                actor=actor,
                leerling=leerling,
                versie=versie,
                wijzigingen=gegevens,
                route="api:leerling-detail",
            )
        except Conflict:
            _niet_opgeslagen_vastleggen(
                actor, leerling, "conflict: intussen door een ander gewijzigd"
            )
            return Response(
                {
                    "code": "conflict",
                    "detail": "Iemand anders heeft deze leerling intussen gewijzigd; haal de nieuwe versie op.",
                },
                status=status.HTTP_409_CONFLICT,
            )
        except DjangoValidationError as fout:
            _niet_opgeslagen_vastleggen(actor, leerling, "ongeldige invoer")
            raise als_api_fout(fout) from fout
        leerling = Leerling.objects.prefetch_related("inschrijvingen__vestiging").get(
            pk=leerling.pk
        )
        return Response(LeerlingSerializer(leerling).data)


def _niet_opgeslagen_vastleggen(actor: Any, leerling: Leerling, reden: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type="leerling",
        object_id=str(leerling.sleutel),
        leerling_sleutels=[leerling.sleutel],
        toegestaan=True,
        reden=f"wijziging niet opgeslagen: {reden}",
        route="api:leerling-detail",
    )
