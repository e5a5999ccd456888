"""A student's path through the course in Chromium, at 390 px (phone) and 1280 px (laptop), from file:// as in
the downloaded site (issue 14): reading order by "Next", progress after answering, the skip link, the glossary
popover on tap, stored progress that no longer fits, export and import, printing."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from coursekit.content.load import CourseContent, load_content
from coursekit.paths import project_paths
from tests.browser.fixtures import PageLog

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OpenContext = Callable[..., tuple[Page, PageLog]]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
WIDTHS = pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390px", "1280px"])
QUIZ = "quizzes/chapter-1.html"
STORE = "coursekit-progress"


@pytest.fixture(scope="module")
def course() -> CourseContent:
    return load_content(project_paths())


def html_path(src_uri: str) -> str:
    return src_uri[: -len(".md")] + ".html"


def site_path(page: Page, site: Path) -> str:
    return page.url.split("#")[0].split("?")[0][len(site.as_uri()) + 1:]


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORE}') || 'null'") or "null")


@WIDTHS
def test_next_leads_from_home_through_each_chapter_then_its_quiz(open_context: OpenContext, built_site: Path,
                                                                 course: CourseContent, viewport: dict) -> None:
    page, log = open_context("file://", viewport=viewport)
    page.goto((built_site / "index.html").as_uri())
    expected = [p for c in course.chapters for p in (html_path(c.src_uri), html_path(c.quiz_uri))]
    visited = []
    for _ in range(len(expected)):
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state()
        visited.append(site_path(page, built_site))
    assert visited == expected
    # chapters are numbered in their heading, the navigation and the window title
    page.goto((built_site / html_path(course.chapters[0].src_uri)).as_uri())
    title = f"1. {course.chapters[0].title}"
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name(title)
    assert page.title().startswith(title)
    assert not log.console_errors and not log.foreign_requests


@WIDTHS
def test_progress_shows_on_home_quiz_list_and_chapter_after_answering(open_context: OpenContext, built_site: Path,
                                                                      course: CourseContent, viewport: dict) -> None:
    page, log = open_context("file://", viewport=viewport)
    chapter = html_path(course.chapters[0].src_uri)
    page.goto((built_site / "index.html").as_uri())
    badge = page.locator(".course-path-step .course-progress").first
    expect(badge).to_have_text("Your progress: Not started")
    expect(page.locator(".course-continue")).to_be_hidden()

    page.goto((built_site / chapter).as_uri())
    read = page.locator(".course-read-button")
    expect(read).to_have_accessible_name("Mark this chapter as read")
    read.click()
    expect(read).to_have_attribute("aria-pressed", "true")

    page.goto((built_site / QUIZ).as_uri())
    item = page.locator(".cq-item[data-type='true_false']").first
    right = json.loads(item.get_attribute("data-key"))["correct"][0]
    item.locator(f"input[value='{right}']").check()
    item.locator(".cq-check").click()
    total = page.locator(".cq-item").count()
    want = f"Read · Quiz: 1 right, 1 of {total} answered"

    page.goto((built_site / "index.html").as_uri())
    expect(badge).to_have_text(f"Your progress: {want}")
    expect(page.locator(".course-continue a")).to_have_text(re.compile(r"^Continue with 2\. "))
    page.goto((built_site / "quizzes/index.html").as_uri())
    expect(page.locator(".course-progress[data-quiz='chapter-1']")).to_have_text(f"Your progress: {want}")
    page.goto((built_site / chapter).as_uri())
    expect(page.locator(".course-progress-line")).to_have_text(f"Your progress: {want}")
    assert not log.console_errors and not log.foreign_requests


def test_a_finished_quiz_sums_up_and_links_the_sections_to_review(open_context: OpenContext,
                                                                  built_site: Path) -> None:
    page, log = open_context("file://", viewport=PHONE)
    page.goto((built_site / QUIZ).as_uri())
    expect(page.locator(".cq-summary")).to_contain_text("Answer all")
    items = page.locator(".cq-item")
    wrong_reviews = set()
    for index in range(items.count()):  # every answer given, single and true/false ones wrongly
        item = items.nth(index)
        key = json.loads(item.get_attribute("data-key"))
        kind = item.get_attribute("data-type")
        if kind in ("single", "true_false"):
            wrong = next(i for i in range(len(key["options"])) if i not in key["correct"])
            item.locator(f"input[value='{wrong}']").check()
            wrong_reviews.add(key["review"]["href"])
        elif kind == "multiple":
            for value in key["correct"]:
                item.locator(f"input[value='{value}']").check()
        elif kind == "matching":
            for number, select in enumerate(item.locator("select").all()):
                select.select_option(str(number))
        elif kind == "short_answer":
            item.locator("input").fill(key["accepted"][0])
        item.locator(".cq-check").click()
    summary = page.locator(".cq-summary")
    expect(summary).to_contain_text(re.compile(r"You got \d+ of \d+ right\."))
    hrefs = set(summary.locator("a").evaluate_all("els => els.map((e) => e.getAttribute('href'))"))
    assert wrong_reviews <= hrefs and all(href.startswith("../chapters/") for href in hrefs)
    assert not log.console_errors


def test_the_skip_link_reaches_question_1_in_three_tabs_on_a_phone(open_context: OpenContext,
                                                                   built_site: Path) -> None:
    page, _ = open_context("file://", viewport=PHONE)
    page.goto((built_site / QUIZ).as_uri())
    first = page.locator(".cq-item").first
    presses = 0
    page.keyboard.press("Tab")
    presses += 1
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to question 1"
    page.keyboard.press("Enter")
    for _ in range(2):
        page.keyboard.press("Tab")
        presses += 1
        if first.evaluate("(node) => node.contains(document.activeElement)"):
            break
    assert first.evaluate("(node) => node.contains(document.activeElement)"), "question 1 not reached"
    assert presses <= 3
    # the closed side menu is out of the tab order: no drawer link ever gets focus on the way
    page.goto((built_site / QUIZ).as_uri())
    for _ in range(8):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")


@WIDTHS
def test_a_glossary_term_opens_its_definition_by_tap_and_keyboard(open_context: OpenContext, built_site: Path,
                                                                  viewport: dict) -> None:
    page, log = open_context("file://", viewport=viewport, has_touch=True)
    url = (built_site / "chapters/01-introduction.html").as_uri()
    page.goto(url)
    term = page.locator("article .admonition a[href*='glossary.html#']").first
    term.tap()
    popover = page.locator(".course-gloss-pop")
    expect(popover).to_be_visible()
    expect(popover).to_have_attribute("role", "dialog")
    assert page.url.startswith(url), "the tap must not leave the chapter"
    assert len(popover.locator(".course-gloss-text").inner_text()) > 20
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(popover.locator("a.course-gloss-more")).to_have_attribute("href", term.get_attribute("href"))
    page.keyboard.press("Escape")
    expect(popover).to_have_count(0)
    assert term.evaluate("(node) => node === document.activeElement")
    page.keyboard.press("Enter")  # keyboard: the same popover
    expect(page.locator(".course-gloss-pop")).to_be_visible()
    assert not log.console_errors


def test_the_glossary_has_an_a_to_z_jump_list(open_context: OpenContext, built_site: Path) -> None:
    page, _ = open_context("file://", viewport=PHONE)
    page.goto((built_site / "glossary.html").as_uri())
    letters = page.locator(".course-jump-list a")
    assert letters.count() >= 5
    letters.nth(1).click()
    target = page.url.split("#")[1]
    assert page.locator(f"[id='{target}']").evaluate("(node) => node.getBoundingClientRect().top") < 200


def test_stored_answers_that_no_longer_fit_are_dropped_quietly(open_context: OpenContext, built_site: Path) -> None:
    """Corrupted or stale progress (issue 17 point 5): each answer is checked against the question as it is now."""
    page, log = open_context("file://", viewport=PHONE)
    page.goto((built_site / QUIZ).as_uri())
    single = page.locator(".cq-item[data-type='single']").first
    true_false = page.locator(".cq-item[data-type='true_false']").first
    multiple = page.locator(".cq-item[data-type='multiple']").first
    short = page.locator(".cq-item[data-type='short_answer']").first

    def entry(item, response, kind=None, rev=None) -> dict:  # type: ignore[no-untyped-def]
        return {"type": kind or item.get_attribute("data-type"), "rev": rev or item.get_attribute("data-rev"),
                "response": response, "correct": True}

    right = json.loads(true_false.get_attribute("data-key"))["correct"][0]
    record = {"format": STORE, "version": 2, "chapters": {"1": {"read": "2026-01-01"}}, "quizzes": {"chapter-1": {
        "seed": 7, "total": 99, "items": {
            single.get_attribute("data-item"): entry(single, 7),  # option removed since
            multiple.get_attribute("data-item"): entry(multiple, [0], kind="single"),  # item type changed
            short.get_attribute("data-item"): entry(short, "x", rev="0123456789ab"),  # question edited
            true_false.get_attribute("data-item"): entry(true_false, right),  # still fits
            "gone-from-the-bank": {"type": "single", "rev": "", "response": 0, "correct": True},
        }}}}
    page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(json.dumps(record))})")
    page.reload()
    expect(page.locator(".cq-status-message")).to_contain_text("3 saved answers no longer match their questions")
    expect(page.locator(".cq-score-detail")).to_have_text("1 answered")
    expect(true_false.locator(".cq-feedback")).to_contain_text("Correct.")
    for item in (single, multiple, short):  # never frozen: answerable again
        expect(item.locator(".cq-check")).to_be_visible()
        expect(item.locator("fieldset :is(input, select)").first).to_be_enabled()
    kept = stored(page)["quizzes"]["chapter-1"]["items"]
    assert list(kept) == [true_false.get_attribute("data-item")]

    # Not JSON at all, then an old version-1 record: the quiz works, with a quiet note.
    page.evaluate(f"localStorage.setItem('{STORE}', '{{{{not json')")
    page.reload()
    expect(page.locator(".cq-status-message")).to_contain_text("damaged")
    expect(page.locator(".cq-score-detail")).to_have_text("0 answered")
    page.evaluate(f"""() => {{ localStorage.removeItem('{STORE}');
        localStorage.setItem('coursekit-quiz:chapter-1:{true_false.get_attribute("data-item")}',
                             JSON.stringify({{response: {right}, correct: true}})); }}""")
    page.reload()
    expect(page.locator(".cq-score-detail")).to_have_text("1 answered")
    assert not page.evaluate("Object.keys(localStorage).some((k) => k.startsWith('coursekit-quiz:'))")
    assert stored(page)["version"] == 2
    assert not log.console_errors


def test_options_are_shuffled_per_attempt_with_a_stored_seed(open_context: OpenContext, built_site: Path) -> None:
    page, _ = open_context("file://", viewport=PHONE)
    page.goto((built_site / QUIZ).as_uri())
    order = "() => Array.from(document.querySelectorAll('.cq-options')).map((l) => " \
            "Array.from(l.querySelectorAll('input')).map((i) => i.value).join(''))"
    first = page.evaluate(order)
    seed = stored(page)["quizzes"]["chapter-1"]["seed"]
    assert any(o != "".join(sorted(o)) for o in first), "options appear in bank order"
    page.reload()
    assert page.evaluate(order) == first and stored(page)["quizzes"]["chapter-1"]["seed"] == seed
    page.locator(".cq-reset").click()
    page.locator(".cq-confirm-yes").click()
    assert stored(page)["quizzes"]["chapter-1"]["seed"] != seed
    assert page.evaluate(order) != first


def test_progress_exports_to_a_file_and_imports_on_another_device(open_context: OpenContext, built_site: Path,
                                                                  tmp_path: Path) -> None:
    page, _ = open_context("file://", viewport=PHONE, accept_downloads=True)
    page.goto((built_site / "chapters/01-introduction.html").as_uri())
    page.get_by_role("button", name="Mark this chapter as read").click()
    page.goto((built_site / "quizzes/index.html").as_uri())
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("course-progress-") and saved.suffix == ".json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["chapters"]["1"]["read"] and data["summary"]["Chapter 1"].startswith("Read")

    other, _ = open_context("file://", viewport=PHONE)  # a fresh browser: nothing stored
    other.goto((built_site / "quizzes/index.html").as_uri())
    badge = other.locator(".course-progress[data-quiz='chapter-1']")
    expect(badge).to_have_text("Your progress: Not started")
    other.locator("#course-import-file").set_input_files(str(saved))
    expect(other.locator(".course-transfer-status")).to_contain_text("Progress imported")
    expect(badge).to_have_text("Your progress: Read")
    bad = tmp_path / "not-progress.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    other.locator("#course-import-file").set_input_files(str(bad))
    expect(other.locator(".course-transfer-status")).to_contain_text("nothing was changed")
    expect(badge).to_have_text("Your progress: Read")


def test_printing_a_chapter_gives_page_numbers_and_no_interactive_chrome(open_context: OpenContext,
                                                                         built_site: Path, tmp_path: Path) -> None:
    page, _ = open_context("file://", viewport=LAPTOP)
    page.goto((built_site / "chapters/01-introduction.html").as_uri())
    pdf = tmp_path / "chapter.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.count("\f")
    assert re.search(r"Page 1 of \d+", text) and f"Page {pages} of {pages}" in text
    assert "Migration as Leverage" in text and "1. Beyond externalization" in text
    assert "iemed.org" in text  # the essay's address is printed with its link
    for chrome in ("Mark this chapter as read", "Copy to clipboard", "Bibliography entry", "Skip to",
                   "Assign this chapter", "Your progress", "Search"):
        assert chrome not in text, chrome


def test_the_404_page_works_from_file(open_context: OpenContext, built_site: Path) -> None:
    page, log = open_context("file://", viewport=PHONE)
    page.goto((built_site / "404.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    links = page.locator("a[href$='.html']").evaluate_all("els => els.map((e) => e.href)")
    assert links and all(href.startswith(built_site.as_uri()) for href in links), links[:3]
    missing = [href for href in links if not Path(href[len("file://"):].split("#")[0]).is_file()]
    assert not missing, missing[:3]
    assert not log.foreign_requests


def test_phone_menus_still_open_and_take_focus(open_context: OpenContext, built_site: Path) -> None:
    """Keeping closed menus out of the tab order must not break opening them."""
    page, _ = open_context("file://", viewport=PHONE)
    page.goto((built_site / "index.html").as_uri())
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-sidebar--primary a[href$='01-introduction.html']").first).to_be_visible()
    page.keyboard.press("Escape")
    page.goto((built_site / "index.html").as_uri())
    page.locator("label.md-header__button[for='__search']").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
