"""Tests that need the exam items skip, with the way to unlock them, while the exam banks are sealed.

A public clone has only quizzes/exam/*.yml.age; CI (and `.ci/run`) unlocks them with the passphrase first.
"""

from __future__ import annotations

import pytest

from coursekit.exam.store import exam_status, locked_message
from coursekit.paths import REPO_ROOT

QUIZZES = REPO_ROOT / "quizzes"


def exam_banks_locked() -> bool:
    return exam_status(QUIZZES).is_locked


def locked_reason() -> str:
    return locked_message(QUIZZES, "this test") if exam_banks_locked() else ""


requires_exam_banks = pytest.mark.skipif(exam_banks_locked(), reason=locked_reason())


def skip_if_exam_banks_locked() -> None:
    """For fixtures: skip every test that uses them."""
    if exam_banks_locked():
        pytest.skip(locked_reason())
