"""The quiz pages of the public site: quizzes/index.md, one page per chapter bank and quizzes/final.md.

Only `practice` items reach these pages; `exam` items never leave the instructor outputs. The pages are
generated at build time from the banks (a registered page generator), with the site's fixed seed.
"""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank
from coursekit.quiz.render_html import render_quiz_html
from coursekit.quiz.select import SITE_SEED, bank_items
from coursekit.registry import generator

SCRIPT = '<script src="../assets/js/quiz.js" defer></script>'
# Only quiz pages load the widget's stylesheet (see coursekit/theme/main.html, front matter `stylesheets`).
STYLESHEET = "assets/css/quiz.css"
HOW_IT_WORKS = (
    "Choose or type your answer, then press **Check answer**: you get feedback on every option and a link to "
    "the section of the chapter the question tests. Your answers are kept in this browser only, so you can "
    "come back later; **Reset quiz** clears them. Without JavaScript, open **Show answer** under each question."
)


@generator
def quiz_pages(content: CourseContent) -> dict[str, str]:
    banks = load_banks(content)
    pages = {bank.page_uri: quiz_page(bank, content) for bank in banks}
    pages["quizzes/index.md"] = index_page(banks, content)
    return pages


def _front_matter(title: str, description: str) -> str:
    return (f'---\ntitle: "{_yaml_text(title)}"\ndescription: "{_yaml_text(description)}"\n'
            f"stylesheets: [{STYLESHEET}]\n---\n\n")


def _yaml_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _md_text(text: str) -> str:
    """Bank titles go into Markdown headings and links: neutralise the characters Markdown would act on."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in text)


def quiz_page(bank: Bank, content: CourseContent) -> str:
    items = bank_items(bank, content, SITE_SEED, use="practice")
    if bank.chapter is not None:
        chapter = content.chapter(bank.chapter)
        title, heading = f"Quiz: chapter {chapter.number}", f"Chapter {chapter.number} quiz"
        description = (f"{len(items)} practice questions with feedback on chapter {chapter.number}, "
                       f"“{chapter.title}”.")
        intro = (f"Practice questions on [chapter {chapter.number}: {_md_text(chapter.title)}]"
                 f"(../{chapter.src_uri}). Read the chapter first; each answer links back to the section it tests.")
    else:
        title = heading = "Final quiz"
        description = f"{len(items)} practice questions with feedback covering all six chapters of the course."
        links = ", ".join(f"[{c.number}](../{c.src_uri})" for c in content.chapters)
        intro = f"Practice questions across the whole course (chapters {links}), for revision once you have read it."
    return (
        _front_matter(title, description)
        + f"# {heading}: {_md_text(bank.title)}\n\n{intro}\n\n{HOW_IT_WORKS}\n\n"
        + render_quiz_html(bank, items, content)
        + f"\n\n{SCRIPT}\n"
    )


def index_page(banks: list[Bank], content: CourseContent) -> str:
    rows = ["| Quiz | Questions | Chapter |", "| --- | --- | --- |"]
    for bank in banks:
        count = len(bank_items(bank, content, SITE_SEED, use="practice"))
        if bank.chapter is not None:
            chapter = content.chapter(bank.chapter)
            where = f"[{chapter.number}. {_md_text(chapter.title)}](../{chapter.src_uri})"
            name = f"Chapter {chapter.number} quiz"
        else:
            where, name = "all chapters", "Final quiz"
        rows.append(f"| [{name}]({bank.quiz}.md) | {count} | {where} |")
    return (
        _front_matter("Quizzes", "Practice quizzes for every chapter of the course and a final quiz, "
                      "with feedback that sends you back to the right section.")
        + "# Quizzes\n\n"
        "One practice quiz per chapter, and a final quiz across the course. Take a chapter's quiz right after "
        "reading it: the feedback explains every option and links to the section to reread.\n\n"
        + "\n".join(rows)
        + f"\n\n## How the quizzes work {{#how-they-work}}\n\n{HOW_IT_WORKS}\n\n"
        "Everything works with the keyboard alone: Tab moves between questions and buttons, the arrow keys "
        "move within a group of options, Space or Enter presses a button. Feedback is announced to screen readers. "
        "Some questions are generated from the [glossary](../glossary.md) and the [timeline](../timeline.md), so "
        "they always match the course's own data.\n"
    )
