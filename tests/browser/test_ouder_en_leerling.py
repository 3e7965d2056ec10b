"""Parents and pupils (B1 pages): their own children, their own file, who looked at it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page

MOBIEL = {"width": 375, "height": 667}


@pytest.fixture
def ouder(transactional_db: None):
    ouderschap = OuderschapFactory(
        leerling__roepnaam="Mila", leerling__voornamen="Mila", leerling__achternaam="de Vries"
    )
    inschrijving = InschrijvingFactory(leerling=ouderschap.leerling)
    # Someone at school looked at Mila's file: the parent must be able to see that.
    ib = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    toegang_vastleggen(
        actor=Actor(gebruiker=ib.gebruiker, rol=ib),
        actie=Actie.LEZEN,
        object_type="leerling",
        object_id=str(ouderschap.leerling.sleutel),
        leerling_sleutels=[ouderschap.leerling.sleutel],
        toegestaan=True,
        reden="leerlingdossier bekijken",
        route="leerlingen:detail",
    )
    rol = RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=ouderschap.ouder)
    return totp_voor(rol.gebruiker), ib.gebruiker


def test_ouder_ziet_eigen_kind_en_wie_heeft_gekeken(
    page: Page, artefacts: Artefacts, ouder
) -> None:
    device, ib_gebruiker = ouder
    log_in(page, artefacts, device)
    expect(page.get_by_role("heading", level=1, name="Mijn kinderen")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Mila de Vries")).to_be_visible()
    check_page(page, artefacts, "mijn-kinderen")

    page.get_by_role("link", name="Wie heeft gekeken?").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wie heeft gekeken")
    rijen = page.locator("table tbody tr")
    expect(rijen.first).to_be_visible()
    expect(rijen.filter(has_text=ib_gebruiker.get_full_name())).to_have_count(1)
    check_page(page, artefacts, "wie-heeft-gekeken")


def test_startpagina_ouder_past_op_een_telefoon(new_context, artefacts: Artefacts, ouder) -> None:
    page = new_context(viewport=MOBIEL, is_mobile=True, has_touch=True).new_page()
    log_in(page, artefacts, ouder[0])
    expect(page.get_by_role("heading", level=1, name="Mijn kinderen")).to_be_visible()
    check_page(page, artefacts, "mijn-kinderen-mobiel")
    breedte = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, venster: window.innerWidth})"
    )
    assert breedte["scroll"] <= breedte["venster"], f"Horizontaal scrollen op mobiel: {breedte}"


def test_leerling_ziet_eigen_plek(page: Page, artefacts: Artefacts, transactional_db: None) -> None:
    vandaag = timezone.localdate()
    leerling = LeerlingFactory(
        roepnaam="Jesse",
        voornamen="Jesse",
        achternaam="Smit",
        geboortedatum=datetime.date(vandaag.year - 14, 1, 15),
        gebruiker=GebruikerFactory(),
    )
    InschrijvingFactory(leerling=leerling, vestiging__naam="Het Baken")
    rol = RolFactory(rolsoort=Rolsoort.LEERLING, gebruiker=leerling.gebruiker)
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    expect(page.get_by_role("heading", level=1, name="Hoi Jesse!")).to_be_visible()
    expect(page.get_by_text("Het Baken")).to_be_visible()
    check_page(page, artefacts, "mijn-plek")

    page.get_by_role("link", name="Mijn gegevens", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Jesse Smit")).to_be_visible()
    check_page(page, artefacts, "mijn-gegevens")
