"""`seal` and `unlock`: move exam banks between their plaintext working copies and their sealed .age files.

Age encryption is randomised (a fresh file key and scrypt salt every time), so sealing the same text twice gives
different bytes. To keep an unchanged bank from producing a diff, `seal` re-uses the existing .age whenever it
already holds exactly the working copy's text: known from the local record, or else by decrypting it and comparing.
`unlock` writes a working copy only where there is none or where the one there is still what was last sealed or
unlocked; a working copy with edits that are not sealed yet is kept, and reported.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from coursekit.errors import ContentError
from coursekit.exam.store import (
    SEALED_SUFFIX,
    STATE_FILE,
    bank_names,
    digest,
    exam_dir,
    file_digest,
    plain_path,
    read_state,
    sealed_path,
    state_bytes,
)
from coursekit.safe_output import output_files
from coursekit.yamlio import load_yaml_file

AGE_HEADER = b"age-encryption.org/v1\n"
# 2^18: about a second of scrypt on a laptop, 256 MiB; opens in browsers (typage accepts up to 2^20) and in rage
# even on a loaded machine (rage refuses 16 times more work than it measures at that moment).
SEAL_LOG_N = 18
ENCRYPT_SCRIPT = Path(__file__).with_name("age_encrypt.mjs")


class SealingError(Exception):
    """Sealing could not run (no Node.js, no age-encryption); the message says what to do."""


class WrongPassphraseError(Exception):
    """The passphrase does not open a sealed bank (the message names the file, never the passphrase)."""


@dataclass
class Outcome:
    """What one `seal` or `unlock` run did, bank by bank, for the command to report."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def decrypt_file(path: Path, passphrase: str, attempts: int = 4) -> bytes:
    """The bank's text. rage times this machine on every call and refuses a work factor 16 times above what it
    measures, so on a machine busy for a moment a refusal is retried before it is reported."""
    data = path.read_bytes()
    for attempt in range(attempts):
        try:
            return pyrage.passphrase.decrypt(data, passphrase)
        except pyrage.DecryptError as exc:
            if "work parameter" not in str(exc):
                raise WrongPassphraseError(f"{path}: the passphrase does not open this sealed bank (wrong "
                                           "passphrase, or the file is damaged)") from None
            if attempt + 1 < attempts:
                time.sleep(1 + attempt)
    raise WrongPassphraseError(f"{path}: this machine is too busy right now to open a bank sealed with scrypt work "
                               f"factor 2^{work_factor(data)}; try again, and if it was sealed with another factor, "
                               f"run `course exam seal` to re-seal it with the course's (2^{SEAL_LOG_N})")


def encrypt(data: bytes, passphrase: str, node_modules: Path) -> bytes:
    """The age file for `data`, with the fixed work factor (see age_encrypt.mjs for why not pyrage here)."""
    module = node_modules / "age-encryption" / "dist" / "index.js"
    node = shutil.which("node")
    if node is None or not module.is_file():
        raise SealingError(f"sealing needs Node.js and the npm package age-encryption ({module}): run `make setup`")
    request = {"module": str(module), "passphrase": passphrase, "logN": SEAL_LOG_N,
               "plaintext": base64.b64encode(data).decode("ascii")}
    result = subprocess.run([node, str(ENCRYPT_SCRIPT)], input=json.dumps(request).encode(), capture_output=True,
                            check=False, timeout=300)
    if result.returncode != 0 or not result.stdout.startswith(AGE_HEADER):
        raise SealingError(f"age-encryption could not seal the bank (node exit {result.returncode})")
    return result.stdout


def work_factor(sealed: bytes) -> int | None:
    """The scrypt work factor (log2 N) in an age file's header, or None if it has no scrypt stanza."""
    lines = sealed[:200].split(b"\n")
    stanza = lines[1].split() if len(lines) > 1 else []
    if len(stanza) == 4 and stanza[:2] == [b"->", b"scrypt"] and stanza[3].isdigit():
        return int(stanza[3])
    return None


def seal(quizzes: Path, passphrase: str, node_modules: Path,
         progress: Callable[[str], None] = lambda _: None) -> Outcome:
    """Seal every working copy whose text differs from its .age (or whose .age has another work factor).

    The YAML is validated first; all files are written or none.
    """
    plains = list(bank_names(quizzes, ".yml"))
    problems = []
    for quiz in plains:
        try:
            load_yaml_file(plain_path(quizzes, quiz))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    state = read_state(quizzes)
    outcome = Outcome()
    writes: dict[str, bytes] = {}
    for quiz in plains:
        text = plain_path(quizzes, quiz).read_bytes()
        target = sealed_path(quizzes, quiz)
        current = target.read_bytes() if target.is_file() else b""
        if (work_factor(current) == SEAL_LOG_N
                and _sealed_holds(target, text, state.get(quiz, {}), passphrase)):
            state[quiz] = {"plain": digest(text), "sealed": file_digest(target) or ""}
            outcome.unchanged.append(quiz)
            continue
        progress(f"sealing {target.name}")
        sealed = encrypt(text, passphrase, node_modules)
        writes[target.name] = sealed
        state[quiz] = {"plain": digest(text), "sealed": digest(sealed)}
        outcome.written.append(quiz)
    if plains:
        kept = {plain_path(quizzes, q).name: plain_path(quizzes, q).read_bytes() for q in plains}
        _write(quizzes, writes, state, unchanged=kept)
    return outcome


def _sealed_holds(target: Path, text: bytes, known: dict[str, str], passphrase: str) -> bool:
    """Whether the .age already holds `text`: from the local record when it describes this very file."""
    if known.get("sealed") == file_digest(target) and known.get("plain"):
        return known["plain"] == digest(text)
    return decrypt_file(target, passphrase) == text


def unlock(quizzes: Path, passphrase: str, progress: Callable[[str], None] = lambda _: None) -> Outcome:
    """Write the working copy of every sealed bank, never over edits that are not sealed yet; all files or none."""
    state = read_state(quizzes)
    outcome = Outcome()
    writes: dict[str, bytes] = {}
    sealed_banks = bank_names(quizzes, f".yml{SEALED_SUFFIX}")
    for quiz in sealed_banks:
        source, target = sealed_path(quizzes, quiz), plain_path(quizzes, quiz)
        known = state.get(quiz, {})
        current, sealed_digest = file_digest(target), file_digest(source) or ""
        if current is not None and known.get("sealed") == sealed_digest and known.get("plain"):
            # the record describes this .age: the working copy is either it, or edits made since
            (outcome.unchanged if current == known["plain"] else outcome.kept).append(quiz)
            continue
        progress(f"unlocking {source.name}")
        text = decrypt_file(source, passphrase)
        if current is not None and current != digest(text) and current != known.get("plain"):
            outcome.kept.append(quiz)  # edited since last sealed/unlocked: the author's, not ours to replace
            continue
        if current != digest(text):
            writes[target.name] = text
            outcome.written.append(quiz)
        else:
            outcome.unchanged.append(quiz)
        state[quiz] = {"plain": digest(text), "sealed": sealed_digest}
    if sealed_banks:
        opened = {sealed_path(quizzes, q).name: sealed_path(quizzes, q).read_bytes() for q in sealed_banks}
        _write(quizzes, writes, state, unchanged=opened)
    return outcome


def _write(quizzes: Path, files: dict[str, bytes], state: dict[str, dict[str, str]],
           unchanged: dict[str, bytes]) -> None:
    """The new files and the local record, through the shared safe-output helper (only its own files replaced).

    `unchanged` files are staged with the bytes they have, so the helper records them as this command's: a working
    copy whose text is sealed, or a sealed file that opened, may be replaced by a later `unlock` or `seal`.
    """
    files = {**files, STATE_FILE: state_bytes(state)}
    with output_files(exam_dir(quizzes), "exam", quizzes.parent, expected=sorted(files)) as stage:
        for name, data in {**unchanged, **files}.items():
            (stage / name).write_bytes(data)
            if not name.endswith(SEALED_SUFFIX):
                (stage / name).chmod(0o600)  # plaintext exam items and their hashes: the owner's only


def changed_since_sealed(quizzes: Path) -> list[str]:
    """Working copies whose text is not what was last sealed (or that were never sealed): cheap, no decryption."""
    state = read_state(quizzes)
    out = []
    for quiz in bank_names(quizzes, ".yml"):
        current = file_digest(plain_path(quizzes, quiz))
        if current is None:
            continue
        known = state.get(quiz, {})
        if (not sealed_path(quizzes, quiz).is_file() or current != known.get("plain")
                or file_digest(sealed_path(quizzes, quiz)) != known.get("sealed")):
            out.append(quiz)
    return out
