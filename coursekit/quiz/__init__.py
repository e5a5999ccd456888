"""Quizzes: question banks (quizzes/*.yml) -> validated items -> site widget, worksheets, keys, LMS exports.

Public API (stable names other features build on):

- `load_banks(content) -> list[Bank]`: every bank, validated (raises ContentError listing all problems).
- `bank_items(bank, content, seed, use=None) -> list[Item]`: hand-written + generated items, arranged for
  presentation, deterministic for a seed; `use` is "practice" or "exam".
- `Item`, `Option`, `Pair`, `Bank` (model.py): everything an answer key or an LMS export needs;
  `normalize_answer` is how short answers are compared.

Modules: model (types), schema (JSON Schema, published), bank (load + validate), generate (items from glossary
and timeline), select (practice/exam split, seeded shuffles). Downstream, by pipeline stage: checks/quiz.py
(`course check`), pages/quizzes.py and pages/quiz_widget.py (the site), print/quiz_worksheet.py (worksheets),
instructors/ (keys, LMS exports), cli/quiz.py (`course quiz`, `course quiz-schema`).
"""

from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank, Item, Option, Pair, normalize_answer
from coursekit.quiz.select import SITE_SEED, bank_items, split_by_use

__all__ = ["SITE_SEED", "Bank", "Item", "Option", "Pair", "bank_items", "load_banks", "normalize_answer",
           "split_by_use"]
