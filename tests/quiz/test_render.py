"""Rendering: bank text is always escaped, the widget is accessible without JavaScript, worksheets hide answers."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.pages.quiz_widget import render_quiz_html
from coursekit.pages.quizzes import quiz_page
from coursekit.print.quiz_worksheet import render_worksheet_html
from coursekit.quiz.model import Bank, Item, Option, Pair, normalize_answer

EVIL = '<script>alert("x")</script> & <b>bold</b>'


def item(**fields) -> Item:
    values = dict(id="t-evil", type="single", use="practice", quiz="chapter-2", stem=EVIL,
                  concept="reasoned-consensus", anchor="02-preparedness-to-talk#three-preconditions",
                  options=(Option(EVIL, True, EVIL), Option("plain", False, '"quoted" <i>')))
    values.update(fields)
    return Item(**values)


def all_types() -> list[Item]:
    return [
        item(),
        item(id="t-multi", type="multiple"),
        item(id="t-tf", type="true_false", answer=True,
             options=(Option("True", True, EVIL), Option("False", False, "No."))),
        item(id="t-order", type="ordering", options=(), sequence=(EVIL, "second"), display=("second", EVIL),
             feedback=EVIL),
        item(id="t-match", type="matching", options=(), pairs=(Pair(EVIL, "r1"), Pair("l2", EVIL)),
             display=(EVIL, "r1"), feedback=EVIL),
        item(id="t-short", type="short_answer", options=(), accepted=(EVIL,), feedback=EVIL),
    ]


class Collector(HTMLParser):
    """Tags and text of a fragment, to prove no bank text became markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.labels_for: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag == "label":
            self.labels_for.append(attributes.get("for") or "")
        if tag in ("input", "select") and not attributes.get("id"):
            raise AssertionError(f"unlabelled {tag}")

    def handle_data(self, data: str) -> None:
        self.text += data


def bank() -> Bank:
    return Bank(quiz="chapter-2", title=EVIL, path=Path("chapter-2.yml"))


def test_widget_escapes_every_bank_text(real_content: CourseContent) -> None:
    html = render_quiz_html(bank(), all_types(), real_content)
    parsed = Collector()
    parsed.feed(html)
    assert "script" not in parsed.tags and "b" not in parsed.tags and "i" not in parsed.tags
    assert "<script" not in html and EVIL in parsed.text
    for key in re.findall(r'data-key="([^"]*)"', html):
        assert "<" not in key
    assert not set(parsed.labels_for) - set(parsed.ids), "a label points at no control"


def test_worksheet_escapes_and_hides_answers_unless_asked() -> None:
    items = all_types()
    student = render_worksheet_html(bank(), items, with_answers=False)
    key = render_worksheet_html(bank(), items, with_answers=True)
    for html in (student, key):
        parsed = Collector()
        parsed.feed(html)
        assert "script" not in parsed.tags and "b" not in parsed.tags
    assert "cq-ws-answer" not in student and "☒" not in student and "quoted" not in student
    assert key.count('class="cq-ws-answer"') == len(items) and "☒" in key and "&quot;quoted&quot;" in key


def test_widget_without_javascript_has_fieldsets_and_native_answers(real_content: CourseContent) -> None:
    items = all_types()
    html = render_quiz_html(bank(), items, real_content)
    assert html.count("<fieldset") == html.count("<legend") == len(items)
    assert html.count('<details class="cq-answer" data-search-exclude><summary>Show answer</summary>') == len(items)
    assert html.count('aria-live="polite"') == len(items)
    assert 'href="../chapters/02-preparedness-to-talk.html#three-preconditions"' in html
    assert "Review: <a" in html and "Risse&#x27;s three preconditions" in html


def test_data_key_holds_what_the_script_needs(real_content: CourseContent) -> None:
    html = render_quiz_html(bank(), [item()], real_content)
    raw = re.search(r'data-key="([^"]*)"', html).group(1)
    from html import unescape
    key = json.loads(unescape(raw))
    assert key["correct"] == [0] and key["options"] == [EVIL, '"quoted" <i>']
    assert key["review"]["href"] == "../chapters/02-preparedness-to-talk.html#three-preconditions"


def test_quiz_page_has_front_matter_and_links_back(real_content: CourseContent) -> None:
    from coursekit.quiz.bank import load_banks
    chapter_2 = next(b for b in load_banks(real_content) if b.quiz == "chapter-2")
    page = quiz_page(chapter_2, real_content)
    assert page.startswith('---\ntitle: "Quiz: chapter 2"\ndescription: "')
    assert "(../chapters/02-preparedness-to-talk.md)" in page
    assert page.rstrip().endswith('<script src="../assets/js/quiz.js" defer></script>')


def test_short_answers_ignore_case_accents_and_spaces() -> None:
    assert normalize_answer("  Déjà-VU  ") == normalize_answer("deja-vu")
    assert normalize_answer("European   Neighbourhood\tPolicy.") == "european neighbourhood policy"
    assert normalize_answer("ENP") != normalize_answer("EMP")


def test_a_generated_ordering_item_links_every_event_section(real_content: CourseContent) -> None:
    """Issue 13: the timeline item's answer links the section of each event it orders, not only the first."""
    from coursekit.quiz.bank import load_banks
    from coursekit.quiz.select import bank_items

    final = next(b for b in load_banks(real_content) if b.quiz == "final")
    ordering = next(i for i in bank_items(final, real_content) if i.generator == "timeline-order")
    html = render_quiz_html(final, [ordering], real_content)
    review = re.search(r'<p class="cq-review">Review: (.*?)</p>', html)
    assert review is not None and ordering.see_also
    hrefs = re.findall(r'href="([^"]+)"', review.group(1))
    assert len(hrefs) == 1 + len(ordering.see_also)
    assert all(f"#{anchor.split('#')[1]}" in href for anchor, href in zip(ordering.see_also, hrefs[1:], strict=True))
