"""API of the ontwikkelingsperspectief (OPP): the same policy, selectors, services and access
log as the pages.

Every request that touches pupil data writes exactly one access-log record: reads through
the selectors, successful writes through the services; refusals and writes that were not
saved are recorded here. A hidden OPP, or one the actor may read but not change, is a 404.
"""

import datetime
from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
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
from passend.ondersteuning.models import (
    Doel,
    Evaluatie,
    Factor,
    Instemming,
    Leerlingstem,
    Ontwikkelingsperspectief,
    Overleg,
)
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    Besluit,
    Einde,
    FactorSoort,
    Hoorwijze,
    Status,
    Uitstroombestemming,
)
from passend.ondersteuning.selectors import opp_voor_actor, opps_zichtbaar_voor

T = TypeVar("T")
NIET_GEVONDEN = "Dit ontwikkelingsperspectief bestaat niet of u mag het niet zien."
MAX_TEKST = 10_000
ROUTE = "api:ontwikkelingsperspectief-{}"
#: The parts of an OPP shown with it (one query each).
ONDERDELEN = (
    "factoren",
    "doelen",
    "overleggen",
    "evaluaties",
    "leerlingstemmen",
    Prefetch("instemmingen", queryset=Instemming.objects.select_related("door", "vastgelegd_door")),
)


# --- Strict input fields: JSON types as the schema says them, dates within reason --------


class Tekst(serializers.CharField):
    """Only a JSON string (DRF would quietly turn a number into text)."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class JaNee(serializers.BooleanField):
    """Only ``true`` or ``false`` (DRF would also accept "ja", 1, "on")."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class Id(serializers.IntegerField):
    """Only a JSON integer."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return int(super().to_internal_value(data))


class Datum(serializers.DateField):
    """A date between 2000 and 2100 (further is a typing error, and breaks year arithmetic)."""

    def to_internal_value(self, value: Any) -> datetime.date:
        datum = super().to_internal_value(value)
        if not 2000 <= datum.year <= 2100:
            raise serializers.ValidationError("Kies een datum tussen 2000 en 2100.")
        return datum


def niet_in_de_toekomst(datum: datetime.date) -> None:
    if datum > timezone.localdate():
        raise serializers.ValidationError("Deze datum kan niet in de toekomst liggen.")


# --- Representation -----------------------------------------------------------------------


class FactorSerializer(serializers.ModelSerializer[Factor]):
    class Meta:
        model = Factor
        fields = ["id", "soort", "omschrijving"]


class DoelSerializer(serializers.ModelSerializer[Doel]):
    class Meta:
        model = Doel
        fields = [
            "id",
            "doel",
            "aanpak",
            "door_wie",
            "frequentie",
            "van",
            "tot",
            "evaluatiewijze",
            "afwijking_programma",
        ]


class OverlegSerializer(serializers.ModelSerializer[Overleg]):
    class Meta:
        model = Overleg
        fields = ["id", "datum", "deelnemers", "samenvatting"]


class InstemmingSerializer(serializers.ModelSerializer[Instemming]):
    door = serializers.IntegerField(source="door_id", read_only=True, help_text="Gebruiker-id.")
    door_naam = serializers.CharField(source="door.__str__", read_only=True)
    vastgelegd_door_naam = serializers.CharField(source="vastgelegd_door.__str__", read_only=True)

    class Meta:
        model = Instemming
        fields = [
            "id",
            "besluit",
            "wijze",
            "door",
            "door_naam",
            "vastgelegd_door_naam",
            "datum",
            "toelichting",
            "tijdstip",
        ]


class LeerlingstemSerializer(serializers.ModelSerializer[Leerlingstem]):
    class Meta:
        model = Leerlingstem
        fields = [
            "id",
            "datum",
            "hoorwijze",
            "toelichting_hoorwijze",
            "wat_gaat_goed",
            "wat_is_moeilijk",
            "wat_wil_ik",
            "reactie_school",
            "reactie_op",
        ]


class EvaluatieSerializer(serializers.ModelSerializer[Evaluatie]):
    class Meta:
        model = Evaluatie
        fields = [
            "id",
            "datum",
            "deelnemers",
            "ouders_aanwezig",
            "leerling_gehoord",
            "conclusie",
            "terugkeer_regulier_besproken",
        ]


class OuderSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(help_text="Gebruiker-id; gebruik dit als `ouder` bij instemming.")
    naam = serializers.CharField()
    gezag = serializers.BooleanField(help_text="Alleen een ouder met gezag kan instemmen.")


class OntwikkelingsperspectiefLijstSerializer(
    serializers.ModelSerializer[Ontwikkelingsperspectief]
):
    leerling = serializers.UUIDField(source="leerling.sleutel", read_only=True)
    vestigingscode = serializers.CharField(source="vestiging.vestigingscode", read_only=True)
    versienummer = serializers.IntegerField(source="versie", read_only=True)
    versie = serializers.SerializerMethodField(
        help_text="Versietoken: meesturen bij een wijziging (optimistische vergrendeling)."
    )

    class Meta:
        model = Ontwikkelingsperspectief
        fields = [
            "sleutel",
            "leerling",
            "vestigingscode",
            "versienummer",
            "status",
            "start_extra_ondersteuning",
            "uitstroombestemming",
            "vastgesteld_op",
            "volgende_evaluatie",
            "einddatum",
            "reden_einde",
            "versie",
        ]

    def get_versie(self, opp: Ontwikkelingsperspectief) -> str:
        return opp.gewijzigd_op.isoformat()


class OntwikkelingsperspectiefSerializer(OntwikkelingsperspectiefLijstSerializer):
    vorige_versie = serializers.UUIDField(
        source="vorige_versie.sleutel", read_only=True, allow_null=True
    )
    factoren = FactorSerializer(many=True, read_only=True)
    doelen = DoelSerializer(many=True, read_only=True)
    overleggen = OverlegSerializer(many=True, read_only=True)
    instemmingen = InstemmingSerializer(many=True, read_only=True)
    leerlingstemmen = LeerlingstemSerializer(many=True, read_only=True)
    evaluaties = EvaluatieSerializer(many=True, read_only=True)
    ouders = serializers.SerializerMethodField()

    class Meta(OntwikkelingsperspectiefLijstSerializer.Meta):
        fields = [
            *OntwikkelingsperspectiefLijstSerializer.Meta.fields,
            "reeks",
            "vorige_versie",
            "uitstroomperspectief",
            "onderbouwing",
            "zienswijze_ouders",
            "leerling_handelingsbekwaam",
            "factoren",
            "doelen",
            "overleggen",
            "instemmingen",
            "leerlingstemmen",
            "evaluaties",
            "ouders",
        ]

    @extend_schema_field(OuderSerializer(many=True))
    def get_ouders(self, opp: Ontwikkelingsperspectief) -> list[dict[str, Any]]:
        return [
            {"id": o.ouder_id, "naam": str(o.ouder), "gezag": o.gezag}
            for o in opp.leerling.ouderschappen.select_related("ouder").order_by("id")
        ]


class OppFoutSerializer(serializers.Serializer[Any]):
    """A 400 of an OPP action: the project's error format, plus ``ontbrekend``."""

    code = serializers.CharField(help_text="`onvolledig`, `bevroren` of `ongeldig`.")
    detail = serializers.JSONField(required=False, help_text="Toelichting")
    velden = serializers.DictField(required=False, help_text="Bij `ongeldig`: fouten per veld.")
    ontbrekend = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Bij `onvolledig`: elk onderdeel dat de wet vraagt en dat nog ontbreekt.",
    )


# --- Input --------------------------------------------------------------------------------


class StartenInvoer(serializers.Serializer[Any]):
    leerling = serializers.UUIDField(help_text="Sleutel van een leerling van uw school.")
    start_extra_ondersteuning = Datum()


class WijzigenInvoer(serializers.Serializer[Any]):
    versie = Tekst(max_length=40, help_text="Het versietoken uit de laatst opgehaalde versie.")
    uitstroombestemming = serializers.ChoiceField(
        choices=Uitstroombestemming.choices, allow_blank=True, required=False
    )
    uitstroomperspectief = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False)
    onderbouwing = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False)
    start_extra_ondersteuning = Datum(required=False)
    leerling_handelingsbekwaam = JaNee(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if set(attrs) == {"versie"}:
            raise serializers.ValidationError("Geef minstens één veld om te wijzigen.")
        return attrs


class FactorInvoer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=FactorSoort.choices)
    omschrijving = Tekst(max_length=MAX_TEKST)


class DoelInvoer(serializers.Serializer[Any]):
    doel = Tekst(max_length=MAX_TEKST)
    aanpak = Tekst(max_length=MAX_TEKST)
    door_wie = Tekst(max_length=200)
    frequentie = Tekst(max_length=200, help_text="Hoe vaak")
    van = Datum()
    tot = Datum()
    evaluatiewijze = Tekst(max_length=300, help_text="Hoe het doel wordt geëvalueerd")
    afwijking_programma = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["tot"] < attrs["van"]:
            raise serializers.ValidationError({"tot": "De einddatum ligt voor de begindatum."})
        return attrs


class OverlegInvoer(serializers.Serializer[Any]):
    datum = Datum(validators=[niet_in_de_toekomst])
    deelnemers = Tekst(max_length=500)
    samenvatting = Tekst(max_length=MAX_TEKST)


class InstemmingInvoer(serializers.Serializer[Any]):
    ouder = Id(
        min_value=1,
        required=False,
        help_text=(
            "Gebruiker-id van de ouder die besliste (zie `ouders` in het OPP; alleen een ouder "
            "met gezag kan instemmen). Weglaten als de leerling van 18 jaar of ouder zelf "
            "beslist."
        ),
    )
    besluit = serializers.ChoiceField(choices=Besluit.choices)
    datum = Datum(validators=[niet_in_de_toekomst], help_text="Datum van het papieren besluit.")
    toelichting = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")


class HoorrechtInvoer(serializers.Serializer[Any]):
    hoorwijze = serializers.ChoiceField(choices=Hoorwijze.choices)
    toelichting_hoorwijze = Tekst(max_length=300, allow_blank=True, required=False, default="")
    wat_gaat_goed = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")
    wat_is_moeilijk = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")
    wat_wil_ik = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")


class ReactieInvoer(serializers.Serializer[Any]):
    reactie_school = Tekst(max_length=MAX_TEKST, help_text="Wat de school met de mening doet.")


class EvaluatieInvoer(serializers.Serializer[Any]):
    datum = Datum(validators=[niet_in_de_toekomst])
    deelnemers = Tekst(max_length=500)
    conclusie = Tekst(max_length=MAX_TEKST)
    ouders_aanwezig = JaNee()
    leerling_gehoord = JaNee()
    terugkeer_regulier_besproken = JaNee(required=False, default=False)


class BeeindigenInvoer(serializers.Serializer[Any]):
    einddatum = Datum()
    reden_einde = serializers.ChoiceField(choices=Einde.choices)


class LijstFilter(serializers.Serializer[Any]):
    leerling = serializers.UUIDField(required=False)
    status = serializers.ChoiceField(choices=Status.choices, required=False)


# --- Access log, errors -------------------------------------------------------------------


class OppFout(APIException):
    """An answer with its own code (``conflict``, ``onvolledig``, ``bevroren``)."""

    def __init__(self, status_code: int, code: str, detail: str, **extra: Any) -> None:
        self.status_code = status_code
        super().__init__({"code": code, "detail": detail, **extra})


def _sleutel(waarde: str) -> UUID:
    try:
        return UUID(waarde)
    except ValueError:
        raise NotFound(NIET_GEVONDEN) from None


def _vastleggen(
    actor: Any, *, object_id: str, leerling: Any, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type="ontwikkelingsperspectief",
        object_id=object_id,
        leerling_sleutels=[leerling.sleutel] if leerling is not None else [],
        toegestaan=toegestaan,
        reden=reden,
        route=route,
    )


def _opp_voor_wijziging(
    actor: Any, sleutel: str, *, actie: str, route: str
) -> Ontwikkelingsperspectief:
    """Like ``opp_voor_actor`` for a write: a refusal is logged here (404); an allowed request
    is logged by the service that writes."""
    opp = (
        Ontwikkelingsperspectief.objects.filter(sleutel=_sleutel(sleutel))
        .select_related("leerling")
        .first()
    )
    if opp is not None and beleid.mag(actor, actie, opp):
        return opp
    _vastleggen(
        actor,
        object_id=sleutel,
        leerling=opp.leerling if opp is not None else None,
        toegestaan=False,
        reden=f"geweigerd: OPP wijzigen via API ({actie})",
        route=route,
    )
    raise NotFound(NIET_GEVONDEN)


def _niet_opgeslagen(actor: Any, opp: Ontwikkelingsperspectief, route: str, reden: str) -> None:
    _vastleggen(
        actor,
        object_id=str(opp.sleutel),
        leerling=opp.leerling,
        toegestaan=True,
        reden=f"wijziging niet opgeslagen: {reden}",
        route=route,
    )


def _invoer(
    soort: type[serializers.Serializer[Any]],
    request: Request,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    route: str,
) -> dict[str, Any]:
    invoer = soort(data=request.data)
    if not invoer.is_valid():
        _niet_opgeslagen(actor, opp, route, "ongeldige invoer")
        raise serializers.ValidationError(invoer.errors)
    return dict(invoer.validated_data)


def _uitvoeren(
    actor: Any, opp: Ontwikkelingsperspectief, route: str, schrijven: Callable[[], T]
) -> T:
    """Run one service; every refusal becomes a logged, machine-readable answer."""
    try:
        return schrijven()
    except services.Conflict:
        _niet_opgeslagen(actor, opp, route, "conflict: intussen door een ander gewijzigd")
        raise OppFout(
            status.HTTP_409_CONFLICT,
            "conflict",
            "Iemand anders heeft dit OPP intussen gewijzigd; haal de nieuwe versie op.",
        ) from None
    except services.OppOnvolledig as fout:
        _niet_opgeslagen(actor, opp, route, "onvolledig")
        raise OppFout(
            status.HTTP_400_BAD_REQUEST,
            "onvolledig",
            "Het OPP kan nog niet worden vastgesteld: er ontbreken onderdelen.",
            ontbrekend=fout.ontbrekend,
        ) from None
    except services.Bevroren as fout:
        _niet_opgeslagen(actor, opp, route, "versie is bevroren")
        raise OppFout(status.HTTP_400_BAD_REQUEST, "bevroren", fout.messages[0]) from None
    except Geweigerd as fout:
        _vastleggen(
            actor,
            object_id=str(opp.sleutel),
            leerling=opp.leerling,
            toegestaan=False,
            reden=f"geweigerd: {fout.reden}",
            route=route,
        )
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        _niet_opgeslagen(actor, opp, route, "ongeldige invoer")
        raise als_api_fout(fout) from None


def _weergave(actor: Any, opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """The OPP as it is now, after a write (the service logged this request)."""
    vers = (
        opps_zichtbaar_voor(actor=actor)
        .filter(pk=opp.pk)
        .select_related("vorige_versie")
        .prefetch_related(*ONDERDELEN)
        .first()
    )
    if vers is None:
        raise NotFound(NIET_GEVONDEN)
    return dict(OntwikkelingsperspectiefSerializer(vers).data)


def _schrijfactie(
    invoer: type[serializers.Serializer[Any]] | None,
    beschrijving: str,
    antwoord: int = status.HTTP_201_CREATED,
    parameters: list[OpenApiParameter] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Schema of a POST action: its body, the OPP as the answer, and the 400 with a code."""
    return extend_schema(
        request=invoer,
        responses={
            antwoord: OntwikkelingsperspectiefSerializer,
            400: OpenApiResponse(OppFoutSerializer, description="Niet opgeslagen"),
        },
        description=beschrijving,
        parameters=parameters,
    )


# --- The resource -------------------------------------------------------------------------


class OntwikkelingsperspectiefViewSet(viewsets.GenericViewSet):  # type: ignore[type-arg]
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
                sleutel=_sleutel(sleutel),
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
            _vastleggen(
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
        return Response(_weergave(actor, opp), status=status.HTTP_201_CREATED)

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
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = _invoer(WijzigenInvoer, request, actor, opp, route)
        versie = gegevens.pop("versie")
        _uitvoeren(
            actor,
            opp,
            route,
            lambda: services.opp_bijwerken(
                actor=actor, opp=opp, versie=versie, wijzigingen=gegevens, route=route
            ),
        )
        return Response(_weergave(actor, opp))

    # --- Parts of the draft ---------------------------------------------------------------

    @_schrijfactie(FactorInvoer, "Voeg een belemmerende of bevorderende factor toe.")
    @action(detail=True, methods=["post"])
    def factoren(self, request: Request, sleutel: str) -> Response:
        return self._onderdeel(
            request, sleutel, "factoren", FactorInvoer, services.factor_toevoegen
        )

    @_schrijfactie(DoelInvoer, "Voeg een doel toe aan het handelingsdeel.")
    @action(detail=True, methods=["post"])
    def doelen(self, request: Request, sleutel: str) -> Response:
        return self._onderdeel(request, sleutel, "doelen", DoelInvoer, services.doel_toevoegen)

    @_schrijfactie(OverlegInvoer, "Leg het overleg met de ouders over het OPP vast.")
    @action(detail=True, methods=["post"])
    def overleg(self, request: Request, sleutel: str) -> Response:
        return self._onderdeel(
            request, sleutel, "overleg", OverlegInvoer, services.overleg_vastleggen
        )

    @_schrijfactie(
        InstemmingInvoer,
        "De school legt een besluit over het handelingsdeel vast dat een ouder met gezag (of "
        "de leerling van 18+) op papier gaf. Online instemmen door de ouder zelf, met een "
        "nieuwe inlogcontrole, kan alleen in het ouderportaal en niet via de API.",
    )
    @action(detail=True, methods=["post"])
    def instemming(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("instemming")
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = _invoer(InstemmingInvoer, request, actor, opp, route)
        door = _beslisser(opp, gegevens.pop("ouder", None))
        if door is None:
            _niet_opgeslagen(actor, opp, route, "onbekende ouder")
            raise serializers.ValidationError(
                {"ouder": ["Geef het id van een ouder van deze leerling (zie `ouders`)."]}
            )
        try:
            _uitvoeren(
                actor,
                opp,
                route,
                lambda: services.instemming_op_papier_vastleggen(
                    actor=actor, opp=opp, door=door, route=route, **gegevens
                ),
            )
        except serializers.ValidationError as fout:
            if isinstance(fout.detail, dict) and "door" in fout.detail:
                fout.detail["ouder"] = fout.detail.pop("door")
            raise
        return Response(_weergave(actor, opp), status=status.HTTP_201_CREATED)

    @_schrijfactie(
        HoorrechtInvoer,
        "Hoorrecht: leg de mening van de leerling vast en hoe die is opgehaald. Een leerling "
        "die het zelf invult, kiest hoorwijze `zelf`.",
    )
    @action(detail=True, methods=["post"])
    def hoorrecht(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("hoorrecht")
        opp = _opp_voor_wijziging(actor, sleutel, actie="mening_geven", route=route)
        gegevens = _invoer(HoorrechtInvoer, request, actor, opp, route)
        _uitvoeren(
            actor,
            opp,
            route,
            lambda: services.leerlingstem_vastleggen(actor=actor, opp=opp, route=route, **gegevens),
        )
        return Response(_weergave(actor, opp), status=status.HTTP_201_CREATED)

    @_schrijfactie(
        ReactieInvoer,
        "Leg vast wat de school met de mening van de leerling doet; de leerling kan dit lezen.",
        antwoord=status.HTTP_200_OK,
        parameters=[
            # drf-spectacular names the URL's ``pk`` "id" in the schema.
            OpenApiParameter(
                "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de mening"
            )
        ],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"leerlingstemmen/(?P<pk>[^/]+)/reactie",
        url_name="reactie",
    )
    def reactie(self, request: Request, sleutel: str, pk: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("reactie")
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        stem = opp.leerlingstemmen.filter(pk=int(pk)).first() if pk.isdigit() else None
        if stem is None:
            _niet_opgeslagen(actor, opp, route, "onbekende mening")
            raise NotFound("Deze mening van de leerling bestaat niet bij dit OPP.")
        gegevens = _invoer(ReactieInvoer, request, actor, opp, route)
        _uitvoeren(
            actor,
            opp,
            route,
            lambda: services.reactie_op_leerlingstem(
                actor=actor, stem=stem, reactie=gegevens["reactie_school"], route=route
            ),
        )
        return Response(_weergave(actor, opp))

    # --- The lifecycle --------------------------------------------------------------------

    @_schrijfactie(
        None,
        "Stel het OPP vast; de versie is daarna bevroren. Ontbreekt er een onderdeel dat de "
        "wet vraagt, dan volgt 400 met code `onvolledig` en de lijst `ontbrekend`.",
        antwoord=status.HTTP_200_OK,
    )
    @action(detail=True, methods=["post"])
    def vaststellen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("vaststellen")
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        _uitvoeren(
            actor, opp, route, lambda: services.opp_vaststellen(actor=actor, opp=opp, route=route)
        )
        return Response(_weergave(actor, opp))

    @_schrijfactie(EvaluatieInvoer, "Leg de (jaarlijkse) evaluatie van een vastgesteld OPP vast.")
    @action(detail=True, methods=["post"])
    def evaluatie(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("evaluatie")
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = _invoer(EvaluatieInvoer, request, actor, opp, route)
        _uitvoeren(
            actor,
            opp,
            route,
            lambda: services.evaluatie_vastleggen(actor=actor, opp=opp, route=route, **gegevens),
        )
        return Response(_weergave(actor, opp), status=status.HTTP_201_CREATED)

    @_schrijfactie(
        BeeindigenInvoer,
        "Beëindig het OPP met een datum en een reden (de einddatum gaat naar DUO).",
        antwoord=status.HTTP_200_OK,
    )
    @action(detail=True, methods=["post"])
    def beeindigen(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("beeindigen")
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = _invoer(BeeindigenInvoer, request, actor, opp, route)
        _uitvoeren(
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
        return Response(_weergave(actor, opp))

    def _onderdeel(
        self,
        request: Request,
        sleutel: str,
        naam: str,
        invoer: type[serializers.Serializer[Any]],
        service: Callable[..., Any],
    ) -> Response:
        actor = api_actor(request)
        route = ROUTE.format(naam)
        opp = _opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = _invoer(invoer, request, actor, opp, route)
        _uitvoeren(
            actor, opp, route, lambda: service(actor=actor, opp=opp, route=route, **gegevens)
        )
        return Response(_weergave(actor, opp), status=status.HTTP_201_CREATED)


def _beslisser(opp: Ontwikkelingsperspectief, ouder_id: int | None) -> Any:
    """The person who decided: a parent of this pupil, or (left out) the pupil themselves."""
    leerling = opp.leerling
    if ouder_id is None or ouder_id == leerling.gebruiker_id:
        return leerling.gebruiker
    ouderschap = leerling.ouderschappen.select_related("ouder").filter(ouder_id=ouder_id).first()
    return ouderschap.ouder if ouderschap is not None else None
