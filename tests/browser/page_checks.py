"""What every visited page must satisfy: styled (assets load), a screenshot, WCAG 2.1 AA."""

from playwright.sync_api import Page

from tests.browser.axe import assert_no_axe_violations


def check_page(page: Page, artefacts, step: str, *, axe: bool = True) -> None:  # noqa: ANN001
    """Screenshot the page, assert that CSS/JS loaded, and (by default) run axe-core."""
    page.wait_for_load_state("load")
    artefacts.screenshot(page, step)
    assert not artefacts.failed_assets, f"Niet geladen: {artefacts.failed_assets}"
    stylesheets = page.evaluate("() => document.styleSheets.length")
    assert stylesheets >= 3, f"Pagina {page.url} heeft {stylesheets} stylesheets geladen"
    if axe:
        assert_no_axe_violations(page)
