"""Wall-clock timing of a command, and the median of a few runs (the machine's load varies between runs)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1"}


class CommandFailed(RuntimeError):
    """A measured command exited non-zero; the message carries its output."""


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Run `command` to completion and return its wall time in seconds; fail with its output if it fails."""
    start = time.perf_counter()
    result = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **QUIET_ENV, **(env or {})})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} failed (exit {result.returncode}):\n"
                            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def mkdocs_build(config: Path, site: Path) -> list[str]:
    """The strict build command, with the running interpreter's MkDocs."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site)]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
