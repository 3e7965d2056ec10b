"""API of organisations: samenwerkingsverbanden, schoolbesturen, scholen, vestigingen."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from passend.organisaties.models import Samenwerkingsverband, School, Schoolbestuur, Vestiging
from passend.organisaties.rules import Soort
from passend.organisaties.selectors import vestigingen_zoeken


class SamenwerkingsverbandSerializer(serializers.ModelSerializer[Samenwerkingsverband]):
    class Meta:
        model = Samenwerkingsverband
        fields = ["code", "naam", "sector"]


class SchoolbestuurSerializer(serializers.ModelSerializer[Schoolbestuur]):
    class Meta:
        model = Schoolbestuur
        fields = ["bevoegd_gezag_nummer", "naam"]


class SchoolSerializer(serializers.ModelSerializer[School]):
    bestuur = serializers.CharField(
        source="bestuur.bevoegd_gezag_nummer", read_only=True, allow_null=True
    )

    class Meta:
        model = School
        fields = ["brin", "naam", "bestuur"]


class VestigingSerializer(serializers.ModelSerializer[Vestiging]):
    brin = serializers.CharField(source="school.brin", read_only=True)
    gemeente = serializers.CharField(source="gemeente.naam", read_only=True, allow_null=True)

    class Meta:
        model = Vestiging
        fields = [
            "vestigingscode",
            "brin",
            "naam",
            "soort",
            "onderwijsstructuur",
            "denominatie",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "gemeente",
            "provincie",
            "breedtegraad",
            "lengtegraad",
            "leerlingenaantal",
        ]


class SamenwerkingsverbandViewSet(viewsets.ReadOnlyModelViewSet[Samenwerkingsverband]):
    queryset = Samenwerkingsverband.objects.order_by("code")
    serializer_class = SamenwerkingsverbandSerializer
    lookup_field = "code"


class SchoolbestuurViewSet(viewsets.ReadOnlyModelViewSet[Schoolbestuur]):
    queryset = Schoolbestuur.objects.order_by("bevoegd_gezag_nummer")
    serializer_class = SchoolbestuurSerializer
    lookup_field = "bevoegd_gezag_nummer"


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Zoek op naam, plaats, postcode of code"
            ),
            OpenApiParameter("soort", OpenApiTypes.STR, enum=[s for s, _ in Soort.choices]),
            OpenApiParameter(
                "samenwerkingsverband", OpenApiTypes.STR, description="Code, zoals PO2401"
            ),
        ]
    )
)
class VestigingViewSet(viewsets.ReadOnlyModelViewSet[Vestiging]):
    serializer_class = VestigingSerializer
    lookup_field = "vestigingscode"

    def get_queryset(self) -> QuerySet[Vestiging]:
        params: Any = self.request.query_params
        swv = None
        if params.get("samenwerkingsverband"):
            swv = Samenwerkingsverband.objects.filter(
                code=params["samenwerkingsverband"].upper()
            ).first()
            if swv is None:
                return Vestiging.objects.none()
        soort = params.get("soort", "")
        if soort and soort not in Soort.values:
            raise serializers.ValidationError(
                {"soort": f"Onbekende soort; kies uit {', '.join(Soort.values)}."}
            )
        return vestigingen_zoeken(
            zoekterm=params.get("q", ""),
            soort=soort,
            samenwerkingsverband=swv,
            peildatum=timezone.localdate(),
        )
