"""A temporary copy of the project that a test may break, and a strict build of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent, load_content
from coursekit.paths import REPO_ROOT, project_paths

COPIED_FOLDERS = ("docs", "bibliography", "quizzes")
LINKED_FOLDERS = ("coursekit", "node_modules")  # code and npm assets: read-only for these tests


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str


@pytest.fixture(scope="session")
def content() -> CourseContent:
    """The real project's content, loaded and validated once."""
    return load_content(project_paths(REPO_ROOT))


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    """Content and top-level files copied, code and node_modules linked; the copy has its own .cache/."""
    root = tmp_path / "project"
    root.mkdir()
    for path in REPO_ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, root / path.name)
    for folder in COPIED_FOLDERS:
        if (REPO_ROOT / folder).exists():
            shutil.copytree(REPO_ROOT / folder, root / folder)
    for folder in LINKED_FOLDERS:
        if (REPO_ROOT / folder).exists():
            (root / folder).symlink_to(REPO_ROOT / folder, target_is_directory=True)
    return root


def strict_build(root: Path, site: Path) -> BuildResult:
    """`mkdocs build --strict` of the copy's mkdocs.yml, run from the copy (stdout and stderr together)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSE_ROOT": str(root)},
    )
    return BuildResult(result.returncode, result.stdout + result.stderr)
