"""An intern begeleider finds a pupil, opens the file and corrects the postcode."""

import pytest
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory, totp_voor
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.organisaties.tests.factories import VestigingFactory
from tests.browser.login import log_in
from tests.browser.page_checks import check_page


@pytest.fixture
def intern_begeleider(transactional_db):  # noqa: ANN001, ANN201
    vestiging = VestigingFactory(naam="De Regenboog")
    leerlingen = [
        LeerlingFactory(roepnaam="Sanne", voornamen="Sanne Maria", achternaam="Verhoeven"),
        LeerlingFactory(roepnaam="Daan", voornamen="Daan", achternaam="Bakker"),
        LeerlingFactory(roepnaam="Noor", voornamen="Noor", achternaam="de Wit"),
    ]
    for leerling in leerlingen:
        InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=vestiging.school)
    return rol, totp_voor(rol.gebruiker), leerlingen[0]


def test_intern_begeleider_zoekt_leerling_en_wijzigt_postcode(
    page: Page, artefacts, intern_begeleider  # noqa: ANN001
) -> None:
    rol, device, sanne = intern_begeleider
    log_in(page, device)
    expect(page.get_by_role("heading", level=1, name="Mijn werk")).to_be_visible()
    check_page(page, artefacts, "mijn-werk")
