"""How the API shows a TLV: the list item, the whole TLV with its advices and bezwaren."""

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.toelaatbaarheid.models import (
    AanvullendAntwoord,
    Advies,
    BeslissingOpBezwaar,
    Bezwaar,
    Toelaatbaarheidsverklaring,
)
from passend.toelaatbaarheid.rules import (
    adviesaanvraag_te_laat,
    adviesaanvraag_uiterlijk,
    beroep_uiterlijk,
    bezwaar_uiterlijk,
)


class AdviesSerializer(serializers.ModelSerializer[Advies]):
    deskundige_naam = serializers.CharField(source="deskundige.naam", read_only=True)

    class Meta:
        model = Advies
        fields = [
            "id",
            "deskundige",
            "deskundige_naam",
            "beroep",
            "conclusie",
            "toelichting",
            "datum",
        ]


class BezwaarSerializer(serializers.ModelSerializer[Bezwaar]):
    adviesaanvraag_uiterlijk = serializers.SerializerMethodField()
    adviesaanvraag_te_laat = serializers.SerializerMethodField()

    class Meta:
        model = Bezwaar
        fields = [
            "id",
            "indiener",
            "ingediend_op",
            "te_laat",
            "omschrijving",
            "adviesaanvraag_op",
            "adviesaanvraag_uiterlijk",
            "adviesaanvraag_te_laat",
            "advies_ontvangen_op",
            "advies",
            "uitkomst",
            "uitkomst_op",
            "toelichting_uitkomst",
        ]

    def get_adviesaanvraag_uiterlijk(self, bezwaar: Bezwaar) -> date:
        return adviesaanvraag_uiterlijk(bezwaar.ingediend_op)

    def get_adviesaanvraag_te_laat(self, bezwaar: Bezwaar) -> bool:
        return adviesaanvraag_te_laat(
            bezwaar_ontvangen_op=bezwaar.ingediend_op,
            adviesaanvraag_op=bezwaar.adviesaanvraag_op,
            vandaag=timezone.localdate(),
        )


class AntwoordSerializer(serializers.ModelSerializer[AanvullendAntwoord]):
    """An answer to an extra question, with the question as it was when answered."""

    class Meta:
        model = AanvullendAntwoord
        fields = ["vraag", "vraagtekst", "verplicht", "antwoord", "gewijzigd_op"]


class BeslissingOpBezwaarSerializer(serializers.ModelSerializer[BeslissingOpBezwaar]):
    """The new decision after a gegrond bezwaar, with the original decision kept."""

    beroep_uiterlijk = serializers.SerializerMethodField()

    class Meta:
        model = BeslissingOpBezwaar
        fields = [
            "bezwaar",
            "beslist_op",
            "beroep_uiterlijk",
            "besluit",
            "schoolsoort",
            "bekostigingscategorie",
            "ingangsdatum",
            "einddatum",
            "motivering",
            "oorspronkelijk_besluit",
            "oorspronkelijke_schoolsoort",
            "oorspronkelijke_bekostigingscategorie",
            "oorspronkelijke_ingangsdatum",
            "oorspronkelijke_einddatum",
            "oorspronkelijke_motivering",
        ]

    def get_beroep_uiterlijk(self, beslissing: BeslissingOpBezwaar) -> date:
        return beroep_uiterlijk(beslissing.beslist_op)


class ToelaatbaarheidsverklaringLijstSerializer(
    serializers.ModelSerializer[Toelaatbaarheidsverklaring]
):
    leerling = serializers.UUIDField(source="leerling.sleutel", read_only=True)
    vestigingscode = serializers.CharField(source="vestiging.vestigingscode", read_only=True)
    verantwoordelijk_swv = serializers.CharField(source="verantwoordelijk_swv.code", read_only=True)
    kenmerk = serializers.CharField(read_only=True)
    verlenging_van = serializers.SerializerMethodField()

    class Meta:
        model = Toelaatbaarheidsverklaring
        fields = [
            "sleutel",
            "kenmerk",
            "leerling",
            "vestigingscode",
            "soort",
            "status",
            "verlenging_van",
            "verantwoordelijk_swv",
            "grensverkeer",
            "ontvangen_op",
            "compleet_op",
            "besluit",
            "besluit_op",
            "schoolsoort",
            "bekostigingscategorie",
            "ingangsdatum",
            "einddatum",
            "ingetrokken_op",
        ]

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_verlenging_van(self, tlv: Toelaatbaarheidsverklaring) -> Any:
        return tlv.vorige.sleutel if tlv.vorige_id is not None and tlv.vorige else None


class ToelaatbaarheidsverklaringSerializer(ToelaatbaarheidsverklaringLijstSerializer):
    opp = serializers.UUIDField(source="opp.sleutel", read_only=True)
    woonregio_swv = serializers.SerializerMethodField()
    school_swv = serializers.SerializerMethodField()
    adviezen = AdviesSerializer(many=True, read_only=True)
    bezwaren = BezwaarSerializer(many=True, read_only=True)
    bezwaar_uiterlijk = serializers.SerializerMethodField()
    antwoorden = AntwoordSerializer(many=True, read_only=True)
    beslissing_op_bezwaar = serializers.SerializerMethodField()

    class Meta(ToelaatbaarheidsverklaringLijstSerializer.Meta):
        fields = [
            *ToelaatbaarheidsverklaringLijstSerializer.Meta.fields,
            "opp",
            "toelichting",
            "eerste_inschrijving",
            "woonregio_swv",
            "school_swv",
            "motivering",
            "bezwaar_uiterlijk",
            "reden_intrekking",
            "adviezen",
            "bezwaren",
            "antwoorden",
            "beslissing_op_bezwaar",
        ]

    @extend_schema_field(BeslissingOpBezwaarSerializer(allow_null=True))
    def get_beslissing_op_bezwaar(self, tlv: Toelaatbaarheidsverklaring) -> dict[str, Any] | None:
        bob = getattr(tlv, "beslissing_op_bezwaar", None)
        return dict(BeslissingOpBezwaarSerializer(bob).data) if bob is not None else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_woonregio_swv(self, tlv: Toelaatbaarheidsverklaring) -> str | None:
        return tlv.woonregio_swv.code if tlv.woonregio_swv_id and tlv.woonregio_swv else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_school_swv(self, tlv: Toelaatbaarheidsverklaring) -> str | None:
        return tlv.school_swv.code if tlv.school_swv_id and tlv.school_swv else None

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_bezwaar_uiterlijk(self, tlv: Toelaatbaarheidsverklaring) -> date | None:
        return bezwaar_uiterlijk(tlv.besluit_op) if tlv.besluit_op else None


class TlvFoutSerializer(serializers.Serializer[Any]):
    """A 4xx of a TLV action: the project's error format."""

    code = serializers.CharField(help_text="`ongeldig`, `conflict`, `status` of een andere code.")
    detail = serializers.JSONField(required=False, help_text="Toelichting")
    velden = serializers.DictField(required=False, help_text="Bij `ongeldig`: fouten per veld.")
