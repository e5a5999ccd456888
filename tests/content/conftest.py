"""A writable copy of the project's content, so tests can plant errors without touching the real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent, load_content
from coursekit.paths import REPO_ROOT, ProjectPaths, project_paths


@pytest.fixture(scope="session")
def content() -> CourseContent:
    return load_content(project_paths(REPO_ROOT))


@pytest.fixture
def project_copy(tmp_path: Path) -> ProjectPaths:
    """docs/, bibliography/ and quizzes/ copied into tmp_path."""
    for folder in ("docs", "bibliography", "quizzes"):
        if (REPO_ROOT / folder).exists():
            shutil.copytree(REPO_ROOT / folder, tmp_path / folder)
    return ProjectPaths(tmp_path)
