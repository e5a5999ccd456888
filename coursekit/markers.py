"""Markers: an author writes `<!-- course:NAME -->` in a page and the hook puts derived content there.

This keeps hand-written pages (home, instructors' guide) in plain Markdown while lists that derive from
data (outcomes, reading path with reading times, downloads, citation boxes) are written once, as data.
"""

from __future__ import annotations

import re

from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.registry import MARKERS, marker

MARKER = re.compile(r"<!--\s*course:([a-z0-9-]+)\s*-->")


def relative_prefix(src_uri: str) -> str:
    """'../' for each folder between the page and the docs root."""
    return "../" * src_uri.count("/")


def check_markers(markdown: str, path: object) -> list[Problem]:
    """Unknown marker names, with their line."""
    problems = []
    for match in MARKER.finditer(markdown):
        if match.group(1) not in MARKERS:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(path, line, f"unknown marker 'course:{match.group(1)}' "  # type: ignore[arg-type]
                                    f"(known: {', '.join(sorted(MARKERS))})"))
    return problems


def expand_markers(markdown: str, content: CourseContent, src_uri: str) -> str:
    """Replace every marker with its rendered Markdown."""
    return MARKER.sub(lambda m: MARKERS[m.group(1)](content, src_uri), markdown)


@marker("outcomes")
def _outcomes(content: CourseContent, src_uri: str) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(content.course.outcomes, start=1))


@marker("reading-path")
def _reading_path(content: CourseContent, src_uri: str) -> str:
    prefix = relative_prefix(src_uri)
    notes = {step.chapter: step.note for step in content.course.reading_path}
    rows = ["| Chapter | Essay part | Reading time | Quiz |", "| --- | --- | --- | --- |"]
    for c in content.chapters:
        title = f"[{c.number}. {c.title}]({prefix}{c.src_uri})"
        note = f"<br>{notes[c.number]}" if c.number in notes else ""
        rows.append(f"| {title}{note} | {c.essay_section} | about {c.reading_minutes} min | "
                    f"[Quiz {c.number}]({prefix}{c.quiz_uri}) |")
    total = sum(c.reading_minutes for c in content.chapters)
    rows.append(f"\nThe six chapters take about {total} minutes to read; the final quiz covers them all: "
                f"[final quiz]({prefix}quizzes/final.md).")
    return "\n".join(rows)
