"""Printable worksheets: a quiz as a plain HTML fragment for the PDF (and `course quiz --format html`).

Public API: `render_worksheet_html(bank, items, with_answers) -> str`. No scripts, no form controls: boxes to
tick, blanks to fill and ruled space to write, so it prints well. Without answers it is a student worksheet;
with answers it is a key (right answers marked, feedback under each question). All bank text is escaped.

Class names for print styles: .cq-worksheet, .cq-ws-item, .cq-ws-stem, .cq-ws-hint, .cq-ws-options,
.cq-ws-box, .cq-ws-blank, .cq-ws-lines, .cq-ws-answer, .cq-ws-correct.
"""

from __future__ import annotations

import string
from html import escape

from coursekit.quiz.model import TYPE_LABELS, Bank, Item, sentence

BOX, TICKED = "☐", "☒"
BLANK = '<span class="cq-ws-blank">____</span>'


# On paper the student writes rather than types or selects.
PRINT_LABELS: dict[str, str] = {
    "short_answer": "Write a short answer on the line.",
    "matching": "Match each item on the left with one on the right: write the letter.",
}


def render_worksheet_html(bank: Bank, items: list[Item], with_answers: bool) -> str:
    """A printable fragment: the quiz title and its numbered questions, answers only when asked for."""
    heading = escape(bank.title) + (" — answer key" if with_answers else "")
    body = "\n".join(_item(item, n, with_answers) for n, item in enumerate(items, start=1))
    return (f'<section class="cq-worksheet" data-quiz="{escape(bank.quiz)}">\n<h2>{heading}</h2>\n'
            f'<ol class="cq-ws-items">\n{body}\n</ol>\n</section>\n')


def _item(item: Item, number: int, with_answers: bool) -> str:
    parts = [f'<li class="cq-ws-item" id="ws-{escape(item.id)}">',
             f'<p class="cq-ws-stem">{escape(item.stem)}</p>',
             f'<p class="cq-ws-hint">{escape(PRINT_LABELS.get(item.type, TYPE_LABELS[item.type]))}</p>',
             _body(item, with_answers)]
    if with_answers:
        parts.append(_key(item))
    parts.append("</li>")
    return "\n".join(parts)


def _body(item: Item, with_answers: bool) -> str:
    if item.options:
        rows = "".join(
            (f'<li class="cq-ws-correct"><span class="cq-ws-box">{TICKED}</span> ' if with_answers and o.correct
             else f'<li><span class="cq-ws-box">{BOX}</span> ') + f"{escape(o.text)}</li>"
            for o in item.options
        )
        return f'<ul class="cq-ws-options">{rows}</ul>'
    if item.type == "ordering":
        rank = {text: i for i, text in enumerate(item.sequence, start=1)}
        rows = "".join(
            f'<li>{f"<strong>{rank[t]}</strong>" if with_answers else BLANK} {escape(t)}</li>'
            for t in item.display or item.sequence
        )
        hint = f"Number them 1 (first) to {len(item.sequence)}."
        return f'<p class="cq-ws-hint">{hint}</p><ul class="cq-ws-options">{rows}</ul>'
    if item.type == "matching":
        letters = string.ascii_uppercase
        rights = list(item.display or [p.right for p in item.pairs])
        letter_of = {text: letters[i] for i, text in enumerate(rights)}
        lefts = "".join(
            f'<li>{f"<strong>{letter_of[p.right]}</strong>" if with_answers else BLANK} {escape(p.left)}</li>'
            for p in item.pairs
        )
        right_rows = "".join(f"<li>{letters[i]}. {escape(t)}</li>" for i, t in enumerate(rights))
        return (f'<ol class="cq-ws-options">{lefts}</ol>'
                f'<ul class="cq-ws-options cq-ws-choices">{right_rows}</ul>')
    if item.type == "short_answer":
        return '<div class="cq-ws-lines" aria-hidden="true"></div>'
    raise ValueError(f"unknown item type {item.type!r}")


def tested_section(item: Item) -> str:
    """The key's pointer to what an item tests: 'Tests: chapter 4, section #broker-a-deal'."""
    return f"Tests: chapter {item.chapter_number}" + (f", section #{item.anchor_id}" if item.anchor_id else "")


def _key(item: Item) -> str:
    lines = [f"<p><strong>Answer:</strong> {escape(item.answer_text())}</p>"]
    for option in item.options:
        mark = "Right" if option.correct else "Wrong"
        lines.append(f"<p>{mark}: {escape(sentence(option.text))} {escape(option.feedback)}</p>")
    if item.feedback:
        lines.append(f"<p>{escape(item.feedback)}</p>")
    concept = f" · concept: {escape(item.concept)}" if item.concept else ""
    lines.append(f"<p>{escape(tested_section(item))}{concept}</p>")
    return f'<div class="cq-ws-answer">{"".join(lines)}</div>'
