"""The registration resource: reads through the selectors (policy + access log), writes
through the services. Every request that touches pupil data writes exactly one access-log
record: reads in the selectors, successful writes in the services, refusals and writes that
were not saved here. A hidden registration, or one the actor may read but not change, is a
404. A write the registration's state does not allow is a 409 with a code."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.core.api import StrikteLimitOffsetPaginering
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.selectors import leerling_voor_actor
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.organisaties.models import Gemeente, Vestiging
from passend.zorgplicht import services
from passend.zorgplicht.api.invoer import (
    AanmeldingBesluitInvoer,
    AanmeldingInvoer,
    AanmeldingLijstFilter,
    AanmeldingVerlengenInvoer,
)
from passend.zorgplicht.api.serializers import AanmeldingFoutSerializer, AanmeldingSerializer
from passend.zorgplicht.models import Aanmelding, Stap
from passend.zorgplicht.permissions import SWV_ROLLEN, beleid
from passend.zorgplicht.selectors import (
    OBJECT_TYPE,
    aanmelding_voor_actor,
    aanmelding_voor_schrijven,
    aanmeldingen_zichtbaar_voor,
)

NIET_GEVONDEN = "Deze aanmelding bestaat niet of u mag deze niet zien."
ROUTE = "api:aanmelding-{}"


def _context(actor: Any) -> dict[str, Any]:
    """SWV staff get the registration without the school's free text (see the serializer)."""
    return {"beperkt": actor.rolsoort in SWV_ROLLEN}


ALGEMEEN = "niet_veldgebonden"


class AanmeldingFout(APIException):
    def __init__(self, status_code: int, code: str, detail: str) -> None:
        self.status_code = status_code
        super().__init__({"code": code, "detail": detail})


def _sleutel(waarde: str) -> UUID:
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound(NIET_GEVONDEN) from None


def _log(
    actor: Any,
    *,
    aanmelding: Aanmelding | None,
    leerling: Any,
    actie: Actie,
    toegestaan: bool,
    reden: str,
    route: str,
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(aanmelding.sleutel) if aanmelding is not None else "",
        leerling_sleutels=[leerling.sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


def _velden(fout: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(fout, "error_dict"):
        return serializers.ValidationError(
            {
                (ALGEMEEN if veld == "__all__" else veld): meldingen
                for veld, meldingen in fout.message_dict.items()
            }
        )
    return serializers.ValidationError({ALGEMEEN: fout.messages})


def _weergave(actor: Any, aanmelding: Aanmelding) -> dict[str, Any]:
    """The registration as it is after a write (the service logged this request)."""
    vers = (
        aanmeldingen_zichtbaar_voor(actor=actor)
        .filter(pk=aanmelding.pk)
        .select_related("geplaatst_bij", "opp")
        .prefetch_related(
            "andere_vestigingen", Prefetch("stappen", queryset=Stap.objects.select_related("door"))
        )
        .first()
    )
    if vers is None:
        raise NotFound(NIET_GEVONDEN)
    return dict(AanmeldingSerializer(vers, context=_context(actor)).data)


def _schrijfschema(
    invoer: type[serializers.Serializer[Any]], beschrijving: str
) -> Callable[[Any], Any]:
    return extend_schema(
        request=invoer,
        responses={
            200: AanmeldingSerializer,
            400: OpenApiResponse(
                AanmeldingFoutSerializer, description="Niet opgeslagen: ongeldige invoer"
            ),
            409: OpenApiResponse(
                AanmeldingFoutSerializer,
                description="Niet mogelijk in deze stand (al verlengd, al besloten, termijn verstreken) of intussen gewijzigd",
            ),
        },
        description=beschrijving,
    )


class AanmeldingViewSet(viewsets.GenericViewSet[Aanmelding]):
    serializer_class = AanmeldingSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Aanmelding.objects.none()  # only for the schema
    lookup_field = "sleutel"
    lookup_value_regex = "[^/]+"  # a malformed key is a JSON 404 from the view

    @extend_schema(
        parameters=[
            OpenApiParameter("leerling", OpenApiTypes.UUID, description="Alleen dit kind"),
            OpenApiParameter(
                "open", OpenApiTypes.BOOL, description="Zonder besluit (true) of met (false)"
            ),
        ],
        responses=AanmeldingSerializer(many=True),
        description="Alle aanmeldingen die u mag zien, de nieuwste eerst.",
    )
    def list(self, request: Request) -> Response:
        actor = api_actor(request)
        filter_ = AanmeldingLijstFilter(data=dict(request.query_params.items()))
        filter_.is_valid(raise_exception=True)
        queryset = (
            aanmeldingen_zichtbaar_voor(actor=actor)
            .select_related("geplaatst_bij", "opp")
            .prefetch_related(
                "andere_vestigingen",
                Prefetch("stappen", queryset=Stap.objects.select_related("door")),
            )
            .order_by("-ontvangen_op", "-id")
        )
        if "leerling" in filter_.validated_data:
            queryset = queryset.filter(leerling__sleutel=filter_.validated_data["leerling"])
        if filter_.validated_data.get("open") == "true":
            queryset = queryset.filter(uitkomst="")
        elif filter_.validated_data.get("open") == "false":
            queryset = queryset.exclude(uitkomst="")
        pagina = self.paginate_queryset(queryset) or []
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type="aanmeldingenlijst",
            leerling_sleutels=[a.leerling.sleutel for a in pagina],
            toegestaan=True,
            reden="aanmeldingen opvragen via API",
            route=ROUTE.format("list"),
        )
        return self.get_paginated_response(
            AanmeldingSerializer(pagina, many=True, context=_context(actor)).data
        )

    @extend_schema(responses=AanmeldingSerializer)
    def retrieve(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        try:
            aanmelding = aanmelding_voor_actor(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie="bekijken",
                doel="aanmelding opvragen via API",
                route=ROUTE.format("detail"),
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None
        return Response(AanmeldingSerializer(aanmelding, context=_context(actor)).data)

    @extend_schema(
        request=AanmeldingInvoer,
        responses={
            201: AanmeldingSerializer,
            400: OpenApiResponse(AanmeldingFoutSerializer, description="Niet opgeslagen"),
        },
        description=(
            "Leg een schriftelijke aanmelding vast bij een vestiging van uw school (intern "
            "begeleider of schoolleider): een kind dat u al ziet (`leerling`) of een nieuw kind "
            "(`nieuwe_leerling`). Passend berekent `beslissen_uiterlijk` en "
            "`tijdelijke_plaatsing_vanaf`."
        ),
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        beleid.eis_en_leg_weigering_vast(
            actor,
            "vastleggen",
            log_actie=Actie.AANMAKEN,
            object_type=OBJECT_TYPE,
            reden="rol legt geen aanmeldingen vast",
            route=route,
        )
        invoer = AanmeldingInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        g = invoer.validated_data
        vestiging = Vestiging.objects.filter(vestigingscode=g["vestigingscode"].upper()).first()
        if vestiging is None:
            raise serializers.ValidationError({"vestigingscode": ["Onbekende vestigingscode."]})
        codes = [c.upper() for c in g["andere_vestigingscodes"]]
        andere = list(Vestiging.objects.filter(vestigingscode__in=codes))
        if len(andere) != len(set(codes)):
            raise serializers.ValidationError(
                {"andere_vestigingscodes": ["Onbekende vestigingscode."]}
            )
        leerling = None
        nieuw = None
        if "leerling" in g:
            try:
                leerling = leerling_voor_actor(
                    actor=actor,
                    sleutel=g["leerling"],
                    actie="bekijken",
                    doel="aanmelding vastleggen via API",
                    route=route,
                    toegestane_vastleggen=False,
                )
            except Http404:  # the refusal is logged by the selector
                raise serializers.ValidationError(
                    {"leerling": ["Deze leerling bestaat niet of u mag deze niet zien."]}
                ) from None
        else:
            kind = g["nieuwe_leerling"]
            gemeente = None
            if kind.get("woongemeente"):
                gemeente = Gemeente.objects.filter(code=kind["woongemeente"]).first()
                if gemeente is None:
                    raise serializers.ValidationError(
                        {"nieuwe_leerling": {"woongemeente": ["Onbekende gemeentecode."]}}
                    )
            nieuw = services.NieuwKind(
                voornamen=kind["voornamen"],
                achternaam=kind["achternaam"],
                geboortedatum=kind["geboortedatum"],
                postcode=kind["postcode"],
                woongemeente=gemeente,
                roepnaam=kind["roepnaam"],
                tussenvoegsel=kind["tussenvoegsel"],
            )
        try:
            aanmelding = services.aanmelden(
                actor=actor,
                vestiging=vestiging,
                leerling=leerling,
                nieuw_kind=nieuw,
                ontvangen_op=g["ontvangen_op"],
                ondersteuning_verwacht=g["ondersteuning_verwacht"],
                toelichting_ondersteuning=g["toelichting_ondersteuning"],
                andere_scholen=g["andere_scholen"],
                andere_vestigingen=andere,
                eerste_voorkeur=g["eerste_voorkeur"],
                route=route,
            )
        except Geweigerd as fout:  # logged by the service
            raise PermissionDenied(fout.reden) from None
        except DjangoValidationError as fout:
            _log(
                actor,
                aanmelding=None,
                leerling=leerling,
                actie=Actie.AANMAKEN,
                toegestaan=True,
                reden="aanmelding niet opgeslagen: ongeldige invoer",
                route=route,
            )
            raise _velden(fout) from None
        return Response(_weergave(actor, aanmelding), status=status.HTTP_201_CREATED)

    # --- Writes on one registration ---------------------------------------------------------

    def _voor_schrijven(self, actor: Any, sleutel: str, actie: str, route: str) -> Aanmelding:
        try:
            return aanmelding_voor_schrijven(
                actor=actor,
                sleutel=_sleutel(sleutel),
                actie=actie,
                doel=f"aanmelding via API ({actie})",
                route=route,
            )
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None

    def _uitvoeren(
        self, actor: Any, aanmelding: Aanmelding, route: str, schrijven: Callable[[], object]
    ) -> None:
        def niet_opgeslagen(reden: str) -> None:
            _log(
                actor,
                aanmelding=aanmelding,
                leerling=aanmelding.leerling,
                actie=Actie.WIJZIGEN,
                toegestaan=True,
                reden=f"niet opgeslagen: {reden}",
                route=route,
            )

        try:
            schrijven()
        except services.NietMogelijk as fout:
            niet_opgeslagen(fout.weigering)
            raise AanmeldingFout(status.HTTP_409_CONFLICT, fout.weigering, fout.melding) from None
        except services.Conflict as fout:
            niet_opgeslagen("conflict")
            raise AanmeldingFout(status.HTTP_409_CONFLICT, "conflict", str(fout)) from None
        except Geweigerd as fout:  # logged by the service
            raise PermissionDenied(fout.reden) from None
        except DjangoValidationError as fout:
            niet_opgeslagen("ongeldige invoer")
            raise _velden(fout) from None

    def _ongeldig(
        self, actor: Any, aanmelding: Aanmelding, route: str, veld: str, melding: str
    ) -> None:
        _log(
            actor,
            aanmelding=aanmelding,
            leerling=aanmelding.leerling,
            actie=Actie.WIJZIGEN,
            toegestaan=True,
            reden="niet opgeslagen: ongeldige invoer",
            route=route,
        )
        raise serializers.ValidationError({veld: [melding]})

    def _invoer(
        self,
        soort: type[serializers.Serializer[Any]],
        request: Request,
        actor: Any,
        aanmelding: Aanmelding,
        route: str,
    ) -> dict[str, Any]:
        invoer = soort(data=request.data)
        if not invoer.is_valid():
            _log(
                actor,
                aanmelding=aanmelding,
                leerling=aanmelding.leerling,
                actie=Actie.WIJZIGEN,
                toegestaan=True,
                reden="niet opgeslagen: ongeldige invoer",
                route=route,
            )
            raise serializers.ValidationError(invoer.errors)
        return dict(invoer.validated_data)

    @_schrijfschema(
        AanmeldingVerlengenInvoer,
        "Verleng de beslistermijn één keer, met 1 tot en met 4 weken, vóór het einde van de "
        "termijn. Een tweede verlenging, of een verlenging na het einde van de termijn, wordt "
        "geweigerd met 409 en code `al_verlengd` of `termijn_verstreken`.",
    )
    @action(detail=True, methods=["post"])
    def verlengen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("verlengen")
        aanmelding = self._voor_schrijven(actor, sleutel, "verlengen", route)
        g = self._invoer(AanmeldingVerlengenInvoer, request, actor, aanmelding, route)
        self._uitvoeren(
            actor,
            aanmelding,
            route,
            lambda: services.aanmelding_verlengen(
                actor=actor,
                aanmelding=aanmelding,
                weken=g["weken"],
                reden=g["reden"],
                verlengd_op=g.get("verlengd_op"),
                route=route,
            ),
        )
        return Response(_weergave(actor, aanmelding))

    @_schrijfschema(
        AanmeldingBesluitInvoer,
        "Leg het besluit vast. Bij een toelating wordt de leerling ingeschreven vanaf "
        "`ingangsdatum`. Bij `geplaatst_elders` (weigeren op grond van de zorgplicht) is de "
        "school die het kind toeliet verplicht. Een tweede besluit: 409 met code `al_besloten`.",
    )
    @action(detail=True, methods=["post"])
    def besluit(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("besluit")
        aanmelding = self._voor_schrijven(actor, sleutel, "beslissen", route)
        g = self._invoer(AanmeldingBesluitInvoer, request, actor, aanmelding, route)
        geplaatst_bij = None
        if g.get("geplaatst_bij"):
            geplaatst_bij = Vestiging.objects.filter(
                vestigingscode=g["geplaatst_bij"].upper()
            ).first()
            if geplaatst_bij is None:
                self._ongeldig(
                    actor, aanmelding, route, "geplaatst_bij", "Onbekende vestigingscode."
                )
        opp = None
        if g.get("opp"):
            opp = Ontwikkelingsperspectief.objects.filter(sleutel=g["opp"]).first()
            if opp is None:
                self._ongeldig(
                    actor, aanmelding, route, "opp", "Kies een OPP van dit kind dat u mag zien."
                )
        self._uitvoeren(
            actor,
            aanmelding,
            route,
            lambda: services.aanmelding_besluiten(
                actor=actor,
                aanmelding=aanmelding,
                uitkomst=g["uitkomst"],
                uitkomst_op=g.get("uitkomst_op"),
                toelichting=g["toelichting"],
                ingangsdatum=g.get("ingangsdatum"),
                geplaatst_bij=geplaatst_bij,
                geplaatst_op=g.get("geplaatst_op"),
                opp=opp,
                route=route,
            ),
        )
        return Response(_weergave(actor, aanmelding))
