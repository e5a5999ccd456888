"""The one way a command writes its outputs, so that no command deletes or overwrites what it did not create.

Every command that writes (`export`, `variants`, `assign`, `pdf`, `bench`, `quiz-schema`, `exam seal|unlock`)
goes through one of two context managers. Both give a temporary folder beside the target; the command writes
everything there; only when the block ends without an exception do the files move into place. A failure
half-way leaves the previous output untouched and removes the temporary folder.

- `output_folder(out, command, root)`: the command owns the whole folder (e.g. `dist/instructor/`), which is
  replaced as a whole. An existing `out` is replaced only if it is empty, or if a previous run of the SAME
  command made it: its marker `.course-output.json` names the command and lists every file with its sha256,
  and every file present is listed with unchanged content (a file added or edited by hand stops the command).
- `output_files(out, command, root)`: the command adds named files to a folder it shares (e.g. `course pdf`
  writes three files into `dist/`, beside `dist/instructor/`). Each file replaces only a namesake this command
  wrote and nobody changed (marker `.course-output-<command>.json`), one git holds unchanged, or one with the
  very same bytes.

Refused always, with an `OutputError` naming the path and the reason (the CLI prints it on one line and
exits 2): `/`, the project root, any folder that contains the project root, the built site or anything in it
(the next build wipes it, and private material would be published), an existing file where a folder is
expected, and (for whole folders) any folder holding files tracked by git. CONTRIBUTING.md shows the use.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER_VERSION = 1
FOLDER_MARKER = ".course-output.json"


class OutputError(Exception):
    """An output path that must not be used; the message names the path and says why."""


def files_marker(command: str) -> str:
    """The marker a command leaves in a shared folder it adds files to."""
    return f".course-output-{command}.json"


# ---------------------------------------------------------------------------------------------------------------
# Checks shared by both modes


def _is_built_site(folder: Path) -> bool:
    return (folder / "sitemap.xml").is_file() or (folder / "search" / "search_index.json").is_file()


def refuse_dangerous(out: Path, root: Path, shown: str) -> Path:
    """The resolved target, or an OutputError when it is `/`, the project root or above it, or in a built site."""
    target = out.resolve()
    root = root.resolve()
    if target == Path(target.anchor):
        raise OutputError(f"{shown}: refusing to write into the file-system root")
    if target == root:
        raise OutputError(f"{shown}: refusing to write into the project's root folder ({root}); "
                          "choose a folder of its own, e.g. dist/")
    if root.is_relative_to(target):
        raise OutputError(f"{shown}: refusing to write into a folder that contains the project ({root})")
    site = root / "site"
    if target == site or target.is_relative_to(site):
        raise OutputError(f"{shown}: refusing to write inside the built site ({site}): "
                          "the next build deletes it and anything there is published")
    for folder in (target, *target.parents):
        if _is_built_site(folder):
            raise OutputError(f"{shown}: refusing to write inside a built site ({folder}): "
                              "anything there is published")
    return target


def _nearest_existing(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


def tracked_files(folder: Path) -> list[str]:
    """Files under `folder` that git tracks (empty when git or a repository is absent)."""
    start = _nearest_existing(folder)
    if not start.is_dir():
        start = start.parent
    try:
        result = subprocess.run(["git", "-C", str(start), "ls-files", "-z", "--", str(folder)],
                                capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if result.returncode != 0:
        return []
    return [name for name in result.stdout.decode("utf-8", "replace").split("\0") if name]


def _unchanged_in_git(path: Path) -> bool:
    """True when git tracks `path` and the working copy equals the committed file (so nothing can be lost)."""
    if not tracked_files(path):
        return False
    result = subprocess.run(["git", "-C", str(path.parent), "diff", "--quiet", "HEAD", "--", path.name],
                            capture_output=True, check=False)
    return result.returncode == 0


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_marker(path: Path, command: str) -> dict[str, str] | None:
    """The files (name -> sha256) that `command` recorded in the marker at `path`; None if it is not its marker."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("command") != command or not isinstance(data.get("files"), dict):
        return None
    return {str(k): str(v) for k, v in data["files"].items()}


def _marker_owner(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return str(data.get("command")) if isinstance(data, dict) and data.get("command") else None


def _write_marker(path: Path, command: str, files: dict[str, str]) -> None:
    data = {"written_by": f"course {command}", "command": command, "version": MARKER_VERSION,
            "note": "Made by the course tooling. The command replaces the files listed here, and only while "
                    "their content is what it wrote (sha256).",
            "files": dict(sorted(files.items()))}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _ours(path: Path, name: str, recorded: dict[str, str] | None) -> bool:
    """True when `recorded` lists `name` with the content `path` still has."""
    return recorded is not None and name in recorded and path.is_file() and _digest(path) == recorded[name]


def _relative_files(folder: Path) -> list[str]:
    """Every file and symlink below `folder`, as POSIX paths relative to it (folders are not listed)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        base = Path(dirpath)
        found += [(base / n).relative_to(folder).as_posix() for n in filenames]
        found += [(base / n).relative_to(folder).as_posix() for n in dirnames if (base / n).is_symlink()]
    return sorted(found)


# ---------------------------------------------------------------------------------------------------------------
# Whole folders


def target_folder(out: Path | str, root: Path) -> Path:
    """The resolved output folder; refused when dangerous (see refuse_dangerous) or when a file has its name."""
    target = refuse_dangerous(Path(out), root, str(out))
    if target.exists() and not target.is_dir():
        raise OutputError(f"{out}: a file of that name exists; refusing to replace it (give a folder name)")
    return target


def check_output_folder(out: Path | str, command: str, root: Path) -> Path:
    """The resolved folder `command` may replace, or an OutputError saying why not (nothing is touched)."""
    shown = str(out)
    target = target_folder(out, root)
    if not target.exists():
        return target
    tracked = tracked_files(target)
    if tracked:
        raise OutputError(f"{shown}: refusing to replace a folder holding files tracked by git "
                          f"(e.g. {tracked[0]}); choose another folder, e.g. dist/")
    present = _relative_files(target)
    if not present:
        return target
    recorded = _read_marker(target / FOLDER_MARKER, command)
    if recorded is None:
        owner = _marker_owner(target / FOLDER_MARKER)
        made_by = f" (`course {owner}` made it)" if owner else ""
        raise OutputError(f"{shown}: the folder is not empty and was not made by `course {command}`{made_by}; "
                          "refusing to replace it: choose a new or empty folder")
    for name in present:
        if name != FOLDER_MARKER and not _ours(target / name, name, recorded):
            raise OutputError(f"{target / name}: not written by `course {command}`, or changed since; refusing "
                              "to replace the folder: move the file away or choose another folder")
    return target


@contextmanager
def output_folder(out: Path | str, command: str, root: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `out` as a whole, with `command`'s marker.

    Checked before anything is written (see `check_output_folder`), and again just before the swap.
    """
    target = check_output_folder(out, command, root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-staging-", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the folder ({exc.strerror})") from None
    try:
        yield stage
        _write_marker(stage / FOLDER_MARKER, command,
                      {name: _digest(stage / name) for name in _relative_files(stage)})
        check_output_folder(out, command, root)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}-previous-", dir=target.parent))
            os.rename(target, old / "folder")
        os.rename(stage, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------------
# Named files in a shared folder


def check_output_files(out: Path | str, command: str, root: Path, names: Iterable[str] = (),
                       staged: Path | None = None) -> Path:
    """The resolved folder `command` may add the files `names` to, or an OutputError saying why not.

    A file may be replaced when this command wrote it and nobody changed it since, when git holds it
    unchanged, or (given the `staged` folder) when the new file has exactly the same bytes.
    """
    target = target_folder(out, root)
    if not target.exists():
        return target
    recorded = _read_marker(target / files_marker(command), command)
    for name in names:
        path = target / name
        if path.is_symlink() or path.is_dir():
            raise OutputError(f"{path}: exists and is not a file `course {command}` wrote; refusing to replace it")
        if not path.exists() or _ours(path, name, recorded):
            continue
        same = staged is not None and (staged / name).is_file() and _digest(staged / name) == _digest(path)
        if not same and not _unchanged_in_git(path):
            raise OutputError(f"{path}: exists and was not written by `course {command}`, or was changed since; "
                              "refusing to overwrite it: move it away or choose another folder")
    return target


@contextmanager
def output_files(out: Path | str, command: str, root: Path, expected: Iterable[str] = ()) -> Iterator[Path]:
    """Yield an empty staging folder; on success each file in it moves into `out`, replacing only its own.

    `expected` names the files the command means to write, so a refusal comes before the work rather than
    after it. Only plain files at the top of the staging folder are moved; the marker records them (with
    their sha256) for the next run.
    """
    target = check_output_files(out, command, root, expected)
    try:
        target.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{command}-staging-", dir=target))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the folder ({exc.strerror})") from None
    try:
        yield stage
        names = sorted(p.name for p in stage.iterdir())
        if any(not (stage / n).is_file() or (stage / n).is_symlink() for n in names):
            raise OutputError(f"{out}: `course {command}` staged a folder; output_files moves plain files only")
        check_output_files(out, command, root, names, staged=stage)
        marker_path = target / files_marker(command)
        recorded = _read_marker(marker_path, command) or {}
        written = {name: _digest(stage / name) for name in names}
        for name in names:
            os.replace(stage / name, target / name)
        _write_marker(marker_path, command, recorded | written)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
