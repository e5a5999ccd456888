"""Bibliography tests: the real content, and a temporary copy of the project that a test may break."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from tests.conftest import ProjectCopy


@pytest.fixture(scope="session")
def content(real_content: CourseContent) -> CourseContent:
    return real_content


@pytest.fixture
def project_root(project_copy: ProjectCopy) -> Path:
    """A project copy (content copied, code and node_modules linked) with its own .cache/."""
    return project_copy("project")
