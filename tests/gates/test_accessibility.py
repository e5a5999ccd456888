"""Gate: axe-core finds no WCAG 2.2 A/AA violation on any page, in the light and the dark palette,
and on quiz pages both before and after a question is answered.

The light palette runs every WCAG A/AA rule; the dark palette changes only colours (CSS variables), so it
re-runs the colour rules (contrast, links in text), which are also the slow ones.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.gates.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The palette follows prefers-color-scheme (mkdocs.yml palette `media`), so emulating it picks the scheme.
PALETTES = {"light": "default", "dark": "slate"}
ANSWERABLE = ".cq-item:is([data-type='single'], [data-type='true_false'], [data-type='multiple'])"


def _open(browser: Browser, url: str, palette: str) -> Page:
    page = browser.new_context(color_scheme=palette).new_page()
    page.goto(url, wait_until="load")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == PALETTES[palette], f"{url}: expected the {palette} palette, body says {scheme!r}"
    return page


def _answer_first_question(page: Page) -> None:
    """Pick the first option of the first choice question and check it, through the visible widget."""
    item = page.locator(ANSWERABLE).first
    item.locator(".cq-option label").first.click()
    item.locator(".cq-check").click()
    expect(item.locator(".cq-feedback")).not_to_be_empty()


@pytest.mark.parametrize("palette", list(PALETTES))
def test_no_page_has_wcag_violations(browser: Browser, site_server: str, site_pages: list[str],
                                     palette: str) -> None:
    problems: list[str] = []
    for path in site_pages:
        page = _open(browser, site_server + path, palette)
        problems += describe(axe_violations(page, only_colour_rules=palette == "dark"), f"{path} [{palette}]")
        page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", list(PALETTES))
def test_quiz_pages_stay_accessible_after_an_answer(browser: Browser, site_server: str, site_pages: list[str],
                                                    palette: str) -> None:
    quiz_pages = [path for path in site_pages if path.startswith("quizzes/") and path != "quizzes/index.html"]
    assert quiz_pages, "no quiz pages in the built site"
    problems: list[str] = []
    for path in quiz_pages:
        page = _open(browser, site_server + path, palette)
        assert page.locator(ANSWERABLE).count(), f"{path}: no choice question to answer"
        _answer_first_question(page)
        problems += describe(axe_violations(page, only_colour_rules=palette == "dark"),
                             f"{path} [{palette}, after answering]")
        page.context.close()
    assert not problems, "\n".join(problems)
