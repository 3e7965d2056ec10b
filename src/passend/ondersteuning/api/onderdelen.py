"""The parts of a draft OPP through the API: factors, goals, overleg, consent on paper, the
pupil's view (hoorrecht) and the school's reaction to it, one POST action each."""

from collections.abc import Callable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from passend.accounts.api import api_actor
from passend.ondersteuning import services
from passend.ondersteuning.api.afhandeling import (
    ROUTE,
    invoer_van,
    niet_opgeslagen,
    opp_voor_wijziging,
    schrijfactie,
    uitvoeren,
    weergave,
)
from passend.ondersteuning.api.invoer import (
    DoelInvoer,
    FactorInvoer,
    HoorrechtInvoer,
    InstemmingInvoer,
    OverlegInvoer,
    ReactieInvoer,
)
from passend.ondersteuning.models import Ontwikkelingsperspectief


class OnderdelenActies:
    """The POST actions on the parts of a draft; mixed into the OPP resource."""

    @schrijfactie(FactorInvoer, "Voeg een belemmerende of bevorderende factor toe.")
    @action(detail=True, methods=["post"])
    def factoren(self, request: Request, sleutel: str) -> Response:
        return self._onderdeel(
            request, sleutel, "factoren", FactorInvoer, services.factor_toevoegen
        )

    @schrijfactie(DoelInvoer, "Voeg een doel toe aan het handelingsdeel.")
    @action(detail=True, methods=["post"])
    def doelen(self, request: Request, sleutel: str) -> Response:
        return self._onderdeel(request, sleutel, "doelen", DoelInvoer, services.doel_toevoegen)

    @schrijfactie(OverlegInvoer, "Leg het overleg met de ouders over het OPP vast.")
    @action(detail=True, methods=["post"])
    def overleg(self, request: Request, sleutel: str) -> Response:
        return self._onderdeel(
            request, sleutel, "overleg", OverlegInvoer, services.overleg_vastleggen
        )

    @schrijfactie(
        InstemmingInvoer,
        "De school legt een besluit over het handelingsdeel vast dat een ouder met gezag (of "
        "de leerling van 18+) op papier gaf. Online instemmen door de ouder zelf, met een "
        "nieuwe inlogcontrole, kan alleen in het ouderportaal en niet via de API.",
    )
    @action(detail=True, methods=["post"])
    def instemming(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("instemming")
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = invoer_van(InstemmingInvoer, request, actor, opp, route)
        door = _beslisser(opp, gegevens.pop("ouder", None))
        if door is None:
            niet_opgeslagen(actor, opp, route, "onbekende ouder")
            raise serializers.ValidationError(
                {"ouder": ["Geef het id van een ouder van deze leerling (zie `ouders`)."]}
            )
        try:
            uitvoeren(
                actor,
                opp,
                route,
                lambda: services.instemming_op_papier_vastleggen(
                    actor=actor, opp=opp, door=door, route=route, **gegevens
                ),
            )
        except serializers.ValidationError as fout:
            if isinstance(fout.detail, dict) and "door" in fout.detail:
                fout.detail["ouder"] = fout.detail.pop("door")
            raise
        return Response(weergave(actor, opp), status=status.HTTP_201_CREATED)

    @schrijfactie(
        HoorrechtInvoer,
        "Hoorrecht: leg de mening van de leerling vast en hoe die is opgehaald. Een leerling "
        "die het zelf invult, kiest hoorwijze `zelf`.",
    )
    @action(detail=True, methods=["post"])
    def hoorrecht(self, request: Request, sleutel: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("hoorrecht")
        opp = opp_voor_wijziging(actor, sleutel, actie="mening_geven", route=route)
        gegevens = invoer_van(HoorrechtInvoer, request, actor, opp, route)
        uitvoeren(
            actor,
            opp,
            route,
            lambda: services.leerlingstem_vastleggen(actor=actor, opp=opp, route=route, **gegevens),
        )
        return Response(weergave(actor, opp), status=status.HTTP_201_CREATED)

    @schrijfactie(
        ReactieInvoer,
        "Leg vast wat de school met de mening van de leerling doet; de leerling kan dit lezen.",
        antwoord=status.HTTP_200_OK,
        parameters=[
            # drf-spectacular names the URL's ``pk`` "id" in the schema.
            OpenApiParameter(
                "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id van de mening"
            )
        ],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"leerlingstemmen/(?P<pk>[^/]+)/reactie",
        url_name="reactie",
    )
    def reactie(self, request: Request, sleutel: str, pk: str) -> Response:
        actor = api_actor(request)
        route = ROUTE.format("reactie")
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        stem = opp.leerlingstemmen.filter(pk=int(pk)).first() if pk.isdigit() else None
        if stem is None:
            niet_opgeslagen(actor, opp, route, "onbekende mening")
            raise NotFound("Deze mening van de leerling bestaat niet bij dit OPP.")
        gegevens = invoer_van(ReactieInvoer, request, actor, opp, route)
        uitvoeren(
            actor,
            opp,
            route,
            lambda: services.reactie_op_leerlingstem(
                actor=actor, stem=stem, reactie=gegevens["reactie_school"], route=route
            ),
        )
        return Response(weergave(actor, opp))

    def _onderdeel(
        self,
        request: Request,
        sleutel: str,
        naam: str,
        invoer: type[serializers.Serializer[Any]],
        service: Callable[..., Any],
    ) -> Response:
        actor = api_actor(request)
        route = ROUTE.format(naam)
        opp = opp_voor_wijziging(actor, sleutel, actie="opstellen", route=route)
        gegevens = invoer_van(invoer, request, actor, opp, route)
        uitvoeren(actor, opp, route, lambda: service(actor=actor, opp=opp, route=route, **gegevens))
        return Response(weergave(actor, opp), status=status.HTTP_201_CREATED)


def _beslisser(opp: Ontwikkelingsperspectief, ouder_id: int | None) -> Any:
    """The person who decided: a parent of this pupil, or (left out) the pupil themselves."""
    leerling = opp.leerling
    if ouder_id is None or ouder_id == leerling.gebruiker_id:
        return leerling.gebruiker
    ouderschap = leerling.ouderschappen.select_related("ouder").filter(ouder_id=ouder_id).first()
    return ouderschap.ouder if ouderschap is not None else None
