"""Every route of the URL resolver and every operation of the OpenAPI schema, requested as
every role (own and other organisation) and anonymously, against ``autorisatiematrix.MATRIX``.

A route or API operation without an entry fails, and so does an entry for a route or
operation that no longer exists: adding a route means deciding who may use it.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from drf_spectacular.generators import SchemaGenerator

from passend.core.tests.autorisatiematrix import (
    ANONIEM,
    API_BODIES,
    MATRIX,
    ROUTE_ARGUMENTEN,
    MatrixFout,
    Redirect,
    uitgevouwen,
)
from passend.core.tests.scenario import ROLSOORTEN, Regio, Scenario
from passend.leerlingen.models import Leerling

pytestmark = pytest.mark.django_db

#: Methods that are not in the OpenAPI schema may only be in the matrix as refused (405).
WEIGERINGEN = {405}


@dataclass(frozen=True)
class Route:
    naam: str
    patroon: str
    #: The URL arguments, with their converter (``uuid``, ``str``) or regular expression.
    argumenten: tuple[tuple[str, str], ...]


def _routes(patronen, prefix: str = "", namespace: str | None = None):
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}:{patroon.namespace}" if namespace else patroon.namespace
            yield from _routes(patroon.url_patterns, prefix + str(patroon.pattern), ns)
        elif isinstance(patroon, URLPattern):
            volledig = prefix + str(patroon.pattern)
            naam = f"{namespace}:{patroon.name}" if namespace and patroon.name else patroon.name
            converters = getattr(patroon.pattern, "converters", {})
            argumenten = tuple(
                (arg, type(converters[arg]).__name__ if arg in converters else "regex")
                for arg in patroon.pattern.regex.groupindex
            )
            yield Route(naam=naam or volledig, patroon=volledig, argumenten=argumenten)


def alle_routes() -> dict[str, Route]:
    """Every URL pattern of the project, recursively, by its (namespaced) name."""
    return {route.naam: route for route in _routes(get_resolver().url_patterns)}


_NEP_WAARDEN = ("00000000-0000-4000-8000-000000000000", "PO2901", "1")


def api_operaties() -> dict[tuple[str, str], str]:
    """Every operation of the OpenAPI schema: (route name, METHOD) → "METHOD /path"."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operaties = {}
    for pad, bewerkingen in schema["paths"].items():
        naam = None
        for nep in _NEP_WAARDEN:
            try:
                naam = resolve(re.sub(r"\{[^}]+\}", nep, pad)).view_name
                break
            except Resolver404:
                continue
        assert naam is not None, f"API-pad {pad} uit het OpenAPI-schema is geen route"
        for methode in bewerkingen:
            if methode.upper() in {"GET", "POST", "PUT", "PATCH", "DELETE"}:
                operaties[(naam, methode.upper())] = f"{methode.upper()} {pad}"
    return operaties


# --- Coverage: the matrix and the project agree ------------------------------------------


def test_elke_route_staat_in_de_autorisatiematrix():
    routes = alle_routes()
    fouten = [
        f"route {naam} ({route.patroon}) has no entry in the authorization matrix"
        for naam, route in sorted(routes.items())
        if naam not in MATRIX
    ]
    fouten += [
        f"the authorization matrix has an entry for route {naam}, which no longer exists"
        for naam in sorted(MATRIX)
        if naam not in routes
    ]
    fouten += [
        f"route {naam} has no GET entry in the authorization matrix"
        for naam in sorted(MATRIX)
        if "GET" not in MATRIX[naam]
    ]
    assert not fouten, "\n".join(fouten)


def test_elke_api_operatie_staat_in_de_autorisatiematrix():
    operaties = api_operaties()
    assert operaties, "het OpenAPI-schema heeft geen operaties"
    fouten = [
        f"API operation {beschrijving} (route {naam}) has no entry in the authorization matrix"
        for (naam, methode), beschrijving in sorted(operaties.items())
        if methode not in MATRIX.get(naam, {})
    ]
    api_routes = {naam for naam, _ in operaties}
    for naam in sorted(api_routes):
        for methode in MATRIX.get(naam, {}):
            if (naam, methode) in operaties:
                continue
            uitkomsten = {
                waarde
                for rol, waarde in uitgevouwen(naam, methode).items()
                if rol != ANONIEM
                for waarde in (waarde.values() if isinstance(waarde, dict) else [waarde])
            }
            if not uitkomsten <= WEIGERINGEN:
                fouten.append(
                    f"the authorization matrix allows {methode} on {naam}, "
                    "which is not an operation of the OpenAPI schema"
                )
    assert not fouten, "\n".join(fouten)


def test_de_matrix_noemt_elke_rol_precies_een_keer():
    fouten = []
    for naam, methodes in MATRIX.items():
        for methode in methodes:
            try:
                uitgevouwen(naam, methode)
            except MatrixFout as fout:
                fouten.append(str(fout))
    assert not fouten, "\n".join(fouten)


# --- Requests ----------------------------------------------------------------------------

#: URL arguments, filled from the scenario's own or other region.
ARGUMENTEN = {
    "sleutel": lambda regio: str(regio.leerling.sleutel),
    "vestigingscode": lambda regio: regio.vestiging.vestigingscode,
    "code": lambda regio: regio.swv.code,
    "bevoegd_gezag_nummer": lambda regio: regio.bestuur.bevoegd_gezag_nummer,
}


def _inschrijving(regio: Regio) -> dict[str, str]:
    return {
        "voornamen": "Nieuwe",
        "achternaam": "Inschrijving",
        "geboortedatum": "2018-02-03",
        "postcode": "3511 AB",
        "vestigingscode": regio.vestiging.vestigingscode,
        "van": "2024-08-19",
    }


def _wijziging(regio: Regio) -> dict[str, str]:
    huidig = Leerling.objects.get(pk=regio.leerling.pk)
    return {"versie": huidig.gewijzigd_op.isoformat(), "roepnaam": "Gewijzigd"}


#: API bodies; a body that names an organisation's object makes the request own/other.
API_BODIES.update(
    {
        ("api:leerling-list", "POST"): (_inschrijving, True),
        ("api:leerling-detail", "PATCH"): (_wijziging, False),
        ("api:leerling-detail", "PUT"): (_wijziging, False),
    }
)


def _doelafhankelijk(route: Route, methode: str) -> bool:
    return bool(route.argumenten) or API_BODIES.get((route.naam, methode), (None, False))[1]


#: Routes about an OPP: there ``sleutel`` is the OPP's key, and ``pk`` a part of it.
OPP_ROUTES = ("ondersteuning:", "api:ontwikkelingsperspectief-")
OPP_ARGUMENTEN = {
    "sleutel": lambda regio: str(regio.opp.sleutel),
    "leerling": lambda regio: str(regio.leerling.sleutel),
    "onderdeel": lambda regio: "factor",
    "pk": lambda regio: regio.factor.pk,
}


def _url(route: Route, regio: Regio) -> str:
    argumenten = ARGUMENTEN
    for prefixen, eigen_argumenten in ROUTE_ARGUMENTEN.items():
        if route.naam.startswith(prefixen):
            argumenten = {**ARGUMENTEN, **eigen_argumenten}
    if route.naam.startswith(OPP_ROUTES):
        argumenten = {**ARGUMENTEN, **OPP_ARGUMENTEN}
        if route.naam in ("ondersteuning:reactie", "api:ontwikkelingsperspectief-reactie"):
            argumenten["pk"] = lambda regio: regio.stem.pk
    kwargs = {}
    for arg, _converter in route.argumenten:
        assert arg in argumenten, (
            f"route {route.naam} needs URL argument {arg!r}; add it to ARGUMENTEN"
        )
        kwargs[arg] = argumenten[arg](regio)
    return reverse(route.naam, kwargs=kwargs or None)


def _vraag(client: Client, route: Route, methode: str, regio: Regio):
    """One request, rolled back afterwards: every request sees the same world."""
    with transaction.atomic():
        antwoord = _vraag_in_transactie(client, route, methode, regio)
        transaction.set_rollback(True)
    return antwoord


def _vraag_in_transactie(client: Client, route: Route, methode: str, regio: Regio):
    url = _url(route, regio)
    if methode == "GET":
        return client.get(url)
    if route.naam.startswith("api:"):
        maak_body = API_BODIES.get((route.naam, methode), (lambda regio: {}, False))[0]
        return client.generic(
            methode, url, json.dumps(maak_body(regio)), content_type="application/json"
        )
    return client.generic(methode, url, "", content_type="application/x-www-form-urlencoded")


def _klopt(antwoord, verwacht: object) -> bool:
    if isinstance(verwacht, Redirect):
        return antwoord.status_code == 302 and urlsplit(antwoord["Location"]).path == reverse(
            verwacht.naar
        )
    return antwoord.status_code == verwacht


def _beschrijf(antwoord) -> str:
    if antwoord.status_code in (301, 302):
        return f"{antwoord.status_code}→{urlsplit(antwoord['Location']).path}"
    return str(antwoord.status_code)


def _verwacht(route: Route, methode: str, uitkomst: object, doel: str) -> object:
    if isinstance(uitkomst, dict):
        if not _doelafhankelijk(route, methode):
            raise MatrixFout(
                f"{route.naam} {methode}: eigen/ander gegeven, maar de route gaat niet over "
                "een object van een organisatie"
            )
        return uitkomst[doel]
    return uitkomst


def _parameters() -> list:
    routes = alle_routes()
    return [
        pytest.param(naam, methode, id=f"{naam} {methode}")
        for naam in sorted(MATRIX)
        if naam in routes
        for methode in MATRIX[naam]
    ]


@pytest.mark.parametrize(("naam", "methode"), _parameters())
def test_route_volgt_de_autorisatiematrix(scenario: Scenario, naam: str, methode: str):
    route = alle_routes()[naam]
    verwachtingen = uitgevouwen(naam, methode)
    doelen = ("eigen", "ander") if _doelafhankelijk(route, methode) else ("eigen",)
    is_api = naam.startswith("api:")
    fouten: list[str] = []

    def controleer(wie: str, client: Client, doel: str, verwacht: object) -> None:
        antwoord = _vraag(client, route, methode, scenario.regio(doel))
        if not _klopt(antwoord, verwacht):
            object_ = f" on the {doel} organisation's object" if len(doelen) > 1 else ""
            fouten.append(
                f"{methode} {naam} as {wie}{object_}: "
                f"expected {verwacht}, got {_beschrijf(antwoord)}"
            )

    verwacht_anoniem = verwachtingen[ANONIEM]
    assert not isinstance(verwacht_anoniem, dict), "anoniem heeft geen eigen organisatie"
    controleer("anonymous", scenario.client(None), "eigen", verwacht_anoniem)
    if is_api:
        controleer(
            "an unknown token",
            Client(raise_request_exception=False, HTTP_AUTHORIZATION="Token onbekend-token"),
            "eigen",
            401,
        )
    for rolsoort in ROLSOORTEN:
        for doel in doelen:
            verwacht = _verwacht(route, methode, verwachtingen[rolsoort], doel)
            controleer(f"{rolsoort} (session)", scenario.client(rolsoort), doel, verwacht)
            if is_api:
                controleer(
                    f"{rolsoort} (koppeling token)", scenario.token_client(rolsoort), doel, verwacht
                )
    assert not fouten, "\n".join(fouten)
