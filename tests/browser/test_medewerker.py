"""An intern begeleider finds a pupil, opens the file and corrects the postcode."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory, totp_voor
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.organisaties.tests.factories import VestigingFactory
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page

ZOEKVELD = "Zoek op naam of postcode"


@pytest.fixture
def intern_begeleider(transactional_db: None):
    vestiging = VestigingFactory(naam="De Regenboog")
    leerlingen = [
        LeerlingFactory(roepnaam="Sanne", voornamen="Sanne Maria", achternaam="Verhoeven"),
        LeerlingFactory(roepnaam="Daan", voornamen="Daan", achternaam="Bakker"),
        LeerlingFactory(roepnaam="Noor", voornamen="Noor", achternaam="Jansen"),
    ]
    for leerling in leerlingen:
        InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=vestiging.school)
    return totp_voor(rol.gebruiker)


def resultaten(page: Page):
    return page.locator("#resultaten tbody tr")


def test_intern_begeleider_zoekt_leerling_en_wijzigt_postcode(
    page: Page,
    new_context,
    artefacts: Artefacts,
    intern_begeleider,
) -> None:
    log_in(page, artefacts, intern_begeleider)
    expect(page.get_by_role("heading", level=1, name="Mijn werk")).to_be_visible()
    check_page(page, artefacts, "mijn-werk")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Leerlingen").click()
    expect(page.get_by_role("heading", level=1, name="Leerlingen")).to_be_visible()
    expect(resultaten(page)).to_have_count(3)
    check_page(page, artefacts, "leerlingen")

    # Typing searches through htmx: only the results are replaced, the address follows.
    with page.expect_response(
        lambda r: "q=Verhoeven" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        page.get_by_label(ZOEKVELD).fill("Verhoeven")
    expect(resultaten(page)).to_have_count(1)
    expect(resultaten(page)).to_contain_text("Sanne Verhoeven")
    expect(page).to_have_url(re.compile(r"\?q=Verhoeven$"))

    # The button submits the same search.
    page.get_by_label(ZOEKVELD).fill("Bakker")
    page.get_by_role("button", name="Zoeken").click()
    expect(resultaten(page)).to_have_count(1)
    expect(resultaten(page)).to_contain_text("Daan Bakker")
    check_page(page, artefacts, "zoeken-htmx")

    # Without JavaScript the form is a plain GET form and works as well.
    zonder_js = new_context(java_script_enabled=False, storage_state=page.context.storage_state())
    kaal = zonder_js.new_page()
    kaal.goto(reverse("leerlingen:lijst"))
    kaal.get_by_label(ZOEKVELD).fill("Jansen")
    kaal.get_by_role("button", name="Zoeken").click()
    expect(kaal).to_have_url(re.compile(r"\?q=Jansen$"))
    expect(resultaten(kaal)).to_have_count(1)
    expect(resultaten(kaal)).to_contain_text("Noor Jansen")
    check_page(kaal, artefacts, "zoeken-zonder-js", axe=False)
    kaal.close()

    page.get_by_label(ZOEKVELD).fill("Verhoeven")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Sanne Verhoeven").click()
    expect(page.get_by_role("heading", level=1, name="Sanne Verhoeven")).to_be_visible()
    check_page(page, artefacts, "leerling")

    page.get_by_role("link", name="Gegevens wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("wijzigen")
    check_page(page, artefacts, "wijzigen")

    postcode = page.get_by_label("Postcode woonadres")
    postcode.fill("12345")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(page.get_by_text("Vul een postcode in als 1234 AB.")).to_be_visible()
    expect(postcode).to_have_attribute("aria-invalid", "true")
    check_page(page, artefacts, "wijzigen-fout")

    postcode.fill("3512 je")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De gegevens zijn opgeslagen.")
    expect(page.get_by_role("heading", level=1, name="Sanne Verhoeven")).to_be_visible()
    expect(page.get_by_text("3512 JE")).to_be_visible()
    check_page(page, artefacts, "opgeslagen")
