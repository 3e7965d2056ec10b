"""Named OpenAPI components for the registration's choice sets.

Other resources have their own ``wijze``, ``status`` and ``besluit``; drf-spectacular would
name every choice set after its field and warn about collisions. These extensions register
the registration's sets once, under their own names, and refer to them.
"""

from typing import Any

from django.db.models import TextChoices
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent

from passend.zorgplicht.rules import Stand, StapSoort, Uitkomst, Wijze


def _component(auto_schema: Any, naam: str, keuzes: type[TextChoices], nullable: bool) -> Any:
    component = ResolvedComponent(
        name=naam,
        type=ResolvedComponent.SCHEMA,
        object=naam,
        schema={
            "type": "string",
            "enum": list(keuzes.values),
            "description": "; ".join(f"`{k.value}`: {k.label}" for k in keuzes),
        },
    )
    auto_schema.registry.register_on_missing(component)
    if nullable:
        return {"allOf": [component.ref], "nullable": True}
    return component.ref


class _Keuzeschema(OpenApiSerializerFieldExtension):
    naam = ""
    keuzes: type[TextChoices]

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        return _component(
            auto_schema, self.naam, self.keuzes, bool(getattr(self.target, "allow_null", False))
        )


class WijzeSchema(_Keuzeschema):
    target_class = "passend.zorgplicht.api.serializers.WijzeVeld"
    naam = "Aanmeldwijze"
    keuzes = Wijze


class UitkomstSchema(_Keuzeschema):
    target_class = "passend.zorgplicht.api.serializers.UitkomstVeld"
    naam = "Aanmelduitkomst"
    keuzes = Uitkomst


class StandSchema(_Keuzeschema):
    target_class = "passend.zorgplicht.api.serializers.StandVeld"
    naam = "Aanmeldstand"
    keuzes = Stand


class StapSoortSchema(_Keuzeschema):
    target_class = "passend.zorgplicht.api.serializers.StapSoortVeld"
    naam = "Aanmeldstap"
    keuzes = StapSoort
