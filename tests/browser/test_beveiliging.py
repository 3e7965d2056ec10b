"""Log-in with a wrong code, and the Content-Security-Policy the pages are sent with."""

import re

from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory, huidige_totp, totp_voor
from tests.browser.login import enter_password, enter_token
from tests.browser.page_checks import check_page


def test_verkeerde_code_geeft_nederlandse_fout_en_logt_niet_in(
    page: Page,
    artefacts,  # noqa: ANN001
    transactional_db,  # noqa: ANN001
) -> None:
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    device = totp_voor(rol.gebruiker)
    enter_password(page, artefacts, rol.gebruiker.username)
    verkeerd = "000000" if huidige_totp(device) != "000000" else "111111"
    enter_token(page, verkeerd)
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(page.get_by_role("alert")).to_contain_text("De code klopt niet.")
    check_page(page, artefacts, "verkeerde-code")

    page.goto(reverse("accounts:mijn-werk"))
    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor:login"))))
    expect(page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()


def test_paginas_hebben_een_strikte_csp_die_niets_blokkeert(
    browser: Browser,
    live_server,  # noqa: ANN001
    artefacts,  # noqa: ANN001
) -> None:
    """A context that enforces the CSP (unlike the other tests): htmx and CSS still work."""
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        schendingen: list[str] = []
        page.on(
            "console",
            lambda bericht: schendingen.append(bericht.text)
            if "Content Security Policy" in bericht.text
            else None,
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
    finally:
        context.close()
