"""Named OpenAPI components for the offer's status and facilities.

Other apps have a ``status`` of their own; drf-spectacular would name every choice set
after its field and warn about the collision. These extensions register the offer's sets
once, under their own names, and refer to them.
"""

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent

from passend.aanbod.rules import Faciliteit, Status


def _component(auto_schema: Any, naam: str, waarden: list[str], uitleg: str) -> dict[str, Any]:
    component = ResolvedComponent(
        name=naam,
        type=ResolvedComponent.SCHEMA,
        object=naam,
        schema={"type": "string", "enum": waarden, "description": uitleg},
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


class AanbodstatusSchema(OpenApiSerializerFieldExtension):
    target_class = "passend.aanbod.api.serializers.AanbodstatusVeld"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        return _component(
            auto_schema,
            "Aanbodstatus",
            [str(s) for s in Status.values],
            "; ".join(f"`{s.value}`: {s.label}" for s in Status),
        )


class FaciliteitSchema(OpenApiSerializerFieldExtension):
    target_class = "passend.aanbod.api.serializers.FaciliteitVeld"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        return _component(
            auto_schema,
            "Faciliteit",
            [str(f) for f in Faciliteit.values],
            "; ".join(f"`{f.value}`: {f.label}" for f in Faciliteit),
        )
