"""What each edition contains, in reading order: the student reader, and the instructor edition on top of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coursekit.content.chapters import Chapter
from coursekit.print.parts import Group, Part
from coursekit.print.site_source import read_page

# Reference pages after the chapters, in this order.
BACK_MATTER = ("glossary.html", "timeline.html", "concept-map.html", "essay-footnotes.html", "bibliography.html")
# Instructors' pages that are browser tools (the assignment builder is a form): nothing to print.
WEB_TOOLS = frozenset({"instructors/assign.html"})
CRITICAL_READING = "critical-reading.html"


@dataclass(frozen=True)
class Edition:
    name: str
    label: str
    filename: str
    for_instructors: bool


STUDENT = Edition("student", "Student edition", "course-student.pdf", for_instructors=False)
INSTRUCTOR = Edition("instructor", "Instructor edition", "course-instructor.pdf", for_instructors=True)
EDITIONS = (STUDENT, INSTRUCTOR)


def chapter_part(site: Path, chapter: Chapter) -> Part:
    page = read_page(site, chapter.src_uri.removesuffix(".md") + ".html")
    return Part(page.path, chapter.title, page.article, "chapter",
                running=f"Chapter {chapter.number} · {chapter.title}", label=f"Chapter {chapter.number}",
                number=str(chapter.number))


def back_matter(site: Path) -> list[Part]:
    parts = []
    for name in BACK_MATTER:
        page = read_page(site, name)
        parts.append(Part(page.path, page.title, page.article, "matter", running=page.title))
    return parts


def _guide_order(path: Path) -> tuple[int, int, str]:
    """index first, then chapter guides by number, then any other page by name."""
    if path.stem == "index":
        return (0, 0, "")
    found = re.fullmatch(r"chapter-(\d+)", path.stem)
    return (1, int(found.group(1)), "") if found else (2, 0, path.stem)


def instructor_guide(site: Path) -> Group:
    """Every printable page under instructors/, then the critical-reading page that closes that section."""
    pages = sorted((site / "instructors").glob("*.html"), key=_guide_order)
    names = [p.relative_to(site).as_posix() for p in pages if p.relative_to(site).as_posix() not in WEB_TOOLS]
    group = Group("instructors-guide.html", "Instructors’ guide",
                  "Teaching notes for each chapter: reading times, objectives, discussion notes, activities and "
                  "essay prompts with rubrics.")
    for name in [*names, CRITICAL_READING]:
        page = read_page(site, name)
        group.parts.append(Part(page.path, page.title, page.article, "guide", running=page.title, heading_shift=1))
    return group
