"""The dekkend netwerk analyses in the API (``/api/v1/netwerkanalyses/``).

Reads go through ``monitor.selectors.netwerk`` (policy and one access-log record per read:
figures only, no pupil), starting through ``monitor.services.netwerk.analyse_starten``:

- ``GET /netwerkanalyses/``: the own SWV's analyses, newest first (paged);
- ``GET /netwerkanalyses/{sleutel}/``: status, progress and result;
- ``POST /netwerkanalyses/`` ``{naam, wijzigingen, basis}``: 202 with the queued (or, without
  a background thread, finished) analysis; 400 with a message per field and per change;
  403 for a role that may not start analyses; 404 (logged, as on the pages) when ``basis``
  is another SWV's or an unknown analysis;
- ``GET /netwerkanalyses/{sleutel}/vergelijking/``: a what-if beside its basis — the main
  figures of both and the difference (what-if minus basis).

Another SWV's analysis, or a malformed key, is a 404 like an unknown one.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout
from passend.core.models import Actie
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.netwerk.wat_als import MAXIMAAL_AANTAL_WIJZIGINGEN
from passend.monitor.permissions import beleid
from passend.monitor.selectors.netwerk import NIET_GEVONDEN, analyse_voor, analyses_voor
from passend.monitor.services.netwerk import analyse_starten

ROUTE = "api:netwerkanalyse-{}"

#: The main figures of a result, compared in ``vergelijking``.
HOOFDCIJFERS = (
    "aantal_vraag",
    "aantal_geplaatst",
    "aantal_niet_geplaatst",
    "regulier_geplaatst",
    "speciaal_geplaatst",
    "doelwaarde_km",
    "aantal_leerlingen",
    "zonder_woonplek",
)
AFSTANDEN = ("gemiddeld", "p90", "max")


class NetwerkanalyseLijstSerializer(serializers.ModelSerializer[Netwerkanalyse]):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    basis: serializers.SlugRelatedField[Netwerkanalyse] = serializers.SlugRelatedField(
        slug_field="sleutel", read_only=True
    )
    samenwerkingsverband = serializers.CharField(source="samenwerkingsverband.code", read_only=True)

    class Meta:
        model = Netwerkanalyse
        fields = [
            "sleutel",
            "naam",
            "samenwerkingsverband",
            "basis",
            "peildatum",
            "schooljaar",
            "status",
            "status_label",
            "voortgang",
            "voortgang_tekst",
            "aangemaakt_op",
            "gestart_op",
            "klaar_op",
        ]
        read_only_fields = fields


class NetwerkanalyseSerializer(NetwerkanalyseLijstSerializer):
    resultaat = serializers.JSONField(
        read_only=True,
        help_text="Klaar: de uitkomst (alleen cijfers per gebied, niveau, gemeente, "
        "postcodegebied en locatie; `zonder_woonplek`: leerlingen zonder bekende woonplek, "
        "die niet meetellen); anders leeg.",
    )
    wijzigingen = serializers.JSONField(read_only=True)
    instellingen = serializers.JSONField(read_only=True)

    class Meta(NetwerkanalyseLijstSerializer.Meta):
        fields = [
            *NetwerkanalyseLijstSerializer.Meta.fields,
            "instellingen",
            "wijzigingen",
            "fout",
            "resultaat",
        ]
        read_only_fields = fields


@extend_schema_field({"type": "array", "items": {"type": "object"}, "maxItems": 200})
class WijzigingenVeld(serializers.Field[list[Any], Any, list[Any], Any]):
    """The what-if changes: a JSON list of objects. Only the outer shape is checked here
    (a list, each change an object, numbered messages in Dutch); ``wat_als.toepassen``
    checks every value, so a value of the wrong type is a 400 with the change's number
    instead of a server error."""

    def to_representation(self, value: list[Any]) -> list[Any]:
        return value

    def to_internal_value(self, data: Any) -> list[Any]:
        # The request body is parsed JSON already (the view takes JSON only).
        waarde = data
        if not isinstance(waarde, list):
            raise serializers.ValidationError("Geef de wijzigingen als een lijst.")
        if len(waarde) > MAXIMAAL_AANTAL_WIJZIGINGEN:
            raise serializers.ValidationError(
                f"Geef ten hoogste {MAXIMAAL_AANTAL_WIJZIGINGEN} wijzigingen tegelijk."
            )
        fouten = [
            f"Wijziging {nummer}: geef een wijziging als object."
            for nummer, wijziging in enumerate(waarde, start=1)
            if not isinstance(wijziging, dict)
        ]
        if fouten:
            raise serializers.ValidationError(fouten)
        return waarde


class NetwerkanalyseInvoer(serializers.Serializer[Any]):
    naam = serializers.CharField(max_length=200)
    wijzigingen = WijzigingenVeld(
        required=False,
        default=list,
        help_text="Wat-als-wijzigingen (zie monitor.rules.Wijzigingssoort); leeg voor de "
        "huidige situatie.",
    )
    basis = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="De analyse die deze wat-als-analyse verandert.",
    )


def _hoofdcijfers(analyse: Netwerkanalyse) -> dict[str, Any] | None:
    resultaat = analyse.resultaat
    if analyse.status != Analysestatus.KLAAR or not isinstance(resultaat, dict):
        return None
    cijfers: dict[str, Any] = {naam: resultaat.get(naam) for naam in HOOFDCIJFERS}
    afstanden = resultaat.get("afstanden_km") or {}
    for naam in AFSTANDEN:
        cijfers[f"afstand_{naam}_km"] = afstanden.get(naam)
    return cijfers


def _verschil(wat_als: dict[str, Any] | None, basis: dict[str, Any] | None) -> dict[str, Any]:
    if wat_als is None or basis is None:
        return {}
    verschil: dict[str, Any] = {}
    for naam, waarde in wat_als.items():
        oud = basis.get(naam)
        if isinstance(waarde, int | float) and isinstance(oud, int | float):
            verschil[naam] = round(waarde - oud, 3)
        else:
            verschil[naam] = None
    return verschil


def _kort(analyse: Netwerkanalyse) -> dict[str, Any]:
    return {
        "sleutel": str(analyse.sleutel),
        "naam": analyse.naam,
        "status": analyse.status,
        "hoofdcijfers": _hoofdcijfers(analyse),
    }


VERGELIJKING = inline_serializer(
    "NetwerkanalyseVergelijking",
    {
        "wat_als": serializers.DictField(help_text="sleutel, naam, status en hoofdcijfers"),
        "basis": serializers.DictField(help_text="sleutel, naam, status en hoofdcijfers"),
        "wijzigingen": serializers.ListField(child=serializers.DictField()),
        "verschil": serializers.DictField(
            help_text="Wat-als min basis per hoofdcijfer; leeg zolang een van beide niet klaar is."
        ),
    },
)


class NetwerkanalyseViewSet(viewsets.GenericViewSet[Netwerkanalyse]):
    """Dekkend netwerk analyses of the own SWV: the same policy, selectors, service and
    access log as the pages."""

    serializer_class = NetwerkanalyseSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Netwerkanalyse.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    @extend_schema(
        responses=NetwerkanalyseLijstSerializer(many=True),
        description="De analyses van het dekkend netwerk van uw samenwerkingsverband, de "
        "nieuwste eerst.",
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        analyses = analyses_voor(actor=actor, route=ROUTE.format("list"))
        pagina = self.paginate_queryset(analyses) or []
        return self.get_paginated_response(NetwerkanalyseLijstSerializer(pagina, many=True).data)

    def _analyse(self, request: Request, sleutel: str, route: str) -> Netwerkanalyse:
        try:
            return analyse_voor(actor=api_actor(request), sleutel=sleutel, route=route)
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None

    @extend_schema(responses=NetwerkanalyseSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        analyse = self._analyse(request, sleutel, ROUTE.format("detail"))
        return Response(NetwerkanalyseSerializer(analyse).data)

    @extend_schema(
        request=NetwerkanalyseInvoer,
        responses={
            202: NetwerkanalyseSerializer,
            400: OpenApiResponse(description="Niet gestart; zie 'velden'"),
            404: OpenApiResponse(
                description="De `basis` bestaat niet of is van een ander samenwerkingsverband"
            ),
        },
        description=(
            "Start een analyse van het dekkend netwerk: de huidige situatie (zonder `basis` "
            "en `wijzigingen`), of een wat-als-analyse op een analyse die klaar is. Het "
            "antwoord is de analyse in de wachtrij; volg `voortgang` met GET."
        ),
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        # Refuse a role that may never start an analysis before reading the body (403).
        beleid.eis_rol(
            actor,
            "netwerk_berekenen",
            log_actie=Actie.AANMAKEN,
            object_type="netwerkanalyse",
            route=route,
        )
        invoer = NetwerkanalyseInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        basis = None
        if invoer.validated_data["basis"] is not None:
            # Through the selector: another SWV's or an unknown analysis is a logged 404.
            try:
                basis = analyse_voor(
                    actor=actor,
                    sleutel=invoer.validated_data["basis"],
                    route=route,
                    actie="netwerk_berekenen",
                )
            except Http404:
                raise NotFound(NIET_GEVONDEN) from None
        try:
            analyse = analyse_starten(
                actor=actor,
                naam=invoer.validated_data["naam"],
                wijzigingen=invoer.validated_data["wijzigingen"],
                basis=basis,
                route=route,
            )
        except DjangoValidationError as fout:
            raise als_api_fout(fout) from None
        return Response(NetwerkanalyseSerializer(analyse).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses=VERGELIJKING)
    @action(detail=True, methods=["get"])
    def vergelijking(self, request: Request, sleutel: str) -> Response:
        analyse = self._analyse(request, sleutel, ROUTE.format("vergelijking"))
        if analyse.basis is None:
            raise NotFound(
                "Deze analyse is geen wat-als-analyse: er is niets om mee te vergelijken."
            )
        wat_als, basis = _kort(analyse), _kort(analyse.basis)
        return Response(
            {
                "wat_als": wat_als,
                "basis": basis,
                "wijzigingen": analyse.wijzigingen,
                "verschil": _verschil(wat_als["hoofdcijfers"], basis["hoofdcijfers"]),
            }
        )
