"""The quizzes the instructor outputs cover: every bank, split into its practice and its exam items.

Items are taken exactly as the site takes them (`bank_items` with the site's seed), so an answer key
describes the very questions students see on the site, and exam items come from the same banks.
"""

from __future__ import annotations

from dataclasses import dataclass

from coursekit.content.load import CourseContent
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import USES, Bank, Item
from coursekit.quiz.select import SITE_SEED, bank_items


@dataclass(frozen=True)
class QuizSet:
    """The items of one quiz for one use, e.g. the exam items of chapter-2."""

    bank: Bank
    use: str
    items: tuple[Item, ...]

    @property
    def name(self) -> str:
        """'chapter-2-exam': the stem of every file made from this set."""
        return f"{self.bank.quiz}-{self.use}"

    @property
    def title(self) -> str:
        return f"{self.bank.title} ({self.use})"


def quiz_sets(content: CourseContent, seed: int | str = SITE_SEED) -> list[QuizSet]:
    """Every bank's practice set and exam set, in quiz order (chapter-1 .. chapter-6, final)."""
    sets = []
    for bank in load_banks(content):
        items = bank_items(bank, content, seed)
        for use in USES:
            sets.append(QuizSet(bank, use, tuple(i for i in items if i.use == use)))
    return sets


def exam_items(content: CourseContent) -> list[Item]:
    """Every exam item of every bank: what must never reach the public site."""
    return [item for qs in quiz_sets(content) if qs.use == "exam" for item in qs.items]
