"""A throw-away git checkout of the project, so the data-loss tests can point commands at real tracked folders."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import copy_from_repo

COPIED = ("docs", "bibliography", "quizzes", "mkdocs.yml")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The project's content committed to a fresh repository in tmp_path/checkout (node_modules linked)."""
    root = copy_from_repo(COPIED, tmp_path / "checkout", ignore=(".course-output*",))
    (root / ".gitignore").write_text("node_modules\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "content")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (.git excluded), to prove nothing was touched."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}
