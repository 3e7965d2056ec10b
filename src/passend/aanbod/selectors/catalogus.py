"""The public catalogue: published offers only. Every public page and the public API read
offers through this module; nothing here can return a concept or a replaced version."""

from django.db.models import Prefetch, QuerySet

from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.rules import Status


def openbaar_aanbod() -> QuerySet[Aanbod]:
    """The one version per location the public guide shows (the newest published school
    year), with the location and its areas, in a bounded number of queries."""
    return (
        Aanbod.objects.filter(openbaar=True, status=Status.GEPUBLICEERD)
        .select_related("vestiging__school__bestuur", "vestiging__gemeente")
        .prefetch_related(
            Prefetch(
                "gebieden",
                queryset=Gebiedsaanbod.objects.select_related("gebied").order_by(
                    "gebied__volgorde", "gebied__naam"
                ),
            )
        )
    )


def openbaar_aanbod_van(*, vestigingscode: str) -> Aanbod | None:
    return openbaar_aanbod().filter(vestiging__vestigingscode=vestigingscode).first()


def actieve_gebieden() -> QuerySet[Ondersteuningsgebied]:
    return Ondersteuningsgebied.objects.filter(actief=True).order_by("volgorde", "naam")
