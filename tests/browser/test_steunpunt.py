"""The ouder- en jeugdsteunpunt in the browser.

A parent gives the steunpunt consent for their child; the steunpunt worker records an
anonymous contact and one linked to that child; the SWV's directeur reads the signals
report; a visitor opens the public list of every steunpunt on a phone-sized screen. Every
page is checked with axe-core (WCAG 2.1 AA): 0 violations.
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from passend.accounts.tests.factories import totp_voor
from passend.steunpunt.tests.wereld import Wereld, maak_wereld
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    return maak_wereld()


def _contact(page: Page, *, thema: str, signaal: str, kind: str | None) -> None:
    page.goto(reverse("steunpunt:contact-nieuw"))
    page.get_by_label("Datum van het contact").fill(timezone.localdate().isoformat())
    page.get_by_label("Hoe was het contact?").select_option(label="Telefoon")
    page.get_by_label("Wie zocht contact?").select_option(label="Ouder of verzorger")
    page.get_by_label(thema, exact=True).check()
    if kind:
        page.get_by_label("Gekoppeld aan een kind").select_option(label=kind)
    page.get_by_label("Korte samenvatting").fill("Ouder belde met een vraag.")
    page.get_by_label("Signaal voor het bestuur (niet verplicht)").fill(signaal)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het contact is vastgelegd.")).to_be_visible()


def test_steunpunt_van_toestemming_tot_signalen(
    wereld: Wereld, page: Page, new_context, artefacts: Artefacts
):
    # The parent gives consent.
    log_in(page, artefacts, totp_voor(wereld.ouder))
    page.goto(reverse("steunpunt:toestemming"))
    check_page(page, artefacts, "toestemming")
    page.get_by_role("button", name=re.compile("Toestemming geven")).click()
    expect(page.get_by_text(re.compile("u gaf toestemming op"))).to_be_visible()
    check_page(page, artefacts, "toestemming-gegeven")

    # The steunpunt worker records an anonymous and a linked contact.
    medewerker: Page = new_context().new_page()
    log_in(medewerker, artefacts, totp_voor(wereld.medewerker.gebruiker))
    medewerker.goto(reverse("steunpunt:contact-nieuw"))
    check_page(medewerker, artefacts, "contact-nieuw")
    _contact(medewerker, thema="Vervoer", signaal="Vervoer wordt laat geregeld.", kind=None)
    check_page(medewerker, artefacts, "contact-anoniem")
    _contact(
        medewerker,
        thema="Onenigheid met school",
        signaal="Weinig uitleg bij weigering.",
        kind="Fenna Testkind (geboren 03-04-2015)",
    )
    expect(medewerker.get_by_text("Fenna Testkind")).to_be_visible()
    check_page(medewerker, artefacts, "contact-gekoppeld")
    medewerker.goto(reverse("steunpunt:contacten"))
    check_page(medewerker, artefacts, "contacten")

    # The directeur reads the signals report.
    directeur: Page = new_context().new_page()
    log_in(directeur, artefacts, totp_voor(wereld.directeur.gebruiker))
    directeur.goto(reverse("steunpunt:signalen"))
    expect(directeur.get_by_text("Weinig uitleg bij weigering.")).to_be_visible()
    expect(directeur.get_by_text("Fenna")).to_have_count(0)
    check_page(directeur, artefacts, "signalen")


def test_openbare_lijst_op_een_telefoon(wereld: Wereld, new_context, artefacts: Artefacts):
    context: BrowserContext = new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(reverse("steunpunten:overzicht"))
    expect(page.get_by_role("heading", name="Steunpunt Steunstad")).to_be_visible()
    page.get_by_label("Gemeente").select_option(label="Gemeente Steunstad")
    page.get_by_role("button", name="Toon steunpunten").click()
    expect(page.get_by_role("heading", name="SWV Steunstad")).to_be_visible()
    check_page(page, artefacts, "steunpunten-telefoon")
