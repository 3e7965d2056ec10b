"""Request bodies of the offer API, strict: only the fields the schema names (an unknown
field is a 400 naming it), JSON types as the schema says them, lengths within reason."""

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from passend.aanbod.aanbodbestand import MAX_CAPACITEIT
from passend.aanbod.api.serializers import FaciliteitVeld
from passend.aanbod.models import Ondersteuningsgebied
from passend.aanbod.rules import MAXIMALE_CONTACTLENGTE as MAX_CONTACT
from passend.aanbod.rules import MAXIMALE_TEKSTLENGTE as MAX_TEKST
from passend.aanbod.rules import Faciliteit

ONBEKEND_VELD = "Dit veld bestaat niet."


class StrikteInvoer(serializers.Serializer[Any]):
    """Refuses fields it does not know, also inside nested objects: a typing error in a
    field name must not be ignored quietly."""

    def to_internal_value(self, data: Any) -> Any:
        onbekend = (
            {naam: [ONBEKEND_VELD] for naam in sorted(set(data) - set(self.fields))}
            if isinstance(data, Mapping)
            else {}
        )
        try:
            waarde = super().to_internal_value(data)
        except serializers.ValidationError as fout:
            if onbekend and isinstance(fout.detail, dict):
                raise serializers.ValidationError({**onbekend, **fout.detail}) from None
            raise
        if onbekend:
            raise serializers.ValidationError(onbekend)
        return waarde


class Tekst(serializers.CharField):
    """Only a JSON string (DRF would quietly turn a number into text)."""

    default_error_messages = {"invalid": "Geef een tekst (een JSON-string)."}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("required", False)
        kwargs.setdefault("default", "")
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class Geheel(serializers.IntegerField):
    """Only a JSON integer (not a string, a fraction or true/false)."""

    default_error_messages = {"invalid": "Geef een heel getal (een JSON-getal)."}

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return int(super().to_internal_value(data))


class GebiedInvoer(StrikteInvoer):
    """What the offer says about one area."""

    gebied = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Ondersteuningsgebied.objects.filter(actief=True),
        help_text="Code van een gebied uit /api/v1/ondersteuningsgebieden/.",
        error_messages={
            "does_not_exist": "Onbekend gebied '{value}'. Kies een code uit "
            "/api/v1/ondersteuningsgebieden/.",
            "invalid": "Geef de code van een gebied.",
        },
    )
    basisondersteuning = Tekst(max_length=MAX_TEKST, help_text="Wat krijgt elk kind?")
    extra_ondersteuning = Tekst(
        max_length=MAX_TEKST, help_text="Wat kan de school extra bieden, samen met het SWV?"
    )
    expertise = Tekst(max_length=MAX_TEKST, help_text="Welke deskundigheid is op school?")
    faciliteiten = serializers.ListField(
        child=FaciliteitVeld(), required=False, default=list, max_length=len(Faciliteit.values)
    )
    capaciteit = Geheel(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=MAX_CAPACITEIT,
        help_text="Aantal plaatsen: alleen voor sbo, so en vso (anders 400); anders null.",
    )


class ConceptInvoer(StrikteInvoer):
    """The whole content of a concept (what is left out is empty afterwards)."""

    revisie = Geheel(min_value=1, help_text="De `revisie` van het concept zoals u het ophaalde.")
    toelichting = Tekst(max_length=MAX_TEKST, help_text="Korte inleiding over ondersteuning.")
    contact = Tekst(max_length=MAX_CONTACT, help_text="Bij wie kunnen ouders terecht?")
    gebieden = serializers.ListField(
        child=GebiedInvoer(),
        max_length=100,
        help_text="Elk gebied één keer; een gebied zonder tekst valt weg.",
    )


class PublicerenInvoer(StrikteInvoer):
    """Publish the concept as it was read (its ``revisie``)."""

    revisie = Geheel(min_value=1, help_text="De `revisie` van het concept zoals u het ophaalde.")


class LegeInvoer(StrikteInvoer):
    """No fields: an empty object, or no body at all."""
