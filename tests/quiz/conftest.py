"""Quiz test fixtures: the real content, and a writable copy of it for planting bad banks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent, load_content
from coursekit.paths import REPO_ROOT, project_paths

CONTENT_FOLDERS = ("docs", "bibliography", "quizzes")


@pytest.fixture(scope="session")
def real_content() -> CourseContent:
    return load_content(project_paths(REPO_ROOT))


@pytest.fixture
def quiz_root(tmp_path: Path) -> Path:
    """docs/, bibliography/ and quizzes/ copied into tmp_path (the `--root` of a planted-error run)."""
    for folder in CONTENT_FOLDERS:
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture
def plant(quiz_root: Path) -> Callable[[str, str], Path]:
    """Write a bank file into the copy: plant("chapter-2.yml", text) -> its path."""

    def write(name: str, text: str) -> Path:
        path = quiz_root / "quizzes" / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
