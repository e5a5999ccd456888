"""Markers: an author writes `<!-- course:NAME -->` in a page and the hook puts derived content there.

This keeps hand-written pages (home, instructors' guide) in plain Markdown while lists that derive from
data (outcomes, reading path with reading times, downloads, citation boxes) are written once, as data.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.pages.text import md_text
from coursekit.pages.wording import number_word
from coursekit.registry import MarkerRenderer, Registry

if TYPE_CHECKING:
    from coursekit.build_state import BuildState

MARKER = re.compile(r"<!--\s*course:([a-z0-9-]+)\s*-->")


def relative_prefix(src_uri: str) -> str:
    """'../' for each folder between the page and the docs root."""
    return "../" * src_uri.count("/")


def check_markers(markdown: str, path: object, markers: dict[str, MarkerRenderer]) -> list[Problem]:
    """Unknown marker names, with their line."""
    problems = []
    for match in MARKER.finditer(markdown):
        if match.group(1) not in markers:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(path, line, f"unknown marker 'course:{match.group(1)}' "  # type: ignore[arg-type]
                                    f"(known: {', '.join(sorted(markers))})"))
    return problems


def expand_markers(markdown: str, content: CourseContent, src_uri: str, markers: dict[str, MarkerRenderer]) -> str:
    """Replace every marker with its rendered Markdown."""
    return MARKER.sub(lambda m: markers[m.group(1)](content, src_uri), markdown)


def _expand(markdown: str, src_uri: str, state: BuildState) -> str:
    return expand_markers(markdown, state.content, src_uri, state.registry.markers)


def _outcomes(content: CourseContent, src_uri: str) -> str:
    return "\n".join(f"{i}. {md_text(o)}" for i, o in enumerate(content.course.outcomes, start=1))


def _reading_path(content: CourseContent, src_uri: str) -> str:
    """One card per chapter (title, essay part, reading time, quiz, the student's progress): a list, not a table,
    so it fits a 320 px phone. course.js fills the `course-progress` badges from this browser's saved data."""
    prefix = relative_prefix(src_uri)
    notes = {step.chapter: step.note for step in content.course.reading_path}
    cards = ['<div class="course-path" markdown>']
    for c in content.chapters:
        note = f"\n{md_text(notes[c.number])}\n" if c.number in notes else ""
        cards.append(
            f'<div class="course-path-step" markdown>\n'
            f"[{c.number}. {md_text(c.title)}]({prefix}{c.src_uri}){{ .course-path-title }}\n\n"
            f"**Essay part:** {md_text(c.essay_section)} · about {c.reading_minutes} min · "
            f"[Quiz {c.number}]({prefix}{c.quiz_uri})\n{{ .course-path-meta }}\n{note}\n"
            f'<span class="course-progress" data-chapter="{c.number}" data-quiz="chapter-{c.number}" hidden></span>\n'
            "</div>"
        )
    cards.append("</div>")
    total = sum(c.reading_minutes for c in content.chapters)
    cards.append(f"\nThe {number_word(len(content.chapters))} chapters take about {total} minutes to read; "
                 f"the final quiz covers them all: [final quiz]({prefix}quizzes/final.md).")
    return "\n".join(cards)


def _start_here(content: CourseContent, src_uri: str) -> str:
    """The first step, near the top of the home page; course.js turns it into "Continue with ..." once begun."""
    prefix = relative_prefix(src_uri)
    first = content.chapters[0]
    return (f"[Start with chapter {first.number}: {md_text(first.title)}]({prefix}{first.src_uri})"
            "{ .md-button .md-button--primary .course-start }\n"
            '<span class="course-continue" hidden></span>')


def register(registry: Registry) -> None:
    registry.add_marker("outcomes", _outcomes)
    registry.add_marker("reading-path", _reading_path)
    registry.add_marker("start-here", _start_here)
    registry.add_markdown_filter(_expand, priority=50)
