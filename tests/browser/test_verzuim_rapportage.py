"""The verzuim report and the Leerplichttelling in the browser.

The leerplichtambtenaar of Telstad logs in, opens the verzuim report, chooses school year
2025-2026 and reads the figures of the municipality (thuiszitters per 1,000 pupils, the
trend per quarter as a chart and a table); a period with only a start date shows a clear
error. Then the Leerplichttelling of that school year is downloaded and read back. The
SWV's directeur chooses a municipality of the werkgebied for the same file. The
leerplichtambtenaar's file counts every case of the municipality but has pupil-level rows
only of the cases they are a running partner in. Every page is
checked: styled, a screenshot, axe-core WCAG 2.1 AA.
"""

import csv
import io

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.tests.factories import PartnerFactory
from passend.verzuim.tests.test_cijfers import Telwereld, maak_telwereld
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def telwereld(transactional_db: None) -> Telwereld:
    return maak_telwereld()


def _csv_regels(pad: str) -> list[list[str]]:
    with open(pad, encoding="utf-8-sig", newline="") as bestand:
        return list(csv.reader(io.StringIO(bestand.read()), delimiter=";"))


def rapportage_lezen(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("verzuim:rapportage"))
    expect(page.get_by_role("heading", level=1, name="Verzuimrapportage")).to_be_visible()
    check_page(page, artefacts, "rapportage-lopend-schooljaar")
    page.get_by_label("Schooljaar").select_option("2025-2026")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        "Gemeente Telstad, 1 augustus 2025"
    )
    hoofd = page.get_by_role("main")
    expect(hoofd).to_contain_text("4 thuiszitters (2 absoluut verzuim, 2 langdurig relatief")
    expect(hoofd).to_contain_text("thuiszitters per 1.000 leerlingen (4 op 1500 leerlingen)")
    expect(page.get_by_role("img", name="Verzuim per kwartaal")).to_be_visible()
    trend = page.get_by_role("table", name="Verzuim per kwartaal (dezelfde cijfers als de grafiek)")
    expect(trend.get_by_role("row").filter(has_text="2026-K1")).to_contain_text("2")
    check_page(page, artefacts, "rapportage-2025-2026")

    page.get_by_label("Of een eigen periode: van").fill("2025-08-01")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(page.get_by_role("main")).to_contain_text("Vul ook de einddatum in")
    check_page(page, artefacts, "rapportage-fout")


def telling_downloaden(page: Page, artefacts: Artefacts, gemeente: str | None = None) -> str:
    page.goto(reverse("verzuim:leerplichttelling"))
    expect(page.get_by_role("heading", level=1, name="Leerplichttelling")).to_be_visible()
    check_page(page, artefacts, "leerplichttelling")
    page.get_by_label("Schooljaar").select_option("2025-2026")
    if gemeente:
        page.get_by_label("Gemeente").select_option(label=gemeente)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV-bestand").click()
    return str(download.value.path())


def test_leerplicht_leest_de_rapportage_en_downloadt_de_telling(
    new_context, artefacts: Artefacts, telwereld: Telwereld
):
    rol = RolFactory(
        rolsoort=Rolsoort.LEERPLICHTAMBTENAAR,
        gemeente=telwereld.gemeente,
        gebruiker=GebruikerFactory(first_name="Lot", last_name="Pieters"),
    )
    # Lot works in two of the municipality's cases: the file counts all of them, but has
    # pupil-level rows only of those two.
    for melding in Verzuimmelding.objects.filter(meldnummer__in=["2025-001", "2025-003"]):
        PartnerFactory(melding=melding, gebruiker=rol.gebruiker, van=melding.sinds)
    page = new_context(accept_downloads=True).new_page()
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    rapportage_lezen(page, artefacts)
    page.goto(reverse("verzuim:leerplichttelling"))
    expect(page.get_by_role("main")).to_contain_text(
        "alleen voor de meldingen waarin u nu zelf partner bent"
    )
    regels = _csv_regels(telling_downloaden(page, artefacts))
    assert regels[0] == ["Leerplichttelling", "Telstad", "2025-2026"]
    assert ["totaal", "meldingen", "7"] in regels
    assert ["thuiszitters", "totaal", "4"] in regels
    assert [r[0] for r in regels if r and r[0].startswith("2025-0")] == ["2025-001", "2025-003"]


def test_swv_kiest_de_gemeente_voor_de_telling(
    new_context, artefacts: Artefacts, telwereld: Telwereld
):
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        samenwerkingsverband=telwereld.swv,
        gebruiker=GebruikerFactory(first_name="Dirk", last_name="Smit"),
    )
    page = new_context(accept_downloads=True).new_page()
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    regels = _csv_regels(telling_downloaden(page, artefacts, gemeente="Telstad"))
    assert ["totaal", "meldingen", "6"] in regels
