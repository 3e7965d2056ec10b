"""Answering a questionnaire with an anonymous code, on a phone (375 × 740 px).

A pupil types the code from the invitation, answers items with the keyboard and by tapping,
sends the answers and sees the thank-you page; the same code is then refused. A parent
opens the adult questionnaire. On a shared device the back button after sending does not
bring back the previous respondent's answers (in a Chromium where the back/forward cache
works). Every page: axe-core 0 violations (WCAG 2.1 AA) and no horizontal scrolling.
"""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, BrowserContext, Page, expect

from passend.doelstellingen.models import Antwoord, Respons
from passend.doelstellingen.rules import Respondentgroep
from passend.doelstellingen.services.invullen import NIET_BRUIKBAAR
from passend.doelstellingen.tests.test_invullen import Lijst, open_lijst
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.page_checks import Artefacts, check_page

TELEFOON = {"width": 375, "height": 740}


@pytest.fixture
def lijsten(transactional_db: None) -> tuple[Lijst, Lijst]:
    # The per-IP brake on wrong codes counts in the (process-wide) cache: start from zero.
    cache.clear()
    leerlingen = open_lijst(groep=Respondentgroep.LEERLING, code="LEER-LING-2345", aantal_vragen=4)
    ouders = open_lijst(groep=Respondentgroep.OUDER, code="OUDE-RSXX-2345")
    return leerlingen, ouders


def _geen_horizontale_scroll(page: Page) -> None:
    breedte = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert breedte[0] <= breedte[1], f"{page.url}: {breedte[0]} px breed op {breedte[1]} px"


#: The live server's first request imports every URL module (also the statistics
#: libraries); on a busy machine that alone can take longer than the default timeout.
EERSTE_KEER_MS = 60_000


def _telefoon(new_context) -> Page:
    context: BrowserContext = new_context(viewport=TELEFOON, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto("/vragenlijst/", timeout=EERSTE_KEER_MS)
    return page


def _code_invullen(page: Page, code: str) -> None:
    page.goto("/vragenlijst/")
    page.get_by_label("Code", exact=True).fill(code)
    page.get_by_role("button", name="Naar de vragen").click()


def test_leerling_vult_de_vragenlijst_in_op_een_telefoon(
    lijsten: tuple[Lijst, Lijst], new_context, artefacts: Artefacts
):
    leerlingen, _ = lijsten
    page = _telefoon(new_context)
    page.goto("/vragenlijst/")
    expect(page.get_by_role("heading", name="Vragenlijst invullen")).to_be_visible()
    check_page(page, artefacts, "code")
    _geen_horizontale_scroll(page)

    # A typo first: one neutral message, linked to the field.
    _code_invullen(page, "LEER-LING-9999")
    expect(page.get_by_text(NIET_BRUIKBAAR)).to_be_visible()
    check_page(page, artefacts, "code-fout")

    _code_invullen(page, "leer ling 2345")
    expect(page.get_by_role("heading", name="Jouw mening over school")).to_be_visible()
    expect(page.get_by_text("Er zijn geen goede of foute antwoorden")).to_be_visible()
    expect(page.get_by_text("0 van 4 vragen ingevuld")).to_be_visible()
    check_page(page, artefacts, "vragenlijst-leerling")
    _geen_horizontale_scroll(page)

    eerste, tweede, derde, cijfer = leerlingen.vragen
    # With the keyboard: focus the first answer of item 1, move with the arrow keys.
    groep1 = page.get_by_role("group", name=f"1. {eerste.tekst}")
    groep1.get_by_label("Klopt helemaal niet").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(groep1.get_by_label("Klopt", exact=True)).to_be_checked()
    # By tapping: every answer is a radio of at least 24 × 24 px (WCAG 2.2 target size)
    # with its label, which can be tapped too.
    groep2 = page.get_by_role("group", name=f"2. {tweede.tekst}")
    for knop in groep2.get_by_role("radio").all():
        doos = knop.bounding_box()
        assert doos is not None and doos["height"] >= 24 and doos["width"] >= 24, doos
    label = groep2.locator("label", has_text="Weet ik niet")
    label.tap()
    expect(groep2.get_by_label("Weet ik niet")).to_be_checked()
    groep4 = page.get_by_role("group", name=f"4. {cijfer.tekst}")
    groep4.locator("label", has_text="10 (heel goed)").tap()
    # Progress without JavaScript: ask the server.
    page.get_by_role("button", name="Bekijk hoe ver je bent").click()
    expect(page.get_by_text("3 van 4 vragen ingevuld")).to_be_visible()
    expect(
        page.get_by_role("group", name=f"1. {eerste.tekst}").get_by_label("Klopt", exact=True)
    ).to_be_checked()
    page.get_by_role("button", name="Klaar, versturen").click()

    expect(page.get_by_role("heading", name="Bedankt voor het invullen")).to_be_visible()
    check_page(page, artefacts, "bedankt")
    _geen_horizontale_scroll(page)
    assert Respons.objects.count() == 1
    assert sorted(Antwoord.objects.values_list("vraag_id", "waarde")) == [
        (eerste.pk, 4),
        (cijfer.pk, 10),
    ]
    assert derde.pk not in Antwoord.objects.values_list("vraag_id", flat=True)

    # The same code again: refused.
    _code_invullen(page, "LEER-LING-2345")
    expect(page.get_by_text(NIET_BRUIKBAAR)).to_be_visible()
    page.goto("/vragenlijst/invullen/")
    expect(page.get_by_role("heading", name="Vragenlijst invullen")).to_be_visible()
    assert Respons.objects.count() == 1


def test_ouder_ziet_de_vragenlijst_voor_volwassenen(
    lijsten: tuple[Lijst, Lijst], new_context, artefacts: Artefacts
):
    _, ouders = lijsten
    page = _telefoon(new_context)
    _code_invullen(page, ouders.code)
    expect(
        page.get_by_role("heading", name="Hulp die past bij wat de leerling nodig heeft")
    ).to_be_visible()
    expect(page.get_by_label("Helemaal oneens").first).to_be_visible()
    check_page(page, artefacts, "vragenlijst-ouder")
    _geen_horizontale_scroll(page)


@pytest.fixture
def chromium_met_bfcache(browser: Browser) -> Iterator[Browser]:
    """A second Chromium with the back/forward cache on: Playwright turns it off by default
    (``--disable-back-forward-cache``), and a shared phone or school computer has it on."""
    met_cache = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, "--enable-features=BackForwardCache"],
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield met_cache
    met_cache.close()


def test_terug_na_versturen_toont_de_antwoorden_niet(
    lijsten: tuple[Lijst, Lijst], chromium_met_bfcache: Browser, live_server, artefacts: Artefacts
):
    """A pupil answers on a shared device, sends, and hands the device on: the back button
    must not show what was checked (the pages are no-store, so not kept in the bfcache)."""
    leerlingen, _ = lijsten
    context = chromium_met_bfcache.new_context(
        base_url=live_server.url, locale="nl-NL", bypass_csp=True
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto("/vragenlijst/", timeout=EERSTE_KEER_MS)
        _code_invullen(page, leerlingen.code)
        eerste = leerlingen.vragen[0]
        page.get_by_role("group", name=f"1. {eerste.tekst}").get_by_label(
            "Klopt helemaal niet"
        ).check()
        page.get_by_role("button", name="Klaar, versturen").click()
        expect(page.get_by_role("heading", name="Bedankt voor het invullen")).to_be_visible()
        expect(page.get_by_text("Je antwoorden zijn opgeslagen.")).to_be_visible()

        # (A page restored from the bfcache fires no "load": wait for what is shown.)
        page.go_back(wait_until="commit")
        # Not the filled-in questionnaire from the cache: the code is used, so the start page.
        expect(page.get_by_role("heading", name="Vragenlijst invullen")).to_be_visible()
        assert page.locator("input[type=radio]:checked").count() == 0
        assert page.locator("input[type=radio]").count() == 0
        check_page(page, artefacts, "terug-na-versturen")
    finally:
        context.close()
