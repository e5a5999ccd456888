"""Checks of the hand-written pages in docs/: citation keys and `<!-- course:NAME -->` markers.

Registered as a checker, so `course check` and the build report the same problems (the plugin itself would only
warn about an unknown key). Chapters' citations are already checked when the content loads (content/load.py).
"""

from __future__ import annotations

from coursekit.content.bibliography import check_citations
from coursekit.content.load import CourseContent
from coursekit.content.source_file import read_source
from coursekit.errors import ContentError, Problem
from coursekit.pages.markers import check_markers
from coursekit.registry import MarkerRenderer, Registry


def check_pages(content: CourseContent, markers: dict[str, MarkerRenderer]) -> list[Problem]:
    """Unknown citation keys (outside chapters) and unknown markers (everywhere), with file and line."""
    keys = set(content.bibliography.keys)
    chapters = {chapter.path.resolve() for chapter in content.chapters}
    problems: list[Problem] = []
    for path in sorted(content.paths.docs.rglob("*.md")):
        if "_data" in path.parts:
            continue
        try:
            text = read_source(path)
        except ContentError as exc:
            problems += exc.problems
            continue
        if path.resolve() not in chapters:
            problems += check_citations(text, path, keys)
        problems += check_markers(text, path, markers)
    return problems


def register(registry: Registry) -> None:
    registry.add_checker(lambda content: check_pages(content, registry.markers))
