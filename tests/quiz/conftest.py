"""Quiz test fixtures: the real content, and a writable copy of it for planting bad banks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.paths import REPO_ROOT, ProjectPaths
from tests.conftest import ProjectCopy

PROJECT = "project"


@pytest.fixture
def quiz_root(project_copy: ProjectCopy) -> Path:
    """A whole project copy (the `--root` of a planted-error run)."""
    return project_copy(PROJECT)


@pytest.fixture
def banks_root(tmp_path: Path) -> Path:
    """Only quizzes/ copied: enough for bank checks against the real (already loaded) content."""
    shutil.copytree(REPO_ROOT / "quizzes", tmp_path / PROJECT / "quizzes")
    return tmp_path / PROJECT


def content_at(content: CourseContent, root: Path) -> CourseContent:
    """The real content, reading its banks from `root`/quizzes (no reload of chapters or bibliography)."""
    return replace(content, paths=ProjectPaths(root))


@pytest.fixture
def plant(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a bank file into the copy (quiz_root or banks_root): plant("chapter-2.yml", text) -> its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / PROJECT / "quizzes" / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
