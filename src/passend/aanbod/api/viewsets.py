"""The resources of the offer API. Public reads go through ``selectors.catalogus`` only;
writes through ``services.aanbod`` with the actor of the token or session. A role that may
never do something gets a 403; a location the actor may not see is a 404."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passend.aanbod.api.filters import filteren
from passend.aanbod.api.invoer import ConceptInvoer, LegeInvoer, PublicerenInvoer
from passend.aanbod.api.serializers import (
    AanbodFoutSerializer,
    AanbodSerializer,
    AanbodversieSerializer,
    OndersteuningsgebiedSerializer,
)
from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.permissions import beleid, vestiging_zichtbaarheid
from passend.aanbod.rules import Status, schooljaar_geldig, schooljaren_om_te_beschrijven
from passend.aanbod.selectors.catalogus import (
    actieve_gebieden,
    openbaar_aanbod,
    openbaar_aanbod_van,
)
from passend.aanbod.services import aanbod as diensten
from passend.aanbod.services.basis import Conflict
from passend.accounts.actor import Actor
from passend.accounts.api import api_actor
from passend.core.api import als_api_fout
from passend.core.permissions import Geweigerd
from passend.organisaties.models import Vestiging
from passend.organisaties.rules import VESTIGINGSCODE as VESTIGINGSCODE_VORM
from passend.organisaties.rules import Soort

NIET_GEVONDEN = "Deze vestiging bestaat niet of u mag haar aanbod niet zien."
GEEN_CONCEPT = (
    "Er is geen concept voor dit schooljaar. Open er een met POST op deze URL (het begint als "
    "kopie van het gepubliceerde aanbod)."
)
SCHRIJVEN = ("aanbod_beschrijven", "regio_importeren")
PUBLICEREN = ("aanbod_publiceren", "regio_importeren")

VESTIGINGSCODE = OpenApiParameter(
    "vestigingscode",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Vestigingscode (BRIN-nummer plus 2 cijfers), bijvoorbeeld 12AB00.",
)
SCHOOLJAAR = OpenApiParameter(
    "schooljaar",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Schooljaar, bijvoorbeeld 2026-2027.",
)
FOUT_400 = OpenApiResponse(AanbodFoutSerializer, description="Ongeldige invoer; zie `velden`")
FOUT_404 = OpenApiResponse(AanbodFoutSerializer, description="Geen vestiging of geen concept")
FOUT_409 = OpenApiResponse(
    AanbodFoutSerializer,
    description="Intussen gewijzigd (`revisie`, met de huidige revisie) of gepubliceerd "
    "(`niet_concept`); er is niets opgeslagen",
)


def _fout(status_code: int, code: str, detail: str, **extra: Any) -> Response:
    return Response({"code": code, "detail": detail, **extra}, status=status_code)


# --- Public ----------------------------------------------------------------------------------


class AanbodViewSet(viewsets.GenericViewSet[Aanbod]):
    """Published support offers of school locations: open data, no log-in needed."""

    permission_classes = [AllowAny]
    serializer_class = AanbodSerializer
    queryset = Aanbod.objects.none()  # only for the schema
    lookup_field = "vestigingscode"
    lookup_value_regex = "[^/]+"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "gemeente", OpenApiTypes.STR, description="Gemeente: CBS-code of naam."
            ),
            OpenApiParameter(
                "soort", OpenApiTypes.STR, enum=list(Soort.values), description="Soort school."
            ),
            OpenApiParameter(
                "gebied",
                OpenApiTypes.STR,
                description="Code van een ondersteuningsgebied: alleen aanbod dat dit gebied "
                "beschrijft.",
            ),
            OpenApiParameter(
                "swv",
                OpenApiTypes.STR,
                description="Code van een samenwerkingsverband, bijvoorbeeld PO2401.",
            ),
        ],
        responses={200: AanbodSerializer(many=True), 400: FOUT_400},
        description=(
            "Het gepubliceerde ondersteuningsaanbod van schoolvestigingen: per vestiging de "
            "versie die de openbare gids toont (het nieuwste gepubliceerde schooljaar). "
            "Concepten zijn nooit openbaar. Zonder inloggen."
        ),
    )
    def list(self, request: Request) -> Response:
        aanbod = filteren(
            openbaar_aanbod(), request.query_params, peildatum=timezone.localdate()
        ).order_by("vestiging__naam", "vestiging__vestigingscode")
        pagina = self.paginate_queryset(aanbod)
        return self.get_paginated_response(AanbodSerializer(pagina, many=True).data)

    @extend_schema(
        responses={200: AanbodSerializer, 404: FOUT_404},
        description="Het gepubliceerde aanbod van één vestiging. Zonder inloggen.",
    )
    def retrieve(self, request: Request, vestigingscode: str) -> Response:
        code = vestigingscode.upper()
        aanbod = (
            openbaar_aanbod_van(vestigingscode=code) if VESTIGINGSCODE_VORM.match(code) else None
        )
        if aanbod is None:
            raise NotFound("Deze vestiging heeft geen gepubliceerd aanbod.")
        return Response(AanbodSerializer(aanbod).data)


class OndersteuningsgebiedViewSet(viewsets.GenericViewSet[Ondersteuningsgebied]):
    """The areas of support an offer describes (the codes the write API takes)."""

    permission_classes = [AllowAny]
    serializer_class = OndersteuningsgebiedSerializer
    queryset = Ondersteuningsgebied.objects.none()  # only for the schema
    pagination_class = None

    @extend_schema(
        responses=OndersteuningsgebiedSerializer(many=True),
        description="De ondersteuningsgebieden, in vaste volgorde. `landelijke_norm`: een "
        "gebied van de landelijke norm basisondersteuning (verplicht om te publiceren).",
    )
    def list(self, request: Request) -> Response:
        return Response(OndersteuningsgebiedSerializer(actieve_gebieden(), many=True).data)


# --- The school's concept --------------------------------------------------------------------


def _actor(request: Request, rol_acties: tuple[str, ...], reden: str) -> Actor:
    actor = api_actor(request)
    if not any(beleid.mag(actor, actie) for actie in rol_acties):
        raise PermissionDenied(reden)
    return actor


def _vestiging(actor: Actor, vestigingscode: str) -> Vestiging:
    code = vestigingscode.upper()
    if not VESTIGINGSCODE_VORM.match(code):
        raise NotFound(NIET_GEVONDEN)
    vestiging = (
        Vestiging.objects.filter(vestiging_zichtbaarheid(actor), vestigingscode=code)
        .select_related("school")
        .first()
    )
    if vestiging is None:
        raise NotFound(NIET_GEVONDEN)
    return vestiging


def _schooljaar(schooljaar: str, *, schrijven: bool) -> str:
    if not schooljaar_geldig(schooljaar):
        raise NotFound("Dit is geen schooljaar; schrijf het als 2026-2027.")
    if schrijven:
        toegestaan = schooljaren_om_te_beschrijven(timezone.localdate())
        if schooljaar not in toegestaan:
            raise NotFound(
                f"Het aanbod van {schooljaar} kan niet (meer) worden beschreven. Kies "
                f"{' of '.join(toegestaan)}."
            )
    return schooljaar


def _concept(vestiging: Vestiging, schooljaar: str) -> Aanbod | None:
    return (
        Aanbod.objects.filter(vestiging=vestiging, schooljaar=schooljaar, status=Status.CONCEPT)
        .select_related("vestiging")
        .first()
    )


def _met_gebieden(aanbod: Aanbod) -> dict[str, Any]:
    aanbod = (
        Aanbod.objects.select_related("vestiging")
        .prefetch_related(
            Prefetch(
                "gebieden",
                queryset=Gebiedsaanbod.objects.select_related("gebied").order_by(
                    "gebied__volgorde", "gebied__naam"
                ),
            )
        )
        .get(pk=aanbod.pk)
    )
    return dict(AanbodversieSerializer(aanbod).data)


def _schrijven(schrijf: Any, concept: Aanbod) -> Response | None:
    """Run one service; a refusal becomes its machine-readable answer (None: it worked)."""
    try:
        schrijf()
    except Conflict as conflict:
        huidig = Aanbod.objects.filter(pk=concept.pk).values_list("revisie", flat=True).first()
        return _fout(status.HTTP_409_CONFLICT, conflict.code, conflict.melding, revisie=huidig)
    except Geweigerd as fout:
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        raise als_api_fout(fout) from None
    return None


class ConceptView(APIView):
    """The concept of a location's offer for a school year."""

    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="aanbod_concept_lezen",
        parameters=[VESTIGINGSCODE, SCHOOLJAAR],
        responses={200: AanbodversieSerializer, 404: FOUT_404},
        description=(
            "Het concept van dit schooljaar, met de `revisie` die een wijziging moet meegeven. "
            "Voor de school (en haar bestuur) en het samenwerkingsverband van de regio."
        ),
    )
    def get(self, request: Request, vestigingscode: str, schooljaar: str) -> Response:
        actor = _actor(request, ("aanbod_inzien",), "Deze rol leest geen aanbod.")
        vestiging = _vestiging(actor, vestigingscode)
        concept = _concept(vestiging, _schooljaar(schooljaar, schrijven=False))
        if concept is None:
            return _fout(status.HTTP_404_NOT_FOUND, "geen_concept", GEEN_CONCEPT)
        return Response(_met_gebieden(concept))

    @extend_schema(
        operation_id="aanbod_concept_openen",
        parameters=[VESTIGINGSCODE, SCHOOLJAAR],
        request=LegeInvoer,
        responses={
            200: OpenApiResponse(AanbodversieSerializer, description="Het concept bestond al"),
            201: OpenApiResponse(AanbodversieSerializer, description="Nieuw concept"),
            400: FOUT_400,
            404: FOUT_404,
        },
        description=(
            "Open het concept van dit schooljaar (het lopende of het volgende). Is er geen, "
            "dan begint een nieuw concept als kopie van het gepubliceerde aanbod van dat jaar, "
            "of anders van het laatste eerdere jaar. Er wordt niets gepubliceerd."
        ),
    )
    def post(self, request: Request, vestigingscode: str, schooljaar: str) -> Response:
        actor = _actor(request, SCHRIJVEN, "Deze rol beschrijft geen aanbod.")
        vestiging = _vestiging(actor, vestigingscode)
        jaar = _schooljaar(schooljaar, schrijven=True)
        LegeInvoer(data=request.data).is_valid(raise_exception=True)
        bestond = _concept(vestiging, jaar) is not None
        try:
            concept = diensten.concept_aanbod(actor=actor, vestiging=vestiging, schooljaar=jaar)
        except Geweigerd as fout:
            raise PermissionDenied(fout.reden) from None
        except DjangoValidationError as fout:
            raise als_api_fout(fout) from None
        return Response(
            _met_gebieden(concept),
            status=status.HTTP_200_OK if bestond else status.HTTP_201_CREATED,
        )

    @extend_schema(
        operation_id="aanbod_concept_vervangen",
        parameters=[VESTIGINGSCODE, SCHOOLJAAR],
        request=ConceptInvoer,
        responses={
            200: AanbodversieSerializer,
            400: FOUT_400,
            404: FOUT_404,
            409: FOUT_409,
        },
        description=(
            "Vervang de hele inhoud van het concept: toelichting, contact en alle gebieden. "
            "Een gebied dat u weglaat of zonder tekst meegeeft, hoort er daarna niet meer bij. "
            "Geef de `revisie` mee van het concept zoals u het ophaalde; heeft iemand anders "
            "het intussen gewijzigd, dan volgt 409 met code `revisie` en wordt niets opgeslagen."
        ),
    )
    def put(self, request: Request, vestigingscode: str, schooljaar: str) -> Response:
        actor = _actor(request, SCHRIJVEN, "Deze rol beschrijft geen aanbod.")
        vestiging = _vestiging(actor, vestigingscode)
        concept = _concept(vestiging, _schooljaar(schooljaar, schrijven=True))
        if concept is None:
            return _fout(status.HTTP_404_NOT_FOUND, "geen_concept", GEEN_CONCEPT)
        invoer = ConceptInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        gebieden = [
            diensten.Gebiedsinvoer(
                gebied_id=g["gebied"].pk,
                basisondersteuning=g["basisondersteuning"],
                extra_ondersteuning=g["extra_ondersteuning"],
                expertise=g["expertise"],
                faciliteiten=tuple(g["faciliteiten"]),
                capaciteit=g["capaciteit"],
            )
            for g in gegevens["gebieden"]
        ]
        fout = _schrijven(
            lambda: diensten.aanbod_opslaan(
                actor=actor,
                aanbod=concept,
                revisie=gegevens["revisie"],
                toelichting=gegevens["toelichting"],
                contact=gegevens["contact"],
                gebieden=gebieden,
            ),
            concept,
        )
        return fout or Response(_met_gebieden(concept))


class PublicerenView(APIView):
    """Publish the concept of a school year."""

    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="aanbod_concept_publiceren",
        parameters=[VESTIGINGSCODE, SCHOOLJAAR],
        request=PublicerenInvoer,
        responses={
            200: AanbodversieSerializer,
            400: FOUT_400,
            404: FOUT_404,
            409: FOUT_409,
        },
        description=(
            "Publiceer het concept (de schoolleider; of het samenwerkingsverband voor een "
            "vestiging in zijn regio). Het vervangt het gepubliceerde aanbod van dat "
            "schooljaar. Eerst moet de basisondersteuning van elk gebied van de landelijke "
            "norm beschreven zijn (anders 400, veld `gebieden`). Een verouderde `revisie` "
            "geeft 409."
        ),
    )
    def post(self, request: Request, vestigingscode: str, schooljaar: str) -> Response:
        actor = _actor(request, PUBLICEREN, "Deze rol publiceert geen aanbod.")
        vestiging = _vestiging(actor, vestigingscode)
        concept = _concept(vestiging, _schooljaar(schooljaar, schrijven=True))
        if concept is None:
            return _fout(status.HTTP_404_NOT_FOUND, "geen_concept", GEEN_CONCEPT)
        invoer = PublicerenInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        fout = _schrijven(
            lambda: diensten.aanbod_publiceren(
                actor=actor, aanbod=concept, revisie=invoer.validated_data["revisie"]
            ),
            concept,
        )
        return fout or Response(_met_gebieden(concept))
