"""Request bodies of the registration API, with strict fields (see ondersteuning.api.invoer)."""

from typing import Any

from rest_framework import serializers

from passend.ondersteuning.api.invoer import MAX_TEKST, Datum, Id, JaNee, Tekst
from passend.zorgplicht.api.serializers import UitkomstVeld
from passend.zorgplicht.rules import MAX_VERLENGING_WEKEN


class AanmeldingNieuweLeerlingInvoer(serializers.Serializer[Any]):
    voornamen = Tekst(max_length=200)
    roepnaam = Tekst(max_length=100, allow_blank=True, required=False, default="")
    tussenvoegsel = Tekst(max_length=20, allow_blank=True, required=False, default="")
    achternaam = Tekst(max_length=200)
    geboortedatum = Datum()
    postcode = Tekst(max_length=7, help_text="Postcode van het woonadres, zoals 1234 AB.")
    woongemeente = Tekst(
        max_length=4, required=False, help_text="CBS-gemeentecode van de woongemeente."
    )


class AanmeldingInvoer(serializers.Serializer[Any]):
    leerling = serializers.UUIDField(
        required=False, help_text="Sleutel van een kind dat u al ziet; of geef `nieuwe_leerling`."
    )
    nieuwe_leerling = AanmeldingNieuweLeerlingInvoer(required=False)
    vestigingscode = Tekst(max_length=6, help_text="Een vestiging van uw school.")
    ontvangen_op = Datum(help_text="Datum waarop de school de schriftelijke aanmelding ontving.")
    ondersteuning_verwacht = JaNee(required=False, default=False)
    toelichting_ondersteuning = Tekst(
        max_length=MAX_TEKST, allow_blank=True, required=False, default=""
    )
    andere_scholen = Tekst(max_length=2000, allow_blank=True, required=False, default="")
    andere_vestigingscodes = serializers.ListField(
        child=Tekst(max_length=6), required=False, default=list, max_length=20
    )
    eerste_voorkeur = JaNee(required=False, default=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("leerling" in attrs) == ("nieuwe_leerling" in attrs):
            raise serializers.ValidationError(
                {
                    "leerling": "Geef `leerling` of `nieuwe_leerling`, niet allebei en niet geen van beide."
                }
            )
        return attrs


class AanmeldingVerlengenInvoer(serializers.Serializer[Any]):
    weken = Id(min_value=1, max_value=MAX_VERLENGING_WEKEN, help_text="1 tot en met 4 weken.")
    reden = Tekst(
        max_length=2000, help_text="Waarom de school meer tijd nodig heeft (staat in de brief)."
    )
    verlengd_op = Datum(required=False, help_text="Datum van de verlenging; standaard vandaag.")


class AanmeldingBesluitInvoer(serializers.Serializer[Any]):
    uitkomst = UitkomstVeld()
    uitkomst_op = Datum(required=False, help_text="Datum van het besluit; standaard vandaag.")
    toelichting = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")
    ingangsdatum = Datum(
        required=False, help_text="Bij toelating: eerste schooldag (inschrijving)."
    )
    geplaatst_bij = Tekst(
        max_length=6,
        required=False,
        help_text="Bij `geplaatst_elders`: vestigingscode van de school die het kind toeliet.",
    )
    geplaatst_op = Datum(required=False)
    opp = serializers.UUIDField(
        required=False, help_text="Bij toelating met extra ondersteuning: sleutel van het OPP."
    )


class AanmeldingLijstFilter(serializers.Serializer[Any]):
    leerling = serializers.UUIDField(required=False)
    open = serializers.ChoiceField(
        choices=[("true", "true"), ("false", "false")],
        required=False,
        help_text="Alleen aanmeldingen zonder besluit (true) of met een besluit (false).",
    )
