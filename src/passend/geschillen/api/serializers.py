"""How the API shows a disagreement (its facts, the steps taken and what Passend derives
from them: the next step and the GPO or LBT terms), and what it takes to start one or to
record a step."""

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.geschillen.models import Onenigheid, Stap
from passend.geschillen.rules import Onderwerp, Stapsoort, Stapuitkomst, Status
from passend.geschillen.selectors import Stand, stand_van
from passend.ondersteuning.api.invoer import Datum, Tekst

MAX_TEKST = 10_000


def _stand(serializer: serializers.Serializer[Any], onenigheid: Onenigheid) -> Stand:
    """Where the case stands (computed once per case and answer)."""
    cache = serializer.context.setdefault("standen", {})
    if onenigheid.pk not in cache:
        vandaag = serializer.context.get("vandaag") or timezone.localdate()
        cache[onenigheid.pk] = stand_van(onenigheid, vandaag)
    stand: Stand = cache[onenigheid.pk]
    return stand


class OnenigheidStapSerializer(serializers.ModelSerializer[Stap]):
    routestap = serializers.CharField(source="routestap.code", help_text="Code van de routestap")
    naam = serializers.CharField(source="routestap.naam")
    soort = serializers.ChoiceField(source="routestap.soort", choices=Stapsoort.choices)
    uitkomst = serializers.ChoiceField(choices=Stapuitkomst.choices, allow_blank=True)

    class Meta:
        model = Stap
        fields = [
            "id",
            "routestap",
            "naam",
            "soort",
            "begonnen_op",
            "afgerond_op",
            "uitkomst",
            "toelichting",
        ]


class RoutestapVerwijzingSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField()
    soort = serializers.ChoiceField(choices=Stapsoort.choices)
    uitleg = serializers.CharField()


class TermijnSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField()
    uitleg = serializers.CharField()
    uiterlijk = serializers.DateField(allow_null=True, help_text="Leeg zolang de start onbekend is")
    gedaan_op = serializers.DateField(allow_null=True)
    verstreken = serializers.BooleanField()
    stand = serializers.CharField(help_text="De stand in woorden")


class _Basis(serializers.ModelSerializer[Onenigheid]):
    """What every view of a disagreement shows."""

    leerling = serializers.UUIDField(source="leerling.sleutel", help_text="Sleutel van de leerling")
    onderwerp = serializers.ChoiceField(choices=Onderwerp.choices)
    status = serializers.ChoiceField(choices=Status.choices)
    vestigingscode = serializers.CharField(source="vestiging.vestigingscode")

    class Meta:
        model = Onenigheid
        fields = [
            "sleutel",
            "leerling",
            "onderwerp",
            "status",
            "vestigingscode",
            "gestart_op",
            "swv_betrokken_sinds",
            "afgesloten_op",
            "revisie",
        ]


class OnenigheidLijstSerializer(_Basis):
    """A disagreement in a list."""


class OnenigheidSerializer(_Basis):
    """One disagreement: facts, what it is about, the steps, the next step and the terms."""

    opp = serializers.UUIDField(source="opp.sleutel", allow_null=True, default=None)
    aanmelding = serializers.UUIDField(source="aanmelding.sleutel", allow_null=True, default=None)
    tlv = serializers.UUIDField(source="tlv.sleutel", allow_null=True, default=None)
    stappen = OnenigheidStapSerializer(many=True)
    volgende_stap = serializers.SerializerMethodField()
    commissie = serializers.SerializerMethodField()
    termijnen = serializers.SerializerMethodField()

    class Meta(_Basis.Meta):
        fields = [
            *_Basis.Meta.fields,
            "omschrijving",
            "opp",
            "aanmelding",
            "tlv",
            "afsluiting",
            "besluit_op",
            "commissie_ingediend_op",
            "bestuur_antwoord_op",
            "advies_gevraagd_op",
            "oordeel_op",
            "oordeel",
            "stappen",
            "volgende_stap",
            "commissie",
            "termijnen",
        ]

    @extend_schema_field(RoutestapVerwijzingSerializer(allow_null=True))
    def get_volgende_stap(self, onenigheid: Onenigheid) -> dict[str, Any] | None:
        volgende = _stand(self, onenigheid).volgende_stap
        if volgende is None:
            return None
        return {
            "code": volgende.code,
            "naam": volgende.naam,
            "soort": volgende.soort,
            "uitleg": volgende.uitleg,
        }

    @extend_schema_field(
        serializers.ChoiceField(
            choices=[("GPO", "GPO"), ("LBT", "LBT")],
            allow_null=True,
            help_text="Welke commissie oordeelt (leeg: geen)",
        )
    )
    def get_commissie(self, onenigheid: Onenigheid) -> str | None:
        return _stand(self, onenigheid).commissie

    @extend_schema_field(TermijnSerializer(many=True))
    def get_termijnen(self, onenigheid: Onenigheid) -> list[dict[str, Any]]:
        return [
            {
                "naam": t.naam,
                "uitleg": t.uitleg,
                "uiterlijk": t.uiterlijk,
                "gedaan_op": t.gedaan_op,
                "verstreken": t.verstreken,
                "stand": t.stand,
            }
            for t in _stand(self, onenigheid).termijnen
        ]


# --- Input ------------------------------------------------------------------------------------


class OnenigheidLijstFilter(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=Status.choices,
        required=False,
        error_messages={"invalid_choice": "Kies open, opgelost of gesloten."},
    )


class OnenigheidInvoer(serializers.Serializer[Any]):
    leerling = serializers.UUIDField(help_text="Sleutel van de leerling (uw kind, of uw leerling)")
    onderwerp = serializers.ChoiceField(choices=Onderwerp.choices)
    omschrijving = Tekst(max_length=MAX_TEKST, help_text="Waar gaat de onenigheid over")
    opp = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="Sleutel van het OPP (bij `opp`)"
    )
    aanmelding = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Sleutel van de aanmelding (bij `aanmelding`)",
    )
    tlv = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="Sleutel van de TLV (bij `tlv`)"
    )
    besluit_op = Datum(
        required=False,
        allow_null=True,
        default=None,
        help_text="Datum van het besluit waar de onenigheid over gaat (voor de termijnen)",
    )


class StapInvoer(serializers.Serializer[Any]):
    routestap = Tekst(max_length=40, help_text="Code van een stap van de route")
    begonnen_op = Datum()
    toelichting = Tekst(max_length=MAX_TEKST, allow_blank=True, required=False, default="")


class OnenigheidFoutSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(
        help_text="`ongeldig` (zie `velden`), `afgesloten` (de onenigheid is al afgesloten) "
        "of `revisie`."
    )
    detail = serializers.CharField(required=False)
    velden = serializers.DictField(required=False)


def vandaag_context() -> dict[str, date]:
    return {"vandaag": timezone.localdate()}
