"""Run axe-core (WCAG 2.1 A and AA) on the current page and fail with a readable report."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "var" / "assets" / "vendor" / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TARGETS_SHOWN = 3

_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summary: v.nodes.length ? v.nodes[0].failureSummary : '',
  }));
}"""


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations on the page as it is now.

    The axe script is added as an inline script, which only runs because the test contexts
    are made with ``bypass_csp=True`` (the app allows no inline scripts).
    """
    if not AXE_JS.exists():
        raise FileNotFoundError(f"{AXE_JS} ontbreekt; draai eerst `make assets`.")
    if not _axe_loaded(page):
        page.add_script_tag(path=str(AXE_JS))
        if not _axe_loaded(page):
            raise RuntimeError("axe-core draait niet: is JavaScript uit of de CSP niet omzeild?")
    return page.evaluate(_RUN, WCAG_TAGS)


def _axe_loaded(page: Page) -> bool:
    return page.evaluate("() => typeof window.axe !== 'undefined'")


def format_violations(violations: list[dict[str, Any]], url: str) -> str:
    lines = [f"axe-core: {len(violations)} WCAG-overtreding(en) op {url}"]
    for v in violations:
        targets = ", ".join(v["targets"][:TARGETS_SHOWN])
        more = len(v["targets"]) - TARGETS_SHOWN
        if more > 0:
            targets += f" (+{more} meer)"
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']}")
        lines.append(f"    elementen: {targets}")
        if v["summary"]:
            lines.append("    " + v["summary"].replace("\n", "\n    "))
        lines.append(f"    {v['helpUrl']}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)
