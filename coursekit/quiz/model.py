"""The typed shape of a question bank and its items: what the site, worksheets, keys and LMS exports read.

Every output reads these dataclasses, never the YAML, so a field means the same thing everywhere.

An `Item` carries everything an export needs:

- `type` is one of `ITEM_TYPES`; `use` is `practice` (public site) or `exam` (instructor outputs only).
- `single`, `multiple`, `true_false`: `options` (in presentation order), each with `correct` and `feedback`.
  For `true_false`, `options` is always ("True", "False") and `answer` holds the boolean.
- `ordering`: `sequence` is the right order; `display` the shuffled order students see.
- `matching`: `pairs` (left -> right, right answers); `display` the right-hand texts in the order shown.
- `short_answer`: `accepted` answers, compared with `normalize_answer`.
- `feedback` is the general feedback (ordering, matching, short answer; empty otherwise).
- `level` is the cognitive level the item tests (one of `LEVELS`, Bloom's revised taxonomy).
- `see_also`: further anchors the item draws on (a generated ordering item links every event's section).
- `concept` is a glossary id (None only for generated timeline items without a linked term);
  `anchor` is `chapter-file-stem#heading-id` (or just the stem when no section applies).
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ItemType = Literal["single", "multiple", "true_false", "ordering", "matching", "short_answer"]
Use = Literal["practice", "exam"]

ITEM_TYPES: tuple[str, ...] = ("single", "multiple", "true_false", "ordering", "matching", "short_answer")
USES: tuple[str, ...] = ("practice", "exam")
# Bloom's revised taxonomy, the levels an item may test (CONTRIBUTING.md, "Cognitive level").
LEVELS: tuple[str, ...] = ("remember", "understand", "apply", "analyse")
UNDERSTAND_OR_ABOVE: frozenset[str] = frozenset(LEVELS[1:])
FINAL_QUIZ = "final"
# A bank's `quiz`: one per chapter (as many as the course has) plus the final quiz.
QUIZ_PATTERN = r"^(?:chapter-[1-9][0-9]*|final)$"


def quiz_ids(chapter_count: int) -> tuple[str, ...]:
    """The quizzes of a course with this many chapters, in order: chapter-1 .. chapter-N, final."""
    return (*(f"chapter-{n}" for n in range(1, chapter_count + 1)), FINAL_QUIZ)
ANCHOR_PATTERN = r"^[0-9]{2}-[a-z0-9-]+(?:#[A-Za-z0-9_-]+)?$"

TYPE_LABELS: dict[str, str] = {
    "single": "Choose one answer.",
    "multiple": "Choose every answer that applies.",
    "true_false": "True or false?",
    "ordering": "Put these in the right order, earliest or first at the top.",
    "matching": "Match each item on the left with one on the right.",
    "short_answer": "Type a short answer.",
}


@dataclass(frozen=True)
class Option:
    """One answer option of a choice item, with the feedback a student sees when it is chosen."""

    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Pair:
    """One left -> right pair of a matching item."""

    left: str
    right: str


@dataclass(frozen=True)
class Item:
    """One question, hand-written or generated; see the module docstring for which fields each type uses."""

    id: str
    type: str
    use: str
    quiz: str
    stem: str
    concept: str | None
    anchor: str
    options: tuple[Option, ...] = ()
    answer: bool | None = None
    sequence: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    accepted: tuple[str, ...] = ()
    display: tuple[str, ...] = ()
    feedback: str = ""
    see_also: tuple[str, ...] = ()
    generator: str | None = None
    level: str | None = None
    path: Path | None = None
    line: int | None = None

    @property
    def anchor_stem(self) -> str:
        """The chapter file stem the item tests, e.g. `02-preparedness-to-talk`."""
        return self.anchor.split("#", 1)[0]

    @property
    def anchor_id(self) -> str | None:
        """The heading id the item tests, or None when it tests the chapter as a whole."""
        parts = self.anchor.split("#", 1)
        return parts[1] if len(parts) == 2 else None

    @property
    def chapter_number(self) -> int:
        return int(self.anchor[:2])

    def chapter_href(self, prefix: str = "../") -> str:
        """The built URL of the tested section, relative to a page `prefix` away from the docs root."""
        fragment = f"#{self.anchor_id}" if self.anchor_id else ""
        return f"{prefix}chapters/{self.anchor_stem}.html{fragment}"

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.correct)

    @property
    def is_generated(self) -> bool:
        return self.generator is not None

    def answer_text(self) -> str:
        """The right answer in one line of plain text, for answer keys and the 'Show answer' box."""
        if self.type in ("single", "true_false"):
            return self.correct_options[0].text
        if self.type == "multiple":
            return "; ".join(o.text.rstrip(".") for o in self.correct_options)
        if self.type == "ordering":
            return " → ".join(s.rstrip(".") for s in self.sequence)
        if self.type == "matching":
            return "; ".join(f"{p.left} → {p.right.rstrip('.')}" for p in self.pairs)
        if self.type == "short_answer":
            return " / ".join(self.accepted)
        raise ValueError(f"unknown item type {self.type!r}")


@dataclass(frozen=True)
class GenerateRequest:
    """A bank's request for `count` generated items of one generator."""

    generator: str
    use: str
    count: int
    line: int | None = None


@dataclass(frozen=True)
class Bank:
    """One question bank file: its hand-written items and its generation requests."""

    quiz: str
    title: str
    path: Path
    items: tuple[Item, ...] = ()
    generate: tuple[GenerateRequest, ...] = field(default_factory=tuple)

    @property
    def chapter(self) -> int | None:
        """The chapter number of a chapter bank; None for the final, cumulative bank."""
        return int(self.quiz.removeprefix("chapter-")) if self.quiz.startswith("chapter-") else None

    @property
    def page_uri(self) -> str:
        return f"quizzes/{self.quiz}.md"


def sentence(text: str) -> str:
    """Text ending with punctuation, so 'option. feedback' never reads 'option.. feedback'."""
    text = text.strip()
    return text if text[-1:] in ".?!…" else text + "."


def normalize_answer(text: str) -> str:
    """Short answers are compared without case, accents or extra spaces (quiz.js does the same)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split()).strip(" .,;:!?\"'“”‘’")


def answer_marks(item: Item) -> list[str]:
    """The right answer as the marks a student writes on this version of the item: option letters, step positions
    (ordering) or the letters of the right-hand answers (matching); empty for a written answer."""
    letters = string.ascii_uppercase
    if item.options:
        return [letters[i] for i, o in enumerate(item.options) if o.correct]
    if item.type == "ordering":
        return [str(item.sequence.index(step) + 1) for step in item.display or item.sequence]
    if item.type == "matching":
        rights = list(item.display or [p.right for p in item.pairs])
        return [letters[rights.index(p.right)] for p in item.pairs]
    return []
