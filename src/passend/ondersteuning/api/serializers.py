"""How the API shows an OPP: the list item, the whole version with its parts, and the
error body of a write."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.aanbod.models import Ondersteuningsgebied
from passend.ondersteuning.models import (
    Doel,
    Evaluatie,
    Factor,
    Instemming,
    Leerlingstem,
    Ontwikkelingsperspectief,
    Overleg,
)

#: Key in a serializer's context: the area codes by id, read once per answer.
GEBIEDSCODES = "ondersteuningsgebied_codes"


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
    ondersteuningsgebied = serializers.SerializerMethodField(
        help_text="Code van het ondersteuningsgebied waar de ondersteuning vooral over gaat "
        "(zoals `lezen-spellen-dyslexie`); `null` zolang het niet is gekozen."
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
            "ondersteuningsgebied",
            "vastgesteld_op",
            "volgende_evaluatie",
            "einddatum",
            "reden_einde",
            "versie",
        ]

    def get_versie(self, opp: Ontwikkelingsperspectief) -> str:
        return opp.gewijzigd_op.isoformat()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_ondersteuningsgebied(self, opp: Ontwikkelingsperspectief) -> str | None:
        if opp.ondersteuningsgebied_id is None:
            return None
        if Ontwikkelingsperspectief.ondersteuningsgebied.is_cached(opp):
            gebied = opp.ondersteuningsgebied  # already read with the OPP: no query
            return gebied.code if gebied is not None else None
        # One query for the few areas, shared by every item of a list (one context per
        # answer): no query per OPP.
        codes = self.context.get(GEBIEDSCODES)
        if codes is None:
            codes = dict(Ondersteuningsgebied.objects.values_list("pk", "code"))
            self.context[GEBIEDSCODES] = codes
        return codes.get(opp.ondersteuningsgebied_id)


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
