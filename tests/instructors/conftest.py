"""Shared fixtures for the instructor kit: the loaded course, and one `course export` run per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.cli.main import main
from coursekit.content.load import CourseContent
from coursekit.instructors.quiz_sets import QuizSet, quiz_sets
from tests.exam_banks import skip_if_exam_banks_locked


@pytest.fixture(scope="session")
def course(real_content: CourseContent) -> CourseContent:
    return real_content


@pytest.fixture(scope="session")
def sets(course: CourseContent) -> list[QuizSet]:
    return quiz_sets(course)


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/instructor as `course export` writes it, in a temporary folder (skipped while the exams are sealed)."""
    skip_if_exam_banks_locked()
    out = tmp_path_factory.mktemp("dist") / "instructor"
    assert main(["export", "--out", str(out)]) == 0
    return out
