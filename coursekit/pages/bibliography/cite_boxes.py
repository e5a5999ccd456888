"""The "Cite this course" and "Cite the essay" boxes: a formatted Chicago reference and BibTeX to copy.

The course's data come from CITATION.cff, the essay's from its .bib entry; both are formatted by the same
cached pandoc run as the Bibliography page.
"""

from __future__ import annotations

import textwrap

from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.formatted import formatted_bibliography
from coursekit.registry import Registry


def cite_box(title: str, lead: str, reference: str, bibtex: str) -> str:
    """An admonition with the reference and a collapsed BibTeX block (Material adds a copy button)."""
    code = textwrap.indent(f"```bibtex\n{bibtex}\n```", "    ")
    body = f"{lead}\n\n{reference}\n{{.cite-reference}}\n\n??? note bib-source \"BibTeX\"\n\n{code}\n"
    return f'!!! quote cite-box "{title}"\n\n' + textwrap.indent(body, "    ") + "\n"


def _cite_course(content: CourseContent, src_uri: str) -> str:
    formatted = formatted_bibliography(content)
    course = formatted.course
    return cite_box("Cite this course", course.message, formatted.course_reference, course.bibtex)


def _cite_essay(content: CourseContent, src_uri: str) -> str:
    formatted = formatted_bibliography(content)
    key = content.course.essay_key
    lead = "Cite the essay itself when you refer to its argument (Chicago author-date):"
    return cite_box("Cite the essay", lead, formatted.references[key], formatted.sources[key])


def register(registry: Registry) -> None:
    registry.add_marker("cite-course", _cite_course)
    registry.add_marker("cite-essay", _cite_essay)
