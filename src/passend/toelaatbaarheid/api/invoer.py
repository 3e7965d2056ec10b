"""Request bodies of the TLV API, with strict fields (JSON types as the schema says them)."""

from typing import Any

from rest_framework import serializers

from passend.ondersteuning.api.invoer import Datum, Id, Tekst
from passend.toelaatbaarheid.rules import (
    MAX_EXTRA_VRAGEN,
    Besluit,
    Conclusie,
    Indiener,
    Soort,
    Status,
    Uitkomst,
)

MAX_TEKST = 10_000


class TlvAanvraagInvoer(serializers.Serializer[Any]):
    opp = serializers.UUIDField(
        help_text="Sleutel van de vastgestelde OPP-versie waaruit de TLV wordt aangevraagd."
    )
    soort = serializers.ChoiceField(choices=Soort.choices)
    toelichting = Tekst(max_length=3000, allow_blank=True, required=False, default="")


class TlvVerlengingInvoer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(
        choices=Soort.choices, help_text="Meestal het schooltype van de huidige TLV."
    )
    toelichting = Tekst(max_length=3000, allow_blank=True, required=False, default="")


class TlvCompleetInvoer(serializers.Serializer[Any]):
    compleet_op = Datum(help_text="De datum waarop de aanvraag compleet was.")


class TlvAdviesInvoer(serializers.Serializer[Any]):
    deskundige = Id(min_value=1, help_text="Id van een deskundige uit de pool van het SWV.")
    conclusie = serializers.ChoiceField(choices=Conclusie.choices)
    toelichting = Tekst(max_length=MAX_TEKST, help_text="Het advies.")
    datum = Datum()


class TlvBesluitInvoer(serializers.Serializer[Any]):
    besluit = serializers.ChoiceField(choices=Besluit.choices)
    motivering = Tekst(max_length=MAX_TEKST, help_text="De redenen van het besluit.")
    besluit_op = Datum()
    schoolsoort = serializers.ChoiceField(
        choices=Soort.choices, allow_blank=True, required=False, default=""
    )
    bekostigingscategorie = Id(
        min_value=1,
        max_value=3,
        required=False,
        allow_null=True,
        default=None,
        help_text="1, 2 of 3; alleen bij so en vso (verplicht daar).",
    )
    ingangsdatum = Datum(required=False, allow_null=True, default=None)
    einddatum = Datum(required=False, allow_null=True, default=None)


class TlvBezwaarInvoer(serializers.Serializer[Any]):
    """One step of a bezwaar: a new one (``indienen``), or the next step of an existing one."""

    STAPPEN = (
        ("indienen", "Nieuw bezwaar vastleggen"),
        ("advies_gevraagd", "Advies gevraagd aan de bezwaaradviescommissie"),
        ("advies_ontvangen", "Advies van de commissie ontvangen"),
        ("uitkomst", "Uitkomst (gegrond, ongegrond of ingetrokken)"),
    )
    VERPLICHT = {
        "indienen": ("indiener", "ingediend_op", "omschrijving"),
        "advies_gevraagd": ("bezwaar", "adviesaanvraag_op"),
        "advies_ontvangen": ("bezwaar", "advies_ontvangen_op", "advies"),
        "uitkomst": ("bezwaar", "uitkomst", "uitkomst_op", "toelichting"),
    }

    stap = serializers.ChoiceField(choices=STAPPEN, required=False, default="indienen")
    bezwaar = Id(min_value=1, required=False, help_text="Id van het bezwaar (niet bij `indienen`).")
    indiener = serializers.ChoiceField(choices=Indiener.choices, required=False)
    ingediend_op = Datum(required=False)
    omschrijving = Tekst(max_length=MAX_TEKST, required=False)
    adviesaanvraag_op = Datum(required=False)
    advies_ontvangen_op = Datum(required=False)
    advies = Tekst(max_length=MAX_TEKST, required=False)
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, required=False)
    uitkomst_op = Datum(required=False)
    toelichting = Tekst(max_length=MAX_TEKST, required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        ontbreekt = {
            veld: ["Dit veld is verplicht bij deze stap."]
            for veld in self.VERPLICHT[attrs["stap"]]
            if veld not in attrs
        }
        if ontbreekt:
            raise serializers.ValidationError(ontbreekt)
        return attrs


class TlvIntrekkenInvoer(serializers.Serializer[Any]):
    reden = Tekst(max_length=3000, help_text="Waarom de school de aanvraag intrekt.")


class TlvAntwoordInvoer(serializers.Serializer[Any]):
    vraag = Id(min_value=1, help_text="Id van een aanvullende vraag van het SWV.")
    antwoord = Tekst(
        max_length=MAX_TEKST, allow_blank=True, help_text="Leeg: een eerder antwoord vervalt."
    )


class TlvAntwoordenInvoer(serializers.Serializer[Any]):
    antwoorden = serializers.ListField(
        child=TlvAntwoordInvoer(), allow_empty=False, max_length=MAX_EXTRA_VRAGEN
    )


class TlvBeslissingOpBezwaarInvoer(serializers.Serializer[Any]):
    besluit = serializers.ChoiceField(choices=Besluit.choices)
    motivering = Tekst(max_length=MAX_TEKST, help_text="De redenen van de nieuwe beslissing.")
    beslist_op = Datum()
    schoolsoort = serializers.ChoiceField(
        choices=Soort.choices, allow_blank=True, required=False, default=""
    )
    bekostigingscategorie = Id(
        min_value=1,
        max_value=3,
        required=False,
        allow_null=True,
        default=None,
        help_text="1, 2 of 3; alleen bij so en vso (verplicht daar).",
    )
    ingangsdatum = Datum(required=False, allow_null=True, default=None)
    einddatum = Datum(required=False, allow_null=True, default=None)


class LijstFilter(serializers.Serializer[Any]):
    leerling = serializers.UUIDField(required=False)
    status = serializers.ChoiceField(choices=Status.choices, required=False)
