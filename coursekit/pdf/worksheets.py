"""Quizzes on paper, from the quiz engine (coursekit.quiz): worksheets, exam sheets and answer keys.

Students get each bank's practice items as a worksheet (boxes to tick, blanks, ruled space, no answers).
The instructor edition adds the exam items as sheets to hand out and, in an appendix, the keys of both.
Items come from `bank_items` with the site's seed, so the worksheet asks what the site's quiz asks.
"""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.pdf.htmltree import parse_fragment
from coursekit.pdf.parts import Group, Part
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank
from coursekit.quiz.select import SITE_SEED, bank_items
from coursekit.quiz.worksheet import render_worksheet_html

NAME_LINE = '<p class="ws-name">Name <span class="ws-fill"></span> Date <span class="ws-fill ws-fill-short"></span></p>'


def quiz_page(bank: Bank) -> str:
    """The quiz page in the site: chapters' 'Quiz' links land on the worksheet that replaces it."""
    return f"quizzes/{bank.quiz}.html"


def quiz_name(bank: Bank) -> str:
    return f"Chapter {bank.chapter} quiz" if bank.chapter is not None else "Final quiz"


def sheet(bank: Bank, content: CourseContent, use: str, with_answers: bool, key: str, kind: str,
          heading: str) -> Part | None:
    """One worksheet, exam sheet or key; None when the bank has no items of that use."""
    items = bank_items(bank, content, SITE_SEED, use=use)
    if not items:
        return None
    body = parse_fragment(render_worksheet_html(bank, items, with_answers=with_answers))
    title = f"{quiz_name(bank)}: {bank.title}"
    h2 = body.find(".//h2")
    if h2 is not None:
        h2.text, h2[:] = f"{heading}{title}", []
    worksheet = body.find("section")
    if not with_answers and worksheet is not None and h2 is not None:
        worksheet.insert(list(worksheet).index(h2) + 1, parse_fragment(NAME_LINE)[0])
    return Part(key, f"{heading}{title}", body, kind, running=f"{heading}{quiz_name(bank)}")


def worksheet_group(content: CourseContent) -> Group:
    group = Group("quizzes/index.html", "Worksheets",
                  "Each chapter's practice quiz on paper. Answer in the space given, then check yourself against "
                  "the chapter section each question names, or take the same quiz on the course site for "
                  "feedback.")
    for bank in load_banks(content):
        part = sheet(bank, content, "practice", False, quiz_page(bank), "worksheet", "")
        if part is not None:
            group.parts.append(part)
    return group


def exam_group(content: CourseContent) -> Group:
    group = Group("quizzes/exam.html", "Exam items",
                  "Items kept off the public site, ready to print for a test. Their answers are in the appendix.")
    for bank in load_banks(content):
        part = sheet(bank, content, "exam", False, f"quizzes/{bank.quiz}-exam.html", "worksheet exam", "Exam · ")
        if part is not None:
            group.parts.append(part)
    return group


def key_group(content: CourseContent) -> Group:
    group = Group("quizzes/keys.html", "Appendix: answer keys",
                  "For every quiz, the practice key and then the exam key: the right answers, why each option is "
                  "right or wrong, and the chapter section each question tests.")
    for bank in load_banks(content):
        for use, label in (("practice", "Key · "), ("exam", "Exam key · ")):
            part = sheet(bank, content, use, True, f"quizzes/{bank.quiz}-{use}-key.html", "key", label)
            if part is not None:
                group.parts.append(part)
    return group
