"""`course exam unlock | seal | status`: the sealed exam banks from the command line.

    course exam unlock   decrypt quizzes/exam/*.yml.age into git-ignored working copies (edits are never overwritten)
    course exam seal     encrypt the working copies into the committed .age files (unchanged banks stay byte-identical)
    course exam status   which banks are sealed, unlocked, or changed since they were sealed (no passphrase needed)

The passphrase comes from COURSE_EXAM_PASSPHRASE or the file named by COURSE_EXAM_PASSPHRASE_FILE and is never
printed.
"""

from __future__ import annotations

import argparse
import sys

from coursekit.errors import ContentError
from coursekit.exam.passphrase import HOW_TO_UNLOCK, PassphraseError, require_passphrase
from coursekit.exam.sealing import (
    Outcome,
    SealingError,
    WrongPassphraseError,
    changed_since_sealed,
    seal,
    unlock,
)
from coursekit.exam.store import exam_dir, exam_status
from coursekit.paths import project_paths
from coursekit.registry import Registry


def _progress(message: str) -> None:
    print(f"course exam: {message}", file=sys.stderr)


def cmd_exam(args: argparse.Namespace) -> int:
    quizzes = project_paths(args.root).quizzes
    if args.action == "status":
        return _status(quizzes)
    try:
        passphrase = require_passphrase()
        paths = project_paths(args.root)
        if args.action == "seal":
            outcome = seal(quizzes, passphrase, paths.node_modules, progress=_progress)
        else:
            outcome = unlock(quizzes, passphrase, progress=_progress)
    except (PassphraseError, WrongPassphraseError, SealingError) as exc:
        print(f"course exam {args.action}: error: {exc}", file=sys.stderr)
        return 1
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"course exam seal: nothing sealed: {len(exc.problems)} problem(s) in the working copies",
              file=sys.stderr)
        return 1
    _report(args.action, outcome, quizzes)
    return 0


def _report(action: str, outcome: Outcome, quizzes) -> None:
    verb = "sealed" if action == "seal" else "unlocked"
    folder = exam_dir(quizzes)
    if not (outcome.written or outcome.unchanged or outcome.kept):
        print(f"course exam {action}: no exam banks in {folder}")
        return
    print(f"course exam {action}: {len(outcome.written)} {verb}, {len(outcome.unchanged)} unchanged "
          f"({folder})")
    for quiz in outcome.kept:
        print(f"course exam unlock: kept {folder / (quiz + '.yml')}: it has edits that are not sealed; run "
              "`course exam seal` to keep them, or move the file away and unlock again", file=sys.stderr)


def _status(quizzes) -> int:
    status = exam_status(quizzes)
    folder = exam_dir(quizzes)
    if not status.has_exam_banks:
        print(f"course exam status: no exam banks in {folder}")
        return 0
    changed = changed_since_sealed(quizzes)
    for quiz in sorted(set(status.sealed) | set(status.unlocked)):
        state = ("locked (sealed only)" if quiz in status.locked
                 else "changed since sealed" if quiz in changed else "unlocked, same as sealed")
        print(f"{quiz}: {state}")
    if status.is_locked:
        print(f"To unlock: {HOW_TO_UNLOCK}.")
    return 0


def _register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("exam", help="unlock or seal the exam banks (quizzes/exam/*.yml.age)")
    parser.add_argument("action", choices=("unlock", "seal", "status"))
    parser.set_defaults(func=cmd_exam)


def register(registry: Registry) -> None:
    registry.add_command(_register)
