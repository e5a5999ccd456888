"""`course exam seal | unlock`: what gets written, what is left alone, and that the passphrase never shows.

Uses a throwaway passphrase on a temporary quizzes/ folder; every scrypt costs about a second, so the life cycle
is walked once, in order, rather than re-sealed per test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursekit.cli import main
from coursekit.errors import ContentError
from coursekit.exam.passphrase import PassphraseError, passphrase_from_env, require_passphrase
from coursekit.exam.sealing import (
    SEAL_LOG_N,
    WrongPassphraseError,
    changed_since_sealed,
    decrypt_file,
    seal,
    unlock,
    work_factor,
)
from coursekit.exam.store import STATE_FILE, exam_status, plain_path, sealed_path
from coursekit.paths import REPO_ROOT

PASSPHRASE = "throwaway test passphrase 7f3a"
NODE_MODULES = REPO_ROOT / "node_modules"
BANK_V1 = "quiz: chapter-1\ntitle: Test\nitems: []\n"
BANK_V2 = "quiz: chapter-1\ntitle: Test, edited\nitems: []\n"


def quizzes_with(tmp_path: Path, text: str) -> Path:
    quizzes = tmp_path / "quizzes"
    plain_path(quizzes, "chapter-1").parent.mkdir(parents=True)
    plain_path(quizzes, "chapter-1").write_text(text, encoding="utf-8")
    return quizzes


def test_seal_and_unlock_life_cycle(tmp_path: Path) -> None:
    quizzes = quizzes_with(tmp_path / "author", BANK_V1)
    sealed = sealed_path(quizzes, "chapter-1")

    # first seal writes the .age; it holds the text and not a word of it in clear
    assert seal(quizzes, PASSPHRASE, NODE_MODULES).written == ["chapter-1"]
    first = sealed.read_bytes()
    assert first.startswith(b"age-encryption.org/v1\n") and b"title" not in first
    assert work_factor(first) == SEAL_LOG_N  # fixed, so every machine and browser opens it
    assert decrypt_file(sealed, PASSPHRASE) == BANK_V1.encode()

    # an unchanged bank is not re-sealed: same bytes, no diff (from the local record, and without it)
    assert seal(quizzes, PASSPHRASE, NODE_MODULES).unchanged == ["chapter-1"]
    (quizzes / "exam" / STATE_FILE).unlink()
    assert seal(quizzes, PASSPHRASE, NODE_MODULES).unchanged == ["chapter-1"]
    assert sealed.read_bytes() == first

    # a fresh clone has only the .age: locked until unlocked
    clone = tmp_path / "clone" / "quizzes"
    (clone / "exam").mkdir(parents=True)
    shutil.copy(sealed, sealed_path(clone, "chapter-1"))
    assert exam_status(clone).locked == ("chapter-1",)
    with pytest.raises(WrongPassphraseError) as wrong:
        unlock(clone, "not the passphrase")
    assert "not the passphrase" not in str(wrong.value)
    assert not plain_path(clone, "chapter-1").exists()
    assert unlock(clone, PASSPHRASE).written == ["chapter-1"]
    assert plain_path(clone, "chapter-1").read_text(encoding="utf-8") == BANK_V1
    assert not exam_status(clone).is_locked

    # edits in the clone's working copy are never overwritten by unlock, and course check points at them
    plain_path(clone, "chapter-1").write_text(BANK_V2, encoding="utf-8")
    assert unlock(clone, PASSPHRASE).kept == ["chapter-1"]
    assert plain_path(clone, "chapter-1").read_text(encoding="utf-8") == BANK_V2
    assert changed_since_sealed(clone) == ["chapter-1"]

    # sealing the edit changes the .age; the author's untouched working copy then takes the new version
    assert seal(clone, PASSPHRASE, NODE_MODULES).written == ["chapter-1"]
    assert changed_since_sealed(clone) == []
    shutil.copy(sealed_path(clone, "chapter-1"), sealed)
    assert changed_since_sealed(quizzes) == ["chapter-1"]
    assert unlock(quizzes, PASSPHRASE).written == ["chapter-1"]
    assert plain_path(quizzes, "chapter-1").read_text(encoding="utf-8") == BANK_V2


def test_seal_refuses_a_broken_working_copy_and_writes_nothing(tmp_path: Path) -> None:
    quizzes = quizzes_with(tmp_path, "quiz: chapter-1\nitems: [\n")
    with pytest.raises(ContentError) as error:
        seal(quizzes, PASSPHRASE, NODE_MODULES)
    assert "chapter-1.yml" in str(error.value) and ":" in str(error.value)
    assert not sealed_path(quizzes, "chapter-1").exists()


def test_passphrase_from_variable_or_file_never_in_messages(tmp_path: Path) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert passphrase_from_env({"COURSE_EXAM_PASSPHRASE_FILE": str(secret)}) == PASSPHRASE
    assert passphrase_from_env({"COURSE_EXAM_PASSPHRASE": PASSPHRASE}) == PASSPHRASE
    assert passphrase_from_env({}) is None
    with pytest.raises(PassphraseError, match="COURSE_EXAM_PASSPHRASE_FILE"):
        require_passphrase({})
    with pytest.raises(PassphraseError, match="cannot be read"):
        passphrase_from_env({"COURSE_EXAM_PASSPHRASE_FILE": str(tmp_path / "missing")})
    secret.write_text("\n", encoding="utf-8")
    with pytest.raises(PassphraseError, match="empty"):
        passphrase_from_env({"COURSE_EXAM_PASSPHRASE_FILE": str(secret)})


def test_the_command_without_a_passphrase_says_how_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    quizzes_with(root, BANK_V1)
    monkeypatch.delenv("COURSE_EXAM_PASSPHRASE", raising=False)
    monkeypatch.delenv("COURSE_EXAM_PASSPHRASE_FILE", raising=False)
    assert main(["--root", str(root), "exam", "seal"]) == 1
    err = capsys.readouterr().err
    assert "COURSE_EXAM_PASSPHRASE_FILE" in err and "course exam seal" in err
    assert not sealed_path(root / "quizzes", "chapter-1").exists()
