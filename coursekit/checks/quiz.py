"""The `course check` / build checker for question banks: every problem of every bank, in one run.

Beyond loading (syntax, schema, ids, answers, anchors, concepts; see bank.py) it checks what only shows once
items are generated: a `generate:` request the data cannot satisfy, a quiz page with no practice question,
and a published JSON Schema that no longer matches schema.py.
"""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.quiz.bank import bank_problems
from coursekit.quiz.generate import run_requests
from coursekit.quiz.schema import schema_is_current, schema_path
from coursekit.quiz.select import SITE_SEED
from coursekit.registry import Registry


def check_quizzes(content: CourseContent) -> list[Problem]:
    banks, problems = bank_problems(content)
    for bank in banks:
        generated, shortfalls = run_requests(bank, content, SITE_SEED)
        for index, message in shortfalls.items():
            request = bank.generate[index]
            problems.append(Problem(bank.path, request.line, message, f"generate {index + 1}"))
        if not any(item.use == "practice" for item in (*bank.items, *generated)):
            problems.append(Problem(bank.path, 1, "the bank has no practice item, so its quiz page would be empty"))
    if not schema_is_current(content.paths.quizzes):
        problems.append(Problem(schema_path(content.paths.quizzes), None,
                                "the published schema is missing or out of date: run `course quiz-schema`"))
    return problems


def register(registry: Registry) -> None:
    registry.add_checker(check_quizzes)
