"""The plain-text announcement an instructor pastes into an LMS, for one or several chapters.

Plain text (no Markdown) because LMS editors differ; the same wording is used by the chapter pages' panel,
the `course assign` handout and (mirrored in assign.js) the assignment builder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from coursekit.pages.instructors.catalogue import AssignableChapter


def long_date(day: dt.date) -> str:
    """'Thursday 10 December 2026': unambiguous in every locale, unlike 10/12/2026."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def announcement_text(
    chapters: Sequence[AssignableChapter],
    url_for: Callable[[str], str],
    *,
    title: str = "",
    due: dt.date | None = None,
    quizzes: Sequence[int] = (),
    final_quiz_url: str | None = None,
) -> str:
    """The announcement: what to read, how long it takes, what to be able to do, which quizzes to take."""
    lines: list[str] = []
    if title:
        lines += [title, ""]
    if due is not None:
        lines += [f"Due: {long_date(due)}", ""]
    total = sum(c.minutes for c in chapters)
    noun = "chapter" if len(chapters) == 1 else "chapters"
    lines.append(f"Read {len(chapters)} {noun} (about {total} minutes in all):")
    lines.append("")
    for c in chapters:
        lines.append(f"Chapter {c.number}: {c.title} (about {c.minutes} minutes)")
        lines.append(url_for(c.url))
        lines.append("After reading you should be able to:")
        lines += [f"- {o}" for o in c.objectives]
        lines.append("")
    quiz_lines = [f"Chapter {c.number} quiz: {url_for(c.quiz_url)}" for c in chapters if c.number in quizzes]
    if final_quiz_url is not None:
        quiz_lines.append(f"Final quiz (all chapters): {url_for(final_quiz_url)}")
    if quiz_lines:
        lines += ["Then check yourself with the quizzes (practice questions with feedback):", *quiz_lines, ""]
    return "\n".join(lines).rstrip() + "\n"
