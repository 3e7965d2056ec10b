"""Small and large data give the same number of queries per page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.core.tests.scenario import client_voor
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory
from passend.steunpunt.tests.factories import ContactFactory

GRENZEN = {"steunpunt:contacten": 14, "steunpunt:signalen": 16}


def _data(wereld, n):
    for i in range(n):
        ContactFactory(
            samenwerkingsverband=wereld.swv,
            datum=timezone.localdate(),
            themas=["tlv", "vervoer"],
            signaal=f"Signaal {i}",
        )
        SamenwerkingsverbandFactory()


@pytest.mark.parametrize("n", [1, 25])
@pytest.mark.parametrize("route", sorted(GRENZEN))
def test_paginas_begrensd(wereld, django_assert_max_num_queries, n, route):
    _data(wereld, n)
    client = client_voor(wereld.medewerker)
    with django_assert_max_num_queries(GRENZEN[route]):
        assert client.get(reverse(route)).status_code == 200


@pytest.mark.parametrize("n", [1, 25])
def test_openbare_pagina_begrensd(wereld, client, django_assert_max_num_queries, n):
    _data(wereld, n)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("steunpunten:overzicht")).status_code == 200
