"""A malformed key in a plan API URL is a JSON 404 that is logged, never Django's HTML 404
(the API's keys are free text in the route; the selector decides)."""

import pytest

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("methode", "pad"),
    [
        ("get", "/api/v1/plannen/{}/"),
        ("post", "/api/v1/plannen/{}/versies/"),
        ("post", "/api/v1/planversies/{}/instemming/"),
        ("post", "/api/v1/planversies/{}/oogo/"),
    ],
)
@pytest.mark.parametrize("sleutel", [".", "abc", "²", "1" * 30])
def test_een_misvormde_sleutel_is_een_gelogde_json_404(
    methode: str, pad: str, sleutel: str
) -> None:
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR, samenwerkingsverband=SamenwerkingsverbandFactory()
    )
    client = client_voor(rol)
    antwoord = getattr(client, methode)(pad.format(sleutel), content_type="application/json")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"].startswith("application/json")
    assert Toegangsregel.objects.filter(
        gebruiker=rol.gebruiker, resultaat=Resultaat.GEWEIGERD
    ).exists()
