"""The assignment builder and the student assignment page, driven in Chromium from file:// (no server).

The builder turns ticked chapters, a title and a due date into a link; the link opens a page listing exactly
those chapters. Hostile or malformed links must render as text or as a clear message: no injected element, no
script run, no dialog, no console error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.fixtures import PageLog, watch

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PWNED = "window.__pwned=1"
INJECTED = ("article :is(script:not(#course-catalogue, #course-assign-script), img, iframe, svg, object, embed, "
            "style, b, i), [onerror], [onload]")


def q(**params: str | list[str]) -> str:
    parts = []
    for name, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            parts.append(f"{name}={quote(v, safe='')}")
    return "?" + "&".join(parts)


# (query string, text that must be visible on the page: the payload shown literally or a clear message)
HOSTILE: list[tuple[str, str]] = [
    (q(chapter="2", title=f"<script>{PWNED}</script>"), f"<script>{PWNED}</script>"),
    (q(chapter="2", title=f'<img src=x onerror="{PWNED}">'), f'<img src=x onerror="{PWNED}">'),
    (q(chapter=f"<svg onload={PWNED}>"), f"“<svg onload={PWNED}>” is not a chapter of this course"),
    (q(chapter=["2", "9"]), "“9” is not a chapter of this course"),
    (q(chapter=["2", "-1", "1e1", "0x2", "２"]), "“0x2” is not a chapter of this course"),
    (q(chapter="javascript:alert(1)"), "“javascript:alert(1)” is not a chapter of this course"),
    (q(chapter="2", quiz=["final", f"<iframe src=javascript:{PWNED}>"]), "is not a quiz of this course"),
    (q(chapter="2", due="2026-02-30"), "is not a date between 2000 and 2100"),
    (q(chapter="2", due="99999-01-01"), "is not a date between 2000 and 2100"),
    (q(chapter="2", due="<b>tomorrow</b>"), "(“<b>tomorrow</b>”) is not a date"),
    (q(chapter="2", title="A" * 5000), "longer than 120 characters; it was shortened"),
    (q(chapter="2", title=["first", "second"]), "more than one “title”; only the first is used"),
    (q(chapter="2", title="\u202eevil\u202c\u200b title"), "evil title"),
    (q(chapter=["2"] * 120), "more than 50 values for “chapter”"),
    ("?chapter=2&title=%E0%A4%A&due=%00", "is not a date between"),
    ("", "No chapter or quiz is chosen in this link"),
]


@pytest.fixture
def open_page(open_context: Callable[..., tuple[Page, PageLog]]) -> Callable[[str], tuple[Page, PageLog, list[str]]]:
    def make(url: str) -> tuple[Page, PageLog, list[str]]:
        page, log = open_context("file://", viewport={"width": 390, "height": 844})
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        page.wait_for_load_state("load")
        return page, log, dialogs

    return make


def shown_chapters(page: Page) -> list[str]:
    return page.locator("#course-assignment [data-chapter]").evaluate_all("els => els.map(e => e.dataset.chapter)")


def test_the_builder_makes_a_link_that_opens_the_chosen_chapters(built_site: Path, open_page: Callable) -> None:
    page, log, _ = open_page((built_site / "instructors" / "assign.html").as_uri())
    page.get_by_label("Chapter 2: ").check()
    page.get_by_label("Chapter 4: ").check()
    page.get_by_label("Final quiz").check()
    page.get_by_label("Title").fill("Week 5 <i>reading</i>")
    page.get_by_label("Due date").fill("2026-12-10")
    link = page.get_by_label("Shareable link").input_value()
    assert link.startswith("file://") and "chapter=2" in link and "chapter=4" in link and "quiz=final" in link
    announcement = page.get_by_label("Announcement for your learning platform").input_value()
    assert "Due: Thursday 10 December 2026" in announcement and "Chapter 4 quiz: file://" in announcement
    assert not log.console_errors

    student, log, _ = open_page(link)
    assert shown_chapters(student) == ["2", "4"]
    assert student.locator("article h1").inner_text() == "Week 5 <i>reading</i>"
    assert "Thursday 10 December 2026" in student.locator("#course-assignment").inner_text()
    hrefs = student.locator("#course-assignment a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs == ["chapters/02-preparedness-to-talk.html", "chapters/04-drive-for-informalization.html",
                     "quizzes/chapter-2.html", "quizzes/chapter-4.html", "quizzes/final.html"]
    student.locator("#course-assignment a").first.click()
    assert student.url.endswith("chapters/02-preparedness-to-talk.html")
    assert not log.console_errors


def test_the_builder_works_without_javascript_as_a_form(built_site: Path,
                                                        open_context: Callable[..., tuple[Page, PageLog]]) -> None:
    page, _ = open_context("file://", java_script_enabled=False)
    page.goto((built_site / "instructors" / "assign.html").as_uri())
    page.get_by_label("Chapter 3: ").check()
    page.get_by_role("button", name="Open the assignment page").click()
    assert "assignment.html?chapter=3" in page.url


@dataclass
class Tab:
    """One browser page reused for every hostile link (a navigation resets the document, scripts and globals)."""

    page: Page
    log: PageLog
    dialogs: list[str]
    scripts: int  # <script> elements on a well-formed assignment page


@pytest.fixture(scope="module")
def assignment_tab(browser: Browser, built_site: Path) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    log = watch(context, page, "file://")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((built_site / "assignment.html").as_uri() + "?chapter=2", wait_until="load")
    try:
        yield Tab(page, log, dialogs, page.locator("script").count())
    finally:
        context.close()


def test_the_hostile_cases_cover_every_kind() -> None:
    assert len(HOSTILE) >= 10


@pytest.mark.parametrize(("query", "expected"), HOSTILE, ids=[f"case{n}" for n in range(len(HOSTILE))])
def test_hostile_links_render_as_text(built_site: Path, assignment_tab: Tab, query: str, expected: str) -> None:
    page, log, dialogs = assignment_tab.page, assignment_tab.log, assignment_tab.dialogs
    log.console_errors.clear()
    dialogs.clear()
    page.goto((built_site / "assignment.html").as_uri() + query, wait_until="load")
    text = page.locator("article").inner_text()
    assert expected in text
    assert page.locator(INJECTED).count() == 0
    assert page.locator("script").count() == assignment_tab.scripts
    assert page.evaluate("window.__pwned === undefined")
    assert not dialogs
    assert not log.console_errors
    for href in page.locator("#course-assignment a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert href.startswith(("chapters/", "quizzes/", "index.html", "instructors/assign.html")), href
    heading = page.locator("article h1").inner_text()
    assert len(heading) <= 121 and "\u202e" not in heading and "\u200b" not in heading
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"


def test_the_chapter_panel_gives_absolute_links_from_file(built_site: Path, open_page: Callable) -> None:
    """The panel lives on the instructors' chapter page (issue 14); its links still name the student pages."""
    page, log, _ = open_page((built_site / "instructors" / "chapter-4.html").as_uri())
    panel = page.locator("details.course-assign")
    panel.locator("summary").click()
    permalink = panel.locator("a.course-permalink")
    # assign.js loads when the panel opens; wait for it to rewrite the link
    expect(permalink).to_have_text((built_site / "chapters" / "04-drive-for-informalization.html").as_uri())
    announcement = panel.locator("pre code").inner_text()
    assert (built_site / "quizzes" / "chapter-4.html").as_uri() in announcement
    assert not log.console_errors


def test_open_is_disabled_until_something_is_chosen_and_the_empty_page_speaks_to_both(
        built_site: Path, open_page: Callable) -> None:
    page, log, _ = open_page((built_site / "instructors" / "assign.html").as_uri())
    button = page.get_by_role("button", name="Open the assignment page")
    expect(button).to_be_disabled()
    page.get_by_label("Chapter 3: ").check()
    expect(button).to_be_enabled()
    page.get_by_label("Chapter 3: ").uncheck()
    page.get_by_label("Chapter 3 quiz").uncheck()
    expect(button).to_be_disabled()
    assert not log.console_errors

    empty, log, _ = open_page((built_site / "assignment.html").as_uri())
    text = empty.locator("#course-assignment").inner_text()
    assert "No chapter or quiz is chosen" in text and "Ask your instructor for a new one" in text
    empty.get_by_role("link", name="assignment builder").click()
    assert empty.url.endswith("instructors/assign.html")


def test_from_disk_the_builder_warns_that_the_link_is_local(built_site: Path, open_page: Callable) -> None:
    page, _, _ = open_page((built_site / "instructors" / "assign.html").as_uri())
    page.get_by_label("Chapter 2: ").check()
    assert page.get_by_label("Shareable link").input_value().startswith("file://")
    assert "only works on this computer" in page.locator("#course-assign-status").inner_text()


def test_with_a_published_address_links_point_at_the_course_site(built_site: Path, tmp_path: Path,
                                                                 open_page: Callable) -> None:
    """What a build with site_url writes into the form (see assign._site_url_filter), opened from disk."""
    builder = built_site / "instructors" / "assign.html"
    html = builder.read_text(encoding="utf-8")
    assert 'data-published-page=""' in html  # this build has no site_url
    copy = tmp_path / "instructors"
    copy.mkdir()
    published = html.replace('data-published-page=""',
                             'data-published-page="https://courses.example.org/euromed/instructors/assign.html"')
    (copy / "assign.html").write_text(published, encoding="utf-8")
    for folder in ("assets", "stylesheets", "javascripts"):
        if (built_site / folder).exists():
            (tmp_path / folder).symlink_to(built_site / folder, target_is_directory=True)
    page, _, _ = open_page((copy / "assign.html").as_uri())
    page.get_by_label("Chapter 2: ").check()
    link = page.get_by_label("Shareable link").input_value()
    assert link.startswith("https://courses.example.org/euromed/assignment.html?") and "chapter=2" in link
    announcement = page.get_by_label("Announcement for your learning platform").input_value()
    assert "https://courses.example.org/euromed/chapters/02-" in announcement and "file://" not in announcement
    assert "only works on this computer" not in page.locator("#course-assign-status").inner_text()
