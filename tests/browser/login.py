"""Logging in through the real pages: username and password, then the TOTP code."""

import re

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from passend.accounts.tests.factories import WACHTWOORD, huidige_totp
from tests.browser.page_checks import Artefacts, check_page

TOKEN_LABEL = "Code uit de app"


def enter_password(
    page: Page, artefacts: Artefacts, username: str, password: str = WACHTWOORD
) -> None:
    page.goto(reverse("two_factor:login"))
    expect(page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()
    check_page(page, artefacts, "inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_text("Vul de code van 6 cijfers in")).to_be_visible()
    check_page(page, artefacts, "inloggen-code")


def enter_token(page: Page, token: str) -> None:
    page.get_by_label(TOKEN_LABEL).fill(token)
    page.get_by_role("button", name="Volgende").click()


def log_in(page: Page, artefacts: Artefacts, device: TOTPDevice) -> None:
    """Log in as the device's user and wait for the start page ("mijn werk")."""
    enter_password(page, artefacts, device.user.username)
    enter_token(page, huidige_totp(device))
    start = reverse("accounts:mijn-werk")
    expect(page).to_have_url(re.compile(re.escape(start) + "$"))
