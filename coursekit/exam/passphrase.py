"""The exam passphrase, from `COURSE_EXAM_PASSPHRASE` or the file named by `COURSE_EXAM_PASSPHRASE_FILE`.

The value is returned to the caller and never printed, logged or put into an error message: errors name only the
variable or the file.
"""

from __future__ import annotations

import os
from pathlib import Path

PASSPHRASE_VARIABLE = "COURSE_EXAM_PASSPHRASE"
PASSPHRASE_FILE_VARIABLE = "COURSE_EXAM_PASSPHRASE_FILE"
HOW_TO_UNLOCK = (f"set {PASSPHRASE_FILE_VARIABLE}=/path/to/exam-passphrase (or {PASSPHRASE_VARIABLE}) and run "
                 "`course exam unlock`; see CONTRIBUTING.md, 'Exam banks'")


class PassphraseError(Exception):
    """No usable passphrase; the message says where the course looked (never what it found)."""


def passphrase_from_env(environ: dict[str, str] | None = None) -> str | None:
    """The passphrase, or None when neither variable is set. A named file that cannot be read is an error."""
    env = os.environ if environ is None else environ
    direct = env.get(PASSPHRASE_VARIABLE)
    if direct:
        return direct.strip("\r\n")
    named = env.get(PASSPHRASE_FILE_VARIABLE)
    if not named:
        return None
    path = Path(named).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PassphraseError(f"{PASSPHRASE_FILE_VARIABLE} names {path}, which cannot be read "
                              f"({exc.strerror or exc})") from None
    value = text.strip("\r\n")
    if not value.strip():
        raise PassphraseError(f"{PASSPHRASE_FILE_VARIABLE} names {path}, which is empty")
    return value


def require_passphrase(environ: dict[str, str] | None = None) -> str:
    """The passphrase, or PassphraseError saying how to provide it."""
    value = passphrase_from_env(environ)
    if value is None:
        raise PassphraseError(f"no exam passphrase: {HOW_TO_UNLOCK.replace(' and run `course exam unlock`', '')}")
    return value
