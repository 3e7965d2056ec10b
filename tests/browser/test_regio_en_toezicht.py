"""The SWV's privacy officer and functioneel beheerder, and the inspectorate."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory, totp_voor
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.tests.factories import InschrijvingFactory
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def regio(transactional_db: None):
    """An SWV with one member location, three enrolled pupils, and two people who looked."""
    swv = SamenwerkingsverbandFactory(naam="Passend Onderwijs Utrecht")
    lid = SwvLidmaatschapFactory(samenwerkingsverband=swv, vestiging__naam="De Horizon")
    inschrijvingen = [InschrijvingFactory(vestiging=lid.vestiging) for _ in range(3)]
    kijkers = []
    for rolsoort in (Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER):
        rol = RolFactory(rolsoort=rolsoort, school=lid.vestiging.school)
        for inschrijving in inschrijvingen:
            toegang_vastleggen(
                actor=Actor(gebruiker=rol.gebruiker, rol=rol),
                actie=Actie.LEZEN,
                object_type="leerling",
                object_id=str(inschrijving.leerling.sleutel),
                leerling_sleutels=[inschrijving.leerling.sleutel],
                toegestaan=True,
                reden="leerlingdossier bekijken",
                route="leerlingen:detail",
            )
        kijkers.append(rol.gebruiker)
    return swv, kijkers


def test_privacy_officer_filtert_toegangslog_op_gebruiker(
    page: Page, artefacts: Artefacts, regio
) -> None:
    swv, (ib, schoolleider) = regio
    rol = RolFactory(rolsoort=Rolsoort.PRIVACY_OFFICER, samenwerkingsverband=swv)
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    expect(page.get_by_role("heading", level=1, name="Mijn werk")).to_be_visible()
    check_page(page, artefacts, "mijn-werk")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegangslog").click()
    expect(page.get_by_role("heading", level=1, name="Toegangslog")).to_be_visible()
    rijen = page.locator("table tbody tr")
    expect(rijen.filter(has_text=ib.username)).to_have_count(3)
    expect(rijen.filter(has_text=schoolleider.username)).to_have_count(3)
    check_page(page, artefacts, "toegangslog")

    page.get_by_label("Gebruikersnaam").fill(ib.username)
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(rf"[?&]gebruiker={ib.username}(&|$)"))
    expect(rijen).to_have_count(3)
    expect(rijen.filter(has_text=ib.username)).to_have_count(3)
    expect(page.get_by_label("Gebruikersnaam")).to_have_value(ib.username)
    check_page(page, artefacts, "toegangslog-gefilterd")


def test_inspecteur_ziet_alleen_totalen(page: Page, artefacts: Artefacts, regio) -> None:
    swv, _ = regio
    rol = RolFactory(rolsoort=Rolsoort.INSPECTEUR)
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    expect(page.get_by_role("heading", level=1, name="Mijn werk")).to_be_visible()
    rij = page.get_by_role("table").locator("tbody tr").filter(has_text=swv.naam)
    # Three pupils in basisonderwijs is under the small-cell limit: a dot, never the number.
    expect(rij.locator("td").first).to_have_text("•")
    check_page(page, artefacts, "totalen")


@pytest.fixture
def functioneel_beheerder(regio):
    swv, _ = regio
    rol = RolFactory(rolsoort=Rolsoort.FUNCTIONEEL_BEHEERDER, samenwerkingsverband=swv)
    return totp_voor(rol.gebruiker), swv


def test_functioneel_beheerder_bekijkt_de_regio(
    page: Page,
    artefacts: Artefacts,
    functioneel_beheerder,
) -> None:
    device, swv = functioneel_beheerder
    log_in(page, artefacts, device)
    expect(page.get_by_role("heading", level=1, name="Mijn werk")).to_be_visible()
    check_page(page, artefacts, "mijn-werk")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Regio").click()
    expect(page.get_by_role("heading", level=1, name=f"Regio van {swv.naam}")).to_be_visible()
    expect(page.get_by_role("link", name="De Horizon")).to_be_visible()
    check_page(page, artefacts, "regio")


def test_functioneel_beheerder_opent_de_importpagina(
    page: Page,
    artefacts: Artefacts,
    functioneel_beheerder,
) -> None:
    device, _ = functioneel_beheerder
    log_in(page, artefacts, device)
    antwoord = page.goto(reverse("organisaties:importeren"))
    assert antwoord is not None and antwoord.status == 200, antwoord and antwoord.status
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_page(page, artefacts, "importeren")
