"""The `course check` rule for corrections: no page or quiz item states a corrected claim without the correction.

A page states a claim when one of a correction's `claims` patterns matches a paragraph; the correction is given
when that paragraph, or the one before or after it, matches one of its `shows` patterns (the rendered correction
box always does). A quiz item is one unit: its stem, options and feedback together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from coursekit.content.corrections import CORRECTION_MARKER, Corrections, corrections_of
from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.quiz.bank import bank_problems
from coursekit.registry import Registry


def _records_inline(markdown: str, corrections: Corrections) -> str:
    """Each marker replaced by its record on the same line, so line numbers stay those of the source."""
    return CORRECTION_MARKER.sub(
        lambda m: corrections.get(m.group(1)).record if m.group(1) in corrections else m.group(0), markdown)


def paragraph_problems(text: str, corrections: Corrections, path: Path, first_line: int = 1,
                       item: str | None = None) -> list[Problem]:
    """Paragraphs of `text` that state a corrected claim with no correction in or next to them."""
    problems = []
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?:(?!\n[ \t]*\n)[\s\S])+", text)]
    paragraphs = [text[a:b] for a, b in spans]
    for index, paragraph in enumerate(paragraphs):
        for correction in corrections.items:
            match = correction.states_claim(paragraph)
            if match is None:
                continue
            near = paragraphs[max(0, index - 1): index + 2]
            if any(correction.shows_record(p) for p in near):
                continue
            line = first_line + text.count("\n", 0, spans[index][0] + match.start())
            problems.append(Problem(path, line, f"states the essay's claim “{match.group(0)}” without the "
                                    f"correction '{correction.id}': add <!-- correction:{correction.id} --> "
                                    "or say what the record shows", item))
    return problems


def item_problems(texts: Iterable[str], corrections: Corrections, path: Path, line: int | None,
                  item: str) -> list[Problem]:
    """A quiz item stating a corrected claim must also state the record somewhere in its text."""
    joined = "\n".join(texts)
    problems = []
    for correction in corrections.items:
        match = correction.states_claim(joined)
        if match is not None and not correction.shows_record(joined):
            problems.append(Problem(path, line, f"states the essay's claim “{match.group(0)}” without the "
                                    f"correction '{correction.id}' (say what the record shows in the "
                                    "feedback)", item))
    return problems


def unknown_markers(text: str, corrections: Corrections, path: Path) -> list[Problem]:
    return [Problem(path, text.count("\n", 0, m.start()) + 1, f"unknown correction '{m.group(1)}'")
            for m in CORRECTION_MARKER.finditer(text) if m.group(1) not in corrections]


DATA_PAGES = {"timeline.md", "glossary.md"}


def _data_problems(correction_id: str | None, text: str, corrections: Corrections, path: Path,
                   line: int | None, item: str) -> list[Problem]:
    """A timeline event or glossary entry: its own `correction:` field counts as giving the correction."""
    if correction_id is not None and correction_id not in corrections:
        return [Problem(path, line, f"unknown correction '{correction_id}'", item)]
    if correction_id is not None:
        text += "\n" + corrections.get(correction_id).record
    return item_problems([text], corrections, path, line, item)


def check_uncorrected_claims(content: CourseContent, generated: dict[str, str] | None = None,
                             banks: Iterable[object] | None = None) -> list[Problem]:
    """Every hand-written page, every generated page and every quiz item (see the module docstring)."""
    try:
        corrections = corrections_of(content)
    except ContentError as exc:
        return exc.problems
    problems: list[Problem] = []
    for path in sorted(content.paths.docs.rglob("*.md")):
        if "_data" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        problems += unknown_markers(text, corrections, path)
        problems += paragraph_problems(_records_inline(text, corrections), corrections, path)
    for event in content.timeline.events:
        problems += _data_problems(event.correction, f"{event.when}: {event.event}", corrections,
                                   content.timeline.path, event.line, event.id)
    for term in content.glossary.terms:
        problems += _data_problems(term.correction, term.definition, corrections, content.glossary.path,
                                   term.line, term.id)
    for uri, markdown in (generated or {}).items():
        if uri in DATA_PAGES or uri.startswith("quizzes/"):
            continue  # checked above from their data, with the data's file and line
        problems += paragraph_problems(_records_inline(markdown, corrections), corrections,
                                       content.paths.docs / uri)
    for bank in banks or ():
        for item in bank.items:  # type: ignore[attr-defined]
            texts = [item.stem, item.feedback, *item.sequence, *item.accepted,
                     *(o.text for o in item.options), *(o.feedback for o in item.options),
                     *(p.left for p in item.pairs), *(p.right for p in item.pairs)]
            problems += item_problems(texts, corrections, bank.path, item.line, item.id)  # type: ignore[attr-defined]
    return problems


def _generated_pages(registry: Registry, content: CourseContent) -> dict[str, str]:
    """The pages generated from data, or none when some data is broken (its own checker reports it, once)."""
    try:
        return registry.generated_pages(content)
    except (ContentError, ValueError):  # ValueError: a bank's generator asks for more than the data allows
        return {}


def register(registry: Registry) -> None:
    registry.add_checker(lambda content: check_uncorrected_claims(
        content, _generated_pages(registry, content), bank_problems(content)[0]))
