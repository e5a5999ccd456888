"""The `course` command line: one entry point, one subcommand per job."""

from __future__ import annotations

import argparse
import sys

import coursekit.features  # noqa: F401  (registers every feature's commands and checkers)
from coursekit.content.load import load_content
from coursekit.errors import ContentError, Problem
from coursekit.paths import project_paths
from coursekit.registry import CHECKERS, COMMANDS


def cmd_check(args: argparse.Namespace) -> int:
    """Validate everything and report all problems at once."""
    paths = project_paths(args.root)
    try:
        content = load_content(paths)
    except ContentError as exc:
        return _report(exc.problems)
    problems: list[Problem] = []
    for checker in CHECKERS:
        try:
            problems += checker(content)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        return _report(problems)
    print(f"course check: OK ({len(content.chapters)} chapters, {len(content.glossary.terms)} terms, "
          f"{len(content.timeline.events)} events, {len(content.bibliography.keys)} references)")
    return 0


def _report(problems: list[Problem]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"course check: {len(problems)} problem(s)", file=sys.stderr)
    return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="course", description="Tooling for the course module.")
    parser.add_argument("--root", default=None, help="project checkout (default: this one)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every content file and question bank")
    check.set_defaults(func=cmd_check)
    for register in COMMANDS:
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ContentError as exc:
        return _report(exc.problems)


if __name__ == "__main__":
    sys.exit(main())
