"""Run axe-core (from the axe-core npm package) in a Playwright page and describe its violations."""

from __future__ import annotations

from playwright.sync_api import Page

from coursekit.paths import REPO_ROOT

AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no separate wcag22a tag), and axe's best practices
# (landmarks, heading order, empty table headers ...), which go beyond WCAG but catch what a screen reader trips on.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules whose outcome depends on colours, i.e. on the palette; every other rule sees the same DOM in both.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page: Page, only_colour_rules: bool = False) -> list[dict]:
    """The WCAG A/AA and best-practice violations axe finds in the page as it is now (injected once per document)."""
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: run `make setup` (npm ci)"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    run_only = {"type": "rule", "values": COLOUR_RULES} if only_colour_rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate("runOnly => axe.run(document, {runOnly, resultTypes: ['violations']})", run_only)
    return result["violations"]


def describe(violations: list[dict], where: str) -> list[str]:
    """One line per violation: page, rule, impact, the elements (up to five) and axe's first hint."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        summary = (violation["nodes"][0].get("failureSummary") or "").replace("\n", " ")[:300]
        lines.append(f"{where}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])} element(s)) "
                     f"{targets} - {summary}")
    return lines
