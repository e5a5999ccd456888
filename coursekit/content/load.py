"""Load every content source once and cross-check them, so all outputs derive from the same data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coursekit.citations import Bibliography, check_citations, load_bibliography
from coursekit.content.chapters import GLOSSARY_LINK, Chapter, cited_keys, load_chapters
from coursekit.content.concept_map import ConceptMap, load_concept_map
from coursekit.content.course import Course, load_course
from coursekit.content.glossary import Glossary, load_glossary
from coursekit.content.timeline import Timeline, load_timeline
from coursekit.errors import ContentError, Problem, raise_if_any
from coursekit.paths import ProjectPaths


@dataclass(frozen=True)
class CourseContent:
    """Everything authors wrote, validated."""

    paths: ProjectPaths
    course: Course
    chapters: tuple[Chapter, ...]
    glossary: Glossary
    timeline: Timeline
    concept_map: ConceptMap
    bibliography: Bibliography
    # Data derived once per load (e.g. the validated question banks), shared by the build's checkers and
    # generators so nothing is parsed twice; not part of equality, and fresh in every copy (dataclasses.replace).
    derived: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def chapter(self, number: int) -> Chapter:
        for chapter in self.chapters:
            if chapter.number == number:
                return chapter
        raise KeyError(number)

    def chapter_by_stem(self, stem: str) -> Chapter | None:
        return next((c for c in self.chapters if c.stem == stem), None)


def load_content(paths: ProjectPaths) -> CourseContent:
    """Load all sources; collect problems from each before raising, so one run reports them all."""
    problems: list[Problem] = []
    loaded: dict[str, object] = {}
    loaders = {
        "course": lambda: load_course(paths.data / "course.yml"),
        "chapters": lambda: tuple(load_chapters(paths.chapters)),
        "glossary": lambda: load_glossary(paths.data / "glossary.yml"),
        "timeline": lambda: load_timeline(paths.data / "timeline.yml"),
        "concept_map": lambda: load_concept_map(paths.data / "concept-map.yml"),
        "bibliography": lambda: load_bibliography(paths.bibliography),
    }
    for name, loader in loaders.items():
        try:
            loaded[name] = loader()
        except ContentError as exc:
            problems.extend(exc.problems)
    raise_if_any(problems)
    content = CourseContent(paths=paths, **loaded)  # type: ignore[arg-type]
    raise_if_any(cross_check(content))
    return content


def cross_check(content: CourseContent) -> list[Problem]:
    """References between sources: glossary ids, bib keys, chapters and anchors all exist."""
    problems: list[Problem] = []
    glossary, keys = content.glossary, set(content.bibliography.keys)
    used_terms: set[str] = set()
    for chapter in content.chapters:
        path = chapter.path
        for term in chapter.key_terms:
            if term not in glossary:
                problems.append(Problem(path, 1, f"key term '{term}' is not in the glossary"))
        for key in chapter.further_reading:
            if key not in keys:
                problems.append(Problem(path, 1, f"further_reading key '{key}' is not in the bibliography"))
        for match in GLOSSARY_LINK.finditer(chapter.body):
            line = chapter.body_line + chapter.body.count("\n", 0, match.start())
            term_id = match.group(1)
            used_terms.add(term_id)
            if term_id not in glossary:
                problems.append(Problem(path, line, f"link to unknown glossary term '{term_id}'"))
        problems += check_citations(path.read_text(encoding="utf-8"), path, keys)
        if not cited_keys(chapter.body):
            problems.append(Problem(path, chapter.body_line, "the chapter cites nothing: cite the essay"))
    for term in glossary.terms:
        if term.id not in used_terms:
            problems.append(Problem(glossary.path, term.line, "term is not linked from any chapter", term.id))
        problems += check_citations(term.definition, glossary.path, keys, term.line or 1)
    numbers = {c.number for c in content.chapters}
    for event in content.timeline.events:
        if event.chapter not in numbers:
            problems.append(Problem(content.timeline.path, event.line, f"chapter {event.chapter} does not exist",
                                    event.id))
            continue
        if event.anchor and event.anchor not in content.chapter(event.chapter).heading_ids:
            problems.append(Problem(content.timeline.path, event.line,
                                    f"anchor '{event.anchor}' is not a heading of chapter {event.chapter}", event.id))
        problems += check_citations(event.cite, content.timeline.path, keys, event.line or 1)
    for node in content.concept_map.spine:
        if node not in glossary:
            problems.append(Problem(content.concept_map.path, 1, f"concept map node '{node}' is not in the glossary"))
    for edge in content.concept_map.edges:
        for node in (edge.source, edge.target):
            if node not in glossary:
                problems.append(Problem(content.concept_map.path, edge.line,
                                        f"concept map edge names '{node}', not in the glossary"))
    if content.course.essay_key not in keys:
        problems.append(Problem(content.paths.data / "course.yml", 1,
                                f"essay_key '{content.course.essay_key}' is not in the bibliography"))
    return problems
