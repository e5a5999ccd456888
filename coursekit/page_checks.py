"""Checks of the hand-written pages in docs/: citation keys and `<!-- course:NAME -->` markers.

Registered as a checker, so `course check` and the build report the same problems (the plugin itself would only
warn about an unknown key). Chapters' citations are already checked when the content loads (content/load.py).
"""

from __future__ import annotations

from coursekit.citations import check_citations
from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.markers import check_markers
from coursekit.registry import checker


@checker
def check_pages(content: CourseContent) -> list[Problem]:
    """Unknown citation keys (outside chapters) and unknown markers (everywhere), with file and line."""
    keys = set(content.bibliography.keys)
    chapters = {chapter.path.resolve() for chapter in content.chapters}
    problems: list[Problem] = []
    for path in sorted(content.paths.docs.rglob("*.md")):
        if "_data" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.resolve() not in chapters:
            problems += check_citations(text, path, keys)
        problems += check_markers(text, path)
    return problems
