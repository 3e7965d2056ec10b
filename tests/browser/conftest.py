"""Browser tests: real pages in Debian's Chromium through Playwright, against live_server.

The browser is started once per session; every test gets fresh contexts (cookies, storage)
and pages. Contexts bypass the Content-Security-Policy so that axe-core can be injected;
the policy itself is checked in ``test_beveiliging.py`` with a context that enforces it.

Static files: pytest-django's ``live_server`` serves them through Django's
``StaticFilesHandler`` (the finders, so ``var/assets`` and the apps' ``static`` folders),
because ``django.contrib.staticfiles`` is installed; ``check_page`` fails on any asset that
does not load.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from passend.aanbod.gebieden import startgebieden_laden
from passend.aanbod.models import Ondersteuningsgebied
from passend.geschillen.models import Routestap
from passend.geschillen.route import standaardroute_laden
from tests.browser.page_checks import Artefacts

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# database access from it ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000

_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    folder = Path(__file__).parent
    for item in items:
        if folder in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


@pytest.fixture(autouse=True)
def _startgegevens(request: pytest.FixtureRequest) -> None:
    """Data that migrations load (the support areas, the default disagreement route) is gone
    after a transactional test flushed the tables; every browser test is transactional
    (live_server), so restore it."""
    if "live_server" in request.fixturenames or "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        startgebieden_laden(Ondersteuningsgebied)
        standaardroute_laden(Routestap)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def artefacts(request: pytest.FixtureRequest) -> Artefacts:
    return Artefacts(request.node.name)


@pytest.fixture
def new_context(
    browser: Browser, live_server: Any, artefacts: Artefacts, request: pytest.FixtureRequest
) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts on the live server (``bypass_csp`` unless told otherwise)."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options = {"base_url": live_server.url, "bypass_csp": True, "locale": "nl-NL", **options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("response", artefacts.response_seen)
        contexts.append(context)
        return context

    yield make
    report = request.node.stash.get(_CALL_REPORT, None)
    for context in contexts:
        if report is not None and report.failed:
            for page in context.pages:
                artefacts.screenshot(page, "failure")
        context.close()


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
