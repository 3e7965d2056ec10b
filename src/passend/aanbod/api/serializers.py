"""How the API shows an offer: the location, the version and its areas; the areas
themselves; and the error body."""

from typing import Any

from rest_framework import serializers

from passend.aanbod.api import schema as _schema  # noqa: F401  (registers the components)
from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.rules import Faciliteit, Status
from passend.organisaties.models import Vestiging


class AanbodstatusVeld(serializers.ChoiceField):
    """The version's status (schema: the component ``Aanbodstatus``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Status.choices, **kwargs)


class FaciliteitVeld(serializers.ChoiceField):
    """One facility code (schema: the component ``Faciliteit``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": "Onbekende faciliteit '{input}'. Kies een code uit de lijst."},
        )
        super().__init__(choices=Faciliteit.choices, **kwargs)


class OndersteuningsgebiedSerializer(serializers.ModelSerializer[Ondersteuningsgebied]):
    class Meta:
        model = Ondersteuningsgebied
        fields = ["code", "naam", "uitleg", "landelijke_norm"]


class GebiedsaanbodSerializer(serializers.ModelSerializer[Gebiedsaanbod]):
    gebied = serializers.CharField(source="gebied.code", read_only=True, help_text="Code")
    gebied_naam = serializers.CharField(source="gebied.naam", read_only=True)
    landelijke_norm = serializers.BooleanField(source="gebied.landelijke_norm", read_only=True)
    faciliteiten = serializers.ListField(child=FaciliteitVeld(), read_only=True)

    class Meta:
        model = Gebiedsaanbod
        fields = [
            "gebied",
            "gebied_naam",
            "landelijke_norm",
            "basisondersteuning",
            "extra_ondersteuning",
            "expertise",
            "faciliteiten",
            "capaciteit",
        ]


class AanbodVestigingSerializer(serializers.ModelSerializer[Vestiging]):
    gemeente = serializers.CharField(source="gemeente.naam", read_only=True, allow_null=True)

    class Meta:
        model = Vestiging
        fields = [
            "vestigingscode",
            "naam",
            "soort",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "gemeente",
            "internetadres",
            "breedtegraad",
            "lengtegraad",
        ]


class AanbodSerializer(serializers.ModelSerializer[Aanbod]):
    """A published offer, as the public guide shows it."""

    vestiging = AanbodVestigingSerializer(read_only=True)
    gebieden = GebiedsaanbodSerializer(many=True, read_only=True)

    class Meta:
        model = Aanbod
        fields = [
            "vestiging",
            "schooljaar",
            "versie",
            "gepubliceerd_op",
            "toelichting",
            "contact",
            "gebieden",
        ]


class AanbodversieSerializer(serializers.ModelSerializer[Aanbod]):
    """A version for the school: its status and the ``revisie`` a change must carry."""

    vestigingscode = serializers.CharField(source="vestiging.vestigingscode", read_only=True)
    status = AanbodstatusVeld(read_only=True)
    gebieden = GebiedsaanbodSerializer(many=True, read_only=True)

    class Meta:
        model = Aanbod
        fields = [
            "vestigingscode",
            "schooljaar",
            "versie",
            "status",
            "revisie",
            "gewijzigd_op",
            "gepubliceerd_op",
            "toelichting",
            "contact",
            "gebieden",
        ]


class AanbodFoutSerializer(serializers.Serializer[Any]):
    """A refused request: the project's error format."""

    code = serializers.CharField(
        help_text="`ongeldig` (zie `velden`), `revisie` (intussen gewijzigd: haal het concept "
        "opnieuw op), `niet_concept` (intussen gepubliceerd) of `geen_concept`."
    )
    detail = serializers.JSONField(required=False, help_text="Toelichting")
    velden = serializers.DictField(required=False, help_text="Bij `ongeldig`: fouten per veld.")
    revisie = serializers.IntegerField(
        required=False, help_text="Bij `revisie`: de huidige revisie van het concept."
    )
