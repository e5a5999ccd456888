"""Answer keys (HTML to print, CSV to sort or import) and the printable exam items of a quiz set.

The HTML reuses the quiz engine's worksheet renderer, so a key shows each question exactly as the worksheet
does, with the right answers marked and the feedback underneath. Every page says it is private.
"""

from __future__ import annotations

import re
import string
from html import escape

from coursekit.csv_output import csv_text
from coursekit.instructors.document import to_html_page
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.print.quiz_worksheet import render_worksheet_html
from coursekit.quiz.model import Bank, Item, answer_marks

PRIVATE = "Instructors only: keep this file out of the course website and away from students."
KEY_COLUMNS = ("quiz", "use", "number", "id", "type", "level", "concept", "anchor", "stem", "options",
               "answer_letters", "answer")
WORKSHEET_CSS = """
body { font-family: "Source Serif 4", Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
  line-height: 1.45; color: #111; }
h1, h2 { font-family: "Source Sans 3", "Helvetica Neue", Arial, sans-serif; }
.private { border: 2px solid #b71c1c; padding: 0.4rem 0.8rem; color: #b71c1c; font-weight: 600; }
.cq-ws-items > li { margin-bottom: 1.2rem; break-inside: avoid; }
.cq-ws-options { list-style: none; padding-left: 0.5rem; }
.cq-ws-hint { color: #555; font-style: italic; margin: 0.2rem 0; }
.cq-ws-correct { font-weight: 700; }
.cq-ws-answer { border-left: 3px solid #2e7d32; padding-left: 0.6rem; margin-top: 0.4rem; }
.cq-ws-lines { height: 4.5em; background: repeating-linear-gradient(transparent 0 1.45em, #999 1.45em 1.5em); }
.variant-head { display: flex; flex-wrap: wrap; gap: 0.3rem 2rem; }
.pagebreak { break-before: page; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
"""


def letters(item: Item) -> str:
    """The right answer in the letters or numbers a student writes on this version of the item."""
    return ", ".join(answer_marks(item))


def option_list(item: Item) -> str:
    abc = string.ascii_uppercase
    if item.options:
        return " | ".join(f"{abc[i]}. {o.text}" for i, o in enumerate(item.options))
    if item.type == "ordering":
        return " | ".join(item.display or item.sequence)
    if item.type == "matching":
        rights = item.display or tuple(p.right for p in item.pairs)
        return " | ".join(f"{abc[i]}. {r}" for i, r in enumerate(rights))
    return ""


def key_csv(quiz_set: QuizSet) -> str:
    return csv_text(KEY_COLUMNS, ([quiz_set.bank.quiz, quiz_set.use, number, item.id, item.type, item.level or "",
                                   item.concept or "", item.anchor, item.stem, option_list(item), letters(item),
                                   item.answer_text()]
                                  for number, item in enumerate(quiz_set.items, start=1)))


def worksheet_fragment(bank: Bank, items: list[Item], with_answers: bool) -> str:
    """The quiz engine's worksheet without its own heading (our pages give their own <h1>)."""
    html = render_worksheet_html(bank, items, with_answers)
    return re.sub(r"<h2>.*?</h2>\n?", "", html, count=1)


def worksheet_page(quiz_set: QuizSet, with_answers: bool) -> str:
    """A standalone, printable page: the key (with answers) or the exam items (without)."""
    kind = "answer key" if with_answers else "questions"
    title = f"{quiz_set.title}: {kind}"
    if quiz_set.items:
        body = worksheet_fragment(quiz_set.bank, list(quiz_set.items), with_answers)
    else:
        body = f"<p>This quiz has no {escape(quiz_set.use)} items.</p>"
    return to_html_page(title, f'<h1>{escape(title)}</h1>\n<p class="private">{PRIVATE}</p>\n{body}',
                        WORKSHEET_CSS)
