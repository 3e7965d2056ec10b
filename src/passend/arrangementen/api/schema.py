"""Named OpenAPI components for the request's status and decision.

The OPP has a ``status`` and a ``besluit`` of its own; drf-spectacular would name both
choice sets after the field and warn about the collision. These extensions register the
arrangement's sets once, under their own names, and refer to them.
"""

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent

from passend.arrangementen.rules import Besluit, Status


def _component(auto_schema: Any, naam: str, waarden: list[str], uitleg: str) -> dict[str, Any]:
    component = ResolvedComponent(
        name=naam,
        type=ResolvedComponent.SCHEMA,
        object=naam,
        schema={"type": "string", "enum": waarden, "description": uitleg},
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


class StatusVeldSchema(OpenApiSerializerFieldExtension):
    target_class = "passend.arrangementen.api.serializers.StatusVeld"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        return _component(
            auto_schema,
            "Arrangementstatus",
            list(Status.values),
            "; ".join(f"`{s.value}`: {s.label}" for s in Status),
        )


class BesluitVeldSchema(OpenApiSerializerFieldExtension):
    target_class = "passend.arrangementen.api.serializers.BesluitVeld"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        return _component(
            auto_schema,
            "Arrangementbesluit",
            list(Besluit.values),
            "; ".join(f"`{b.value}`: {b.label}" for b in Besluit),
        )
