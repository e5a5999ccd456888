"""Where students read the essay itself: its open-access page at the publisher, taken from the essay's .bib entry.

The address lives in one place, the `url` field of the essay's entry in bibliography/references.bib (its
comment says how it was verified). The home page, every chapter header, the footnotes and bibliography pages
and, through the site's HTML, the PDFs all link it from here; no page writes the address by hand.
"""

from __future__ import annotations

from coursekit.content.bibliography import short_label
from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.pages.text import md_text
from coursekit.registry import Registry

PUBLISHER = "IEMed"


def essay_url(content: CourseContent) -> str:
    """The essay's open-access address ('' when the entry has no url)."""
    entries = content.bibliography.data.entries
    entry = entries.get(content.course.essay_key)
    return entry.fields.get("url", "").strip() if entry is not None else ""


def essay_link(content: CourseContent, text: str = "Read the essay") -> str:
    """A Markdown link to the essay, marked as leading off the course site."""
    url = essay_url(content)
    if not url:
        return ""
    return f"[{text}]({url}){{ .course-essay-link }} (open access at {PUBLISHER}, opens the publisher's site)"


def essay_box(content: CourseContent, src_uri: str) -> str:
    """The box on the home, footnotes and bibliography pages: what the essay is and where to read it."""
    url = essay_url(content)
    if not url:
        return ""
    work = short_label(content.bibliography, content.course.essay_key)
    return (
        '!!! info "Read the essay"\n\n'
        f"    {md_text(work)} is open access on the publisher's website: "
        f"[read the essay at {PUBLISHER}]({url}){{ .course-essay-link }}. Keep it open beside the course: every "
        "chapter says which part of the essay it covers.\n"
    )


def check_essay_url(content: CourseContent) -> list[Problem]:
    """Every chapter sends students to the essay, so its entry must say where it is (an https address)."""
    url = essay_url(content)
    if url.startswith("https://"):
        return []
    path = content.bibliography.path
    return [Problem(path, None, f"the essay's entry '{content.course.essay_key}' needs a `url` field with its "
                                "https address (the chapters link students to it)")]


def register(registry: Registry) -> None:
    registry.add_marker("essay-link", essay_box)
    registry.add_checker(check_essay_url)
