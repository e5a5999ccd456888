"""Where the exam banks live and what state they are in.

    quizzes/exam/<quiz>.yml        plaintext working copy (git-ignored; made by `course exam unlock`)
    quizzes/exam/<quiz>.yml.age    the sealed bank (committed)
    quizzes/exam/.sealed.json      local record (git-ignored): SHA-256 of each working copy and sealed file as
                                   last sealed or unlocked, so `seal` leaves an unchanged bank's .age byte for byte
                                   and `unlock` never overwrites edits that are not sealed yet

The record is never committed: a hash of a plaintext bank next to its ciphertext would let anyone confirm a guessed
bank without the passphrase.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from coursekit.exam.passphrase import HOW_TO_UNLOCK

EXAM_FOLDER = "exam"
SEALED_SUFFIX = ".age"
STATE_FILE = ".sealed.json"


def exam_dir(quizzes: Path) -> Path:
    return quizzes / EXAM_FOLDER


def plain_path(quizzes: Path, quiz: str) -> Path:
    return exam_dir(quizzes) / f"{quiz}.yml"


def sealed_path(quizzes: Path, quiz: str) -> Path:
    return exam_dir(quizzes) / f"{quiz}.yml{SEALED_SUFFIX}"


def bank_names(quizzes: Path, suffix: str) -> tuple[str, ...]:
    """The quizzes with a file ending in `suffix` in quizzes/exam/ (bank loading reports unknown names)."""
    folder = exam_dir(quizzes)
    names = (p.name[: -len(suffix)] for p in folder.glob(f"*{suffix}")) if folder.is_dir() else ()
    return tuple(sorted(n for n in names if n and not n.startswith(".")))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    return digest(path.read_bytes()) if path.is_file() else None


@dataclass(frozen=True)
class ExamStatus:
    """Which quizzes have a sealed bank, and which of those have no working copy (locked)."""

    sealed: tuple[str, ...]
    unlocked: tuple[str, ...]
    locked: tuple[str, ...]

    @property
    def is_locked(self) -> bool:
        return bool(self.locked)

    @property
    def has_exam_banks(self) -> bool:
        return bool(self.sealed or self.unlocked)


def exam_status(quizzes: Path) -> ExamStatus:
    """The banks' state on disk: cheap (no decryption), so every command can ask."""
    sealed = bank_names(quizzes, f".yml{SEALED_SUFFIX}")
    unlocked = bank_names(quizzes, ".yml")
    locked = tuple(q for q in sealed if q not in unlocked)
    return ExamStatus(sealed, unlocked, locked)


def locked_message(quizzes: Path, what: str) -> str:
    """One sentence for anything that needs the exam items while they are sealed."""
    status = exam_status(quizzes)
    which = ("every exam bank" if set(status.locked) == set(status.sealed)
             else ", ".join(f"{q}.yml.age" for q in status.locked))
    return (f"{what} needs the exam items, but the exam banks are locked ({which} in {exam_dir(quizzes)} is sealed, "
            f"with no plaintext working copy). To unlock them: {HOW_TO_UNLOCK}.")


class ExamLockedError(Exception):
    """An exam-dependent step was asked for while the exam banks are sealed."""


def require_unlocked(quizzes: Path, what: str) -> None:
    if exam_status(quizzes).is_locked:
        raise ExamLockedError(locked_message(quizzes, what))


# ------------------------------------------------------------------------------------------- local record


def read_state(quizzes: Path) -> dict[str, dict[str, str]]:
    path = exam_dir(quizzes) / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def state_bytes(state: dict[str, dict[str, str]]) -> bytes:
    return (json.dumps(state, indent=2, sort_keys=True) + "\n").encode()
