"""What every visited page must satisfy: styled (assets load), a screenshot, WCAG 2.1 AA."""

import re
from pathlib import Path

from playwright.sync_api import Page, Response

from tests.browser.axe import assert_no_axe_violations

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "test-artefacts" / "screenshots"
ASSET_TYPES = frozenset({"stylesheet", "script", "image", "font"})
#: design tokens, the Utrecht components, passend.css
MINIMUM_STYLESHEETS = 3


class Artefacts:
    """Per test: a full-page screenshot of every visited page, and assets that failed to load.

    Screenshots are ``var/test-artefacts/screenshots/<test>-<nn>-<step>.png``; those of an
    earlier run of the same test are removed first.
    """

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


def check_page(page: Page, artefacts: Artefacts, step: str, *, axe: bool = True) -> None:
    """Screenshot the page, assert that CSS and JS loaded, and (by default) run axe-core."""
    page.wait_for_load_state("load")
    artefacts.screenshot(page, step)
    assert not artefacts.failed_assets, f"Niet geladen: {artefacts.failed_assets}"
    stylesheets = page.evaluate("() => document.styleSheets.length")
    assert stylesheets >= MINIMUM_STYLESHEETS, f"{page.url}: {stylesheets} stylesheets geladen"
    if axe:
        assert_no_axe_violations(page)
