"""Property-based API tests generated from our own OpenAPI schema (schemathesis).

Every operation, called with generated input as a koppeling of a school, never answers
5xx, and its responses conform to the schema.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import RolFactory
from passend.leerlingen.tests.factories import InschrijvingFactory
from passend.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def _verbinding_open_houden():
    """Calls go straight to the WSGI app, whose request signals would close the test's
    database connection (and its transaction); Django's test client disconnects them too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    inschrijving = InschrijvingFactory()
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    return koppeling_aanmaken(naam="Schemathesis", rol=rol)[1]


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_volgt_het_schema_en_geeft_nooit_5xx(case, token):
    # Business rules (an unknown vestigingscode, a school that is not one's own) reject
    # some schema-valid requests by design, so "positive data acceptance" is not checked.
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
