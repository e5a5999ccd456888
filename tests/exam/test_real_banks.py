"""The committed exam banks: sealed, openable with the project's passphrase, and nowhere in clear in git.

Needs the passphrase (COURSE_EXAM_PASSPHRASE / COURSE_EXAM_PASSPHRASE_FILE, or ../shared/exam-passphrase as CI lays
it out) or unlocked working copies; skips with the reason otherwise.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from coursekit.exam.passphrase import PASSPHRASE_FILE_VARIABLE, passphrase_from_env
from coursekit.exam.sealing import decrypt_file
from coursekit.exam.store import exam_status, plain_path, sealed_path
from coursekit.paths import REPO_ROOT
from coursekit.quiz.model import quiz_ids
from coursekit.yamlio import load_yaml_text
from tests.exam_banks import requires_exam_banks

QUIZZES = REPO_ROOT / "quizzes"
SHARED_PASSPHRASE = REPO_ROOT.parent / "shared" / "exam-passphrase"
# every quiz the course has: one per chapter file, and the final
QUIZ_IDS = quiz_ids(len(list((REPO_ROOT / "docs" / "chapters").glob("[0-9][0-9]-*.md"))))


def project_passphrase() -> str | None:
    env = dict(os.environ)
    if not env.get("COURSE_EXAM_PASSPHRASE") and not env.get(PASSPHRASE_FILE_VARIABLE) and SHARED_PASSPHRASE.is_file():
        env[PASSPHRASE_FILE_VARIABLE] = str(SHARED_PASSPHRASE)
    return passphrase_from_env(env)


def test_every_quiz_has_a_sealed_exam_bank() -> None:
    assert exam_status(QUIZZES).sealed == tuple(sorted(QUIZ_IDS))
    for quiz in QUIZ_IDS:
        assert sealed_path(QUIZZES, quiz).read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")


@pytest.mark.slow
def test_the_sealed_banks_open_with_the_project_passphrase() -> None:
    passphrase = project_passphrase()
    if passphrase is None:
        pytest.skip(f"no exam passphrase: set {PASSPHRASE_FILE_VARIABLE} (CI uses ../shared/exam-passphrase)")
    for quiz in QUIZ_IDS:
        text = decrypt_file(sealed_path(QUIZZES, quiz), passphrase)
        data = load_yaml_text(text.decode("utf-8"), sealed_path(QUIZZES, quiz))
        assert data["quiz"] == quiz and data["items"], quiz
        assert {item["use"] for item in data["items"]} == {"exam"}, quiz
        working = plain_path(QUIZZES, quiz)
        if working.is_file():  # an unlocked checkout: the working copy is what is sealed (else run `course exam seal`)
            assert working.read_bytes() == text, f"{working} differs from its .age: run `course exam seal`"


def tracked_texts() -> dict[str, str]:
    try:
        names = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: nothing committed to scan")
    texts = {}
    for name in filter(None, names.decode().split("\0")):
        path = REPO_ROOT / name
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # binary files (fonts, the .age banks themselves)
    return texts


def stem_leaks(stems: dict[str, str], texts: dict[str, str]) -> list[str]:
    """'item-id in file' for every stem found, whitespace-insensitively, in a text."""
    flat = {name: " ".join(text.split()) for name, text in texts.items()}
    return [f"{item} in {name}" for item, stem in stems.items() for name, text in flat.items()
            if " ".join(stem.split()) in text]


@requires_exam_banks
def test_no_exam_stem_is_committed_in_clear() -> None:
    stems = {}
    for quiz in QUIZ_IDS:
        data = load_yaml_text(plain_path(QUIZZES, quiz).read_text(encoding="utf-8"), plain_path(QUIZZES, quiz))
        stems |= {item["id"]: str(item["stem"]) for item in data["items"]}
    assert stems
    leaks = stem_leaks(stems, tracked_texts())
    assert not leaks, "exam stems committed in clear:\n" + "\n".join(leaks)


def test_the_stem_scan_finds_a_planted_leak() -> None:
    stem = "Which planted exam question would a student find on the repository page?"
    texts = {"quizzes/chapter-9.yml": "items:\n  - stem: \"Which planted exam question\n    would a student find on "
             "the repository page?\"\n", "README.md": "Nothing here."}
    assert stem_leaks({"planted": stem}, texts) == ["planted in quizzes/chapter-9.yml"]
