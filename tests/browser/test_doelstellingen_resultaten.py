"""The results of the doelstellingenmonitor in the browser.

The SWV's directeur logs in and opens the results of a closed wave with a baseline and a
previous wave: reads the parents' figure with its interval and what the comparison means,
sees a chart whose text alternative gives the figures, and a suppressed cell in words. The
same page on a phone (375 px wide). Every page is checked: styled, a screenshot, axe-core
WCAG 2.1 AA with 0 violations.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.doelstellingen.tests.test_resultaten_paginas import Wereld, maak_wereld
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page

OUDERS = "Ouders van leerlingen met een ondersteuningsbehoefte"


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    return maak_wereld(naam="SWV Doelstad")


def _directeur(wereld: Wereld):
    return RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        samenwerkingsverband=wereld.swv,
        gebruiker=GebruikerFactory(first_name="Dana", last_name="Doelman"),
    )


def _lees_uitkomsten(page: Page, wereld: Wereld) -> None:
    page.goto(reverse("doelstellingen:resultaten", args=[wereld.meting.pk]))
    expect(page.get_by_role("heading", level=1, name="Uitkomsten Meting 2025")).to_be_visible()
    expect(
        page.get_by_role(
            "heading", level=2, name="Doelstelling 1: De ondersteuningsbehoefte is leidend"
        )
    ).to_be_visible()
    tabel = page.get_by_role(
        "table", name=f"Doelstelling 1, {OUDERS.lower()}: uitkomst per stelling"
    )
    rij = tabel.get_by_role("row").filter(has_text="De ondersteuning past bij mijn kind.")
    cellen = rij.get_by_role("cell")
    expect(cellen.nth(0)).to_have_text("30")
    expect(cellen.nth(1)).to_have_text("90 % (74–97 %)")
    expect(cellen.nth(2)).to_contain_text("50 %")
    expect(cellen.nth(3)).to_have_text("+40 procentpunt")
    expect(cellen.nth(4)).to_have_text("hoger dan de nulmeting")
    # The chart: an image whose text alternative gives the figures.
    grafiek = page.get_by_role(
        "img", name="Doelstelling 1, Ouders van leerlingen met een ondersteuningsbehoefte"
    ).first
    expect(grafiek).to_be_visible()
    beschrijving = page.locator("#grafiek-1-ouder-eens_oneens-omschrijving")
    expect(beschrijving).to_contain_text(
        "Meting 2025 90 procent, 95%-betrouwbaarheidsinterval 74 tot 97 procent"
    )
    expect(beschrijving).to_contain_text("Nulmeting 2022 50 procent")
    # A suppressed cell says so in words.
    partner = page.get_by_role("row").filter(has_text="De school ziet mij als partner.")
    expect(partner.get_by_role("cell").nth(1)).to_have_text("minder dan 10 antwoorden")
    expect(page.get_by_role("heading", level=2, name="Zo leest u de uitkomsten")).to_be_visible()
    expect(
        page.get_by_role("link", name="Download deze uitkomsten als PDF-rapport")
    ).to_be_visible()


def test_directeur_leest_de_uitkomsten(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    log_in(page, artefacts, totp_voor(_directeur(wereld).gebruiker))
    _lees_uitkomsten(page, wereld)
    check_page(page, artefacts, "uitkomsten")


def test_uitkomsten_op_een_telefoon(new_context, artefacts: Artefacts, wereld: Wereld) -> None:
    page: Page = new_context(viewport={"width": 375, "height": 812}).new_page()
    log_in(page, artefacts, totp_voor(_directeur(wereld).gebruiker))
    _lees_uitkomsten(page, wereld)
    # Wide tables and charts scroll inside their own region, not the whole page.
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 375 + 1
    check_page(page, artefacts, "uitkomsten-telefoon")
