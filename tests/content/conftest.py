"""Content tests: the real content (loaded once, tests/conftest.py) and a writable copy's paths."""

from __future__ import annotations

import pytest

from coursekit.content.load import CourseContent
from coursekit.paths import ProjectPaths, project_paths
from tests.conftest import ProjectCopy


@pytest.fixture(scope="session")
def content(real_content: CourseContent) -> CourseContent:
    return real_content


@pytest.fixture
def copied_paths(project_copy: ProjectCopy) -> ProjectPaths:
    """The paths of a fresh project copy, where a test may plant errors."""
    return project_paths(project_copy())
