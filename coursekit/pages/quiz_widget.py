"""The quiz widget's HTML: native form controls that work without JavaScript, enhanced by quiz.js.

Without JavaScript each question is a <fieldset> with a <legend>, native inputs, and the answer with its
feedback behind a native <details> "Show answer". docs/assets/js/quiz.js adds checking, per-option feedback,
a score, retry, reset and saved progress; what it needs (right answers and feedback of *practice* items only,
which the page shows anyway) rides in a `data-key` attribute of each question.

Every text from a bank goes through html.escape: a stem containing `<script>` shows as text.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from html import escape
from typing import Any

from coursekit.content.load import CourseContent
from coursekit.quiz.model import TYPE_LABELS, Bank, Item, sentence

ORDER_HELP = " Use the Move up and Move down buttons next to each entry."


def section_label(item: Item, content: CourseContent) -> str:
    """'Chapter 2, “Risse's three preconditions”': where the 'Review' link goes, in words."""
    chapter = content.chapter_by_stem(item.anchor_stem)
    if chapter is None:
        return item.anchor
    heading = chapter.heading_ids.get(item.anchor_id or "")
    if not heading:
        return f"Chapter {chapter.number}: {chapter.title}"
    return f"Chapter {chapter.number}, “{re.sub(r'[*_`]', '', heading).strip()}”"


def render_quiz_html(bank: Bank, items: list[Item], content: CourseContent) -> str:
    """The whole widget for one quiz page (one HTML block, no blank lines, so Markdown leaves it alone)."""
    total = len(items)
    parts = [
        f'<div class="cq-quiz" data-quiz="{escape(bank.quiz)}" data-total="{total}">',
        '<div class="cq-status" hidden>'
        f'<p class="cq-score"><span class="cq-visually-hidden">Score: </span>'
        f'<strong class="cq-score-value">0 of {total}</strong> right · '
        '<span class="cq-score-detail">0 answered</span></p>'
        '<button type="button" class="cq-button cq-reset">Reset quiz</button>'
        '<span class="cq-confirm" hidden><span class="cq-confirm-text">Clear all your answers?</span> '
        '<button type="button" class="cq-button cq-confirm-yes">Clear answers</button> '
        '<button type="button" class="cq-button cq-confirm-no">Keep them</button></span>'
        '<p class="cq-status-message" role="status"></p>'
        "</div>",
        '<ol class="cq-items">',
        *(render_item(item, number, total, content) for number, item in enumerate(items, start=1)),
        "</ol>",
        f'<section class="cq-summary" aria-labelledby="cq-summary-{escape(bank.quiz)}" data-search-exclude>'
        f'<h2 id="cq-summary-{escape(bank.quiz)}">Your result</h2>'
        '<div class="cq-summary-body" role="status"></div></section>',
        "</div>",
    ]
    return "\n".join(parts)


def render_item(item: Item, number: int, total: int, content: CourseContent) -> str:
    """One question: fieldset + actions + live feedback region + no-JS answer."""
    qid = f"q-{item.id}"
    key = escape(json.dumps(item_key(item, content), ensure_ascii=False), quote=True)
    hint = TYPE_LABELS[item.type] + (ORDER_HELP if item.type == "ordering" else "")
    return "\n".join([
        f'<li class="cq-item" id="{escape(qid)}" data-item="{escape(item.id)}" data-type="{item.type}" '
        f'data-rev="{item_revision(item)}" data-key="{key}">',
        '<fieldset class="cq-fieldset">',
        f'<legend class="cq-legend"><span class="cq-number">Question {number} of {total}</span> '
        f'<span class="cq-stem">{escape(item.stem)}</span></legend>',
        f'<p class="cq-hint">{escape(hint)}</p>',
        _controls(item, qid),
        "</fieldset>",
        '<div class="cq-actions" hidden>'
        '<button type="button" class="cq-button cq-check">Check answer</button>'
        '<button type="button" class="cq-button cq-retry" hidden>Try again</button>'
        "</div>",
        '<div class="cq-feedback" aria-live="polite"></div>',
        _answer_details(item, content),
        "</li>",
    ])


def item_revision(item: Item) -> str:
    """A short fingerprint of what a stored answer refers to (type, options, pairs, steps, accepted answers):
    quiz.js drops a saved answer whose question has changed since, instead of showing it against new options."""
    shape = {
        "type": item.type,
        "options": [[o.text, o.correct] for o in item.options],
        "pairs": [[p.left, p.right] for p in item.pairs],
        "sequence": list(item.sequence),
        "accepted": list(item.accepted) if item.type == "short_answer" else [],
    }
    return hashlib.sha256(json.dumps(shape, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def item_key(item: Item, content: CourseContent) -> dict[str, Any]:
    """What quiz.js needs to check an answer and explain it."""
    key: dict[str, Any] = {
        "answer": item.answer_text(),
        "feedback": item.feedback,
        "review": {"href": item.chapter_href("../"), "label": section_label(item, content)},
    }
    if item.options:
        key["correct"] = [i for i, o in enumerate(item.options) if o.correct]
        key["options"] = [o.feedback for o in item.options]
    if item.type == "short_answer":
        key["accepted"] = list(item.accepted)
    return key


def _controls(item: Item, qid: str) -> str:
    if item.type in ("single", "multiple", "true_false"):
        kind = "checkbox" if item.type == "multiple" else "radio"
        rows = [
            f'<li class="cq-option"><input type="{kind}" name="{escape(qid)}" id="{escape(qid)}-{i}" value="{i}">'
            f'<label for="{escape(qid)}-{i}">{escape(o.text)}</label>'
            '<span class="cq-mark" hidden></span></li>'
            for i, o in enumerate(item.options)
        ]
        return '<ul class="cq-options">' + "".join(rows) + "</ul>"
    if item.type == "ordering":
        positions = {text: i for i, text in enumerate(item.sequence)}
        rows = [
            f'<li class="cq-step" data-step="{positions[text]}"><span class="cq-step-text">{escape(text)}</span>'
            '<span class="cq-step-buttons" hidden>'
            f'<button type="button" class="cq-button cq-up" aria-label="Move up: {escape(text)}">Move up</button>'
            f'<button type="button" class="cq-button cq-down" aria-label="Move down: {escape(text)}">Move down</button>'
            '</span><span class="cq-mark" hidden></span></li>'
            for text in item.display or item.sequence
        ]
        return '<ol class="cq-order">' + "".join(rows) + "</ol>"
    if item.type == "matching":
        rights = {p.right: i for i, p in enumerate(item.pairs)}
        choices = '<option value="">Choose…</option>' + "".join(
            f'<option value="{rights[text]}">{escape(text)}</option>' for text in item.display or rights
        )
        rows = [
            f'<li class="cq-pair"><label class="cq-left" for="{escape(qid)}-m{i}">{escape(p.left)}</label>'
            f'<select id="{escape(qid)}-m{i}">{choices}</select><span class="cq-mark" hidden></span></li>'
            for i, p in enumerate(item.pairs)
        ]
        return '<ul class="cq-match">' + "".join(rows) + "</ul>"
    if item.type == "short_answer":
        return (f'<p class="cq-text"><label for="{escape(qid)}-text">Your answer</label>'
                f'<input type="text" id="{escape(qid)}-text" autocomplete="off" spellcheck="false"></p>')
    raise ValueError(f"unknown item type {item.type!r}")


def _answer_details(item: Item, content: CourseContent) -> str:
    """The no-JavaScript answer: right answer, why each option is right or wrong, where to review."""
    body = [f'<p class="cq-answer-line"><strong>Answer:</strong> {escape(item.answer_text())}</p>']
    if item.options:
        rows = "".join(
            f'<li class="{"cq-right" if o.correct else "cq-wrong"}">'
            f'<span class="cq-icon" aria-hidden="true">{"✓" if o.correct else "✗"}</span> '
            f'<strong>{"Right" if o.correct else "Wrong"}:</strong> '
            f"{escape(sentence(o.text))} {escape(o.feedback)}</li>"
            for o in item.options
        )
        body.append(f'<ul class="cq-answer-options">{rows}</ul>')
    if item.feedback:
        body.append(f"<p>{escape(item.feedback)}</p>")
    body.append(review_link(item, content))
    return ('<details class="cq-answer" data-search-exclude><summary>Show answer</summary>'
            f'<div class="cq-answer-body">{"".join(body)}</div></details>')


def review_link(item: Item, content: CourseContent) -> str:
    """Where to review: the tested section, then every further section the item draws on (`see_also`)."""
    links = [item, *(replace(item, anchor=anchor) for anchor in item.see_also)]
    anchors = "; ".join(f'<a href="{escape(i.chapter_href("../"))}">{escape(section_label(i, content))}</a>'
                        for i in links)
    return f'<p class="cq-review">Review: {anchors}</p>'
