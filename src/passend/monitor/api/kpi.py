"""The KPI API: one SWV's figures (``kengetallen``) and every SWV side by side
(``landelijk``). Read-only, aggregates only.

The same selectors as the pages (``kpi_dashboard``, ``kpi_landelijk``) authorise and write
the one access-log record. A role that may never read the figures gets a 403 (logged):
``kengetallen`` is the own SWV's figures, for its directeur, functioneel beheerder, board
and OPR (the inspectorate and the ministry read ``landelijk`` only); then the query
parameters are checked: bad ones are a 400 with a machine-readable body (``code`` and
``velden``). Whoever sees suppressed figures (the board, the OPR, the national table) asks
for exactly one school year (``schooljaar``) without ``bestuur`` or ``soort`` and gets no
previous year and no change (null) and no ``reeksen``: ``van``/``tot``, ``jaren`` other than
1 or a filter is a 400 for them (see ``selectors/kpi.py``: views must not be combinable).
Decimal figures are strings ("12.5", a
point as decimal separator) so that no precision is lost; counts are integers; a suppressed
or unknown figure is null (``onderdrukt`` says which).
"""

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passend.accounts.api import api_actor
from passend.core.kalender import schooljaar_van
from passend.core.models import Actie
from passend.monitor.forms.kpi import besturen_van, schooljaren_tot_en_met
from passend.monitor.permissions import beleid
from passend.monitor.rules import Afbakening, Eenheid
from passend.monitor.selectors.kpi import (
    GEEN_FILTERS,
    GROEPEN,
    HELE_SCHOOLJAREN,
    MAXIMALE_PERIODE_JAREN,
    OBJECT_TYPE,
    OBJECT_TYPE_LANDELIJK,
    Dashboard,
    Landelijk,
    controleer_periode,
    kpi_dashboard,
    kpi_landelijk,
)
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.rules import Sector, Soort

BUITEN_BEREIK = "Kies datums tussen 2000 en 2100."
EIGEN_SWV = (
    "Deze parameter bestaat niet: u leest de cijfers van uw eigen samenwerkingsverband. "
    "De inspectie en het ministerie lezen /api/v1/monitor/landelijk/."
)

# --- Output ---------------------------------------------------------------------------------


def _decimaal(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=1,
        coerce_to_string=True,
        allow_null=True,
        help_text=f"{help_text} Een decimaal getal als tekst (punt als scheidingsteken), "
        'bijvoorbeeld "12.5"; null als het onbekend is of niet getoond wordt.',
    )


class KengetalSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Vaste code van het kengetal.")
    groep = serializers.ChoiceField(
        choices=list(GROEPEN.items()), help_text="Groep van het kengetal."
    )
    naam = serializers.CharField(source="label", help_text="Naam van het kengetal.")
    eenheid = serializers.ChoiceField(choices=Eenheid.choices, help_text="Eenheid van `waarde`.")
    aantal = serializers.IntegerField(
        allow_null=True,
        help_text="Het aantal (leerlingen, zaken of aanvragen) waarop het kengetal berust; "
        "null als het niet getoond wordt (kleiner dan `grens`) of onbekend is.",
    )
    waarde = _decimaal("Het kengetal in `eenheid` (percentage, per 1.000, gemiddelde, mediaan).")
    noemer = serializers.IntegerField(
        allow_null=True,
        help_text="De noemer van een percentage of aantal per 1.000; null als er geen is of "
        "als hij klein is en niet getoond wordt.",
    )
    noemer_eenheid = serializers.CharField(
        allow_blank=True,
        help_text='Wat de noemer telt, in woorden ("leerlingen", "besloten aanmeldingen"); '
        "leeg zonder noemer.",
    )
    vorig_jaar_aantal = serializers.IntegerField(
        allow_null=True,
        help_text="Het aantal in dezelfde periode een jaar eerder; altijd null als kleine "
        "aantallen zijn weggelaten (dan is er geen vergelijking met vorig jaar).",
    )
    vorig_jaar_waarde = _decimaal(
        "Het kengetal in dezelfde periode een jaar eerder (null als kleine aantallen zijn "
        "weggelaten)."
    )
    verandering = _decimaal(
        "De verandering ten opzichte van vorig jaar, in procent (null als kleine aantallen "
        "zijn weggelaten)."
    )
    landelijk = _decimaal("Het landelijke cijfer (deelnamepercentages).")
    onderdrukt = serializers.BooleanField(
        help_text="Waar: een klein aantal (nu of vorig jaar) is weggelaten."
    )


class PuntSerializer(serializers.Serializer[Any]):
    schooljaar = serializers.CharField(help_text="Bijvoorbeeld 2025-2026.")
    waarde = _decimaal("Het kengetal in dat schooljaar (het deel binnen de periode).")
    onderdrukt = serializers.BooleanField(
        help_text="Waar: het aantal is klein (of zou een klein aantal verraden) en de waarde "
        "is weggelaten."
    )


class ReeksSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField(source="label", help_text="Naam van het kengetal.")
    eenheid = serializers.ChoiceField(choices=Eenheid.choices)
    punten = PuntSerializer(many=True)
    landelijk = PuntSerializer(
        many=True, allow_null=True, help_text="De landelijke lijn, als die er is."
    )


class SamenwerkingsverbandKortSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Bijvoorbeeld PO2401.")
    naam = serializers.CharField()
    sector = serializers.ChoiceField(choices=Sector.choices)


class AfbakeningSerializer(serializers.Serializer[Any]):
    bestuur = serializers.CharField(
        allow_null=True, help_text="Bevoegd-gezagnummer van het schoolbestuur, of null."
    )
    soort = serializers.ChoiceField(choices=Soort.choices, allow_null=True)
    sector = serializers.ChoiceField(choices=Sector.choices, allow_null=True)


class KengetallenSerializer(serializers.Serializer[Any]):
    samenwerkingsverband = SamenwerkingsverbandKortSerializer()
    van = serializers.DateField()
    tot = serializers.DateField()
    afbakening = AfbakeningSerializer()
    onderdrukt = serializers.BooleanField(help_text="Waar: kleine aantallen zijn weggelaten.")
    grens = serializers.IntegerField(help_text="Aantallen van 1 tot deze grens worden weggelaten.")
    kengetallen = KengetalSerializer(many=True)
    reeksen = ReeksSerializer(
        many=True,
        help_text="Kengetallen per schooljaar (grafieken); leeg als kleine aantallen zijn "
        "weggelaten.",
    )


class KolomSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField(source="label", help_text="Naam van het kengetal.")
    eenheid = serializers.ChoiceField(choices=Eenheid.choices)


class LandelijkeRijSerializer(serializers.Serializer[Any]):
    samenwerkingsverband = SamenwerkingsverbandKortSerializer()
    kengetallen = KengetalSerializer(many=True, help_text="In de volgorde van `kolommen`.")


class LandelijkSerializer(serializers.Serializer[Any]):
    van = serializers.DateField()
    tot = serializers.DateField()
    afbakening = AfbakeningSerializer()
    grens = serializers.IntegerField(help_text="Aantallen van 1 tot deze grens worden weggelaten.")
    kolommen = KolomSerializer(many=True)
    rijen = LandelijkeRijSerializer(many=True)
    totaal = KengetalSerializer(many=True, help_text="Alle samenwerkingsverbanden samen.")


def _swv(swv: Samenwerkingsverband) -> dict[str, Any]:
    return {"code": swv.code, "naam": swv.naam, "sector": swv.sector}


def _afbakening(afbakening: Afbakening, bestuur: str | None = None) -> dict[str, Any]:
    return {"bestuur": bestuur, "soort": afbakening.soort, "sector": afbakening.sector}


def _punten(
    punten: list[Any] | None, onderdrukt: frozenset[str] = frozenset()
) -> list[dict[str, Any]] | None:
    if punten is None:
        return None
    return [
        {"schooljaar": jaar, "waarde": waarde, "onderdrukt": jaar in onderdrukt}
        for jaar, waarde in punten
    ]


def dashboard_gegevens(dashboard: Dashboard, bestuur: str | None) -> dict[str, Any]:
    return {
        "samenwerkingsverband": _swv(dashboard.samenwerkingsverband),
        "van": dashboard.van,
        "tot": dashboard.tot,
        "afbakening": _afbakening(dashboard.afbakening, bestuur),
        "onderdrukt": dashboard.onderdrukt,
        "grens": dashboard.grens,
        "kengetallen": [vars(k) for k in dashboard.kengetallen],
        "reeksen": [
            {
                "code": r.code,
                "label": r.label,
                "eenheid": r.eenheid,
                "punten": _punten(r.punten, r.onderdrukt),
                "landelijk": _punten(r.landelijk),
            }
            for r in dashboard.reeksen
        ],
    }


def landelijk_gegevens(landelijk: Landelijk) -> dict[str, Any]:
    return {
        "van": landelijk.van,
        "tot": landelijk.tot,
        "afbakening": _afbakening(landelijk.afbakening),
        "grens": landelijk.grens,
        "kolommen": [
            {"code": code, "label": label, "eenheid": eenheid}
            for code, label, eenheid in landelijk.kolommen
        ],
        "rijen": [
            {
                "samenwerkingsverband": _swv(rij.samenwerkingsverband),
                "kengetallen": [vars(k) for k in rij.kengetallen],
            }
            for rij in landelijk.rijen
        ],
        "totaal": [vars(k) for k in landelijk.totaal],
    }


# --- Input ----------------------------------------------------------------------------------


class PeriodeParameters(serializers.Serializer[Any]):
    """The period: ``van`` and ``tot``, or ``jaren`` whole school years up to ``schooljaar``
    (default: the running one, up to today). With context ``vrije_periode`` False (suppressed
    figures) exactly one school year: ``schooljaar`` alone."""

    van = serializers.DateField(
        required=False, error_messages={"invalid": "Geef een datum als JJJJ-MM-DD."}
    )
    tot = serializers.DateField(
        required=False, error_messages={"invalid": "Geef een datum als JJJJ-MM-DD."}
    )
    schooljaar = serializers.RegexField(
        r"^\d{4}-\d{4}$",
        required=False,
        error_messages={"invalid": "Geef een schooljaar als JJJJ-JJJJ, bijvoorbeeld 2025-2026."},
    )
    jaren = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAXIMALE_PERIODE_JAREN,
        error_messages={
            "invalid": "Geef een aantal schooljaren van 1 tot 5.",
            "min_value": "Geef een aantal schooljaren van 1 tot 5.",
            "max_value": "Geef een aantal schooljaren van 1 tot 5.",
        },
    )

    def validate_schooljaar(self, waarde: str) -> str:
        begin, einde = int(waarde[:4]), int(waarde[5:])
        if einde != begin + 1:
            raise serializers.ValidationError(
                "Een schooljaar loopt van het ene jaar tot het volgende, bijvoorbeeld 2025-2026."
            )
        if not 2000 <= begin <= 2099:
            raise serializers.ValidationError("Kies een schooljaar tussen 2000 en 2100.")
        return waarde

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        van, tot = attrs.get("van"), attrs.get("tot")
        if not self.context.get("vrije_periode", True):
            if van is not None or tot is not None:
                veld = "van" if van is not None else "tot"
                raise serializers.ValidationError({veld: [HELE_SCHOOLJAREN]})
            if attrs.get("jaren") not in (None, 1):
                raise serializers.ValidationError({"jaren": [HELE_SCHOOLJAREN]})
        if (van is not None or tot is not None) and (
            attrs.get("schooljaar") is not None or attrs.get("jaren") is not None
        ):
            raise serializers.ValidationError(
                {"schooljaar": ["Geef 'van' en 'tot', of 'schooljaar' en 'jaren', niet allebei."]}
            )
        if (van is None) != (tot is None):
            veld = "tot" if tot is None else "van"
            raise serializers.ValidationError(
                {veld: ["Geef 'van' en 'tot' allebei, of geen van beide."]}
            )
        if van is not None and tot is not None:
            for veld, dag in (("van", van), ("tot", tot)):
                if not 2000 <= dag.year <= 2100:
                    raise serializers.ValidationError({veld: [BUITEN_BEREIK]})
            if tot < van:
                raise serializers.ValidationError({"tot": ["'tot' ligt vóór 'van'."]})
            try:
                controleer_periode(van, tot)
            except ValueError:
                raise serializers.ValidationError(
                    {"tot": [f"Een periode is hoogstens {MAXIMALE_PERIODE_JAREN} jaar."]}
                ) from None
        return attrs

    def periode(self, vandaag: date) -> tuple[date, date]:
        van, tot = self.validated_data.get("van"), self.validated_data.get("tot")
        if van is not None and tot is not None:
            return van, tot
        return schooljaren_tot_en_met(
            self.validated_data.get("schooljaar") or schooljaar_van(vandaag),
            (self.validated_data.get("jaren") or 1)
            if self.context.get("vrije_periode", True)
            else 1,
            vandaag,
        )


class KengetallenParameters(PeriodeParameters):
    bestuur = serializers.RegexField(
        r"^\d{1,6}$",
        required=False,
        error_messages={"invalid": "Geef het bevoegd-gezagnummer van een schoolbestuur."},
    )
    soort = serializers.ChoiceField(
        choices=Soort.choices,
        required=False,
        error_messages={"invalid_choice": "Onbekende soort school."},
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not self.context.get("filters", True):
            fout = {veld: [GEEN_FILTERS] for veld in ("bestuur", "soort") if attrs.get(veld)}
            if fout:
                raise serializers.ValidationError(fout)
        return super().validate(attrs)


class LandelijkParameters(PeriodeParameters):
    sector = serializers.ChoiceField(
        choices=Sector.choices,
        required=False,
        error_messages={"invalid_choice": "Kies PO of VO."},
    )


def _dubbel(request: Request, namen: list[str] | None = None) -> None:
    dubbel = sorted(
        naam
        for naam in request.query_params
        if len(request.query_params.getlist(naam)) > 1 and (namen is None or naam in namen)
    )
    if dubbel:
        raise serializers.ValidationError(
            {naam: ["Geef deze parameter maar één keer op."] for naam in dubbel}
        )


def _parameters(
    klasse: type[PeriodeParameters], request: Request, **context: Any
) -> PeriodeParameters:
    _dubbel(request)
    parameters = klasse(data=request.query_params.dict(), context=context)
    parameters.is_valid(raise_exception=True)
    return parameters


PERIODE = [
    OpenApiParameter(
        "van",
        OpenApiTypes.DATE,
        description="Begin van een eigen periode (met `tot`; standaard: het lopende "
        f"schooljaar tot en met vandaag). Hoogstens {MAXIMALE_PERIODE_JAREN} jaar. Alleen "
        "voor wie alle aantallen ziet (directeur, functioneel beheerder).",
    ),
    OpenApiParameter("tot", OpenApiTypes.DATE, description="Einde van de periode (met `van`)."),
    OpenApiParameter(
        "schooljaar",
        OpenApiTypes.STR,
        description="Het laatste schooljaar van de periode, bijvoorbeeld 2025-2026 (het "
        "lopende schooljaar telt tot en met vandaag). Standaard het lopende.",
    ),
    OpenApiParameter(
        "jaren",
        OpenApiTypes.INT,
        description=f"Aantal hele schooljaren tot en met `schooljaar` (1 tot "
        f"{MAXIMALE_PERIODE_JAREN}, standaard 1). Wie kleine aantallen niet ziet, vraagt "
        "altijd één schooljaar (anders 400).",
    ),
]


class KengetallenView(APIView):
    """One SWV's KPI figures."""

    @extend_schema(
        operation_id="monitor_kengetallen",
        parameters=[
            *PERIODE,
            OpenApiParameter(
                "bestuur",
                OpenApiTypes.STR,
                description="Bevoegd-gezagnummer: alleen vestigingen van dit schoolbestuur. "
                "Alleen voor de directeur en de functioneel beheerder.",
            ),
            OpenApiParameter(
                "soort",
                OpenApiTypes.STR,
                enum=list(Soort.values),
                description="Soort school. Alleen voor de directeur en de functioneel beheerder.",
            ),
        ],
        responses={200: KengetallenSerializer},
        description=(
            "De kengetallen van het eigen samenwerkingsverband in een periode: bij elk cijfer "
            "het aantal, de waarde van een jaar eerder en de verandering, en per schooljaar de "
            "reeksen van de grafieken. Alleen aantallen. Voor een toezichthouder en de OPR "
            "zijn aantallen onder `grens` weggelaten (null), altijd over één schooljaar, "
            "zonder vorig jaar, verandering en reeksen. De inspectie en het ministerie lezen "
            "`landelijk` (hier 403)."
        ),
    )
    def get(self, request: Request) -> Response:
        route = "api:monitor-kengetallen"
        actor = api_actor(request)
        beleid.eis_rol(actor, "kpi", log_actie=Actie.LEZEN, object_type=OBJECT_TYPE, route=route)
        if "samenwerkingsverband" in request.query_params:
            # Only the own SWV (the inspectorate and the ministry read ``landelijk``).
            raise serializers.ValidationError({"samenwerkingsverband": [EIGEN_SWV]})
        swv = actor.rol.samenwerkingsverband
        assert swv is not None  # every role with "kpi" is held in an SWV
        onderdrukt = beleid.onderdrukt(actor, swv)
        parameters = _parameters(
            KengetallenParameters, request, vrije_periode=not onderdrukt, filters=not onderdrukt
        )
        gegevens = parameters.validated_data
        bestuur_id = None
        if gegevens.get("bestuur"):
            bestuur = (
                besturen_van(swv, timezone.localdate())
                .filter(bevoegd_gezag_nummer=gegevens["bestuur"])
                .first()
            )
            if bestuur is None:
                raise serializers.ValidationError(
                    {
                        "bestuur": [
                            "Dit schoolbestuur heeft geen vestiging in dit samenwerkingsverband."
                        ]
                    }
                )
            bestuur_id = bestuur.pk
        van, tot = parameters.periode(timezone.localdate())
        dashboard = kpi_dashboard(
            actor=actor,
            samenwerkingsverband=swv,
            van=van,
            tot=tot,
            afbakening=Afbakening(bestuur_id=bestuur_id, soort=gegevens.get("soort") or None),
            route=route,
        )
        return Response(
            KengetallenSerializer(dashboard_gegevens(dashboard, gegevens.get("bestuur"))).data
        )


class LandelijkView(APIView):
    """Every SWV's main KPI figures side by side."""

    @extend_schema(
        operation_id="monitor_landelijk",
        parameters=[
            *PERIODE,
            OpenApiParameter(
                "sector", OpenApiTypes.STR, enum=list(Sector.values), description="PO of VO."
            ),
        ],
        responses={200: LandelijkSerializer},
        description=(
            "De belangrijkste kengetallen van elk samenwerkingsverband naast elkaar, met het "
            "totaal. Alleen voor de inspectie en het ministerie; aantallen onder `grens` zijn "
            "altijd weggelaten (null). Altijd één schooljaar, zonder vorig jaar en verandering "
            "(null)."
        ),
    )
    def get(self, request: Request) -> Response:
        route = "api:monitor-landelijk"
        actor = api_actor(request)
        beleid.eis_rol(
            actor,
            "kpi_landelijk",
            log_actie=Actie.LEZEN,
            object_type=OBJECT_TYPE_LANDELIJK,
            route=route,
        )
        parameters = _parameters(LandelijkParameters, request, vrije_periode=False)
        van, tot = parameters.periode(timezone.localdate())
        landelijk = kpi_landelijk(
            actor=actor,
            van=van,
            tot=tot,
            afbakening=Afbakening(sector=parameters.validated_data.get("sector") or None),
            route=route,
        )
        return Response(LandelijkSerializer(landelijk_gegevens(landelijk)).data)
