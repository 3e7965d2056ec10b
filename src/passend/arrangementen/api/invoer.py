"""Request bodies of the arrangement API, with strict fields: JSON types as the schema says
them, dates within reason, amounts in whole cents."""

import datetime
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from passend.arrangementen.api.serializers import BesluitVeld
from passend.arrangementen.rules import LAATSTE_JAAR, VROEGSTE_JAAR

MAX_TEKST = 10_000


class Tekst(serializers.CharField):
    """Only a JSON string (DRF would quietly turn a number into text)."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class Datum(serializers.DateField):
    """A date between 2000 and 2100 (further is a typing error)."""

    def to_internal_value(self, value: Any) -> datetime.date:
        datum = super().to_internal_value(value)
        if not VROEGSTE_JAAR <= datum.year <= LAATSTE_JAAR:
            raise serializers.ValidationError(
                f"Kies een datum tussen {VROEGSTE_JAAR} en {LAATSTE_JAAR}."
            )
        return datum


def bedrag(**kwargs: Any) -> serializers.DecimalField:
    """An amount in euros: a string like "4500.00" (or a JSON number), whole cents."""
    return serializers.DecimalField(
        max_digits=8,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text='Bedrag in euro\'s, met een punt als decimaalteken, bijvoorbeeld "4500.00".',
        **kwargs,
    )


class ArrangementAanvraagInvoer(serializers.Serializer[Any]):
    opp = serializers.UUIDField(
        help_text="Sleutel van een vastgestelde OPP-versie van een leerling van uw school."
    )
    ondersteuning = Tekst(max_length=MAX_TEKST, help_text="Welke ondersteuning u vraagt.")
    van = Datum(help_text="Begin van de ondersteuning.")
    tot = Datum(help_text="Einde van de ondersteuning (tot en met); na `van`.")
    bedrag = bedrag()
    toelichting = Tekst(max_length=MAX_TEKST, help_text="Waarom de leerling dit nodig heeft.")


class ArrangementAanvullenInvoer(serializers.Serializer[Any]):
    aanvulling = Tekst(max_length=MAX_TEKST, help_text="Wat u heeft aangevuld of veranderd.")
    ondersteuning = Tekst(max_length=MAX_TEKST, required=False)
    van = Datum(required=False)
    tot = Datum(required=False)
    bedrag = bedrag(required=False)
    toelichting = Tekst(max_length=MAX_TEKST, required=False)


class ArrangementOnvolledigInvoer(serializers.Serializer[Any]):
    ontbreekt = Tekst(max_length=MAX_TEKST, help_text="Wat er ontbreekt; de school vult aan.")


class ArrangementBesluitInvoer(serializers.Serializer[Any]):
    besluit = BesluitVeld()
    redenen = Tekst(max_length=MAX_TEKST, help_text="De redenen; die komen in de besluitbrief.")
    toegekend_bedrag = bedrag(required=False, allow_null=True)
    toegekend_van = Datum(required=False, allow_null=True)
    toegekend_tot = Datum(required=False, allow_null=True)


class ArrangementIntrekkenInvoer(serializers.Serializer[Any]):
    reden = Tekst(max_length=MAX_TEKST, help_text="Waarom de school de aanvraag intrekt.")
