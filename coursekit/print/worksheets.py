"""Quizzes on paper, from the quiz engine (coursekit.quiz): worksheets, exam sheets, answer grids and keys.

Students get each bank's practice items as a worksheet (circles and squares, blanks, ruled space, no answers)
and, at the end of their edition, the practice key: an answer grid per quiz, then every question with the
right answer marked and why each option is right or wrong. The instructor edition adds the exam items as
sheets to hand out and, in an appendix, the grids and keys of both. Every question names the section it
tests by title; the print CSS adds its page number. Items come from `bank_items` with the site's seed, so the
worksheet asks what the site's quiz asks. Exam items never enter the student edition.
"""

from __future__ import annotations

from html import escape

from coursekit.content.load import CourseContent
from coursekit.print.htmltree import parse_fragment
from coursekit.print.parts import Group, Part
from coursekit.print.quiz_worksheet import answer_grid_html, render_worksheet_html
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank, Item
from coursekit.quiz.select import SITE_SEED, bank_items

NAME_LINE = '<p class="ws-name">Name <span class="ws-fill"></span> Date <span class="ws-fill ws-fill-short"></span></p>'
LINK_PREFIX = "../"  # worksheet parts sit at quizzes/…, one folder down like the site's quiz pages
USE_LABELS = {"practice": "practice", "exam": "exam"}


def quiz_page(bank: Bank) -> str:
    """The quiz page in the site: chapters' 'Quiz' links land on the worksheet that replaces it."""
    return f"quizzes/{bank.quiz}.html"


def quiz_name(bank: Bank) -> str:
    return f"Chapter {bank.chapter} quiz" if bank.chapter is not None else "Final quiz"


def section_titles(content: CourseContent) -> dict[str, str]:
    """Item anchor -> section title: 'STEM#id' for a section, 'STEM' for a whole chapter."""
    titles: dict[str, str] = {}
    for chapter in content.chapters:
        titles[chapter.stem] = chapter.title
        for heading_id, text in chapter.heading_ids.items():
            titles[f"{chapter.stem}#{heading_id}"] = text
    return titles


def website_sentence(site_url: str) -> str:
    """Where the same quizzes run with instant feedback, with the course's address when it is known."""
    where = f"the course website, {site_url}" if site_url else "the course website"
    return f"The same quizzes, with instant feedback on every answer, are on {where}."


def sheet(bank: Bank, items: list[Item], content: CourseContent, with_answers: bool, key: str, kind: str,
          heading: str, name_sections: bool = True) -> Part:
    """One worksheet, exam sheet (`name_sections=False`: a test does not point at its answers) or detailed key."""
    titles = section_titles(content) if name_sections or with_answers else None
    html = render_worksheet_html(bank, items, with_answers, titles, LINK_PREFIX)
    body = parse_fragment(html)
    title = f"{quiz_name(bank)}: {bank.title}"
    h2 = body.find(".//h2")
    if h2 is not None:
        h2.text, h2[:] = f"{heading}{title}", []
    worksheet = body.find("section")
    if not with_answers and worksheet is not None and h2 is not None:
        worksheet.insert(list(worksheet).index(h2) + 1, parse_fragment(NAME_LINE)[0])
    return Part(key, f"{heading}{title}", body, kind, running=f"{heading}{quiz_name(bank)}")


def banks_with(content: CourseContent, use: str) -> list[tuple[Bank, list[Item]]]:
    found = [(bank, bank_items(bank, content, SITE_SEED, use=use)) for bank in load_banks(content)]
    return [(bank, items) for bank, items in found if items]


def worksheet_group(content: CourseContent, site_url: str) -> Group:
    group = Group("quizzes/index.html", "Worksheets",
                  "Each chapter’s practice quiz on paper. Fill in one circle where a question has one answer and "
                  "tick every square that applies where it may have several. Each question names the chapter "
                  "section it tests (on paper, with its page): reread it, then check yourself against the answer "
                  f"key at the end of this edition. {website_sentence(site_url)}")
    for bank, items in banks_with(content, "practice"):
        group.parts.append(sheet(bank, items, content, False, quiz_page(bank), "worksheet", ""))
    return group


def exam_group(content: CourseContent) -> Group:
    group = Group("quizzes/exam.html", "Exam items",
                  "Items kept off the public site, ready to print for a test. Their answers are in the appendix.")
    for bank, items in banks_with(content, "exam"):
        group.parts.append(sheet(bank, items, content, False, f"quizzes/{bank.quiz}-exam.html", "worksheet exam",
                                 "Exam · ", name_sections=False))
    return group


def grids_part(content: CourseContent, uses: tuple[str, ...], key: str) -> Part:
    """Every quiz's answer grid on a few pages, for marking a stack of worksheets at a glance."""
    titles = section_titles(content)
    tables = []
    for use in uses:
        for bank, items in banks_with(content, use):
            caption = f"{quiz_name(bank)}: {bank.title} ({USE_LABELS[use]} items)"
            tables.append(answer_grid_html(items, titles, LINK_PREFIX, caption))
    intro = ("One row per question: the letters of the right options (A-C means A and C), the order of the "
             "numbered steps, or the letters of the matches; the cognitive level where the bank gives one; "
             "and the section the question tests.")
    title = "Answer grids"
    body = parse_fragment(f'<section class="cq-ws-grids"><h2>{escape(title)}</h2><p>{escape(intro)}</p>'
                          f'{"".join(tables)}</section>')
    return Part(key, title, body, "key grids", running=title)


def key_group(content: CourseContent, uses: tuple[str, ...] = ("practice", "exam")) -> Group:
    """The answer grids, then each quiz's detailed key(s); the student edition passes uses=('practice',)."""
    students = uses == ("practice",)
    group = Group("quizzes/keys.html", "Appendix: answer key" if students else "Appendix: answer keys",
                  "First a grid of the right answers for every quiz, then each question with the right answer "
                  "marked, why each option is right or wrong, and the section it tests."
                  + ("" if students else " Practice keys come before exam keys."))
    group.parts.append(grids_part(content, uses, "quizzes/answer-grids.html"))
    labels = {"practice": "Key · ", "exam": "Exam key · "}
    for use in uses:
        for bank, items in banks_with(content, use):
            group.parts.append(sheet(bank, items, content, True, f"quizzes/{bank.quiz}-{use}-key.html", "key",
                                     labels[use]))
    return group
