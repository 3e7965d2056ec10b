"""How the API shows a registration (the same component in the list and on its own), its
history, and its choice sets (named components, see ``schema``)."""

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.zorgplicht.api import schema as _schema  # noqa: F401  (registers the components)
from passend.zorgplicht.models import Aanmelding, Stap
from passend.zorgplicht.rules import Stand, StapSoort, Uitkomst, Wijze, dagen_over, stand
from passend.zorgplicht.selectors import termijnen_van


class _Keuze(serializers.ChoiceField):
    keuzes: Any = ()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=self.keuzes, **kwargs)

    def to_representation(self, value: Any) -> Any:
        return value or None


class WijzeVeld(_Keuze):
    keuzes = Wijze.choices


class UitkomstVeld(_Keuze):
    """The outcome (schema: ``Aanmelduitkomst``); null until there is a decision."""

    keuzes = Uitkomst.choices


class StandVeld(_Keuze):
    keuzes = Stand.choices


class StapSoortVeld(_Keuze):
    keuzes = StapSoort.choices


class AanmeldingStapSerializer(serializers.ModelSerializer[Stap]):
    soort = StapSoortVeld(read_only=True)
    door_naam = serializers.SerializerMethodField()

    class Meta:
        model = Stap
        fields = ["soort", "datum", "door_naam", "rol", "omschrijving", "tijdstip"]

    def get_door_naam(self, stap: Stap) -> str:
        return stap.door.get_full_name() or stap.door.username


class AanmeldingSerializer(serializers.ModelSerializer[Aanmelding]):
    leerling = serializers.UUIDField(source="leerling.sleutel", read_only=True)
    leerling_naam = serializers.CharField(source="leerling.naam", read_only=True)
    leerling_geboortedatum = serializers.DateField(source="leerling.geboortedatum", read_only=True)
    vestigingscode = serializers.CharField(source="vestiging.vestigingscode", read_only=True)
    wijze = WijzeVeld(read_only=True)
    andere_vestigingscodes = serializers.SerializerMethodField()
    uitkomst = UitkomstVeld(read_only=True, allow_null=True)
    stand = serializers.SerializerMethodField()
    dagen_over = serializers.SerializerMethodField()
    recht_op_tijdelijke_plaatsing = serializers.SerializerMethodField()
    geplaatst_bij = serializers.CharField(
        source="geplaatst_bij.vestigingscode", read_only=True, allow_null=True, default=None
    )
    opp = serializers.UUIDField(source="opp.sleutel", read_only=True, allow_null=True, default=None)
    stappen = AanmeldingStapSerializer(many=True, read_only=True)

    #: What the SWV does not need for its overview of terms (data minimisation): the
    #: parents' reasons (often about health), the decision's explanation and the step texts.
    VRIJE_TEKST_VOOR_SCHOOL = ("toelichting_ondersteuning", "toelichting_besluit")

    def to_representation(self, instance: Aanmelding) -> dict[str, Any]:
        data = dict(super().to_representation(instance))
        if self.context.get("beperkt"):
            for veld in self.VRIJE_TEKST_VOOR_SCHOOL:
                if veld in data:
                    data[veld] = ""
            for stap in data.get("stappen") or []:
                if "omschrijving" in stap:
                    stap["omschrijving"] = ""
        return data

    class Meta:
        model = Aanmelding
        fields = [
            "sleutel",
            "leerling",
            "leerling_naam",
            "leerling_geboortedatum",
            "vestigingscode",
            "ontvangen_op",
            "wijze",
            "ondersteuning_verwacht",
            "toelichting_ondersteuning",
            "andere_scholen",
            "andere_vestigingscodes",
            "eerste_voorkeur",
            "beslissen_uiterlijk",
            "verlengd_tot",
            "verlenging_weken",
            "verlenging_reden",
            "verlengd_op",
            "tijdelijke_plaatsing_vanaf",
            "zomervakantie_geschorst",
            "stand",
            "dagen_over",
            "recht_op_tijdelijke_plaatsing",
            "uitkomst",
            "uitkomst_op",
            "toelichting_besluit",
            "ingangsdatum",
            "geplaatst_bij",
            "geplaatst_op",
            "opp",
            "stappen",
        ]

    def _vandaag(self) -> date:
        return timezone.localdate()

    def get_andere_vestigingscodes(self, aanmelding: Aanmelding) -> list[str]:
        return sorted(v.vestigingscode for v in aanmelding.andere_vestigingen.all())

    @extend_schema_field(StandVeld())
    def get_stand(self, aanmelding: Aanmelding) -> str:
        return str(stand(termijnen_van(aanmelding), self._vandaag()))

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_dagen_over(self, aanmelding: Aanmelding) -> int | None:
        """Days left until the current term ends (negative: overdue); null once decided."""
        if aanmelding.uitkomst:
            return None
        return dagen_over(aanmelding.huidige_termijn, self._vandaag())

    def get_recht_op_tijdelijke_plaatsing(self, aanmelding: Aanmelding) -> bool:
        return stand(termijnen_van(aanmelding), self._vandaag()) == Stand.TIJDELIJKE_PLAATSING


class AanmeldingFoutSerializer(serializers.Serializer[Any]):
    """A refused write: ``al_verlengd``, ``al_besloten``, ``termijn_verstreken``, ``conflict``
    (409) or ``ongeldig`` with ``velden`` (400)."""

    code = serializers.CharField()
    detail = serializers.JSONField(required=False)
    velden = serializers.DictField(required=False)
