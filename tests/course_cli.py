"""Run the `course` command in-process (no interpreter start-up per call), capturing what a user would see."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from coursekit.cli.main import main


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def course(*args: str) -> Run:
    """`course ARGS...` as main() runs it; argparse's usage errors (SystemExit) become exit status 2."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())
