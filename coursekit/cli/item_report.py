"""`course item-report`: the item-writing figures of every bank (issue 13), and every warning, for authors.

`course check` fails on errors and lists warnings; this report shows where each bank stands against the thresholds
in quizzes/item-writing.toml (key-longest and key-shortest rates, long keys, leaking exam items, one-to-one matching,
cognitive-level shares), so an author sees the margin before a change tips a bank over.
"""

from __future__ import annotations

import argparse
import sys

from coursekit.checks.item_writing import check_banks, checked_items, figures_table, load_thresholds
from coursekit.content.load import load_content
from coursekit.errors import ContentError
from coursekit.exam.store import exam_status
from coursekit.paths import project_paths
from coursekit.quiz.bank import bank_problems
from coursekit.registry import Registry


def cmd_item_report(args: argparse.Namespace) -> int:
    content = load_content(project_paths(args.root))
    banks, problems = bank_problems(content)
    if problems:
        raise ContentError(problems)
    try:
        thresholds = load_thresholds(content.paths.quizzes)
    except ValueError as exc:
        print(f"course item-report: error: {exc}", file=sys.stderr)
        return 2
    whole = not exam_status(content.paths.quizzes).is_locked
    found, figures = check_banks(banks, checked_items(content), content, thresholds, whole_banks=whole)
    if not whole:
        print("course item-report: the exam banks are locked, so these figures cover practice items only "
              "(`course exam unlock` for the whole banks)", file=sys.stderr)
    print(figures_table(figures), end="")
    for problem in found:
        print(problem)
    return 0


def _register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("item-report", help="item-writing figures per bank, with every warning")
    report.set_defaults(func=cmd_item_report)


def register(registry: Registry) -> None:
    registry.add_command(_register)
