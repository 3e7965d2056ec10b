"""The dekkend netwerk analysis in the browser.

The directeur of a small PO region (the hand-built region of the monitor's tests: four
member locations with published places, six pupils with a TLV or an OPP) starts an analysis
of the current situation, sees its progress (the job waits in the queue until the test runs
it, so the progress page is certain to show), then — without reloading by hand: htmx polls
the progress and reloads the page when the job is done — the result with the map. Then a
what-if (the sbo gets 1 place instead of 10) and its comparison with the current situation.
Every page: styled, a screenshot, axe-core WCAG 2.1 AA with 0 violations.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.services import netwerk as service
from passend.monitor.tests.test_netwerk_vraag_aanbod import wereld
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def in_de_wachtrij(settings, monkeypatch) -> list[int]:
    """Analyses run in the background (as in production), but the background thread is
    replaced by a list: the test runs each queued job itself, when it wants to."""
    settings.PASSEND = {**settings.PASSEND, "DEKKEND_NETWERK_ACHTERGROND": True}
    wachtrij: list[int] = []
    monkeypatch.setattr(service, "_op_achtergrond", wachtrij.append)
    return wachtrij


def _voortgang_en_dan_resultaat(
    page: Page, artefacts: Artefacts, wachtrij: list[int], stap: str
) -> Netwerkanalyse:
    expect(page.get_by_role("heading", level=2, name="Bezig met rekenen")).to_be_visible()
    expect(page.get_by_label("Voortgang van de analyse")).to_be_visible()
    check_page(page, artefacts, f"{stap}-voortgang")
    analyse = Netwerkanalyse.objects.get(pk=wachtrij.pop())
    assert analyse.status == Analysestatus.WACHTRIJ
    service.analyse_uitvoeren(analyse.pk)
    # htmx polls the progress; when the job is done the page reloads with the result.
    expect(page.get_by_role("heading", level=2, name="Kerncijfers")).to_be_visible(timeout=15_000)
    analyse.refresh_from_db()
    assert analyse.status == Analysestatus.KLAAR, analyse.fout
    return analyse


def test_directeur_analyseert_het_netwerk_en_maakt_een_wat_als(
    new_context, artefacts: Artefacts, in_de_wachtrij: list[int]
) -> None:
    w = wereld()
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        samenwerkingsverband=w.swv,
        gebruiker=GebruikerFactory(first_name="Dirk", last_name="Verhoeven"),
    )
    page = new_context().new_page()
    log_in(page, artefacts, totp_voor(rol.gebruiker))

    page.goto(reverse("monitor:netwerk"))
    expect(page.get_by_role("heading", level=1, name="Dekkend netwerk")).to_be_visible()
    expect(page.get_by_role("cell", name="Er zijn nog geen analyses.")).to_be_visible()
    check_page(page, artefacts, "netwerk-lijst-leeg")

    page.get_by_role("link", name="Nieuwe analyse van de huidige situatie").click()
    expect(page.get_by_label("Naam van de analyse")).to_have_value(re.compile("^Huidige situatie"))
    check_page(page, artefacts, "netwerk-starten")
    page.get_by_label("Naam van de analyse").fill("Huidige situatie november")
    page.get_by_role("button", name="Analyse starten").click()

    huidig = _voortgang_en_dan_resultaat(page, artefacts, in_de_wachtrij, "huidig")
    hoofd = page.get_by_role("main")
    expect(hoofd).to_contain_text("leerlingen met een ondersteuningsbehoefte")
    expect(hoofd).to_contain_text("Dit is bewezen de beste plaatsing")
    kaart = page.get_by_role("img", name="Kaart van de analyse Huidige situatie november")
    expect(kaart).to_be_visible()
    expect(kaart).to_contain_text("Locatie met vrije plaatsen")  # the legend
    expect(
        page.get_by_role("table", name=re.compile("^Plaatsen, gebruikt en vrij"))
    ).to_contain_text("22AA00")
    assert huidig.resultaat["aantal_niet_geplaatst"] == 0
    check_page(page, artefacts, "netwerk-resultaat")

    # What if the sbo had 1 place for leergedrag instead of 10?
    page.get_by_role("link", name="Wat-als-analyse maken").click()
    expect(page.get_by_role("heading", level=1, name="Wat als er iets verandert?")).to_be_visible()
    check_page(page, artefacts, "netwerk-wat-als")
    eerste = page.get_by_role("group", name="Wijziging 1", exact=True)
    eerste.get_by_label("Aantal plaatsen wijzigen").check()
    # First without a location: the field says what is missing, the rest stays filled in.
    eerste.get_by_label("Niveau van de plaatsen", exact=True).select_option("sbo")
    eerste.get_by_label("Ondersteuningsgebied", exact=True).select_option("leergedrag")
    eerste.get_by_label("Aantal plaatsen", exact=True).fill("1")
    page.get_by_role("button", name="Wat-als-analyse starten").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    eerste = page.get_by_role("group", name="Wijziging 1", exact=True)
    expect(eerste).to_contain_text("Kies de vestiging.")
    expect(eerste.get_by_label("Aantal plaatsen", exact=True)).to_have_value("1")
    check_page(page, artefacts, "netwerk-wat-als-fout")
    eerste.get_by_label("Vestiging", exact=True).select_option(w.sbo1.vestigingscode)
    page.get_by_role("button", name="Wat-als-analyse starten").click()

    wat_als = _voortgang_en_dan_resultaat(page, artefacts, in_de_wachtrij, "wat-als")
    assert wat_als.basis == huidig
    expect(
        page.get_by_role("heading", level=2, name="Vergelijking met Huidige situatie november")
    ).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(
        f"{w.sbo1.naam} ({w.sbo1.vestigingscode}): het aantal plaatsen voor Speciaal basisonderwijs"
    )
    vergelijking = page.get_by_role("table", name="De huidige situatie naast de wat-als-analyse")
    niet_geplaatst = wat_als.resultaat["aantal_niet_geplaatst"]
    assert niet_geplaatst > 0
    expect(
        vergelijking.get_by_role("row", name=re.compile("^Leerlingen niet geplaatst"))
    ).to_contain_text(f"+{niet_geplaatst}")
    expect(
        page.get_by_role("img", name="Plaatsing in de huidige situatie en in de wat-als-analyse")
    ).to_be_visible()
    check_page(page, artefacts, "netwerk-vergelijking")

    page.get_by_role("link", name="Terug naar de analyses").click()
    expect(
        page.get_by_role("row", name=re.compile("^Wat als: Huidige situatie november"))
    ).to_contain_text("Huidige situatie november")
    check_page(page, artefacts, "netwerk-lijst")
