"""How the API shows a verzuim case, and what it takes to report, end or plan one."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.verzuim import rules
from passend.verzuim.models import Actiepunt, Doorbraakplan, Partner, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort, Verzuimvorm


def _vandaag(context: dict[str, Any]) -> date:
    return context.get("vandaag") or timezone.localdate()


def weken_thuis(melding: Verzuimmelding, vandaag: date) -> Decimal:
    """Weeks of absence so far: up to the end of the case, or up to today."""
    laatste = vandaag if melding.einde is None else min(melding.einde, vandaag)
    if laatste < melding.sinds:
        return Decimal("0.0")
    return rules.duur_in_weken(melding.sinds, laatste)


class VerzuimPartnerSerializer(serializers.ModelSerializer[Partner]):
    soort = serializers.ChoiceField(choices=Partnersoort.choices)

    class Meta:
        model = Partner
        fields = ["id", "soort", "naam", "organisatie", "van", "tot"]


class VerzuimActiepuntSerializer(serializers.ModelSerializer[Actiepunt]):
    eigenaar = serializers.IntegerField(source="eigenaar_id", help_text="`id` van de partner")
    eigenaar_naam = serializers.CharField(source="eigenaar.naam")
    te_laat = serializers.SerializerMethodField()

    class Meta:
        model = Actiepunt
        fields = [
            "id",
            "omschrijving",
            "eigenaar",
            "eigenaar_naam",
            "deadline",
            "afgerond_op",
            "te_laat",
        ]

    def get_te_laat(self, actiepunt: Actiepunt) -> bool:
        return actiepunt.afgerond_op is None and actiepunt.deadline < _vandaag(self.context)


class VerzuimDoorbraakplanSerializer(serializers.ModelSerializer[Doorbraakplan]):
    class Meta:
        model = Doorbraakplan
        fields = ["gevraagd_op", "uiterlijk", "doorzettingsmacht", "aanpak", "vastgesteld_op"]


class _Afgeleid(serializers.ModelSerializer[Verzuimmelding]):
    """What every view of a case shows: its facts and what Passend derives from them."""

    leerling = serializers.UUIDField(source="leerling.sleutel", help_text="Sleutel van de leerling")
    soort = serializers.ChoiceField(choices=Verzuimsoort.choices)
    reden = serializers.ChoiceField(choices=Reden.choices)
    vestigingscode = serializers.SerializerMethodField()
    verzuimvorm = serializers.SerializerMethodField(
        help_text="De soort verzuim vandaag (leeg als de melding vandaag niet loopt)."
    )
    thuiszitter = serializers.SerializerMethodField()
    thuiszitter_vanaf = serializers.SerializerMethodField()
    weken_thuis = serializers.SerializerMethodField()
    doorbraak_nodig = serializers.SerializerMethodField()

    class Meta:
        model = Verzuimmelding
        fields = [
            "sleutel",
            "meldnummer",
            "leerling",
            "soort",
            "sinds",
            "reden",
            "vestigingscode",
            "einde",
            "verzuimvorm",
            "thuiszitter",
            "thuiszitter_vanaf",
            "weken_thuis",
            "doorbraak_nodig",
            "revisie",
        ]

    def get_vestigingscode(self, melding: Verzuimmelding) -> str:
        return melding.vestiging.vestigingscode if melding.vestiging else ""

    @extend_schema_field(serializers.ChoiceField(choices=Verzuimvorm.choices, allow_blank=True))
    def get_verzuimvorm(self, melding: Verzuimmelding) -> str:
        vorm = rules.verzuimvorm_op(
            melding.soort, melding.sinds, melding.einde, _vandaag(self.context)
        )
        return vorm.value if vorm else ""

    def get_thuiszitter(self, melding: Verzuimmelding) -> bool:
        return rules.is_thuiszitter(
            melding.soort, melding.sinds, melding.einde, _vandaag(self.context)
        )

    def get_thuiszitter_vanaf(self, melding: Verzuimmelding) -> date | None:
        return rules.thuiszitter_vanaf(melding.soort, melding.sinds)

    @extend_schema_field(OpenApiTypes.DECIMAL)
    def get_weken_thuis(self, melding: Verzuimmelding) -> str:
        return str(weken_thuis(melding, _vandaag(self.context)))

    def get_doorbraak_nodig(self, melding: Verzuimmelding) -> bool:
        return rules.doorbraak_nodig(
            soort=melding.soort,
            sinds=melding.sinds,
            einde=melding.einde,
            aanbod_op=melding.aanbod_op,
            peildatum=_vandaag(self.context),
            na_weken=settings.PASSEND["VERZUIM_DOORBRAAK_NA_WEKEN"],
        )


class VerzuimmeldingLijstSerializer(_Afgeleid):
    """A case in a list."""


class VerzuimmeldingSerializer(_Afgeleid):
    """One case: facts, derived facts, partners, the plan and the doorbraak plan."""

    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, allow_blank=True)
    partners = VerzuimPartnerSerializer(many=True)
    actiepunten = VerzuimActiepuntSerializer(many=True)
    doorbraakplan = serializers.SerializerMethodField()
    gemeente = serializers.CharField(source="gemeente.naam")

    class Meta(_Afgeleid.Meta):
        fields = [
            *_Afgeleid.Meta.fields,
            "toelichting",
            "gemiste_uren",
            "gemeente",
            "aanbod_op",
            "aanbod_omschrijving",
            "onderwijsconsulent_op",
            "onderwijsconsulent_naam",
            "uitkomst",
            "duur_weken",
            "partners",
            "actiepunten",
            "doorbraakplan",
        ]

    @extend_schema_field(VerzuimDoorbraakplanSerializer(allow_null=True))
    def get_doorbraakplan(self, melding: Verzuimmelding) -> dict[str, Any] | None:
        plan = getattr(melding, "doorbraakplan", None)
        return dict(VerzuimDoorbraakplanSerializer(plan).data) if plan is not None else None


# --- Input ------------------------------------------------------------------------------------


class VerzuimLijstFilter(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=[("open", "open"), ("beeindigd", "beeindigd")],
        required=False,
        error_messages={"invalid_choice": "Kies open of beeindigd."},
    )
    thuiszitter = serializers.BooleanField(
        required=False, error_messages={"invalid": "Geef true of false."}
    )


class VerzuimNieuwKindInvoer(serializers.Serializer[Any]):
    """A child that is not enrolled anywhere (absoluut verzuim)."""

    voornamen = serializers.CharField(max_length=200)
    achternaam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    postcode = serializers.CharField(max_length=7)
    woongemeente = serializers.CharField(max_length=4, help_text="CBS-code van de woongemeente")


class VerzuimmeldingInvoer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=Verzuimsoort.choices)
    sinds = serializers.DateField(help_text="Eerste verzuimdag")
    reden = serializers.ChoiceField(choices=Reden.choices)
    leerling = serializers.UUIDField(
        required=False, help_text="Sleutel van een bekende leerling (niet bij een nieuw kind)"
    )
    nieuw_kind = VerzuimNieuwKindInvoer(
        required=False, help_text="Alleen bij absoluut verzuim van een kind dat Passend niet kent"
    )
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    gemiste_uren = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    leerplichtambtenaar = serializers.IntegerField(
        required=False, allow_null=True, help_text="`id` van de gebruiker (leerplichtambtenaar)"
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "leerling" in attrs and "nieuw_kind" in attrs:
            raise serializers.ValidationError(
                {"nieuw_kind": ["Geef een bekende leerling óf een nieuw kind, niet allebei."]}
            )
        if "leerling" not in attrs and "nieuw_kind" not in attrs:
            veld = "nieuw_kind" if attrs.get("soort") == Verzuimsoort.ABSOLUUT else "leerling"
            raise serializers.ValidationError({veld: ["Dit veld is verplicht."]})
        return attrs


class VerzuimBeeindigenInvoer(serializers.Serializer[Any]):
    revisie = serializers.IntegerField(
        min_value=1, help_text="De `revisie` van de melding zoals u haar ophaalde."
    )
    einde = serializers.DateField(help_text="Laatste verzuimdag")
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices)


class VerzuimActiepuntInvoer(serializers.Serializer[Any]):
    omschrijving = serializers.CharField(max_length=10_000)
    eigenaar = serializers.IntegerField(help_text="`id` van een partner van deze melding")
    deadline = serializers.DateField()


class VerzuimFoutSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(
        help_text="`ongeldig` (zie `velden`) of `revisie` (intussen gewijzigd: haal de melding "
        "opnieuw op)."
    )
    detail = serializers.CharField(required=False)
    velden = serializers.DictField(required=False)
    revisie = serializers.IntegerField(
        required=False, help_text="Bij `revisie`: de huidige revisie van de melding."
    )
