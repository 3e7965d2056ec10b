"""The regional monitor's KPI dashboard in the browser.

The SWV's directeur logs in, opens the dashboard (the running school year), makes a filter
mistake (a start date without an end date) and sees the error, chooses school year
2025-2026, reads the TLVs per 1,000 pupils beside their count, sees a chart with its
table, and downloads the CSV file. The inspecteur opens the table of every SWV side by side
(one school year), where small cells read "<10" (no page per SWV); the toezichthouder reads
one school year without the previous year or charts. Every page is checked:
styled, a screenshot, axe-core WCAG 2.1 AA with 0 violations.
"""

import csv
import io

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.monitor.tests.test_kpi_paginas import Wereld, maak_wereld
from passend.organisaties.rules import Sector
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    # 12 granted TLVs in the own SWV (shown to everyone); 3 in a VO SWV (suppressed).
    eigen = maak_wereld(tlvs=12, naam="SWV Monitorstad")
    maak_wereld(tlvs=3, naam="SWV Hogeland", sector=Sector.VO)
    return eigen


def _csv_regels(pad: str) -> list[list[str]]:
    with open(pad, encoding="utf-8-sig", newline="") as bestand:
        return list(csv.reader(io.StringIO(bestand.read()), delimiter=";"))


def test_directeur_leest_het_dashboard_en_downloadt(
    new_context, artefacts: Artefacts, wereld: Wereld
) -> None:
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        samenwerkingsverband=wereld.swv,
        gebruiker=GebruikerFactory(first_name="Dirk", last_name="Smit"),
    )
    page: Page = new_context(accept_downloads=True).new_page()
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    page.goto(reverse("monitor:dashboard"))
    expect(
        page.get_by_role("heading", level=1, name="Regionale monitor: SWV Monitorstad")
    ).to_be_visible()
    check_page(page, artefacts, "dashboard-lopend-schooljaar")

    page.get_by_label("Of een eigen periode: van").fill("2025-08-01")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(page.get_by_role("main")).to_contain_text("Vul ook de einddatum in")
    check_page(page, artefacts, "dashboard-fout")

    page.get_by_label("Of een eigen periode: van").fill("")
    page.get_by_label("Schooljaar (tot en met)").select_option("2025-2026")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("heading", level=2, name="1 augustus 2025 tot en met 31 juli 2026"))
    tlv = page.get_by_role("table", name="Toelaatbaarheidsverklaringen (TLV's): aantal, cijfer")
    expect(tlv).to_be_visible()
    # 12 granted TLVs on 1,000 pupils: the count beside the rate, the unit in words.
    rij = tlv.get_by_role("row").filter(has_text="TLV's afgegeven")
    expect(rij.get_by_role("cell").nth(0)).to_have_text("12")
    expect(rij.get_by_role("cell").nth(1)).to_have_text("12,0 per 1.000 leerlingen")
    expect(page.get_by_role("main")).not_to_contain_text("Kleine aantallen worden niet getoond")
    grafiek = page.get_by_role("img").filter(has_text="per schooljaar").first
    expect(grafiek).to_be_visible()
    expect(page.get_by_role("table").filter(has_text="Schooljaar").first).to_be_visible()
    check_page(page, artefacts, "dashboard-2025-2026")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV-bestand").click()
    regels = _csv_regels(str(download.value.path()))
    assert regels[0][:3] == ["groep", "kengetal", "aantal"]
    assert any(regel[2] == "12" for regel in regels[1:])


def test_inspecteur_vergelijkt_alle_swvs(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    rol = RolFactory(rolsoort=Rolsoort.INSPECTEUR)
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    page.goto(reverse("monitor:landelijk"))
    expect(
        page.get_by_role("heading", level=1, name="Alle samenwerkingsverbanden naast elkaar")
    ).to_be_visible()
    # One school year only: no own dates, no number of years, and why.
    expect(page.get_by_label("Of een eigen periode: van")).to_have_count(0)
    expect(page.get_by_label("Aantal schooljaren")).to_have_count(0)
    expect(page.get_by_role("main")).to_contain_text(
        "Zo kan niemand uit twee overzichten samen een klein aantal afleiden."
    )
    page.get_by_label("Schooljaar", exact=True).select_option("2025-2026")
    page.get_by_role("button", name="Toon").click()
    expect(
        page.get_by_role("heading", level=2, name="1 augustus 2025 tot en met 31 juli 2026")
    ).to_be_visible()
    tabel = page.get_by_role("table", name="Kengetallen per samenwerkingsverband")
    expect(tabel.get_by_role("row").filter(has_text="SWV Hogeland")).to_contain_text("<10")
    expect(tabel.get_by_role("row").filter(has_text="Totaal")).to_be_visible()
    # The national table is their only view: no link to a page per SWV.
    expect(tabel.get_by_role("link")).to_have_count(0)
    expect(page.get_by_role("main")).to_contain_text("Kleine aantallen worden niet getoond")
    check_page(page, artefacts, "landelijk")


def test_toezichthouder_ziet_een_schooljaar_zonder_vergelijking(
    page: Page, artefacts: Artefacts, wereld: Wereld
) -> None:
    rol = RolFactory(rolsoort=Rolsoort.TOEZICHTHOUDER, samenwerkingsverband=wereld.swv)
    log_in(page, artefacts, totp_voor(rol.gebruiker))
    page.goto(reverse("monitor:dashboard"))
    expect(
        page.get_by_role("heading", level=1, name="Regionale monitor: SWV Monitorstad")
    ).to_be_visible()
    expect(page.get_by_label("Aantal schooljaren")).to_have_count(0)
    expect(page.get_by_label("Schoolbestuur")).to_have_count(0)
    page.get_by_label("Schooljaar", exact=True).select_option("2025-2026")
    page.get_by_role("button", name="Toon").click()
    expect(
        page.get_by_role("heading", level=2, name="1 augustus 2025 tot en met 31 juli 2026")
    ).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Kleine aantallen worden niet getoond")
    expect(main).to_contain_text(
        "Zo kan niemand uit twee overzichten samen een klein aantal afleiden."
    )
    expect(page.get_by_role("columnheader", name="Vorig jaar: aantal")).to_have_count(0)
    expect(page.get_by_role("columnheader", name="Verandering")).to_have_count(0)
    expect(page.get_by_role("img")).to_have_count(0)
    check_page(page, artefacts, "dashboard-toezichthouder")
