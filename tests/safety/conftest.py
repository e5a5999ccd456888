"""A throw-away git checkout of the project, so the data-loss tests can point commands at real tracked folders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.paths import REPO_ROOT

COPIED = ("docs", "bibliography", "quizzes", "mkdocs.yml")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The project's content committed to a fresh repository in tmp_path/checkout (node_modules linked)."""
    root = tmp_path / "checkout"
    root.mkdir()
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns(".course-output*"))
        else:
            shutil.copy2(source, root / name)
    (root / "node_modules").symlink_to(REPO_ROOT / "node_modules", target_is_directory=True)
    (root / ".gitignore").write_text("node_modules\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "content")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (.git excluded), to prove nothing was touched."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}
