"""Which items a quiz shows and in what order: hand-written + generated, practice/exam split, seeded shuffles.

Public API:

- `bank_items(bank, content, seed, use=None) -> list[Item]`: the bank's hand-written items (author order)
  followed by its generated ones, each arranged for presentation (options shuffled, ordering and matching
  `display` set), filtered to `use` ("practice" or "exam") when given. The same seed always gives the same list.
- `quiz_rng(seed, *salt)`, `shuffled(values, rng)`, `arrange(item, seed)`: the shuffles, reusable for
  instructor variants (a variant is just another seed).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from coursekit.content.load import CourseContent
from coursekit.quiz.generate import generate
from coursekit.quiz.model import Bank, Item

SITE_SEED = 2021  # the seed of the public site's quizzes; variants use other seeds
T = TypeVar("T")


def quiz_rng(seed: int | str, *salt: str) -> random.Random:
    """A generator seeded by the seed and what it is for, e.g. quiz_rng(7, "chapter-2", item.id)."""
    return random.Random(":".join([str(seed), *salt]))


def shuffled(values: Sequence[T], rng: random.Random, avoid_identity: bool = False) -> list[T]:
    """A shuffled copy; with `avoid_identity`, never the original order (when there are two distinct values)."""
    result = list(values)
    for _ in range(20):
        rng.shuffle(result)
        if not avoid_identity or result != list(values) or len(set(values)) < 2:
            break
    if avoid_identity and result == list(values) and len(result) > 1:
        result = result[1:] + result[:1]
    return result


def arrange(item: Item, seed: int | str) -> Item:
    """The item as students see it for this seed: options shuffled (true/false stays True, False), and the
    shown order of an ordering item's steps or a matching item's right-hand texts (never already solved)."""
    rng = quiz_rng(seed, item.quiz, item.id)
    if item.type in ("single", "multiple"):
        return replace(item, options=tuple(shuffled(item.options, rng)))
    if item.type == "ordering":
        return replace(item, display=tuple(shuffled(item.sequence, rng, avoid_identity=True)))
    if item.type == "matching":
        return replace(item, display=tuple(shuffled([p.right for p in item.pairs], rng, avoid_identity=True)))
    return item


def bank_items(bank: Bank, content: CourseContent, seed: int | str = SITE_SEED, use: str | None = None) -> list[Item]:
    """Hand-written then generated items, arranged for `seed`; only `use` items when given."""
    items = [*bank.items, *generate(bank, content, seed)]
    return [arrange(item, seed) for item in items if use is None or item.use == use]


def split_by_use(items: Sequence[Item]) -> dict[str, list[Item]]:
    """{"practice": [...], "exam": [...]}, keeping order."""
    split: dict[str, list[Item]] = {"practice": [], "exam": []}
    for item in items:
        split[item.use].append(item)
    return split
