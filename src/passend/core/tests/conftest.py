"""Fixtures of the security tests: worlds built once per module, rolled back at the end."""

import pytest
from django.db import transaction

from passend.core.tests.scenario import Scenario, maak_scenario


@pytest.fixture(scope="module")
def module_transactie(django_db_setup, django_db_blocker):
    """One transaction around a whole module; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def scenario(module_transactie) -> Scenario:
    return maak_scenario()
