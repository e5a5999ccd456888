"""Every formatted reference the site shows outside the plugin's footnotes: the .bib entries and the course."""

from __future__ import annotations

from dataclasses import dataclass

from coursekit.content.bibliography import write_csl
from coursekit.content.course_citation import CourseCitation, load_course_citation
from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.entries import entry_sources
from coursekit.pages.bibliography.formatting import format_references


@dataclass(frozen=True)
class FormattedBibliography:
    """Formatted references (inline HTML, bibliography order), BibTeX sources and the course's citation."""

    references: dict[str, str]
    sources: dict[str, str]
    course: CourseCitation
    course_reference: str


def formatted_bibliography(content: CourseContent) -> FormattedBibliography:
    """One (cached) pandoc run over the .bib file plus the course's BibTeX from CITATION.cff."""
    bib_path = content.bibliography.path
    bib_text = bib_path.read_text(encoding="utf-8")
    course = load_course_citation(content.paths)
    csl = write_csl(content.paths.cache)
    formatted = dict(format_references(bib_text + "\n\n" + course.bibtex + "\n", csl, content.paths.cache, bib_path))
    course_reference = formatted.pop(course.key, "")
    return FormattedBibliography(formatted, entry_sources(bib_text), course, course_reference)
