"""How the API shows an arrangement request: the list item, the whole request with the
parents' and the pupil's view from its OPP and its history, and the error body."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.arrangementen.api import schema as _schema  # noqa: F401  (registers the components)
from passend.arrangementen.models import Arrangementaanvraag, Statuswijziging
from passend.arrangementen.rules import Besluit
from passend.arrangementen.selectors import laatste_instemming
from passend.ondersteuning.models import Leerlingstem


class StatusVeld(serializers.CharField):
    """The request's status (schema: the component ``Arrangementstatus``, see ``schema``);
    null where there is none (the step that created the request has no previous status)."""

    def to_representation(self, value: Any) -> Any:
        return value or None


class BesluitVeld(serializers.ChoiceField):
    """The decision (schema: ``Arrangementbesluit``); shown as null until there is one."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Besluit.choices, **kwargs)

    def to_representation(self, value: Any) -> Any:
        return value or None


class ArrangementStapSerializer(serializers.ModelSerializer[Statuswijziging]):
    van_status = StatusVeld(read_only=True, allow_null=True)
    naar_status = StatusVeld(read_only=True)
    door_naam = serializers.CharField(source="door.__str__", read_only=True)

    class Meta:
        model = Statuswijziging
        fields = ["datum", "tijdstip", "van_status", "naar_status", "door_naam", "toelichting"]


class ArrangementMeningSerializer(serializers.ModelSerializer[Leerlingstem]):
    class Meta:
        model = Leerlingstem
        fields = [
            "datum",
            "hoorwijze",
            "wat_gaat_goed",
            "wat_is_moeilijk",
            "wat_wil_ik",
            "reactie_school",
        ]


class ArrangementInstemmingSerializer(serializers.Serializer[Any]):
    besluit = serializers.CharField(help_text="gegeven of geweigerd")
    datum = serializers.DateField()
    wijze = serializers.CharField(help_text="online of papier")


class ArrangementaanvraagLijstSerializer(serializers.ModelSerializer[Arrangementaanvraag]):
    kenmerk = serializers.CharField(read_only=True)
    leerling = serializers.UUIDField(source="leerling.sleutel", read_only=True)
    opp = serializers.UUIDField(source="opp.sleutel", read_only=True)
    opp_versie = serializers.IntegerField(source="opp.versie", read_only=True)
    vestigingscode = serializers.CharField(source="vestiging.vestigingscode", read_only=True)
    samenwerkingsverband = serializers.CharField(source="samenwerkingsverband.code", read_only=True)
    status = StatusVeld(read_only=True)
    besluit = BesluitVeld(read_only=True, allow_null=True)

    class Meta:
        model = Arrangementaanvraag
        fields = [
            "sleutel",
            "kenmerk",
            "leerling",
            "opp",
            "opp_versie",
            "vestigingscode",
            "samenwerkingsverband",
            "status",
            "van",
            "tot",
            "bedrag",
            "ingediend_op",
            "opnieuw_ingediend_op",
            "compleet_op",
            "besloten_op",
            "besluit",
            "toegekend_bedrag",
        ]


class ArrangementaanvraagSerializer(ArrangementaanvraagLijstSerializer):
    kijk_ouders = serializers.CharField(
        source="opp.zienswijze_ouders",
        read_only=True,
        help_text="De kijk van de ouders, uit het OPP.",
    )
    instemming = serializers.SerializerMethodField(
        help_text="Het besluit over het handelingsdeel dat telt (uit het OPP)."
    )
    leerlingstemmen = ArrangementMeningSerializer(
        source="opp.leerlingstemmen",
        many=True,
        read_only=True,
        help_text="De mening van de leerling (hoorrecht), uit het OPP.",
    )
    verloop = ArrangementStapSerializer(source="statuswijzigingen", many=True, read_only=True)

    class Meta(ArrangementaanvraagLijstSerializer.Meta):
        fields = [
            *ArrangementaanvraagLijstSerializer.Meta.fields,
            "ondersteuning",
            "toelichting",
            "onvolledig_op",
            "ontbreekt",
            "redenen",
            "toegekend_van",
            "toegekend_tot",
            "ingetrokken_op",
            "reden_intrekking",
            "kijk_ouders",
            "instemming",
            "leerlingstemmen",
            "verloop",
        ]

    @extend_schema_field(ArrangementInstemmingSerializer(allow_null=True))
    def get_instemming(self, aanvraag: Arrangementaanvraag) -> dict[str, Any] | None:
        instemming = laatste_instemming(aanvraag.opp)
        if instemming is None:
            return None
        return {
            "besluit": instemming.besluit,
            "datum": instemming.datum,
            "wijze": instemming.wijze,
        }


class ArrangementFoutSerializer(serializers.Serializer[Any]):
    """A refused write: the project's error format."""

    code = serializers.CharField(
        help_text="`ongeldig` (zie `velden`) of `status` (niet mogelijk bij deze status)."
    )
    detail = serializers.JSONField(required=False, help_text="Toelichting")
    velden = serializers.DictField(required=False, help_text="Bij `ongeldig`: fouten per veld.")
