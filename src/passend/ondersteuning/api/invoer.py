"""Request bodies of the OPP API, with strict fields: JSON types as the schema says them,
dates within reason."""

import datetime
from typing import Any

from django.utils import timezone
from rest_framework import serializers

from passend.aanbod.models import Ondersteuningsgebied
from passend.ondersteuning.rules import (
    Besluit,
    Einde,
    FactorSoort,
    Hoorwijze,
    Status,
    Uitstroombestemming,
)

MAX_TEKST = 10_000


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


class Gebiedscode(serializers.SlugRelatedField):
    """The code of an active ondersteuningsgebied, as a JSON string (or null: none chosen)."""

    default_error_messages = {
        "does_not_exist": "Er is geen ondersteuningsgebied in gebruik met de code {value}.",
        "invalid": "Geef de code van een ondersteuningsgebied als tekst.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            slug_field="code",
            queryset=Ondersteuningsgebied.objects.filter(actief=True),
            allow_null=True,
            **kwargs,
        )

    def to_internal_value(self, data: Any) -> Ondersteuningsgebied:
        if not isinstance(data, str):
            self.fail("invalid")
        gebied: Ondersteuningsgebied = super().to_internal_value(data)
        return gebied


def niet_in_de_toekomst(datum: datetime.date) -> None:
    if datum > timezone.localdate():
        raise serializers.ValidationError("Deze datum kan niet in de toekomst liggen.")


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
    ondersteuningsgebied = Gebiedscode(
        required=False,
        help_text=(
            "Code van het ondersteuningsgebied waar de ondersteuning vooral over gaat (een "
            "gebied dat in gebruik is); `null` maakt de keuze leeg."
        ),
    )
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
