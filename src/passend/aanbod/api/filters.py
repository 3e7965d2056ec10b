"""The filters of the public list of published offers: each narrows
``selectors.catalogus.openbaar_aanbod()``; an unknown parameter or a bad value is a 400
naming the parameter."""

from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from rest_framework import serializers

from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
from passend.core.perioden import actief_op
from passend.organisaties.models import SwvLidmaatschap
from passend.organisaties.rules import Soort, normaliseer_swv_code

FILTERS = ("gemeente", "soort", "gebied", "swv")
PAGINERING = ("limit", "offset")


def _een(params: Any, naam: str) -> str | None:
    waarden = params.getlist(naam)
    if not waarden:
        return None
    if len(waarden) > 1:
        raise serializers.ValidationError({naam: [f"Geef '{naam}' maar één keer op."]})
    waarde = str(waarden[0]).strip()
    if "\x00" in waarde:
        raise serializers.ValidationError({naam: ["Deze waarde bevat een ongeldig teken."]})
    if not waarde:
        raise serializers.ValidationError({naam: ["Laat de parameter weg of geef een waarde."]})
    return waarde


def filteren(aanbod: QuerySet[Aanbod], params: Any, *, peildatum: date) -> QuerySet[Aanbod]:
    """Apply the query parameters ``gemeente`` (CBS code or name), ``soort`` (of school),
    ``gebied`` (code: offers that describe that area) and ``swv`` (code: locations that
    are a member today)."""
    onbekend = sorted(set(params) - set(FILTERS) - set(PAGINERING))
    if onbekend:
        raise serializers.ValidationError(
            {naam: [f"Onbekende parameter. Gebruik: {', '.join(FILTERS)}."] for naam in onbekend}
        )
    if (gemeente := _een(params, "gemeente")) is not None:
        aanbod = aanbod.filter(
            Q(vestiging__gemeente__code=gemeente) | Q(vestiging__gemeente__naam__iexact=gemeente)
        )
    if (soort := _een(params, "soort")) is not None:
        if soort not in Soort.values:
            raise serializers.ValidationError(
                {"soort": [f"Onbekende soort. Kies uit: {', '.join(Soort.values)}."]}
            )
        aanbod = aanbod.filter(vestiging__soort=soort)
    if (gebied := _een(params, "gebied")) is not None:
        if not Ondersteuningsgebied.objects.filter(code=gebied, actief=True).exists():
            raise serializers.ValidationError(
                {"gebied": ["Onbekend gebied. Kies een code uit /api/v1/ondersteuningsgebieden/."]}
            )
        aanbod = aanbod.filter(
            Exists(Gebiedsaanbod.objects.filter(aanbod=OuterRef("pk"), gebied__code=gebied))
        )
    if (swv := _een(params, "swv")) is not None:
        code = normaliseer_swv_code(swv)
        if code is None:
            raise serializers.ValidationError(
                {"swv": ["Geef de code van een samenwerkingsverband, zoals PO2401."]}
            )
        lid = SwvLidmaatschap.objects.filter(
            vestiging=OuterRef("vestiging"), samenwerkingsverband__code=code
        ).filter(actief_op(peildatum))
        aanbod = aanbod.filter(Exists(lid))
    return aanbod
