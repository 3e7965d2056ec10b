"""The budget API (under /api/v1/begrotingen/): list and create budgets of the own SWV, read
one with its posts and totals, add, change and delete entered posts, compute the computed
posts, record the reserves with their explanation, adopt a budget and import the entered
posts from a CSV file (multipart). Reads through ``selectors.begroting`` (authorised and logged), writes through
``services.begroting``. A role that may never do it: 403; another SWV's budget: 404; a
stale ``revisie`` or an adopted budget: 409 with the current ``revisie``; bad input: 400
with messages per field."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passend.accounts.api import api_actor
from passend.core.api import als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.middelen.models import Begroting, Begrotingspost
from passend.middelen.permissions import beleid
from passend.middelen.rules import (
    BEREKENDE_POSTEN,
    MAXIMAAL_BEDRAG,
    MINIMAAL_EIGEN_VERMOGEN,
    Begrotingsstatus,
    Postsoort,
)
from passend.middelen.selectors.begroting import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    begroting_na_schrijven,
    begroting_voor,
    begrotingen,
    overzicht,
)
from passend.middelen.services import begroting as diensten
from passend.middelen.services.begroting import MAX_TOELICHTING
from passend.middelen.services.importeren import (
    MAXIMALE_GROOTTE,
    ImportMislukt,
    posten_importeren,
)

#: At most this many problems of an imported file are returned (as on the page).
MAXIMAAL_IMPORTFOUTEN = 300


def _bedrag(**kwargs: Any) -> serializers.DecimalField:
    """One amount as input or output (≥ 0, at most ``MAXIMAAL_BEDRAG``)."""
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=MAXIMAAL_BEDRAG,
        coerce_to_string=True,
        **kwargs,
    )


def _totaal(**kwargs: Any) -> serializers.DecimalField:
    """A sum of many posts (output only): 16 digits, so a total never overflows."""
    return serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=True, **kwargs
    )


class BegrotingspostSerializer(serializers.ModelSerializer[Begrotingspost]):
    soort = serializers.ChoiceField(choices=Postsoort.choices, help_text="Soort post.")
    bedrag = _bedrag(help_text="Bedrag in euro, als tekst met twee decimalen.")
    vestigingscode = serializers.CharField(
        source="vestiging.vestigingscode", allow_null=True, default=None, read_only=True
    )

    class Meta:
        model = Begrotingspost
        fields = [
            "id",
            "soort",
            "omschrijving",
            "bedrag",
            "berekend",
            "grondslag",
            "vestigingscode",
        ]
        read_only_fields = fields


class BegrotingSamenvattingSerializer(serializers.ModelSerializer[Begroting]):
    samenwerkingsverband = serializers.CharField(source="samenwerkingsverband.code")
    status = serializers.ChoiceField(choices=Begrotingsstatus.choices)

    class Meta:
        model = Begroting
        fields = ["id", "samenwerkingsverband", "jaar", "status", "vastgesteld_op", "revisie"]
        read_only_fields = fields


class TotalenSerializer(serializers.Serializer[Any]):
    totale_baten = _totaal(help_text="Alle baten, bruto (vóór afdrachten).")
    afdrachten = _totaal()
    lasten = _totaal()
    resultaat = _totaal()
    signaleringswaarde = _totaal()
    eigen_vermogen = _totaal(allow_null=True, help_text="Kan negatief zijn (een tekort).")
    bovenmatig = _totaal(help_text="Hoeveel het eigen vermogen boven de signaleringswaarde ligt.")
    toelichting_ontbreekt = serializers.BooleanField()


class BegrotingSerializer(serializers.ModelSerializer[Begroting]):
    samenwerkingsverband = serializers.CharField(source="samenwerkingsverband.code")
    status = serializers.ChoiceField(choices=Begrotingsstatus.choices)
    bedrag_per_leerling = serializers.DecimalField(
        max_digits=9, decimal_places=2, coerce_to_string=True, allow_null=True
    )
    eigen_vermogen = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=MINIMAAL_EIGEN_VERMOGEN,
        coerce_to_string=True,
        allow_null=True,
        help_text="Kan negatief zijn (een tekort).",
    )
    posten = BegrotingspostSerializer(many=True)
    totalen = serializers.SerializerMethodField()

    class Meta:
        model = Begroting
        fields = [
            "id",
            "samenwerkingsverband",
            "jaar",
            "status",
            "revisie",
            "bedrag_per_leerling",
            "eigen_vermogen",
            "toelichting_reserve",
            "vastgesteld_op",
            "posten",
            "totalen",
        ]
        read_only_fields = fields

    @extend_schema_field(TotalenSerializer)
    def get_totalen(self, begroting: Begroting) -> dict[str, Any]:
        ov = overzicht(begroting)
        return dict(
            TotalenSerializer(
                {
                    "totale_baten": ov.totale_baten,
                    "afdrachten": ov.afdrachten.totaal,
                    "lasten": ov.lasten.totaal,
                    "resultaat": ov.resultaat,
                    "signaleringswaarde": ov.signaleringswaarde,
                    "eigen_vermogen": ov.eigen_vermogen,
                    "bovenmatig": ov.bovenmatig,
                    "toelichting_ontbreekt": ov.toelichting_ontbreekt,
                }
            ).data
        )


class NieuweBegrotingInvoer(serializers.Serializer[Any]):
    jaar = serializers.IntegerField(min_value=2015, max_value=2100, help_text="Kalenderjaar.")
    bedrag_per_leerling = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=Decimal("0"),
        coerce_to_string=True,
        required=False,
        allow_null=True,
        help_text="Toewijzing aan scholen per leerling (hoogstens 9.999.999,99).",
    )


class PostInvoer(serializers.Serializer[Any]):
    revisie = serializers.IntegerField(
        min_value=1, help_text="De revisie van de begroting zoals u haar ophaalde."
    )
    soort = serializers.ChoiceField(
        choices=Postsoort.choices,
        help_text="Een ingevoerde soort post (niet: " + ", ".join(sorted(BEREKENDE_POSTEN)) + ").",
    )
    omschrijving = serializers.CharField(max_length=200, allow_blank=True, required=False)
    bedrag = _bedrag(
        help_text="Bedrag in euro (≥ 0, twee decimalen). Baten bruto, vóór afdrachten."
    )


class PostWijzigInvoer(PostInvoer):
    soort = serializers.ChoiceField(choices=Postsoort.choices, required=False)
    bedrag = _bedrag(required=False)


class RevisieInvoer(serializers.Serializer[Any]):
    revisie = serializers.IntegerField(
        min_value=1, help_text="De revisie van de begroting zoals u haar ophaalde."
    )


class ReserveInvoer(RevisieInvoer):
    eigen_vermogen = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        coerce_to_string=True,
        allow_null=True,
        help_text="Eigen vermogen op 31 december in euro; negatief bij een tekort; `null` als "
        "het nog niet bekend is.",
    )
    toelichting_reserve = serializers.CharField(
        allow_blank=True,
        max_length=MAX_TOELICHTING,
        help_text="Toelichting op het eigen vermogen: verplicht (bij vaststellen) als het boven "
        "de signaleringswaarde ligt. Een lege tekst wist de toelichting.",
    )
    bedrag_per_leerling = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        coerce_to_string=True,
        required=False,
        allow_null=True,
        help_text="Toewijzing aan scholen per leerling. Weggelaten: blijft zoals het is; "
        "`null`: geen vast bedrag per leerling.",
    )


class VaststellenInvoer(RevisieInvoer):
    datum = serializers.DateField(help_text="Datum van vaststelling (JJJJ-MM-DD).")


class ImportInvoer(RevisieInvoer):
    bestand = serializers.FileField(
        help_text="CSV-bestand (hoogstens 1 MB) met de kolommen soort;omschrijving;bedrag. "
        "Het vervangt alle ingevoerde posten; de berekende posten blijven."
    )


class BegrotingFoutSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(
        help_text="`ongeldig` (zie `velden`), `revisie` (intussen gewijzigd: haal de begroting "
        "opnieuw op) of `vastgesteld` (de begroting is vastgesteld)."
    )
    detail = serializers.JSONField(required=False)
    velden = serializers.DictField(required=False)
    revisie = serializers.IntegerField(required=False, help_text="Bij 409: de huidige revisie.")


FOUT_400 = OpenApiResponse(BegrotingFoutSerializer, description="Ongeldige invoer; zie `velden`")
FOUT_409 = OpenApiResponse(
    BegrotingFoutSerializer,
    description="Intussen gewijzigd (`revisie`) of vastgesteld (`vastgesteld`); niets opgeslagen",
)
FOUT_415 = OpenApiResponse(
    BegrotingFoutSerializer, description="Geen multipart/form-data; niets opgeslagen"
)
ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de begroting."
)
POST_ID = OpenApiParameter(
    "post_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de post."
)
REVISIE_PARAMETER = OpenApiParameter(
    "revisie",
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    required=True,
    description="De revisie van de begroting zoals u haar ophaalde.",
)


def _getal(waarde: str) -> int:
    """An id from the URL; one that is not a number is a 404 like a hidden budget."""
    if not waarde.isascii() or not waarde.isdigit() or len(waarde) > 18:
        raise NotFound(NIET_GEVONDEN)
    return int(waarde)


def _lezen(request: Request, pk: str, *, schrijven: bool = False) -> Begroting:
    actor = api_actor(request)
    return begroting_voor(actor=actor, pk=_getal(pk), route=request.path, voor_schrijven=schrijven)


def _opnieuw(pk: int, request: Request) -> dict[str, Any]:
    """The budget as it is after a write (the service logged the write: no second record)."""
    return dict(BegrotingSerializer(begroting_na_schrijven(pk)).data)


def _uitvoeren(schrijf: Any, begroting: Begroting) -> Response | None:
    """Run one service; a refusal becomes its machine-readable answer (None: it worked)."""
    try:
        schrijf()
    except diensten.Conflict as conflict:
        huidig = Begroting.objects.filter(pk=begroting.pk).values_list("revisie", flat=True)
        return Response(
            {"code": conflict.code, "detail": conflict.melding, "revisie": huidig.first()},
            status=status.HTTP_409_CONFLICT,
        )
    except Geweigerd as fout:
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        raise als_api_fout(fout) from None
    return None


class BegrotingenView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="begrotingen_lijst",
        responses={200: BegrotingSamenvattingSerializer(many=True)},
        description="De begrotingen van het eigen samenwerkingsverband, nieuwste jaar eerst. "
        "Voor de directeur, de controller, de functioneel beheerder, het toezicht en de OPR.",
    )
    def get(self, request: Request) -> Response:
        rijen = begrotingen(api_actor(request), route=request.path).select_related(
            "samenwerkingsverband"
        )
        return Response(BegrotingSamenvattingSerializer(rijen, many=True).data)

    @extend_schema(
        operation_id="begroting_aanmaken",
        request=NieuweBegrotingInvoer,
        responses={201: BegrotingSerializer, 400: FOUT_400},
        description="Een nieuwe conceptbegroting voor een kalenderjaar (één per jaar). Alleen "
        "de controller van het samenwerkingsverband.",
    )
    def post(self, request: Request) -> Response:
        actor = api_actor(request)
        beleid.eis_rol(
            actor,
            "begroting_bewerken",
            log_actie=Actie.AANMAKEN,
            object_type=OBJECT_TYPE,
            route=request.path,
        )
        invoer = NieuweBegrotingInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            begroting = diensten.begroting_aanmaken(
                actor=actor,
                jaar=invoer.validated_data["jaar"],
                bedrag_per_leerling=invoer.validated_data.get("bedrag_per_leerling"),
                route=request.path,
            )
        except Geweigerd as fout:
            raise PermissionDenied(fout.reden) from None
        except DjangoValidationError as fout:
            raise als_api_fout(fout) from None
        return Response(_opnieuw(begroting.pk, request), status=status.HTTP_201_CREATED)


class BegrotingView(APIView):
    @extend_schema(
        operation_id="begroting_lezen",
        parameters=[ID],
        responses={200: BegrotingSerializer},
        description="Eén begroting met haar posten (met de grondslag van berekende posten), "
        "de totalen, de signaleringswaarde en de `revisie` die een wijziging meegeeft.",
    )
    def get(self, request: Request, pk: str) -> Response:
        return Response(BegrotingSerializer(_lezen(request, pk)).data)


class PostenView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="begroting_post_toevoegen",
        parameters=[ID],
        request=PostInvoer,
        responses={201: BegrotingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Voeg een ingevoerde post toe aan een conceptbegroting. Berekende soorten "
        "(afdrachten, toewijzing aan scholen, arrangementen) berekent Passend zelf.",
    )
    def post(self, request: Request, pk: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        invoer = PostInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        fout = _uitvoeren(
            lambda: diensten.post_toevoegen(
                actor=api_actor(request),
                begroting=begroting,
                revisie=gegevens["revisie"],
                soort=gegevens["soort"],
                omschrijving=gegevens.get("omschrijving", ""),
                bedrag=gegevens["bedrag"],
                route=request.path,
            ),
            begroting,
        )
        return fout or Response(_opnieuw(begroting.pk, request), status=status.HTTP_201_CREATED)


class PostView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="begroting_post_wijzigen",
        parameters=[ID, POST_ID],
        request=PostWijzigInvoer,
        responses={200: BegrotingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Wijzig een ingevoerde post (alleen de velden die u meegeeft) met de "
        "`revisie` van de begroting.",
    )
    def patch(self, request: Request, pk: str, post_id: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        post_nummer = _getal(post_id)
        invoer = PostWijzigInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        post = next((p for p in begroting.posten.all() if p.pk == post_nummer), None)
        if post is None:
            return Response(
                {"code": "niet_gevonden", "detail": "Deze post bestaat niet in deze begroting."},
                status=status.HTTP_404_NOT_FOUND,
            )
        fout = _uitvoeren(
            lambda: diensten.post_wijzigen(
                actor=api_actor(request),
                begroting=begroting,
                post_id=post_nummer,
                revisie=gegevens["revisie"],
                soort=gegevens.get("soort", post.soort),
                omschrijving=gegevens.get("omschrijving", post.omschrijving),
                bedrag=gegevens.get("bedrag", post.bedrag),
                route=request.path,
            ),
            begroting,
        )
        return fout or Response(_opnieuw(begroting.pk, request))

    @extend_schema(
        operation_id="begroting_post_verwijderen",
        parameters=[ID, POST_ID, REVISIE_PARAMETER],
        request=None,
        responses={204: None, 400: FOUT_400, 409: FOUT_409},
        description="Verwijder een ingevoerde post; geef de `revisie` van de begroting mee als "
        "queryparameter.",
    )
    def delete(self, request: Request, pk: str, post_id: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        post_nummer = _getal(post_id)
        invoer = RevisieInvoer(data=request.query_params)
        invoer.is_valid(raise_exception=True)
        if not any(p.pk == post_nummer for p in begroting.posten.all()):
            return Response(
                {"code": "niet_gevonden", "detail": "Deze post bestaat niet in deze begroting."},
                status=status.HTTP_404_NOT_FOUND,
            )
        fout = _uitvoeren(
            lambda: diensten.post_verwijderen(
                actor=api_actor(request),
                begroting=begroting,
                post_id=post_nummer,
                revisie=invoer.validated_data["revisie"],
                route=request.path,
            ),
            begroting,
        )
        return fout or Response(status=status.HTTP_204_NO_CONTENT)


class BerekenenView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="begroting_berekenen",
        parameters=[ID],
        request=RevisieInvoer,
        responses={200: BegrotingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Bereken de afdrachten (TLV's op de teldatum × normbedrag), de toewijzing "
        "aan scholen (leerlingen × bedrag per leerling) en de arrangementen (naar rato) "
        "opnieuw. Vervangt de berekende posten.",
    )
    def post(self, request: Request, pk: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        invoer = RevisieInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        fout = _uitvoeren(
            lambda: diensten.berekende_posten_bijwerken(
                actor=api_actor(request),
                begroting=begroting,
                revisie=invoer.validated_data["revisie"],
                route=request.path,
            ),
            begroting,
        )
        return fout or Response(_opnieuw(begroting.pk, request))


class ReserveView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="begroting_reserve_vastleggen",
        parameters=[ID],
        request=ReserveInvoer,
        responses={200: BegrotingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Leg het eigen vermogen op 31 december vast met de toelichting (en, als u "
        "het meegeeft, het bedrag per leerling voor de toewijzing aan scholen). Alleen de "
        "controller, alleen bij een conceptbegroting.",
    )
    def post(self, request: Request, pk: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        invoer = ReserveInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        fout = _uitvoeren(
            lambda: diensten.reserve_vastleggen(
                actor=api_actor(request),
                begroting=begroting,
                eigen_vermogen=gegevens["eigen_vermogen"],
                toelichting_reserve=gegevens["toelichting_reserve"],
                bedrag_per_leerling=gegevens.get("bedrag_per_leerling", diensten.ONGEWIJZIGD),
                revisie=gegevens["revisie"],
                route=request.path,
            ),
            begroting,
        )
        return fout or Response(_opnieuw(begroting.pk, request))


class VaststellenView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="begroting_vaststellen",
        parameters=[ID],
        request=VaststellenInvoer,
        responses={200: BegrotingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Stel een conceptbegroting vast. Geweigerd (400, per veld) zonder baten, "
        "zonder eigen vermogen, of met een eigen vermogen boven de signaleringswaarde zonder "
        "toelichting. Daarna is de begroting definitief (409 `vastgesteld` bij elke wijziging).",
    )
    def post(self, request: Request, pk: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        invoer = VaststellenInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        fout = _uitvoeren(
            lambda: diensten.begroting_vaststellen(
                actor=api_actor(request),
                begroting=begroting,
                revisie=gegevens["revisie"],
                datum=gegevens["datum"],
                route=request.path,
            ),
            begroting,
        )
        return fout or Response(_opnieuw(begroting.pk, request))


class ImporterenView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="begroting_importeren",
        parameters=[ID],
        request={"multipart/form-data": ImportInvoer},
        responses={200: BegrotingSerializer, 400: FOUT_400, 409: FOUT_409, 415: FOUT_415},
        description="Lees de ingevoerde posten in uit een CSV-bestand (multipart/form-data, "
        "velden `revisie` en `bestand`). Alles of niets: bij één fout wordt niets opgeslagen "
        "en staan alle fouten per regel en kolom in `velden.bestand`.",
    )
    def post(self, request: Request, pk: str) -> Response:
        begroting = _lezen(request, pk, schrijven=True)
        invoer = ImportInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        # One byte over the limit is enough to refuse the file: never read more.
        bron = gegevens["bestand"].read(MAXIMALE_GROOTTE + 1)

        def importeren() -> None:
            try:
                posten_importeren(
                    actor=api_actor(request),
                    begroting=begroting,
                    revisie=gegevens["revisie"],
                    bron=bron,
                    route=request.path,
                )
            except ImportMislukt as mislukt:
                raise serializers.ValidationError(
                    {"bestand": mislukt.fouten[:MAXIMAAL_IMPORTFOUTEN]}
                ) from None

        fout = _uitvoeren(importeren, begroting)
        return fout or Response(_opnieuw(begroting.pk, request))
