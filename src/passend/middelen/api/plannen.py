"""The plan API and the public figures (under /api/v1/).

- ``plannen/`` GET: the own SWV's plans with their status; POST: a new plan (the directeur an
  ondersteuningsplan, the controller a meerjarenbegroting).
- ``plannen/{id}/`` GET: one plan with its versions, consent and OOGO.
- ``plannen/{id}/versies/`` POST: a new version (``revisie`` of the plan as read: a stale one
  is a 409 with the current ``revisie``).
- ``planversies/{id}/instemming/`` and ``planversies/{id}/oogo/`` POST: the directeur records
  the OPR's consent and the OOGO with a municipality of the werkgebied.
- ``verantwoording/{swv_code}/`` GET (no log-in): the figures of the public page, from
  adopted budgets only.

The same selectors and services as the pages authorise and write the access log. A role
that may never do it: 403 (logged); another SWV's plan: 404 (logged); bad input: 400 with
``code`` and ``velden``. Amounts are decimal strings (a point as decimal separator).
"""

import re
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passend.accounts.api import api_actor
from passend.core.api import FOUT_SCHEMA, als_api_fout
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.middelen.models import Plan, Planversie
from passend.middelen.permissions import beleid
from passend.middelen.rules import Instemmingsuitkomst, Oogouitkomst, Plansoort
from passend.middelen.selectors.openbaar import Verantwoording, verantwoording
from passend.middelen.selectors.plannen import (
    OBJECT_TYPE,
    Planstatus,
    plan_status,
    plan_voor_actor,
    plan_voor_schrijven,
    plannen_queryset,
    plannen_voor_actor,
    planversie_voor_vastleggen,
    werkgebied_van,
)
from passend.middelen.services.plannen import (
    Conflict,
    instemming_vastleggen,
    oogo_vastleggen,
    plan_aanmaken,
    versie_toevoegen,
)

FOUT = OpenApiResponse(response=FOUT_SCHEMA, description="Machineleesbare fout.")


def _bedrag(help_text: str = "", **kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=True, help_text=help_text, **kwargs
    )


# --- Output ---------------------------------------------------------------------------------


class InstemmingUitSerializer(serializers.Serializer[Any]):
    datum = serializers.DateField()
    uitkomst = serializers.ChoiceField(choices=Instemmingsuitkomst.choices)
    toelichting = serializers.CharField()


class OogoUitSerializer(serializers.Serializer[Any]):
    gemeente = serializers.CharField(source="gemeente.naam")
    gemeentecode = serializers.CharField(source="gemeente.code", allow_null=True)
    datum = serializers.DateField()
    uitkomst = serializers.ChoiceField(choices=Oogouitkomst.choices)
    toelichting = serializers.CharField()


class PlanversieUitSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    nummer = serializers.IntegerField()
    samenvatting = serializers.CharField()
    vastgesteld_op = serializers.DateField(allow_null=True)
    aangemaakt_op = serializers.DateTimeField()
    bedragen = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="Meerjarenbegroting: per jaar baten, afdrachten, lasten en resultaat "
        "(decimale tekst) zoals bij deze versie bewaard.",
    )
    instemmingen = InstemmingUitSerializer(many=True, source="instemmingen.all")
    oogo = OogoUitSerializer(many=True, source="oogo.all")


class PlanstatusSerializer(serializers.Serializer[Any]):
    geldig = serializers.BooleanField()
    tekst = serializers.CharField()
    ontbreekt = serializers.ListField(child=serializers.CharField())


class PlanSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=Plansoort.choices)
    titel = serializers.CharField()
    periode_van = serializers.DateField()
    periode_tot = serializers.DateField()
    revisie = serializers.IntegerField()
    status = PlanstatusSerializer()


class PlandetailSerializer(PlanSerializer):
    versies = PlanversieUitSerializer(many=True)


class SwvstatusSerializer(serializers.Serializer[Any]):
    tekst = serializers.CharField()
    waarschuwing = serializers.CharField()


class PlanlijstSerializer(serializers.Serializer[Any]):
    ondersteuningsplan = SwvstatusSerializer()
    plannen = PlanSerializer(many=True)


def _plan(plan: Plan, status_: Planstatus, versies: list[Planversie] | None = None) -> Any:
    data: dict[str, Any] = {
        "id": plan.pk,
        "soort": plan.soort,
        "titel": plan.titel,
        "periode_van": plan.periode_van,
        "periode_tot": plan.periode_tot,
        "revisie": plan.revisie,
        "status": status_,
    }
    if versies is not None:
        data["versies"] = versies
        return PlandetailSerializer(data).data
    return PlanSerializer(data).data


# --- Input ----------------------------------------------------------------------------------


class PlanInSerializer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=Plansoort.choices)
    titel = serializers.CharField(max_length=200)
    periode_van = serializers.DateField()
    periode_tot = serializers.DateField()


class VersieInSerializer(serializers.Serializer[Any]):
    samenvatting = serializers.CharField()
    vastgesteld_op = serializers.DateField(required=False, allow_null=True, default=None)
    revisie = serializers.IntegerField(help_text="De revisie van het plan zoals gelezen.")


class InstemmingInSerializer(serializers.Serializer[Any]):
    datum = serializers.DateField()
    uitkomst = serializers.ChoiceField(choices=Instemmingsuitkomst.choices)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class OogoInSerializer(serializers.Serializer[Any]):
    gemeente_id = serializers.IntegerField(help_text="Een gemeente uit het werkgebied.")
    datum = serializers.DateField()
    uitkomst = serializers.ChoiceField(choices=Oogouitkomst.choices)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


def _gevalideerd(serializer_class: Any, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _schrijf(schrijf: Any) -> Any:
    """Run one service; its refusals become machine-readable answers."""
    try:
        return schrijf()
    except Geweigerd as fout:
        raise PermissionDenied(fout.reden) from None
    except DjangoValidationError as fout:
        raise als_api_fout(fout) from None


def _eis_rol(request: Request, actie: str, route: str) -> Any:
    actor = api_actor(request)
    log = Actie.LEZEN if request.method == "GET" else Actie.WIJZIGEN
    beleid.eis_rol(actor, actie, log_actie=log, object_type=OBJECT_TYPE, route=route)
    return actor


# --- Views ----------------------------------------------------------------------------------


class PlanlijstView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="plannen_lijst",
        responses={200: PlanlijstSerializer, 403: FOUT},
        description="De plannen van het eigen samenwerkingsverband met hun status.",
    )
    def get(self, request: Request) -> Response:
        route = "api:plan-list"
        actor = _eis_rol(request, "plan_bekijken", route)
        overzicht = plannen_voor_actor(actor, route=route)
        return Response(
            {
                "ondersteuningsplan": SwvstatusSerializer(overzicht.swv).data,
                "plannen": [_plan(r.plan, r.status) for r in overzicht.regels],
            }
        )

    @extend_schema(
        operation_id="plan_aanmaken",
        request=PlanInSerializer,
        responses={201: PlandetailSerializer, 400: FOUT, 403: FOUT},
        description="Een nieuw plan: de directeur maakt een ondersteuningsplan (hoogstens 4 "
        "jaar), de controller een meerjarenbegroting. Plannen van dezelfde soort overlappen "
        "niet.",
    )
    def post(self, request: Request) -> Response:
        route = "api:plan-list"
        actor = _eis_rol(request, "plan_bewerken", route)
        data = _gevalideerd(PlanInSerializer, request)
        plan = _schrijf(lambda: plan_aanmaken(actor=actor, **data, route=route))
        plan = plannen_queryset().get(pk=plan.pk)
        return Response(
            _plan(plan, plan_status(plan, werkgebied_van(plan.samenwerkingsverband_id)), []),
            status=status.HTTP_201_CREATED,
        )


class PlandetailView(APIView):
    @extend_schema(
        operation_id="plan_lezen",
        responses={200: PlandetailSerializer, 403: FOUT, 404: FOUT},
        description="Eén plan met zijn versies (nieuwste eerst), de instemming van de OPR en "
        "het OOGO per gemeente, en wat er nog ontbreekt.",
    )
    def get(self, request: Request, pk: str) -> Response:
        route = "api:plan-detail"
        actor = _eis_rol(request, "plan_bekijken", route)
        d = plan_voor_actor(actor, pk, route=route)
        return Response(_plan(d.plan, d.status, d.versies))


class VersiesView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="planversie_toevoegen",
        request=VersieInSerializer,
        responses={201: PlanversieUitSerializer, 400: FOUT, 403: FOUT, 404: FOUT, 409: FOUT},
        description="Een nieuwe versie (1, 2, …). Versies worden nooit gewijzigd of "
        "verwijderd. Een verouderde revisie geeft 409 met de huidige revisie.",
    )
    def post(self, request: Request, pk: str) -> Response:
        route = "api:plan-versies"
        actor = _eis_rol(request, "plan_bewerken", route)
        plan = plan_voor_schrijven(actor, pk, route=route)
        data = _gevalideerd(VersieInSerializer, request)
        try:
            versie = _schrijf(lambda: versie_toevoegen(actor=actor, plan=plan, **data, route=route))
        except Conflict as conflict:
            huidig = Plan.objects.filter(pk=plan.pk).values_list("revisie", flat=True).first()
            return Response(
                {"code": conflict.code, "detail": conflict.melding, "revisie": huidig},
                status=status.HTTP_409_CONFLICT,
            )
        return Response(PlanversieUitSerializer(versie).data, status=status.HTTP_201_CREATED)


class InstemmingView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="planversie_instemming",
        request=InstemmingInSerializer,
        responses={201: InstemmingUitSerializer, 400: FOUT, 403: FOUT, 404: FOUT},
        description="Het besluit van de OPR over een versie (de directeur legt het vast). "
        "De datum ligt niet in de toekomst.",
    )
    def post(self, request: Request, pk: str) -> Response:
        route = "api:planversie-instemming"
        actor = _eis_rol(request, "instemming_vastleggen", route)
        versie = planversie_voor_vastleggen(actor, pk, route=route)
        data = _gevalideerd(InstemmingInSerializer, request)
        instemming = _schrijf(
            lambda: instemming_vastleggen(actor=actor, planversie=versie, **data, route=route)
        )
        return Response(InstemmingUitSerializer(instemming).data, status=status.HTTP_201_CREATED)


class OogoView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="planversie_oogo",
        request=OogoInSerializer,
        responses={201: OogoUitSerializer, 400: FOUT, 403: FOUT, 404: FOUT},
        description="Het OOGO met één gemeente uit het werkgebied over een versie van het "
        "ondersteuningsplan (de directeur legt het vast).",
    )
    def post(self, request: Request, pk: str) -> Response:
        route = "api:planversie-oogo"
        actor = _eis_rol(request, "instemming_vastleggen", route)
        versie = planversie_voor_vastleggen(actor, pk, route=route)
        data = _gevalideerd(OogoInSerializer, request)
        oogo = _schrijf(
            lambda: oogo_vastleggen(actor=actor, planversie=versie, **data, route=route)
        )
        return Response(OogoUitSerializer(oogo).data, status=status.HTTP_201_CREATED)


# --- Public figures -------------------------------------------------------------------------


class BatenSerializer(serializers.Serializer[Any]):
    lichte_ondersteuning = _bedrag()
    zware_ondersteuning = _bedrag()
    overige_baten = _bedrag()
    totaal = _bedrag()


NIET_GETOOND_HULP = (
    " `null`: niet getoond, omdat het om minder dan 10 leerlingen gaat (het aantal zou uit "
    "het bedrag te berekenen zijn)."
)


class LastenSerializer(serializers.Serializer[Any]):
    afdrachten = _bedrag(
        "Speciaal (basis)onderwijs: sbo, so en vso samen." + NIET_GETOOND_HULP, allow_null=True
    )
    toewijzing_scholen = _bedrag()
    arrangementen = _bedrag()
    steunpunt = _bedrag()
    organisatie = _bedrag()
    overige_lasten = _bedrag()
    totaal = _bedrag("Alle uitgaven." + NIET_GETOOND_HULP, allow_null=True)


class JaarSerializer(serializers.Serializer[Any]):
    jaar = serializers.IntegerField()
    vastgesteld_op = serializers.DateField(allow_null=True)
    baten = BatenSerializer()
    lasten = LastenSerializer()
    resultaat = _bedrag("Baten min lasten." + NIET_GETOOND_HULP, allow_null=True)
    eigen_vermogen = _bedrag(allow_null=True)
    signaleringswaarde = _bedrag()
    bovenmatig = _bedrag("Reserves boven de signaleringswaarde.", allow_null=True)
    toelichting_reserve = serializers.CharField()


class SchoolbedragSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField()
    plaats = serializers.CharField()
    bedrag = _bedrag()


class VerantwoordingSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField()
    gepubliceerd = serializers.BooleanField()
    jaren = JaarSerializer(many=True)
    gekozen_jaar = serializers.IntegerField(allow_null=True)
    scholen = SchoolbedragSerializer(many=True, help_text="Toewijzing per school, gekozen jaar.")
    ondersteuningsplan = serializers.CharField()


def _verantwoording(v: Verantwoording) -> dict[str, Any]:
    return {
        "code": v.swv.code,
        "naam": v.swv.naam,
        "gepubliceerd": v.gepubliceerd,
        "jaren": [
            {
                "jaar": j.jaar,
                "vastgesteld_op": j.vastgesteld_op,
                "baten": {**j.baten, "totaal": j.baten_totaal},
                "lasten": {**j.lasten_getoond(), "totaal": j.lasten_totaal},
                "resultaat": j.resultaat,
                "eigen_vermogen": j.eigen_vermogen,
                "signaleringswaarde": j.signaleringswaarde,
                "bovenmatig": j.bovenmatig,
                "toelichting_reserve": j.toelichting_reserve,
            }
            for j in v.jaren
        ],
        "gekozen_jaar": v.gekozen.jaar if v.gekozen else None,
        "scholen": v.scholen,
        "ondersteuningsplan": v.plan_tekst,
    }


class VerantwoordingView(APIView):
    """Open data: no log-in needed."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="verantwoording_lezen",
        parameters=[
            OpenApiParameter(
                "jaar",
                OpenApiTypes.INT,
                description="Het jaar waarvan de bedragen per school komen (standaard het "
                "laatste vastgestelde jaar).",
            )
        ],
        responses={200: VerantwoordingSerializer, 400: FOUT, 404: FOUT},
        description="Waar het ondersteuningsgeld van een samenwerkingsverband heen ging, per "
        "jaar, uit vastgestelde begrotingen (doel 6).",
    )
    def get(self, request: Request, swv_code: str) -> Response:
        tekst = request.query_params.get("jaar")
        jaar = None
        if tekst is not None:
            # ASCII digits only: "²⁰²⁶".isdigit() is True but int() refuses it.
            if not re.fullmatch(r"[0-9]{4}", tekst):
                raise serializers.ValidationError({"jaar": ["Geef een jaar als 2026."]})
            jaar = int(tekst)
        return Response(
            VerantwoordingSerializer(_verantwoording(verantwoording(swv_code, jaar))).data
        )
