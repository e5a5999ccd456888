"""GIFT export of a quiz set: one question per item, right answers marked with `=` (or a weight).

GIFT has no ordering question, so ordering items are left out and reported. Question and option texts are
marked `[html]` and HTML-escaped, so markup in a stem shows as text (and `->`, which GIFT reads as a matching
pair, cannot occur: `>` is an entity); a leading `%`, which GIFT reads as a grade weight, becomes `&#37;`.
GIFT's own control characters (~ = # { } : and the backslash) are escaped everywhere. Accepted short answers
are plain text that Moodle compares as written: GIFT has no way to write `->` or a leading `%NN%` in them, so
such an answer is left out (and the item too if none is left) and the report says so.
tests/instructors/test_lms_round_trip.py parses every export with gift-pegjs, an independent GIFT parser.
"""

from __future__ import annotations

import re
from html import escape

from coursekit.instructors.fractions import share
from coursekit.instructors.limits import CHANGED, LEFT_OUT, Limitation
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.quiz.model import Item

FORMAT = "GIFT"
_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    """One line of text with GIFT's control characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _html(text: str) -> str:
    html = escape(text, quote=False)
    return gift_escape("&#37;" + html[1:] if html.startswith("%") else html)


def plain_answer_problem(text: str) -> str | None:
    """Why GIFT cannot carry an accepted answer as written, or None when it can."""
    if "->" in text:
        return "GIFT reads '->' as a matching pair and has no escape for it"
    if text.lstrip().startswith("%"):
        return "GIFT reads a leading '%' as a grade weight and has no escape for it"
    return None


def _feedback(text: str) -> str:
    return f"#{_html(text)}" if text else ""


def _general(item: Item) -> str:
    return f"####{_html(item.feedback)}" if item.feedback else ""


def _answers(item: Item) -> str | None:
    if item.type == "single":
        return " ".join(("=" if o.correct else "~") + _html(o.text) + _feedback(o.feedback) for o in item.options)
    if item.type == "multiple":
        right = [o for o in item.options if o.correct]
        wrong = [o for o in item.options if not o.correct]
        plus, minus = share(len(right)), share(len(wrong)) if wrong else "0"
        if plus is None or minus is None:
            return None
        return " ".join(f"~%{plus if o.correct else '-' + minus}%" + _html(o.text) + _feedback(o.feedback)
                        for o in item.options)
    if item.type == "true_false":
        right = next(o for o in item.options if o.correct)
        wrong = next(o for o in item.options if not o.correct)
        # GIFT: the first feedback is shown for a wrong answer, the second for the right one.
        return f"{'TRUE' if item.answer else 'FALSE'}#{_html(wrong.feedback)}#{_html(right.feedback)}"
    if item.type == "matching":
        return " ".join(f"={_html(p.left)} -> {gift_escape(p.right)}" for p in item.pairs)
    if item.type == "short_answer":
        usable = [a for a in item.accepted if plain_answer_problem(a) is None]
        return " ".join("=" + gift_escape(a) for a in usable) or None
    return None


def gift_text(quiz_set: QuizSet) -> tuple[str, list[Limitation]]:
    """The quiz set in GIFT, and what it could not carry."""
    limits: list[Limitation] = []
    blocks = [f"// {quiz_set.title}: {len(quiz_set.items)} items; import into Moodle as GIFT.",
              f"$CATEGORY: $course$/{gift_escape(quiz_set.bank.title)}/{quiz_set.use}", ""]
    for item in quiz_set.items:
        if item.type == "ordering":
            limits.append(Limitation(FORMAT, quiz_set.name, item.id, item.type, LEFT_OUT,
                                     "GIFT has no ordering question type"))
            continue
        answers = _answers(item)
        unusable = [f"{a!r}: {why}" for a in item.accepted if (why := plain_answer_problem(a))]
        if answers is None:
            reason = ("; ".join(unusable) if item.type == "short_answer" and unusable
                      else "no grade percentages GIFT accepts for this number of answers")
            limits.append(Limitation(FORMAT, quiz_set.name, item.id, item.type, LEFT_OUT, reason))
            continue
        if item.type == "short_answer":
            limits.append(Limitation(FORMAT, quiz_set.name, item.id, item.type, CHANGED,
                                     "answers are compared without case but with accents and punctuation"
                                     + "".join(f"; accepted answer left out: {u}" for u in unusable)))
        labels = (f"concept:{item.concept}" if item.concept else "", f"level:{item.level}" if item.level else "")
        tags = "".join(f" [tag:{label}]" for label in labels if label)  # ids and levels: no GIFT special chars
        if tags:  # Moodle's GIFT import reads [tag:...] in the comment line before a question
            blocks.append(f"//{tags}")
        blocks += [f"::{gift_escape(item.id)}::[html]{_html(item.stem)} {{{answers}{_general(item)}}}", ""]
    return "\n".join(blocks), limits
