"""The quiz widget in Chromium at phone size, driven by the keyboard alone: answer, hear feedback, reload, reset.

Options are shuffled per attempt (issue 13 point 5), so a test finds an option by its value (its index in the
bank), never by its position on the page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.fixtures import PageLog

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
QUIZ = "quizzes/chapter-1.html"
OpenContext = Callable[..., tuple[Page, PageLog]]


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page: Page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches `selector` (as a keyboard user would)."""
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose_radio(page: Page, item: Locator, value: int) -> None:
    """With focus on the first radio of a group (none checked yet): Space picks it, arrows move and pick."""
    position = item.locator("input").evaluate_all("els => els.map((e) => Number(e.value))").index(value)
    if position == 0:
        page.keyboard.press("Space")
    for _ in range(position):
        page.keyboard.press("ArrowDown")


def question(page: Page, item_type: str, index: int = 0) -> Locator:
    return page.locator(f".cq-item[data-type='{item_type}']").nth(index)


def key_of(item: Locator) -> dict:
    return json.loads(item.get_attribute("data-key"))


def saved_keys(page: Page) -> list[str]:
    """Ids of the chapter 1 answers kept in this browser (course.js's versioned progress record)."""
    return page.evaluate("""() => {
        const record = JSON.parse(localStorage.getItem('coursekit-progress') || 'null');
        return record && record.quizzes['chapter-1'] ? Object.keys(record.quizzes['chapter-1'].items) : [];
    }""")


def open_quiz(open_context: OpenContext, site_server: str) -> tuple[Page, PageLog]:
    page, log = open_context(site_server.rstrip("/"), viewport=PHONE)
    page.goto(site_server + QUIZ)
    expect(page.locator(".cq-quiz.cq-js")).to_be_visible()
    return page, log


def test_keyboard_only_right_and_wrong_answers_survive_a_reload(open_context: OpenContext, site_server: str) -> None:
    page, log = open_quiz(open_context, site_server)
    total = page.locator(".cq-item").count()
    single, true_false = question(page, "single"), question(page, "true_false")
    single_id, tf_id = single.get_attribute("id"), true_false.get_attribute("id")

    # Question 1, answered right: Tab into the radio group, arrows to the right option, Tab, Enter.
    tab_to(page, f"#{single_id} input[type=radio]")
    right = key_of(single)["correct"][0]
    choose_radio(page, single, right)
    expect(single.locator(f"input[value='{right}']")).to_be_checked()
    expect(single.locator(".cq-feedback")).to_be_empty()  # arrows select, never submit
    page.keyboard.press("Tab")
    assert focused(page, f"#{single_id} .cq-check")
    page.keyboard.press("Enter")
    feedback = single.locator(".cq-feedback[aria-live='polite']")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text("Review: Chapter 1")
    assert focused(page, f"#{single_id} .cq-feedback"), "focus should land on the feedback"
    expect(single.locator(".cq-retry")).to_be_hidden()  # nothing to try again after a right answer
    expect(single.locator(".cq-mark-right").first).to_contain_text("Your answer, right.")

    # Question 2, answered wrong: Space picks the focused radio.
    tab_to(page, f"#{tf_id} input[type=radio]")
    wrong = 1 - key_of(true_false)["correct"][0]
    choose_radio(page, true_false, wrong)
    expect(true_false.locator(f"input[value='{wrong}']")).to_be_checked()
    tab_to(page, f"#{tf_id} .cq-check")
    page.keyboard.press("Space")
    tf_feedback = true_false.locator(".cq-feedback")
    expect(tf_feedback).to_contain_text("Not quite.")
    expect(tf_feedback).to_contain_text("Right answer:")
    expect(true_false.locator(".cq-mark-wrong").first).to_contain_text("Your answer, wrong.")
    expect(page.locator(".cq-score-value")).to_have_text(f"1 of {total}")
    expect(page.locator(".cq-score-detail")).to_have_text("2 answered")
    assert focused(page, f"#{tf_id} .cq-retry"), "after a wrong answer focus lands on Try again"
    assert len(saved_keys(page)) == 2

    # Reload: both answers, their feedback and the score are still there.
    page.reload()
    expect(page.locator(".cq-score-value")).to_have_text(f"1 of {total}")
    expect(single.locator(".cq-feedback")).to_contain_text("Correct.")
    expect(true_false.locator(".cq-feedback")).to_contain_text("Not quite.")
    expect(single.locator(f"input[value='{right}']")).to_be_checked()

    # Reset asks first: "Keep them" keeps everything.
    tab_to(page, ".cq-reset")
    page.keyboard.press("Enter")
    expect(page.locator(".cq-confirm")).to_be_visible()
    assert focused(page, ".cq-confirm-no"), "the safe choice has the focus"
    page.keyboard.press("Enter")
    expect(page.locator(".cq-status-message")).to_contain_text("kept")
    expect(page.locator(".cq-score-detail")).to_have_text("2 answered")
    assert len(saved_keys(page)) == 2

    # Reset confirmed (keyboard): everything cleared, in the page and in storage, and after a reload.
    assert focused(page, ".cq-reset")
    page.keyboard.press("Enter")
    tab_to(page, ".cq-confirm-yes")
    page.keyboard.press("Enter")
    expect(page.locator(".cq-status-message")).to_contain_text("All answers cleared")
    expect(page.locator(".cq-score-value")).to_have_text(f"0 of {total}")
    expect(single.locator(".cq-feedback")).to_be_empty()
    assert saved_keys(page) == []
    page.reload()
    expect(page.locator(".cq-score-detail")).to_have_text("0 answered")
    expect(single.locator(".cq-check")).to_be_visible()
    assert not log.console_errors and not log.foreign_requests


def test_arrow_keys_never_submit(open_context: OpenContext, site_server: str) -> None:
    page, _ = open_quiz(open_context, site_server)
    for item_type in ("single", "true_false", "multiple", "matching", "short_answer"):
        item = question(page, item_type)
        tab_to(page, f"#{item.get_attribute('id')} :is(input, select)")
        for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft"):
            page.keyboard.press(key)
        expect(item.locator(".cq-feedback")).to_be_empty()
        expect(item.locator(".cq-check")).to_be_visible()
    assert saved_keys(page) == []
    expect(page.locator(".cq-score-detail")).to_have_text("0 answered")


def test_short_answer_ignores_case_accents_and_spaces_and_enter_checks(open_context: OpenContext,
                                                                       site_server: str) -> None:
    page, _ = open_quiz(open_context, site_server)
    item = question(page, "short_answer")
    accepted = key_of(item)["accepted"][0]
    typed = "  " + accepted.upper().replace(" ", "   ").replace("E", "É", 1) + " "
    tab_to(page, f"#{item.get_attribute('id')} input[type=text]")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    expect(item.locator(".cq-feedback")).to_contain_text("Correct.")


def test_ordering_with_move_buttons(open_context: OpenContext, site_server: str) -> None:
    page, _ = open_quiz(open_context, site_server)
    item = question(page, "ordering")
    steps = item.locator(".cq-step")
    count = steps.count()
    for target in range(count):
        order = [int(s) for s in steps.evaluate_all("(els) => els.map((e) => e.dataset.step)")]
        position = order.index(target)
        if position == target:
            continue
        steps.nth(position).locator(".cq-up").focus()
        for _ in range(position - target):
            page.keyboard.press("Enter")
        assert focused(page, ".cq-up"), "focus stays on the moved entry's button"
        expect(item.locator(".cq-feedback")).to_contain_text(f"moved to position {target + 1} of {count}")
    tab_to(page, f"#{item.get_attribute('id')} .cq-check")
    page.keyboard.press("Enter")
    expect(item.locator(".cq-feedback")).to_contain_text("Correct.")
    expect(item.locator(".cq-mark-right")).to_have_count(count)


def test_matching_with_selects_and_arrow_keys(open_context: OpenContext, site_server: str) -> None:
    page, _ = open_quiz(open_context, site_server)
    item = question(page, "matching")
    selects = item.locator("select")
    count = selects.count()
    values = selects.first.evaluate("(s) => Array.from(s.options).map((o) => o.value)")
    for index in range(count):  # every pair right but the last, which gets the first pair's answer
        wanted = str(index) if index < count - 1 else "0"
        selects.nth(index).focus()
        for _ in range(values.index(wanted)):
            page.keyboard.press("ArrowDown")
        expect(selects.nth(index)).to_have_value(wanted)
    expect(item.locator(".cq-feedback")).to_be_empty()
    page.keyboard.press("Tab")
    assert focused(page, f"#{item.get_attribute('id')} .cq-check")
    page.keyboard.press("Enter")
    expect(item.locator(".cq-feedback")).to_contain_text("Not quite.")
    expect(item.locator(".cq-feedback")).to_contain_text(f"{count - 1} of {count} matched correctly.")
    expect(item.locator(".cq-mark-right")).to_have_count(count - 1)
    expect(item.locator(".cq-mark-wrong")).to_have_text(re.compile("Wrong. Right match: .+"))


def test_without_javascript_answers_sit_behind_native_disclosures(open_context: OpenContext,
                                                                  site_server: str) -> None:
    page, _ = open_context(site_server.rstrip("/"), viewport=PHONE, java_script_enabled=False)
    page.goto(site_server + QUIZ)
    first = page.locator(".cq-item").first
    expect(first.locator("legend")).to_be_visible()
    expect(first.locator(".cq-check")).to_be_hidden()
    answer = first.locator("details.cq-answer")
    expect(answer.locator(".cq-answer-line")).to_be_hidden()
    tab_to(page, ".cq-item:first-child summary")
    page.keyboard.press("Enter")
    expect(answer.locator(".cq-answer-line")).to_be_visible()
    expect(answer.locator(".cq-review a")).to_have_attribute("href", re.compile(
        r"^\.\./chapters/01-introduction\.html#[a-z0-9-]+$"))


def test_works_from_file_urls(open_context: OpenContext, built_site: Path) -> None:
    page, log = open_context("file://", viewport=PHONE)
    page.goto((built_site / QUIZ).as_uri())
    item = question(page, "true_false")
    item.locator("input").first.focus()
    page.keyboard.press("Space")
    tab_to(page, f"#{item.get_attribute('id')} .cq-check")
    page.keyboard.press("Enter")
    expect(item.locator(".cq-feedback")).to_contain_text("Review:")
    assert not log.console_errors and not log.foreign_requests
