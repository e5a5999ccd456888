"""Issue 17, point 13: a public clone has no ../shared; the essay tests skip with how to get the essay, and
.ci/run sets COURSE_ESSAY from ../shared (failing if ../shared lacks the essay) so CI never skips them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.content.essay import essay_path
from coursekit.errors import ContentError
from coursekit.paths import REPO_ROOT
from tests.conftest import copy_from_repo

CLONED = ("coursekit", "tests", "docs", "quizzes", "bibliography", "mkdocs.yml", "pyproject.toml", ".ci")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_ESSAY", "COURSE_ROOT")}
    return {**env, **extra}


def test_course_essay_wins_and_must_exist(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("text", encoding="utf-8")
    assert essay_path(tmp_path / "repo", {"COURSE_ESSAY": str(essay)}) == essay
    with pytest.raises(ContentError, match="COURSE_ESSAY names this file"):
        essay_path(tmp_path / "repo", {"COURSE_ESSAY": str(tmp_path / "missing.txt")})


def test_the_essay_beside_the_checkout_is_found_and_its_absence_is_none(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    assert essay_path(tmp_path / "repo", {}) is None
    beside = tmp_path / "shared" / "source" / "article.txt"
    beside.parent.mkdir(parents=True)
    beside.write_text("text", encoding="utf-8")
    assert essay_path(tmp_path / "repo", {}) == beside


def fake_checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(REPO_ROOT / ".ci" / "run", repo / ".ci" / "run")
    return repo


def test_ci_fails_when_shared_is_there_without_the_essay(tmp_path: Path) -> None:
    repo = fake_checkout(tmp_path)
    (tmp_path / "shared").mkdir()
    result = subprocess.run([str(repo / ".ci" / "run"), "--essay-only"], capture_output=True, text=True,
                            env=clean_env())
    assert result.returncode == 1 and "article.txt is missing" in result.stderr


def test_ci_sets_course_essay_from_shared(tmp_path: Path) -> None:
    repo = fake_checkout(tmp_path)
    essay = tmp_path / "shared" / "source" / "article.txt"
    essay.parent.mkdir(parents=True)
    essay.write_text("text", encoding="utf-8")
    result = subprocess.run([str(repo / ".ci" / "run"), "--essay-only"], capture_output=True, text=True,
                            env=clean_env())
    assert result.returncode == 0 and result.stdout.strip() == str(essay)
    (tmp_path / "shared" / "source" / "article.txt").unlink()
    (tmp_path / "shared").rename(tmp_path / "elsewhere")
    result = subprocess.run([str(repo / ".ci" / "run"), "--essay-only"], capture_output=True, text=True,
                            env=clean_env())
    assert result.returncode == 0 and result.stdout.strip() == "", "a public clone needs no essay"


@pytest.mark.slow
def test_a_clone_without_shared_skips_the_essay_tests_with_the_way_to_get_it(tmp_path: Path) -> None:
    """The essay tests, run in a copy of the checkout with no ../shared beside it: skipped, not failed."""
    clone = copy_from_repo(CLONED, tmp_path / "clone", ignore=("__pycache__", ".course-output*"))
    tests = ["tests/content/test_own_words.py::test_a_copied_sentence_is_caught",
             "tests/content/test_own_words.py::test_the_registered_checker_flags_a_copied_sentence"]
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *tests],
                            cwd=clone, capture_output=True, text=True, env=clean_env(PYTHONPATH=str(clone)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 skipped" in result.stdout, result.stdout
    assert "COURSE_ESSAY" in result.stdout and "IEMed" in result.stdout
