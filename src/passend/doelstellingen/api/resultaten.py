"""The results API of the doelstellingenmonitor: a closed wave's figures per goal, group and
item, with the comparisons with the baseline and the previous wave. Read-only, aggregates only.

The selector (``selectors/resultaten.resultaten_voor``) authorises and writes the one
access-log record: 403 for a role without results (logged), 404 for a hidden wave or another
SWV (logged), 409 ``meting_niet_gesloten`` for a wave that is not closed, 400 for a bad
``swv``. Suppressed cells are null with ``onderdrukt: true``.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passend.accounts.api import api_actor
from passend.doelstellingen.models import Meting
from passend.doelstellingen.rules import Doelstelling, Respondentgroep, Schaal
from passend.doelstellingen.selectors.resultaten import (
    GEEN_VERSCHIL,
    HOGER,
    LAGER,
    TOETS_PROPORTIES,
    TOETS_WELCH,
    MetingNietGesloten,
    OngeldigeKeuze,
    Resultaten,
    Vergelijking,
    resultaten_voor,
)

ROUTE = "api:meting-resultaten"


class ResultatenFout(APIException):
    """An answer with its own code (``meting_niet_gesloten``)."""

    def __init__(self, status_code: int, code: str, detail: str) -> None:
        self.status_code = status_code
        super().__init__({"code": code, "detail": detail})


# --- Output ---------------------------------------------------------------------------------


def _getal(help_text: str) -> serializers.FloatField:
    return serializers.FloatField(allow_null=True, help_text=help_text)


class ResultaatMetingSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    jaar = serializers.IntegerField()
    is_nulmeting = serializers.BooleanField()


class ResultaatSwvSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Bijvoorbeeld PO2401.")
    naam = serializers.CharField()


class ResultaatVergelijkingSerializer(serializers.Serializer[Any]):
    meting = ResultaatMetingSerializer(help_text="De meting waarmee vergeleken wordt.")
    n = serializers.IntegerField(
        allow_null=True,
        help_text="Aantal antwoorden in die meting; null als het niet getoond wordt.",
    )
    resultaat = _getal("Uitkomst in die meting (zelfde eenheid); null als niet getoond.")
    ci_laag = _getal("Ondergrens van het 95%-betrouwbaarheidsinterval in die meting.")
    ci_hoog = _getal("Bovengrens van het 95%-betrouwbaarheidsinterval in die meting.")
    verschil = _getal("Deze uitkomst min die van de andere meting; null zonder toets.")
    toets = serializers.ChoiceField(
        choices=[TOETS_PROPORTIES, TOETS_WELCH], allow_null=True, help_text="null: geen toets."
    )
    statistiek = _getal("z (twee proporties) of t (Welch).")
    p = _getal("Tweezijdige p-waarde, zonder correctie.")
    p_holm = _getal(
        "p-waarde na Holm-correctie over de getoetste vragen van dit doel en deze groep."
    )
    significant = serializers.BooleanField(help_text="Waar: p_holm < 0,05.")
    oordeel = serializers.ChoiceField(
        choices=[HOGER, LAGER, GEEN_VERSCHIL, ""], help_text="Leeg: niet getoetst."
    )
    toelichting = serializers.CharField(
        allow_blank=True, help_text="Waarom er geen toets is (leeg als er een is)."
    )


class ResultaatItemSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Vaste code van de vraag (gelijk over metingen).")
    tekst = serializers.CharField()
    schaal = serializers.ChoiceField(
        choices=Schaal.choices,
        help_text="eens_oneens: `resultaat` is het percentage dat het eens is (4 of 5); "
        "cijfer: het gemiddelde cijfer.",
    )
    n = serializers.IntegerField(
        allow_null=True, help_text="Aantal antwoorden; null als onderdrukt."
    )
    resultaat = _getal("Percentage eens (0 tot 100) of gemiddeld cijfer; null als onderdrukt.")
    ci_laag = _getal("Ondergrens van het 95%-betrouwbaarheidsinterval.")
    ci_hoog = _getal("Bovengrens van het 95%-betrouwbaarheidsinterval.")
    onderdrukt = serializers.BooleanField(
        help_text="Waar: minder dan `grens` antwoorden (of nodig om een kleine cel elders te "
        "beschermen); er staat geen uitkomst, interval of toets."
    )
    nulmeting = ResultaatVergelijkingSerializer(
        allow_null=True, help_text="null: geen nulmeting met deze vraag."
    )
    vorige = ResultaatVergelijkingSerializer(
        allow_null=True, help_text="null: geen vorige meting met deze vraag."
    )


class ResultaatGroepSerializer(serializers.Serializer[Any]):
    respondentgroep = serializers.ChoiceField(choices=Respondentgroep.choices)
    naam = serializers.CharField(source="label")
    responsen = serializers.IntegerField(
        allow_null=True, help_text="Aantal ingevulde vragenlijsten; null: minder dan `grens`."
    )
    items = ResultaatItemSerializer(many=True)


class ResultaatDoelSerializer(serializers.Serializer[Any]):
    doelstelling = serializers.ChoiceField(choices=Doelstelling.choices)
    naam = serializers.CharField(source="label")
    groepen = ResultaatGroepSerializer(many=True)


class ResultatenSerializer(serializers.Serializer[Any]):
    meting = ResultaatMetingSerializer()
    samenwerkingsverband = ResultaatSwvSerializer(
        allow_null=True,
        help_text="Het samenwerkingsverband van de cijfers; null: landelijk totaal.",
    )
    scope = serializers.CharField(help_text='"Landelijk" of de naam van het samenwerkingsverband.')
    nulmeting = ResultaatMetingSerializer(allow_null=True)
    vorige = ResultaatMetingSerializer(allow_null=True)
    grens = serializers.IntegerField(help_text="Cellen met minder antwoorden worden niet getoond.")
    doelen = ResultaatDoelSerializer(many=True, help_text="De 7 doelstellingen, op volgorde.")
    keuzes = ResultaatSwvSerializer(
        many=True,
        help_text="Samenwerkingsverbanden die u bij een landelijke meting kunt kiezen (`swv`).",
    )


def _meting(m: Meting | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"id": m.pk, "naam": m.naam, "jaar": m.jaar, "is_nulmeting": m.is_nulmeting}


def _vergelijking(v: Vergelijking | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {**vars(v), "meting": _meting(v.meting)}


def gegevens(res: Resultaten) -> dict[str, Any]:
    swv = res.samenwerkingsverband
    return {
        "meting": _meting(res.meting),
        "samenwerkingsverband": {"code": swv.code, "naam": swv.naam} if swv else None,
        "scope": res.scope,
        "nulmeting": _meting(res.nulmeting),
        "vorige": _meting(res.vorige),
        "grens": res.grens,
        "doelen": [
            {
                "doelstelling": d.doelstelling,
                "label": d.label,
                "groepen": [
                    {
                        "respondentgroep": g.respondentgroep,
                        "label": g.label,
                        "responsen": g.responsen,
                        "items": [
                            {
                                **vars(i),
                                "nulmeting": _vergelijking(i.nulmeting),
                                "vorige": _vergelijking(i.vorige),
                            }
                            for i in g.items
                        ],
                    }
                    for g in d.groepen
                ],
            }
            for d in res.doelen
        ],
        "keuzes": [{"code": s.code, "naam": s.naam} for s in res.keuzes],
    }


# --- Input ----------------------------------------------------------------------------------


class ResultatenParameters(serializers.Serializer[Any]):
    swv = serializers.RegexField(
        r"^[A-Za-z0-9]{1,10}$",
        required=False,
        allow_blank=True,
        error_messages={
            "invalid": "Geef de code van een samenwerkingsverband, bijvoorbeeld PO2401."
        },
    )


class ResultaatFoutSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    detail = serializers.JSONField(required=False)
    velden = serializers.DictField(required=False)


class MetingResultatenView(APIView):
    """A closed wave's results."""

    @extend_schema(
        operation_id="meting_resultaten",
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de meting."
            ),
            OpenApiParameter(
                "swv",
                OpenApiTypes.STR,
                description="Alleen bij een landelijke meting: de code van één "
                "samenwerkingsverband (standaard het landelijke totaal). De inspectie en het "
                "ministerie kiezen elk samenwerkingsverband dat meedeed, een "
                "samenwerkingsverband alleen zichzelf.",
            ),
        ],
        responses={
            200: ResultatenSerializer,
            400: OpenApiResponse(ResultaatFoutSerializer, description="Ongeldige `swv`"),
            409: OpenApiResponse(
                ResultaatFoutSerializer,
                description="`meting_niet_gesloten`: uitkomsten zijn er pas na het sluiten.",
            ),
        },
        description=(
            "De uitkomsten van een gesloten meting per doelstelling, respondentgroep en vraag: "
            "percentage eens of gemiddeld cijfer met 95%-betrouwbaarheidsinterval, vergeleken "
            "met de nulmeting en de vorige meting (twee proporties of Welch, Holm-correctie "
            "per doel en groep). Cellen met minder dan `grens` antwoorden zijn null met "
            "`onderdrukt: true`."
        ),
    )
    def get(self, request: Request, pk: str) -> Response:
        actor = api_actor(request)
        # A key that is no (sensible) number names no wave: id 0 exists nowhere, so the
        # selector refuses it like any unknown wave (404, logged).
        meting_id = int(pk) if pk.isdigit() and len(pk) <= 18 else 0
        dubbel = [n for n in request.query_params if len(request.query_params.getlist(n)) > 1]
        if dubbel:
            raise serializers.ValidationError(
                {n: ["Geef deze parameter maar één keer op."] for n in dubbel}
            )
        parameters = ResultatenParameters(data=request.query_params.dict())
        parameters.is_valid(raise_exception=True)
        try:
            res = resultaten_voor(
                actor=actor,
                meting_id=meting_id,
                route=ROUTE,
                swv_code=parameters.validated_data.get("swv") or None,
            )
        except OngeldigeKeuze as fout:
            raise serializers.ValidationError({"swv": [str(fout)]}) from None
        except MetingNietGesloten as fout:
            raise ResultatenFout(
                status.HTTP_409_CONFLICT, "meting_niet_gesloten", str(fout)
            ) from None
        return Response(ResultatenSerializer(gegevens(res)).data)
