import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_healthz_antwoordt_zonder_inlog():
    antwoord = Client().get("/healthz")
    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "ok", "database": "ok"}


def test_openapi_schema_is_geldig_en_bevat_de_kernbronnen():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate(schema)
    paden = set(schema["paths"])
    for pad in (
        "/api/v1/leerlingen/",
        "/api/v1/leerlingen/{sleutel}/",
        "/api/v1/vestigingen/",
        "/api/v1/samenwerkingsverbanden/",
        "/api/v1/schoolbesturen/",
    ):
        assert pad in paden
    assert "koppelingToken" in schema["components"]["securitySchemes"]


def test_schema_route_levert_openapi_3():
    antwoord = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert antwoord.status_code == 200
    assert antwoord.json()["openapi"].startswith("3.")


def test_api_zonder_token_geeft_machineleesbare_fout():
    antwoord = Client().get("/api/v1/leerlingen/")
    assert antwoord.status_code in (401, 403)
    assert "code" in antwoord.json()
    assert "detail" in antwoord.json()


def test_api_documentatie_laadt_alles_van_eigen_server(maak_client):
    from passend.accounts.tests.factories import RolFactory

    client = maak_client(RolFactory(rolsoort="schoolleider"))
    antwoord = client.get("/api/docs/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    assert "<script>" not in html  # CSP: no inline scripts


def test_een_veldfout_op_een_veld_code_wordt_ook_verpakt() -> None:
    """A serializer field named ``code`` is a field error, not the body's own code."""
    from rest_framework.exceptions import ValidationError as DrfValidationError

    from passend.core.api import exception_handler

    antwoord = exception_handler(DrfValidationError({"code": ["Dit veld is verplicht."]}), {})
    assert antwoord is not None and antwoord.status_code == 400
    assert antwoord.data == {"code": "ongeldig", "velden": {"code": ["Dit veld is verplicht."]}}
