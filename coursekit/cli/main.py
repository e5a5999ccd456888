"""The `course` command line: one entry point, one subcommand per job (each registered by its feature)."""

from __future__ import annotations

import argparse
import sys

from coursekit.errors import ContentError, Problem
from coursekit.exam.store import ExamLockedError
from coursekit.safe_output import OutputError


def report(problems: list[Problem], who: str = "course") -> int:
    """Every problem on stderr, then the count; exit status 1."""
    for problem in problems:
        print(problem, file=sys.stderr)
    warnings = sum(1 for p in problems if p.warning)
    noted = f", {warnings} warning(s)" if warnings else ""
    print(f"{who}: {len(problems) - warnings} problem(s){noted}", file=sys.stderr)
    return 1


def build_parser() -> argparse.ArgumentParser:
    from coursekit.features import build_registry  # features lists this package's commands: import late

    parser = argparse.ArgumentParser(prog="course", description="Tooling for the course module.")
    parser.add_argument("--root", default=None,
                        help="the course project (default: $COURSE_ROOT, else the nearest folder with mkdocs.yml "
                             "from the working directory up)")
    sub = parser.add_subparsers(dest="command", required=True)
    for register in build_registry().commands:
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ContentError as exc:
        return report(exc.problems, f"course {args.command}")
    except OutputError as exc:
        print(f"course {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except ExamLockedError as exc:
        print(f"course {args.command}: {exc}", file=sys.stderr)
        return 2

