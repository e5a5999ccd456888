"""The assignment handout of `course assign`: one document, written as Markdown, HTML and PDF.

Same wording as the announcement of the site's panels and builder (announcement.py, assign.js), laid out for
print: chapter, reading time, link, objectives, then the quizzes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from coursekit.instructors.document import Block, Bullets, Heading, Link, Para
from coursekit.pages.instructors.announcement import long_date
from coursekit.pages.instructors.catalogue import AssignableChapter, Catalogue

DEFAULT_TITLE = "Reading assignment"


@dataclass(frozen=True)
class Assignment:
    """What an instructor asked for: validated chapter numbers, quizzes or not, a title and a due date."""

    chapters: tuple[int, ...]
    quizzes: bool
    title: str
    due: dt.date | None


def handout_blocks(assignment: Assignment, cat: Catalogue, url_for: Callable[[str], str]) -> list[Block]:
    """The handout as blocks; links that are not absolute are shown as paths within the course site."""
    chosen: list[AssignableChapter] = [cat.chapter(n) for n in assignment.chapters]

    def link(text: str, site_path: str) -> tuple[str | Link, ...]:
        url = url_for(site_path)
        if "://" in url:
            return (Link(text, url),)
        return (f"{text} (in the course site: {url})",)

    total = sum(c.minutes for c in chosen)
    noun = "chapter" if len(chosen) == 1 else "chapters"
    blocks: list[Block] = [Heading(1, assignment.title or DEFAULT_TITLE),
                           Para((f"Course: {cat.course_title}",), css="meta")]
    if assignment.due is not None:
        blocks.append(Para((f"Due: {long_date(assignment.due)}",), css="meta"))
    blocks.append(Para((f"Read {len(chosen)} {noun}, about {total} minutes in all.",)))
    for c in chosen:
        blocks += [
            Heading(2, f"Chapter {c.number}: {c.title}"),
            Para((f"Essay part: {c.essay_section} · about {c.minutes} minutes ({c.words:,} words)",), css="meta"),
            Para(("Read it online: ", *link(f"Chapter {c.number}", c.url))),
            Para(("After reading you should be able to:",)),
            Bullets(tuple((o,) for o in c.objectives)),
        ]
    if assignment.quizzes:
        blocks += [
            Heading(2, "Then check yourself"),
            Para(("Each quiz gives feedback on every answer and points back to the section to review.",)),
            Bullets(tuple(link(f"Chapter {c.number} quiz", c.quiz_url) for c in chosen)),
        ]
    return blocks
