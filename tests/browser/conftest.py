"""Browser tests: real pages in Debian's Chromium through Playwright, against live_server.

Every test gets a fresh browser context (cookies, storage) and page; the browser itself is
started once per session. Contexts bypass the Content-Security-Policy so that axe-core can
be injected; the policy itself is checked separately (``test_beveiliging.py``).
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, sync_playwright

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
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "test-artefacts" / "screenshots"
ASSET_TYPES = frozenset({"stylesheet", "script", "image", "font"})
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    folder = Path(__file__).parent
    for item in items:
        if folder in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # noqa: ANN201
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Artefacts:
    """Per test: a full-page screenshot of every visited page, and assets that failed to load."""

    def __init__(self, test_name: str) -> None:
        self.test_name = re.sub(r"[^\w.-]+", "_", test_name)
        self.count = 0
        self.failed_assets: list[str] = []
        for old in SCREENSHOTS.glob(f"{self.test_name}-[0-9][0-9]-*.png"):
            old.unlink()

    def response_seen(self, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type in ASSET_TYPES:
            self.failed_assets.append(f"{response.status} {response.url}")

    def screenshot(self, page: Page, step: str) -> Path:
        self.count += 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.test_name}-{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def artefacts(request: pytest.FixtureRequest) -> Artefacts:
    return Artefacts(request.node.name)


@pytest.fixture
def new_context(browser: Browser, live_server, artefacts: Artefacts):  # noqa: ANN001, ANN201
    """Make a context on the live server; ``bypass_csp`` so that axe-core can be injected."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        options = {"base_url": live_server.url, "bypass_csp": True, "locale": "nl-NL", **options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("response", artefacts.response_seen)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context) -> BrowserContext:  # noqa: ANN001
    return new_context()


@pytest.fixture
def page(context: BrowserContext, artefacts: Artefacts, request: pytest.FixtureRequest):  # noqa: ANN201
    page = context.new_page()
    yield page
    report = request.node.stash.get(_CALL_REPORT, None)
    if report is not None and report.failed and not page.is_closed():
        artefacts.screenshot(page, "failure")
