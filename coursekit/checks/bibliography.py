"""`course check` and build-time checks for the bibliography feature: groups, BibTeX sources, CITATION.cff."""

from __future__ import annotations

from coursekit.content.chapters import cited_keys
from coursekit.content.course_citation import load_course_citation
from coursekit.content.load import CourseContent
from coursekit.content.source_file import read_source
from coursekit.errors import ContentError, Problem
from coursekit.pages.bibliography.entries import entry_sources, kind_problems
from coursekit.registry import Registry

BIBLIOGRAPHY_COMMAND = "\\bibliography"  # mkdocs-bibtex's default bib_command


def check_bibliography_page_data(content: CourseContent) -> list[Problem]:
    """Every entry has a known kind and a BibTeX source to show; the course citation loads and has its own key."""
    path = content.bibliography.path
    problems = kind_problems(content)
    sources = entry_sources(path.read_text(encoding="utf-8"))
    for key in content.bibliography.keys:
        if key not in sources:
            problems.append(Problem(path, None, "entry's BibTeX source could not be found in the file", key))
    try:
        course = load_course_citation(content.paths)
    except ContentError as exc:
        return problems + exc.problems
    if course.key in content.bibliography.keys:
        problems.append(Problem(path, None, f"key '{course.key}' is reserved for the course's own citation "
                                "(derived from CITATION.cff)", course.key))
    return problems


def check_pages_list_their_references(content: CourseContent) -> list[Problem]:
    """A hand-written page that cites works needs `\\bibliography`, or its citations show as raw `[^ref-...]`."""
    chapters = {chapter.path.resolve() for chapter in content.chapters}  # the hook adds their reference list
    problems = []
    for path in sorted(content.paths.docs.rglob("*.md")):
        if "_data" in path.parts or path.resolve() in chapters:
            continue
        try:
            text = read_source(path)
        except ContentError:
            continue  # check_pages reports the unreadable page once
        cited = cited_keys(text)
        if cited and BIBLIOGRAPHY_COMMAND not in text:
            problems.append(Problem(path, cited[0][1], "the page cites works but has no reference list: end it with "
                                    "'## References {#references}' and a line '\\bibliography'"))
    return problems


def register(registry: Registry) -> None:
    registry.add_checker(check_bibliography_page_data)
    registry.add_checker(check_pages_list_their_references)
