"""Log-in with a wrong code, and the Content-Security-Policy the pages are sent with."""

import re
from collections.abc import Callable

from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory, huidige_totp, totp_voor
from tests.browser.login import enter_password, enter_token
from tests.browser.page_checks import Artefacts, check_page


def test_verkeerde_code_geeft_nederlandse_fout_en_logt_niet_in(
    page: Page, artefacts: Artefacts, transactional_db: None
) -> None:
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    device = totp_voor(rol.gebruiker)
    enter_password(page, artefacts, rol.gebruiker.username)
    verkeerd = "000000" if huidige_totp(device) != "000000" else "111111"
    enter_token(page, verkeerd)
    fout = page.get_by_role("alert")
    expect(fout).to_contain_text("Niet alles is goed ingevuld")
    expect(fout).to_contain_text("De code klopt niet.")
    check_page(page, artefacts, "verkeerde-code")

    page.goto(reverse("accounts:mijn-werk"))
    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor:login"))))
    expect(page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()
    check_page(page, artefacts, "niet-ingelogd")


def test_paginas_hebben_een_strikte_csp_die_niets_blokkeert(
    new_context: Callable[..., BrowserContext], artefacts: Artefacts
) -> None:
    """A context that enforces the CSP (unlike the other tests): htmx and the CSS still work."""
    page = new_context(bypass_csp=False).new_page()
    schendingen: list[str] = []
    page.on(
        "console",
        lambda bericht: (
            schendingen.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    antwoord = page.goto(reverse("two_factor:login"))
    assert antwoord is not None
    csp = antwoord.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp, csp
    assert "'unsafe-inline'" not in csp, csp
    expect(page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()
    page.wait_for_function("() => typeof window.htmx !== 'undefined'")
    check_page(page, artefacts, "inloggen-met-csp", axe=False)
    assert not schendingen, schendingen


def test_inloggen_met_enter_in_het_codeveld(
    page: Page, artefacts: Artefacts, transactional_db: None
) -> None:
    """Pressing Enter submits with the first button: that must be "Volgende", not "Terug"."""
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    device = totp_voor(rol.gebruiker)
    enter_password(page, artefacts, rol.gebruiker.username)
    veld = page.get_by_label("Code uit de app")
    veld.fill(huidige_totp(device))
    veld.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:mijn-werk")) + "$"))
