"""Printable worksheets: a quiz as a plain HTML fragment for the PDF, the EPUB and `course quiz --format html`.

Public API: `render_worksheet_html(bank, items, with_answers, sections=None, link_prefix=None) -> str` and
`answer_grid_html(...)`. No scripts, no form controls: circles to fill (one answer), squares to tick (every
answer that applies), blanks to fill and ruled space to write, so it prints well. Each option carries its
letter, so a key can say "1-B, 2-A-C". Without answers it is a student worksheet; with answers it is a key
(right answers marked, each option's feedback beside it). Every question names the chapter section it tests
by its title (`sections`: item anchor -> title; a sheet without answers names it only when `sections` is
given, so exam sheets never do); with `link_prefix` the name links to the section, so the PDF can print its
page number. All bank text is escaped.

Class names for print styles: .cq-worksheet, .cq-ws-item, .cq-ws-stem, .cq-ws-hint, .cq-ws-options,
.cq-ws-mark, .cq-ws-letter, .cq-ws-blank, .cq-ws-lines, .cq-ws-answer, .cq-ws-correct, .cq-ws-section,
.cq-ws-grid.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from html import escape

from coursekit.quiz.model import TYPE_LABELS, Bank, Item, answer_marks

BOX, TICKED = "☐", "☒"  # multiple answers: squares
CIRCLE, FILLED = "○", "◉"  # one answer: circles
BLANK = '<span class="cq-ws-blank">____</span>'
LETTERS = string.ascii_uppercase
ONE_ANSWER = frozenset({"single", "true_false"})

# On paper the student writes rather than types or selects.
PRINT_LABELS: dict[str, str] = {
    "single": "Fill in one circle.",
    "true_false": "Fill in one circle.",
    "multiple": "Tick every square that applies.",
    "short_answer": "Write a short answer on the line.",
    "matching": "Match each item on the left with one on the right: write the letter.",
}


def render_worksheet_html(bank: Bank, items: list[Item], with_answers: bool,
                          sections: Mapping[str, str] | None = None, link_prefix: str | None = None) -> str:
    """A printable fragment: the quiz title and its numbered questions, answers only when asked for."""
    heading = escape(bank.title) + (" — answer key" if with_answers else "")
    body = "\n".join(_item(item, n, with_answers, sections, link_prefix) for n, item in enumerate(items, start=1))
    return (f'<section class="cq-worksheet" data-quiz="{escape(bank.quiz)}">\n<h2>{heading}</h2>\n'
            f'<ol class="cq-ws-items">\n{body}\n</ol>\n</section>\n')


def section_title(item: Item, sections: Mapping[str, str]) -> str:
    """'Chapter 4, “Title”' for the section an item tests (the chapter alone when it tests the whole chapter)."""
    title = sections.get(item.anchor) or sections.get(item.anchor_stem)
    return f"Chapter {item.chapter_number}" + (f", “{title}”" if title else "")


def section_html(item: Item, sections: Mapping[str, str], link_prefix: str | None) -> str:
    name = escape(section_title(item, sections))
    if link_prefix is None:
        return name
    return f'<a class="cq-ws-section-link" href="{escape(item.chapter_href(link_prefix))}">{name}</a>'


def _item(item: Item, number: int, with_answers: bool, sections: Mapping[str, str] | None,
          link_prefix: str | None) -> str:
    """One question. A worksheet names the section a question tests only when given `sections` (practice
    worksheets); exam sheets are called without, so a test never points at its answers."""
    parts = [f'<li class="cq-ws-item" id="ws-{escape(item.id)}">',
             f'<p class="cq-ws-stem">{escape(item.stem)}</p>',
             f'<p class="cq-ws-hint">{escape(PRINT_LABELS.get(item.type, TYPE_LABELS[item.type]))}</p>',
             _body(item, with_answers)]
    if with_answers:
        parts.append(_key(item, sections or {}, link_prefix))
    elif sections is not None:
        parts.append(f'<p class="cq-ws-section">Section: {section_html(item, sections, link_prefix)}</p>')
    parts.append("</li>")
    return "\n".join(parts)


def _marks(item: Item) -> tuple[str, str]:
    return (CIRCLE, FILLED) if item.type in ONE_ANSWER else (BOX, TICKED)


def _body(item: Item, with_answers: bool) -> str:
    if item.options:
        empty, marked = _marks(item)
        shape = "circle" if item.type in ONE_ANSWER else "square"
        rows = []
        for index, option in enumerate(item.options):
            right = with_answers and option.correct
            feedback = (f' <span class="cq-ws-feedback">{"Right" if option.correct else "Wrong"}: '
                        f"{escape(option.feedback)}</span>") if with_answers else ""
            css = ' class="cq-ws-correct"' if right else ""
            rows.append(f"<li{css}>"
                        f'<span class="cq-ws-mark">{marked if right else empty}</span> '
                        f'<span class="cq-ws-letter">{LETTERS[index]}.</span> {escape(option.text)}'
                        f"{feedback}</li>")
        return f'<ul class="cq-ws-options cq-ws-{shape}s">{"".join(rows)}</ul>'
    if item.type == "ordering":
        rank = {text: i for i, text in enumerate(item.sequence, start=1)}
        rows = "".join(
            f'<li>{f"<strong>{rank[t]}</strong>" if with_answers else BLANK} {escape(t)}</li>'
            for t in item.display or item.sequence
        )
        hint = f"Number them 1 (first) to {len(item.sequence)}."
        return f'<p class="cq-ws-hint">{hint}</p><ul class="cq-ws-options">{rows}</ul>'
    if item.type == "matching":
        rights = list(item.display or [p.right for p in item.pairs])
        letter_of = {text: LETTERS[i] for i, text in enumerate(rights)}
        lefts = "".join(
            f'<li>{f"<strong>{letter_of[p.right]}</strong>" if with_answers else BLANK} {escape(p.left)}</li>'
            for p in item.pairs
        )
        right_rows = "".join(f"<li>{LETTERS[i]}. {escape(t)}</li>" for i, t in enumerate(rights))
        return (f'<ol class="cq-ws-options">{lefts}</ol>'
                f'<ul class="cq-ws-options cq-ws-choices">{right_rows}</ul>')
    if item.type == "short_answer":
        return "" if with_answers else '<div class="cq-ws-lines" aria-hidden="true"></div>'
    raise ValueError(f"unknown item type {item.type!r}")


def tested_section(item: Item, sections: Mapping[str, str] | None = None) -> str:
    """The key's pointer to what an item tests, by title: 'Tests: chapter 4, “The broker’s deal”'."""
    return f"Tests: {section_title(item, sections or {})}"


def answer_letters(item: Item) -> str:
    """The right answer as a student writes it on this version: 'B', 'A-C', '2-1-3' (ordering), 'B-A' (matching)."""
    return "-".join(answer_marks(item)) or "written"


def _key(item: Item, sections: Mapping[str, str], link_prefix: str | None) -> str:
    lines = [] if item.options else [f"<p><strong>Answer:</strong> {escape(item.answer_text())}</p>"]
    if item.feedback:
        lines.append(f"<p>{escape(item.feedback)}</p>")
    concept = f" · concept: {escape(item.concept)}" if item.concept else ""
    level = f" · level: {escape(item.level)}" if item.level else ""
    lines.append(f'<p class="cq-ws-section">Tests: {section_html(item, sections, link_prefix)}{concept}{level}</p>')
    return f'<div class="cq-ws-answer">{"".join(lines)}</div>'


def level_of(item: Item) -> str:
    """The item's cognitive level (remember / understand / apply / analyse), or '' if the bank gives none."""
    return item.level or ""


def answer_grid_html(items: list[Item], sections: Mapping[str, str], link_prefix: str | None = None,
                     caption: str = "") -> str:
    """A compact grid: question number, the answer in letters, level and section title, one row per item."""
    rows = "".join(
        f'<tr><th scope="row">{n}</th><td class="cq-ws-grid-answer">{escape(answer_letters(item))}</td>'
        f"<td>{escape(level_of(item)) or '–'}</td><td>{section_html(item, sections, link_prefix)}</td></tr>"
        for n, item in enumerate(items, start=1)
    )
    head = '<caption>' + escape(caption) + '</caption>' if caption else ""
    return (f'<table class="cq-ws-grid">{head}<thead><tr><th scope="col">Q</th><th scope="col">Answer</th>'
            f'<th scope="col">Level</th><th scope="col">Section</th></tr></thead><tbody>{rows}</tbody></table>')
