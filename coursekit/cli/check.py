"""`course check`: validate everything and report all problems at once (the same `validate` the build runs)."""

from __future__ import annotations

import argparse
import sys

from coursekit.checks import validate_with_warnings
from coursekit.exam.store import exam_status
from coursekit.paths import project_paths
from coursekit.registry import Registry


def cmd_check(args: argparse.Namespace) -> int:
    """Print a summary when the content is valid; a ContentError (every problem) is reported by main."""
    content, warnings = validate_with_warnings(project_paths(args.root))
    for warning in warnings:
        print(warning, file=sys.stderr)
    noted = f" with {len(warnings)} warning(s)" if warnings else ""
    print(f"course check: OK{noted} ({len(content.chapters)} chapters, {len(content.glossary.terms)} terms, "
          f"{len(content.timeline.events)} events, {len(content.bibliography.keys)} references) "
          f"in {content.paths.root}")
    if exam_status(content.paths.quizzes).is_locked:
        print("course check: the exam banks are locked, so only the practice items were checked "
              "(`course exam unlock` to check the exam items too)")
    return 0


def _register(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="validate every content file and question bank")
    check.set_defaults(func=cmd_check)


def register(registry: Registry) -> None:
    registry.add_command(_register)
