"""Survey waves in the API (``/api/v1/metingen/``): the same policy, selectors, services and
access log as the pages.

- ``GET /metingen/``: the waves the actor may see, newest first (paged), with codes issued
  and used;
- ``GET /metingen/{id}/``: one wave the actor runs, with its questionnaires and items;
- ``GET /metingen/{id}/respons/``: codes issued and used per group and school or SWV;
- ``POST /metingen/``: prepare a new wave (201); 400 with a message per field;
- ``PATCH /metingen/{id}/``: name, dates and nulmeting of a wave in preparation, with the
  ``revisie`` it was read with;
- ``POST /metingen/{id}/openen/`` and ``…/sluiten/`` (body ``{"revisie": n}``): open a
  wave in preparation, close a running one;
- ``POST /metingen/{id}/vragen/``: an own item in one of its questionnaires (201);
- ``DELETE /metingen/{id}/vragen/{vraag_id}/?revisie=n``: remove an item (204);
- ``POST /metingen/{id}/uitnodigingen/``: make codes (201); the plain codes are in this
  answer only (they are not stored).

Another SWV's or an unknown wave is a 404; a wave the actor sees but does not run a 403; a
stale ``revisie`` or a wave whose status does not allow the write a 409 (with the current
``revisie``); bad input a 400 with a message per field. A write that saves nothing writes
one access-log record ("niets opgeslagen: …"); one that succeeds is logged by the service.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.core.api import StrikteLimitOffsetPaginering, als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.doelstellingen.models import Meting, Vraag, Vragenlijst
from passend.doelstellingen.permissions import beleid
from passend.doelstellingen.rules import Doelstelling, Respondentgroep, Schaal
from passend.doelstellingen.selectors.metingen import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    Eenheidrespons,
    meting_voor_beheer,
    metingen_voor,
)
from passend.doelstellingen.selectors.metingen import (
    respons as respons_van,
)
from passend.doelstellingen.services import meting as diensten
from passend.doelstellingen.services.meting import MAXIMAAL_CODES, Conflict

ROUTE = "api:meting-{}"
INVUL_PAD = "/vragenlijst/"


class ConflictFout(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class VraagSerializer(serializers.ModelSerializer[Vraag]):
    class Meta:
        model = Vraag
        fields = ["id", "code", "doelstelling", "tekst", "schaal", "volgorde"]
        read_only_fields = fields


class VragenlijstSerializer(serializers.ModelSerializer[Vragenlijst]):
    vragen = VraagSerializer(many=True, read_only=True)

    class Meta:
        model = Vragenlijst
        fields = ["id", "respondentgroep", "kindvriendelijk", "vragen"]
        read_only_fields = fields


class MetingLijstSerializer(serializers.ModelSerializer[Meting]):
    samenwerkingsverband = serializers.CharField(
        source="samenwerkingsverband.code",
        read_only=True,
        allow_null=True,
        help_text="Leeg bij een landelijke meting.",
    )
    uitgegeven = serializers.IntegerField(read_only=True, help_text="Uitgedeelde codes")
    gebruikt = serializers.IntegerField(read_only=True, help_text="Gebruikte codes")

    class Meta:
        model = Meting
        fields = [
            "id",
            "naam",
            "jaar",
            "samenwerkingsverband",
            "is_nulmeting",
            "status",
            "open_van",
            "open_tot",
            "revisie",
            "uitgegeven",
            "gebruikt",
        ]
        read_only_fields = fields


class MetingSerializer(serializers.ModelSerializer[Meting]):
    samenwerkingsverband = serializers.CharField(
        source="samenwerkingsverband.code", read_only=True, allow_null=True
    )
    vragenlijsten = VragenlijstSerializer(many=True, read_only=True)

    class Meta:
        model = Meting
        fields = [
            "id",
            "naam",
            "jaar",
            "samenwerkingsverband",
            "is_nulmeting",
            "status",
            "open_van",
            "open_tot",
            "geopend_op",
            "gesloten_op",
            "revisie",
            "vragenlijsten",
        ]
        read_only_fields = fields


class MetingInvoer(serializers.Serializer[Any]):
    naam = serializers.CharField(max_length=200)
    jaar = serializers.IntegerField(min_value=diensten.EERSTE_JAAR, max_value=diensten.LAATSTE_JAAR)
    open_van = serializers.DateField()
    open_tot = serializers.DateField()
    is_nulmeting = serializers.BooleanField(default=False)
    groepen = serializers.ListField(
        child=serializers.ChoiceField(choices=Respondentgroep.choices),
        allow_empty=False,
        max_length=len(Respondentgroep.values),
    )


class UitnodigingenInvoer(serializers.Serializer[Any]):
    respondentgroep = serializers.ChoiceField(choices=Respondentgroep.choices)
    vestiging = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Voor de schoolgroepen."
    )
    samenwerkingsverband = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Alleen bij een landelijke meting."
    )
    aantal = serializers.IntegerField(min_value=1, max_value=MAXIMAAL_CODES)


REVISIE_UITLEG = "De `revisie` van de meting zoals u haar ophaalde."


class MetingRevisieInvoer(serializers.Serializer[Any]):
    revisie = serializers.IntegerField(min_value=1, help_text=REVISIE_UITLEG)


class MetingWijzigenInvoer(serializers.Serializer[Any]):
    """A PATCH: what is left out keeps its value; ``revisie`` is required (the schema
    shows every field of a PATCH as optional)."""

    revisie = serializers.IntegerField(min_value=1, help_text=f"Verplicht. {REVISIE_UITLEG}")
    naam = serializers.CharField(max_length=200, required=False)
    open_van = serializers.DateField(required=False)
    open_tot = serializers.DateField(required=False)
    is_nulmeting = serializers.BooleanField(required=False)


class MetingVraagInvoer(serializers.Serializer[Any]):
    respondentgroep = serializers.ChoiceField(
        choices=Respondentgroep.choices, help_text="De vragenlijst (groep) van de meting."
    )
    code = serializers.CharField(
        max_length=40, help_text="Vaste code van de vraag, bijvoorbeeld OU.D4.eigen."
    )
    doelstelling = serializers.ChoiceField(choices=Doelstelling.choices)
    tekst = serializers.CharField(max_length=400)
    schaal = serializers.ChoiceField(choices=Schaal.choices)
    revisie = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text=f"{REVISIE_UITLEG} Gegeven en intussen gewijzigd: 409.",
    )


class MetingFoutSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(
        help_text="`ongeldig` (zie `velden`), `revisie` (intussen gewijzigd: haal de meting "
        "opnieuw op), `niet_concept` (al geopend), `niet_open` (loopt niet) of `gesloten`."
    )
    detail = serializers.JSONField(required=False)
    velden = serializers.DictField(required=False)
    revisie = serializers.IntegerField(required=False, help_text="Bij 409: de huidige revisie.")


FOUT_400 = OpenApiResponse(MetingFoutSerializer, description="Ongeldige invoer; zie `velden`")
FOUT_409 = OpenApiResponse(
    MetingFoutSerializer,
    description="Intussen gewijzigd (`revisie`) of de status staat dit niet toe; niets opgeslagen",
)
VRAAG_ID = OpenApiParameter(
    "vraag_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de vraag."
)
REVISIE_PARAMETER = OpenApiParameter(
    "revisie", OpenApiTypes.INT, OpenApiParameter.QUERY, required=True, description=REVISIE_UITLEG
)
VRAAG_NIET_GEVONDEN = "Deze vraag staat niet (meer) in deze meting."


def _id(waarde: str) -> int:
    """An id from the URL; one that is not a number is a 404 like a hidden object."""
    if not waarde.isascii() or not waarde.isdigit() or len(waarde) > 18:
        raise NotFound(VRAAG_NIET_GEVONDEN)
    return int(waarde)


def _meting_na_schrijven(meting: Meting) -> dict[str, Any]:
    """The wave as it is after a write (the service logged the write: no second record)."""
    opnieuw = Meting.objects.select_related("samenwerkingsverband").get(pk=meting.pk)
    prefetch_related_objects([opnieuw], "vragenlijsten__vragen")
    return dict(MetingSerializer(opnieuw).data)


class EenheidResponsSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField(help_text="De school (vestiging) of het samenwerkingsverband")
    code = serializers.CharField(help_text="Vestigingscode of code van het samenwerkingsverband")
    verborgen = serializers.BooleanField(
        help_text="Minder dan 2 codes uitgedeeld: geen eigen aantallen (wel in het totaal)"
    )
    uitgegeven = serializers.IntegerField(allow_null=True, help_text="Leeg als 'verborgen'")
    gebruikt = serializers.IntegerField(allow_null=True, help_text="Leeg als 'verborgen'")
    percentage = serializers.FloatField(allow_null=True)


class GroepsResponsSerializer(serializers.Serializer[Any]):
    respondentgroep = serializers.CharField()
    per_school = serializers.BooleanField()
    uitgegeven = serializers.IntegerField()
    gebruikt = serializers.IntegerField()
    percentage = serializers.FloatField(allow_null=True)
    eenheden = EenheidResponsSerializer(many=True)


def _eenheid(eenheid: Eenheidrespons) -> dict[str, Any]:
    """One school's (or SWV's) counts, left out below ``MIN_CODES_PER_EENHEID`` codes."""
    verborgen = eenheid.verborgen
    return {
        "naam": eenheid.naam,
        "code": eenheid.code,
        "verborgen": verborgen,
        "uitgegeven": None if verborgen else eenheid.uitgegeven,
        "gebruikt": None if verborgen else eenheid.gebruikt,
        "percentage": None if verborgen else eenheid.percentage,
    }


class ResponsSerializer(serializers.Serializer[Any]):
    uitgegeven = serializers.IntegerField()
    gebruikt = serializers.IntegerField()
    percentage = serializers.FloatField(allow_null=True, help_text="Gebruikt van uitgegeven, in %")
    groepen = GroepsResponsSerializer(many=True)


CODES = inline_serializer(
    "MetingUitnodigingen",
    {
        "aantal": serializers.IntegerField(),
        "codes": serializers.ListField(
            child=serializers.CharField(),
            help_text="Alleen in dit antwoord: ze worden niet bewaard.",
        ),
        "invuladres": serializers.CharField(),
    },
)


class MetingViewSet(viewsets.GenericViewSet[Meting]):
    """Survey waves: who prepares and runs them (the SWV's beheerders, the ministry)."""

    serializer_class = MetingSerializer
    pagination_class = StrikteLimitOffsetPaginering
    parser_classes = [JSONParser]
    queryset = Meting.objects.none()  # only for the schema
    lookup_value_regex = "[^/]+"  # a malformed id is a JSON 404 from the view

    def _meting(self, request: Request, pk: str, route: str, **kwargs: Any) -> Meting:
        try:
            return meting_voor_beheer(actor=api_actor(request), pk=pk, route=route, **kwargs)
        except Http404:
            raise NotFound(NIET_GEVONDEN) from None

    @extend_schema(
        responses=MetingLijstSerializer(many=True),
        description="De metingen die u mag zien, de nieuwste eerst, met de uitgedeelde en "
        "gebruikte codes.",
    )
    def list(self, request: Request) -> Response:
        metingen = metingen_voor(actor=api_actor(request), route=ROUTE.format("list"))
        pagina = self.paginate_queryset(metingen) or []
        return self.get_paginated_response(MetingLijstSerializer(pagina, many=True).data)

    @extend_schema(responses=MetingSerializer)
    def retrieve(self, request: Request, pk: str) -> Response:
        meting = self._meting(request, pk, ROUTE.format("detail"))
        prefetch_related_objects([meting], "vragenlijsten__vragen")
        return Response(MetingSerializer(meting).data)

    @extend_schema(
        request=MetingInvoer,
        responses={201: MetingSerializer, 400: OpenApiResponse(description="Zie 'velden'")},
        description="Zet een nieuwe meting klaar: van uw samenwerkingsverband, of landelijk "
        "(het ministerie). Elke groep krijgt een vragenlijst met de standaardvragen.",
    )
    def create(self, request: Request) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("list")
        beleid.eis_rol(
            actor, "meting_aanmaken", log_actie=Actie.AANMAKEN, object_type=OBJECT_TYPE, route=route
        )
        invoer = MetingInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        try:
            meting = diensten.meting_aanmaken(
                actor=actor,
                jaar=gegevens["jaar"],
                naam=gegevens["naam"],
                open_van=gegevens["open_van"],
                open_tot=gegevens["open_tot"],
                is_nulmeting=gegevens["is_nulmeting"],
                groepen=gegevens["groepen"],
                route=route,
            )
        except DjangoValidationError as fout:
            raise als_api_fout(fout) from None
        prefetch_related_objects([meting], "vragenlijsten__vragen")
        return Response(MetingSerializer(meting).data, status=status.HTTP_201_CREATED)

    def _schrijven(
        self,
        request: Request,
        pk: str,
        *,
        naam: str,
        omschrijving: str,
        uitvoeren: Callable[[Any, Meting, str], Response],
    ) -> Response:
        """One write through a service. The wave is authorised first (a refusal is logged
        by the selector); the service logs what it saved. A write that saves nothing writes
        one record and gives its machine-readable answer (400, 404, 409; a refusal on the
        locked row 403)."""
        actor = api_actor(request)
        route = ROUTE.format(naam)
        meting = self._meting(request, pk, route, vastleggen=False)
        try:
            return uitvoeren(actor, meting, route)
        except Geweigerd:
            self._vastleggen(actor, meting, route, f"geweigerd: {omschrijving}", toegestaan=False)
            raise
        except (DjangoValidationError, serializers.ValidationError, NotFound, Conflict) as fout:
            self._vastleggen(actor, meting, route, f"niets opgeslagen: {omschrijving}")
            if isinstance(fout, Conflict):
                huidig = Meting.objects.filter(pk=meting.pk).values_list("revisie", flat=True)
                return Response(
                    {"code": fout.code, "detail": fout.melding, "revisie": huidig.first()},
                    status=status.HTTP_409_CONFLICT,
                )
            if isinstance(fout, DjangoValidationError):
                fout = als_api_fout(fout)
            if isinstance(fout, serializers.ValidationError) and isinstance(fout.detail, dict):
                # Wrapped here: the shared handler would take a field named ``code`` (an
                # item's code) for the body's own ``code``.
                raise serializers.ValidationError(
                    {"code": "ongeldig", "velden": fout.detail}
                ) from None
            raise fout from None

    @staticmethod
    def _vastleggen(
        actor: Any, meting: Meting, route: str, reden: str, *, toegestaan: bool = True
    ) -> None:
        toegang_vastleggen(
            actor=actor,
            actie=Actie.WIJZIGEN,
            object_type=OBJECT_TYPE,
            object_id=str(meting.pk),
            toegestaan=toegestaan,
            reden=reden,
            route=route,
        )

    @extend_schema(
        request=MetingWijzigenInvoer,
        responses={200: MetingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Wijzig naam, datums of nulmeting van een meting in voorbereiding "
        "(`concept`). Wat u weglaat, blijft zoals het was. Geef de `revisie` mee zoals u de "
        "meting ophaalde; heeft iemand anders haar intussen gewijzigd, dan volgt 409 met code "
        "`revisie` en wordt niets opgeslagen.",
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        def uitvoeren(actor: Any, meting: Meting, route: str) -> Response:
            invoer = MetingWijzigenInvoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            gegevens = invoer.validated_data
            rij = diensten.meting_wijzigen(
                actor=actor,
                meting=meting,
                revisie=gegevens["revisie"],
                naam=gegevens.get("naam", meting.naam),
                open_van=gegevens.get("open_van", meting.open_van),
                open_tot=gegevens.get("open_tot", meting.open_tot),
                is_nulmeting=gegevens.get("is_nulmeting", meting.is_nulmeting),
                route=route,
            )
            return Response(_meting_na_schrijven(rij))

        return self._schrijven(
            request, pk, naam="detail", omschrijving="meting wijzigen", uitvoeren=uitvoeren
        )

    @extend_schema(
        request=MetingRevisieInvoer,
        responses={200: MetingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Open een meting in voorbereiding: de vragenlijsten liggen dan vast en de "
        "codes kunnen gebruikt worden. Een meting zonder vragen: 400.",
    )
    @action(detail=True, methods=["post"])
    def openen(self, request: Request, pk: str) -> Response:
        def uitvoeren(actor: Any, meting: Meting, route: str) -> Response:
            invoer = MetingRevisieInvoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            rij = diensten.meting_openen(
                actor=actor, meting=meting, revisie=invoer.validated_data["revisie"], route=route
            )
            return Response(_meting_na_schrijven(rij))

        return self._schrijven(
            request, pk, naam="openen", omschrijving="meting openen", uitvoeren=uitvoeren
        )

    @extend_schema(
        request=MetingRevisieInvoer,
        responses={200: MetingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Sluit een meting die loopt: er kunnen geen antwoorden meer bij en de "
        "uitkomsten zijn te lezen.",
    )
    @action(detail=True, methods=["post"])
    def sluiten(self, request: Request, pk: str) -> Response:
        def uitvoeren(actor: Any, meting: Meting, route: str) -> Response:
            invoer = MetingRevisieInvoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            rij = diensten.meting_sluiten(
                actor=actor, meting=meting, revisie=invoer.validated_data["revisie"], route=route
            )
            return Response(_meting_na_schrijven(rij))

        return self._schrijven(
            request, pk, naam="sluiten", omschrijving="meting sluiten", uitvoeren=uitvoeren
        )

    @extend_schema(
        request=MetingVraagInvoer,
        responses={201: MetingSerializer, 400: FOUT_400, 409: FOUT_409},
        description="Voeg een eigen vraag toe aan de vragenlijst van één groep, zolang de "
        "meting in voorbereiding is. Het antwoord is de meting met de nieuwe `revisie`.",
    )
    @action(detail=True, methods=["post"])
    def vragen(self, request: Request, pk: str) -> Response:
        def uitvoeren(actor: Any, meting: Meting, route: str) -> Response:
            invoer = MetingVraagInvoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            gegevens = invoer.validated_data
            diensten.vraag_toevoegen(
                actor=actor,
                meting=meting,
                respondentgroep=gegevens["respondentgroep"],
                code=gegevens["code"],
                doelstelling=gegevens["doelstelling"],
                tekst=gegevens["tekst"],
                schaal=gegevens["schaal"],
                revisie=gegevens.get("revisie"),
                route=route,
            )
            return Response(_meting_na_schrijven(meting), status=status.HTTP_201_CREATED)

        return self._schrijven(
            request, pk, naam="vragen", omschrijving="vraag toevoegen", uitvoeren=uitvoeren
        )

    @extend_schema(
        parameters=[VRAAG_ID, REVISIE_PARAMETER],
        request=None,
        responses={204: None, 400: FOUT_400, 409: FOUT_409},
        description="Haal een vraag weg uit een meting in voorbereiding; geef de `revisie` van "
        "de meting mee als queryparameter. Een vraag die niet in deze meting staat: 404.",
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"vragen/(?P<vraag_id>[^/]+)",
        url_name="vraag",
    )
    def vraag(self, request: Request, pk: str, vraag_id: str) -> Response:
        def uitvoeren(actor: Any, meting: Meting, route: str) -> Response:
            nummer = _id(vraag_id)
            invoer = MetingRevisieInvoer(data=request.query_params)
            invoer.is_valid(raise_exception=True)
            try:
                diensten.vraag_verwijderen(
                    actor=actor,
                    meting=meting,
                    vraag_id=nummer,
                    revisie=invoer.validated_data["revisie"],
                    route=route,
                )
            except DjangoValidationError as fout:
                if "vraag" in getattr(fout, "error_dict", {}):
                    raise NotFound(VRAAG_NIET_GEVONDEN) from None
                raise
            return Response(status=status.HTTP_204_NO_CONTENT)

        return self._schrijven(
            request, pk, naam="vraag", omschrijving="vraag verwijderen", uitvoeren=uitvoeren
        )

    @extend_schema(responses=ResponsSerializer)
    @action(detail=True, methods=["get"])
    def respons(self, request: Request, pk: str) -> Response:
        meting = self._meting(request, pk, ROUTE.format("respons"), actie="respons_bekijken")
        overzicht = respons_van(meting)
        return Response(
            ResponsSerializer(
                {
                    "uitgegeven": overzicht.uitgegeven,
                    "gebruikt": overzicht.gebruikt,
                    "percentage": overzicht.percentage,
                    "groepen": [
                        {
                            "respondentgroep": groep.respondentgroep,
                            "per_school": groep.per_school,
                            "uitgegeven": groep.uitgegeven,
                            "gebruikt": groep.gebruikt,
                            "percentage": groep.percentage,
                            "eenheden": [_eenheid(e) for e in groep.eenheden],
                        }
                        for groep in overzicht.groepen
                    ],
                }
            ).data
        )

    @extend_schema(
        request=UitnodigingenInvoer,
        responses={
            201: CODES,
            400: OpenApiResponse(description="Zie 'velden'"),
            409: OpenApiResponse(description="De meting is gesloten"),
        },
        description="Maak anonieme codes voor één vragenlijst (en school). De codes staan "
        "alleen in dit antwoord: Passend bewaart alleen een hash.",
    )
    @action(detail=True, methods=["post"])
    def uitnodigingen(self, request: Request, pk: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("uitnodigingen")
        meting = self._meting(request, pk, route, vastleggen=False)
        invoer = UitnodigingenInvoer(data=request.data)
        try:
            invoer.is_valid(raise_exception=True)
            gegevens = invoer.validated_data
            codes = diensten.uitnodigingen_aanmaken(
                actor=actor,
                meting=meting,
                respondentgroep=gegevens["respondentgroep"],
                vestiging_id=gegevens["vestiging"],
                samenwerkingsverband_id=gegevens["samenwerkingsverband"],
                aantal=gegevens["aantal"],
                route=route,
            )
        except (DjangoValidationError, serializers.ValidationError, Conflict) as fout:
            toegang_vastleggen(
                actor=actor,
                actie=Actie.AANMAKEN,
                object_type=OBJECT_TYPE,
                object_id=str(meting.pk),
                toegestaan=True,
                reden="niets opgeslagen: uitnodigingscodes maken",
                route=route,
            )
            if isinstance(fout, Conflict):
                raise ConflictFout(detail=fout.melding, code=fout.code) from None
            if isinstance(fout, DjangoValidationError):
                raise als_api_fout(fout) from None
            raise
        return Response(
            {"aantal": len(codes), "codes": codes, "invuladres": INVUL_PAD},
            status=status.HTTP_201_CREATED,
        )
