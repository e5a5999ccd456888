"""Shared fixtures for the instructor kit: the loaded course, and one `course export` run per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.cli import main
from coursekit.content.load import CourseContent, load_content
from coursekit.instructors.quiz_sets import QuizSet, quiz_sets
from coursekit.paths import REPO_ROOT, project_paths


@pytest.fixture(scope="session")
def course() -> CourseContent:
    return load_content(project_paths(REPO_ROOT))


@pytest.fixture(scope="session")
def sets(course: CourseContent) -> list[QuizSet]:
    return quiz_sets(course)


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/instructor as `course export` writes it, in a temporary folder."""
    out = tmp_path_factory.mktemp("dist") / "instructor"
    assert main(["export", "--out", str(out)]) == 0
    return out
