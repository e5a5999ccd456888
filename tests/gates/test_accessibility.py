"""Gate: axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page, in the light and the dark palette,
and on quiz pages both before and after a question is answered.

The light palette runs every rule; the dark palette changes only colours (CSS variables), so it re-runs the colour
rules (contrast, links in text), which are also the slow ones. Each palette uses one browser page for every site
page, and axe is first shown a known-bad page that it must flag.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.gates.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The palette follows prefers-color-scheme (mkdocs.yml palette `media`), so emulating it picks the scheme.
PALETTES = {"light": "default", "dark": "slate"}
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
ANSWERABLE = ".cq-item:is([data-type='single'], [data-type='true_false'], [data-type='multiple'])"
# An image without alt text (WCAG), an empty table header (best practice), grey on grey (colour rule).
KNOWN_BAD = """<!doctype html><html lang="en"><head><title>bad</title></head><body><main><h1>Bad</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<table><thead><tr><th></th><th>A</th></tr></thead><tbody><tr><td>row</td><td>1</td></tr></tbody></table>
<p style="color:#999;background:#aaa">low contrast</p></main></body></html>"""


@pytest.fixture(params=list(PALETTES))
def palette_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    """One page in one palette, reused for every site page the test visits."""
    context = browser.new_context(color_scheme=request.param)
    try:
        yield request.param, context.new_page()
    finally:
        context.close()


def _visit(page: Page, url: str, palette: str) -> None:
    page.goto(url, wait_until="load")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == PALETTES[palette], f"{url}: expected the {palette} palette, body says {scheme!r}"


def _answer_first_question(page: Page) -> None:
    """Pick the first option of the first choice question and check it, through the visible widget."""
    # Answering scrolls, and the header then fades its title and tabs (CSS transitions, started after a scroll
    # event): axe must judge the end state, not a colour halfway through a fade.
    page.add_style_tag(content=NO_MOTION)
    item = page.locator(ANSWERABLE).first
    item.locator(".cq-option label").first.click()
    item.locator(".cq-check").click()
    expect(item.locator(".cq-feedback")).not_to_be_empty()


def test_axe_flags_a_known_bad_page(browser: Browser) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(KNOWN_BAD)
        flagged = {violation["id"] for violation in axe_violations(page)}
        assert {"image-alt", "empty-table-header", "color-contrast"} <= flagged, flagged
        assert {v["id"] for v in axe_violations(page, only_colour_rules=True)} == {"color-contrast"}
    finally:
        context.close()


def test_no_page_has_violations_before_or_after_answering(palette_page: tuple[str, Page], site_server: str,
                                                          site_pages: list[str]) -> None:
    palette, page = palette_page
    colour_only = palette == "dark"
    problems: list[str] = []
    quizzes = 0
    for path in site_pages:
        _visit(page, site_server + path, palette)
        problems += describe(axe_violations(page, only_colour_rules=colour_only), f"{path} [{palette}]")
        if path.startswith("quizzes/") and path != "quizzes/index.html":
            quizzes += 1
            assert page.locator(ANSWERABLE).count(), f"{path}: no choice question to answer"
            _answer_first_question(page)
            problems += describe(axe_violations(page, only_colour_rules=colour_only),
                                 f"{path} [{palette}, after answering]")
    assert quizzes, "no quiz pages in the built site"
    assert not problems, "\n".join(problems)
