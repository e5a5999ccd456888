"""The quiz pages of the public site: quizzes/index.md, one page per chapter bank and quizzes/final.md.

Only `practice` items reach these pages; `exam` items never leave the instructor outputs. The pages are
generated at build time from the banks (a registered page generator), with the site's fixed seed.
"""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.pages.quiz_widget import render_quiz_html
from coursekit.pages.text import md_literal, yaml_string
from coursekit.pages.wording import number_word
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank
from coursekit.quiz.select import SITE_SEED, bank_items
from coursekit.registry import Registry

SCRIPT = '<script src="../assets/js/quiz.js" defer></script>'
# Only quiz pages load the widget's stylesheet (see coursekit/theme/main.html, front matter `stylesheets`).
STYLESHEET = "assets/css/quiz.css"
HOW_IT_WORKS = (
    "Choose or type your answer, then press **Check answer**: you get feedback on every option and a link to "
    "the section of the chapter the question tests. The options come in a new order for each attempt. Your "
    "answers are kept in this browser only, so you can come back later; once all are answered, a summary "
    "lists the sections to review. **Reset quiz** asks first, then clears them for a new attempt. Without "
    "JavaScript, open **Show answer** under each question."
)
# Said instead of HOW_IT_WORKS when the page is printed (course.css hides .course-screen-only in print).
ON_PAPER = ("On paper: circle or write your answer for each question; the chapter the question tests is "
            "named in the online version of this quiz.")


def how_it_works() -> str:
    return (f'<div class="course-screen-only" markdown>\n{HOW_IT_WORKS}\n</div>\n\n'
            f'<p class="course-print-only">{ON_PAPER}</p>')


def quiz_pages(content: CourseContent) -> dict[str, str]:
    banks = load_banks(content)
    pages = {bank.page_uri: quiz_page(bank, content) for bank in banks}
    pages["quizzes/index.md"] = index_page(banks, content)
    return pages


def _front_matter(title: str, description: str) -> str:
    return (f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n"
            f"stylesheets: [{STYLESHEET}]\n---\n\n")


def quiz_page(bank: Bank, content: CourseContent) -> str:
    items = bank_items(bank, content, SITE_SEED, use="practice")
    if bank.chapter is not None:
        chapter = content.chapter(bank.chapter)
        title, heading = f"Quiz: chapter {chapter.number}", f"Chapter {chapter.number} quiz"
        description = (f"{len(items)} practice questions with feedback on chapter {chapter.number}, "
                       f"“{chapter.title}”.")
        intro = (f"Practice questions on [chapter {chapter.number}: {md_literal(chapter.title)}]"
                 f"(../{chapter.src_uri}). Read the chapter first; each answer links back to the section it tests.")
    else:
        title = heading = "Final quiz"
        description = (f"{len(items)} practice questions with feedback covering all "
                       f"{number_word(len(content.chapters))} chapters of the course.")
        links = ", ".join(f"[{c.number}](../{c.src_uri})" for c in content.chapters)
        intro = f"Practice questions across the whole course (chapters {links}), for revision once you have read it."
    return (
        _front_matter(title, description)
        + f"# {heading}: {md_literal(bank.title)}\n\n{intro}\n\n{how_it_works()}\n\n"
        + render_quiz_html(bank, items, content)
        + f"\n\n{SCRIPT}\n"
    )


def index_page(banks: list[Bank], content: CourseContent) -> str:
    rows = []  # a list, not a table: it fits a phone, and each quiz's progress sits under its name
    for bank in banks:
        count = len(bank_items(bank, content, SITE_SEED, use="practice"))
        if bank.chapter is not None:
            chapter = content.chapter(bank.chapter)
            where = f"[{chapter.number}. {md_literal(chapter.title)}](../{chapter.src_uri})"
            name = f"Chapter {chapter.number} quiz"
            number = f' data-chapter="{chapter.number}"'
        else:
            where, name, number = "all chapters", "Final quiz", ""
        badge = f'<span class="course-progress"{number} data-quiz="{bank.quiz}" hidden></span>'
        rows.append(f"- **[{name}]({bank.quiz}.md)**: {count} questions on {where}  \n  {badge}")
    return (
        _front_matter("Quizzes", "Practice quizzes for every chapter of the course and a final quiz, "
                      "with feedback that sends you back to the right section.")
        + "# Quizzes\n\n"
        "One practice quiz per chapter, and a final quiz across the course. Take a chapter's quiz right after "
        "reading it: the feedback explains every option and links to the section to reread.\n\n"
        + "\n".join(rows)
        + "\n\n## Your progress {#your-progress}\n\n"
        "Your answers and the chapters you mark as read are kept in this browser only. To hand your progress "
        "in, or to carry on on another device, export it to a small file and import it there.\n\n"
        '<div class="course-transfer" hidden></div>\n\n'
        f"## How the quizzes work {{#how-they-work}}\n\n{HOW_IT_WORKS}\n\n"
        "Everything works with the keyboard alone: Tab moves between questions and buttons, the arrow keys "
        "move within a group of options, Space or Enter presses a button. Feedback is announced to screen readers. "
        "Some questions are generated from the [glossary](../glossary.md) and the [timeline](../timeline.md), so "
        "they always match the course's own data.\n"
    )


def register(registry: Registry) -> None:
    registry.add_page_generator(quiz_pages)
