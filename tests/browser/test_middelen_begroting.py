"""The SWV's yearly budget in the browser.

The controller logs in, opens the list of budgets and the concept of 2026, adds a post
(typed the Dutch way), lets Passend compute the afdrachten from the TLVs at the teldatum,
and sees the totals, the computation in words and the reserves above the
signaleringswaarde. Every page on the way is checked: styled, a screenshot, axe-core
WCAG 2.1 AA.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.middelen.models import Begroting
from passend.middelen.rules import Postsoort
from passend.middelen.tests.factories import BegrotingFactory, BegrotingspostFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory
from passend.toelaatbaarheid.rules import Soort
from passend.toelaatbaarheid.tests.factories import TlvFactory
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def wereld(transactional_db: None) -> tuple[Begroting, TOTPDevice]:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    begroting = BegrotingFactory(
        samenwerkingsverband=swv, jaar=2026, eigen_vermogen=Decimal("400000.00")
    )
    BegrotingspostFactory(
        begroting=begroting,
        soort=Postsoort.LICHTE_ONDERSTEUNING,
        omschrijving="Rijksbijdrage 2026",
        bedrag=Decimal("8000000.00"),
    )
    for _ in range(3):
        TlvFactory(
            toegekend=True,
            verantwoordelijk_swv=swv,
            soort=Soort.SO,
            bekostigingscategorie=1,
            ontvangen_op=datetime.date(2024, 5, 1),
            compleet_op=datetime.date(2024, 5, 8),
            besluit_op=datetime.date(2024, 6, 1),
            ingangsdatum=datetime.date(2024, 8, 1),
            einddatum=datetime.date(2027, 7, 31),
        )
    rol = RolFactory(
        rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER,
        gebruiker=GebruikerFactory(first_name="Kim", last_name="Jansen"),
        samenwerkingsverband=swv,
    )
    return begroting, totp_voor(rol.gebruiker)


def melding(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


def test_controller_voegt_een_post_toe_en_berekent(new_context, artefacts: Artefacts, wereld):
    begroting, controller = wereld
    page = new_context().new_page()
    log_in(page, artefacts, controller)

    page.goto(reverse("middelen:begrotingen"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Begrotingen")
    check_page(page, artefacts, "lijst")
    page.get_by_role("link", name="Begroting 2026").click()
    expect(page.get_by_role("heading", level=1, name="Begroting 2026")).to_be_visible()
    check_page(page, artefacts, "begroting")

    page.get_by_role("link", name="Post toevoegen").click()
    page.get_by_label("Soort post").select_option(label="Organisatiekosten")
    page.get_by_label("Omschrijving").fill("Bureau en bestuur")
    page.get_by_label("Bedrag (euro)").fill("1.234.567,89")
    check_page(page, artefacts, "post")
    page.get_by_role("button", name="Opslaan").click()
    melding(page, "De post is toegevoegd.")

    page.get_by_role("button", name="Afdrachten, toewijzing en arrangementen berekenen").click()
    melding(page, "zijn berekend")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Bureau en bestuur")
    expect(main).to_contain_text("€ 1.234.567,89")
    expect(main).to_contain_text(
        "3 leerlingen met een TLV so categorie 1 op 1 februari 2025 × € 10.650,00"
    )
    expect(main).to_contain_text("€ 31.950,00")
    expect(page.locator("#totale-baten")).to_have_text("€ 8.000.000,00")
    expect(page.locator("#signaleringswaarde")).to_have_text("€ 280.000,00")
    expect(main).to_contain_text("ligt € 120.000,00 boven de signaleringswaarde")
    expect(page.get_by_role("img", name="Waar het geld heen gaat")).to_be_visible()
    check_page(page, artefacts, "berekend")

    assert begroting.posten.filter(soort=Postsoort.AFDRACHT_SO).count() == 1
