"""Shared pytest fixtures for every app's tests."""

import pytest
from django.test import Client

from passend.accounts.tests.factories import RolFactory, totp_voor


@pytest.fixture(autouse=True)
def _nederlands(settings):
    settings.LANGUAGE_CODE = "nl"


def ingelogde_client(rol) -> Client:
    """A client logged in as the role's person, with a verified second factor."""
    client = Client()
    apparaat = totp_voor(rol.gebruiker)
    client.force_login(rol.gebruiker)
    sessie = client.session
    sessie["otp_device_id"] = apparaat.persistent_id
    sessie["passend_actieve_rol"] = rol.pk
    sessie.save()
    return client


@pytest.fixture
def maak_client():
    return ingelogde_client


@pytest.fixture
def rol_factory():
    return RolFactory
