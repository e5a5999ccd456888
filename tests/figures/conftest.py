"""The real content, loaded once for the figure tests (they only read it)."""

from __future__ import annotations

import pytest

from coursekit.content.load import CourseContent, load_content
from coursekit.paths import REPO_ROOT, project_paths


@pytest.fixture(scope="session")
def content() -> CourseContent:
    return load_content(project_paths(REPO_ROOT))
