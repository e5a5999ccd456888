"""Validation: load the content, then run every registered checker; one `validate` for `course check` and the build.

Checkers are plain functions `content -> list[Problem]` registered by features (`registry.add_checker`); the
modules here hold the checks that do not belong to a single output (bibliography, banks, hand-written pages).
"""

from __future__ import annotations

from coursekit.content.load import CourseContent, load_content
from coursekit.errors import ContentError, Problem
from coursekit.paths import ProjectPaths
from coursekit.registry import Registry


def run_checkers(content: CourseContent, registry: Registry) -> list[Problem]:
    """Every problem every checker finds (a checker may also raise ContentError)."""
    problems: list[Problem] = []
    for checker in registry.checkers:
        try:
            problems += checker(content)
        except ContentError as exc:
            problems += exc.problems
    return problems


def validate(paths: ProjectPaths, registry: Registry | None = None) -> CourseContent:
    """The loaded content when everything is valid; otherwise ContentError listing every problem found."""
    return validate_with_warnings(paths, registry)[0]


def validate_with_warnings(paths: ProjectPaths,
                           registry: Registry | None = None) -> tuple[CourseContent, list[Problem]]:
    """Like `validate`, and the warnings (`Problem.warning`): they do not make content invalid, so they are
    returned for `course check` to list; with any error they are raised along with it."""
    if registry is None:
        from coursekit.features import build_registry  # features import this module's checkers: import late

        registry = build_registry()
    content = load_content(paths)
    problems = run_checkers(content, registry)
    if any(not p.warning for p in problems):
        raise ContentError(problems)
    return content, problems
