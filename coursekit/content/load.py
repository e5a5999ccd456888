"""Load every content source once and cross-check them, so all outputs derive from the same data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from coursekit.content.actors import ActorsMap, load_actors_map
from coursekit.content.bibliography import Bibliography, check_citations, load_bibliography
from coursekit.content.chapters import GLOSSARY_LINK, Chapter, cited_keys, load_chapters
from coursekit.content.concept_map import ConceptMap, load_concept_map
from coursekit.content.course import Course, load_course
from coursekit.content.glossary import Glossary, load_glossary
from coursekit.content.locator_map import LocatorMap, load_locator_map
from coursekit.content.source_file import read_source
from coursekit.content.timeline import Timeline, load_timeline
from coursekit.errors import ContentError, Problem, raise_if_any
from coursekit.paths import ProjectPaths

if TYPE_CHECKING:
    from coursekit.content.corrections import Corrections
    from coursekit.quiz.generate import GeneratorData
    from coursekit.quiz.model import Bank


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
    locator_map: LocatorMap
    actors_map: ActorsMap

    @cached_property
    def question_banks(self) -> tuple[list[Bank], list[Problem]]:
        """The banks in quizzes/ that loaded cleanly and every problem found, read once per content load.

        Banks are content too, but they are checked against the rest (concepts, anchors), so they load after it;
        the build's checkers and generators share this one parse, and a copy (dataclasses.replace) reads afresh.
        """
        from coursekit.quiz.bank import read_banks  # the quiz package builds on this module: import late

        return read_banks(self)

    @cached_property
    def corrections(self) -> Corrections:
        """docs/_data/corrections.yml, checked against the bibliography; loaded on first use (ContentError if bad)."""
        from coursekit.content.corrections import FILENAME, load_corrections

        return load_corrections(self.paths.data / FILENAME, set(self.bibliography.keys))

    @cached_property
    def quiz_generator_data(self) -> GeneratorData:
        """`quizzes/generators.toml` (actor groups, term categories), read once per content load."""
        from coursekit.quiz.generate import load_generator_data  # the quiz package builds on this module

        return load_generator_data(self.paths.quizzes)

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
    # The chapters load first: their number is the course's shape (the glossary and timeline are checked
    # against it); when they fail to load, those range checks wait for the next run.
    loaders = {
        "chapters": lambda: tuple(load_chapters(paths.chapters)),
        "course": lambda: load_course(paths.data / "course.yml"),
        "glossary": lambda: load_glossary(paths.data / "glossary.yml", chapter_count=_count(loaded)),
        "timeline": lambda: load_timeline(paths.data / "timeline.yml", chapter_count=_count(loaded)),
        "concept_map": lambda: load_concept_map(paths.data / "concept-map.yml"),
        "bibliography": lambda: load_bibliography(paths.bibliography),
        "locator_map": lambda: load_locator_map(paths.data / "locator-map.yml"),
        "actors_map": lambda: load_actors_map(paths.data / "actors.yml"),
    }
    for name, loader in loaders.items():
        try:
            loaded[name] = loader()
        except ContentError as exc:
            problems.extend(exc.problems)
    reported = {p.path for p in problems}
    problems += [p for p in unreadable_sources(paths) if p.path not in reported]
    raise_if_any(problems)
    content = CourseContent(paths=paths, **loaded)  # type: ignore[arg-type]
    raise_if_any(cross_check(content))
    return content


SOURCE_SUFFIXES = {".md", ".yml", ".yaml", ".bib", ".toml", ".cff"}


def unreadable_sources(paths: ProjectPaths) -> list[Problem]:
    """Every source file (pages, data, banks, bibliography) that is not UTF-8, too large or holds bidi controls.

    Checked once here, so no checker (including ones added later) meets a file it cannot read.
    """
    folders = (paths.docs, paths.quizzes, paths.bibliography.parent)
    files = sorted({f for folder in folders if folder.is_dir() for f in folder.rglob("*")
                    if f.is_file() and f.suffix in SOURCE_SUFFIXES})
    problems: list[Problem] = []
    for path in files:
        try:
            read_source(path)
        except ContentError as exc:
            problems += exc.problems
    return problems


def _count(loaded: dict[str, object]) -> int | None:
    chapters = loaded.get("chapters")
    return len(chapters) if isinstance(chapters, tuple) else None


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
        problems += check_citations(read_source(path), path, keys)
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
    stems = {c.stem: c for c in content.chapters}
    for node in content.concept_map.nodes:
        if node.id not in glossary:
            problems.append(Problem(content.concept_map.path, node.line,
                                    f"concept map node '{node.id}' is not in the glossary"))
        chapter = stems.get(node.chapter_stem)
        if chapter is None:
            problems.append(Problem(content.concept_map.path, node.line,
                                    f"section '{node.section}': no chapter '{node.chapter_stem}'", node.id))
        elif node.anchor not in chapter.heading_ids:
            problems.append(Problem(content.concept_map.path, node.line,
                                    f"section '{node.section}': chapter {chapter.number} has no heading "
                                    f"'{node.anchor}'", node.id))
    problems += _check_locator_map(content, keys)
    problems += _check_actors_map(content, keys)
    if content.course.essay_key not in keys:
        problems.append(Problem(content.paths.data / "course.yml", 1,
                                f"essay_key '{content.course.essay_key}' is not in the bibliography"))
    return problems


def _check_locator_map(content: CourseContent, keys: set[str]) -> list[Problem]:
    """The map's links name existing chapter sections; its notes cite known works."""
    data, numbers, problems = content.locator_map, {c.number for c in content.chapters}, []
    for place in data.places:
        if place.chapter is None:
            continue
        if place.chapter not in numbers:
            problems.append(Problem(data.path, place.line, f"chapter {place.chapter} does not exist", place.id))
        elif place.anchor and place.anchor not in content.chapter(place.chapter).heading_ids:
            problems.append(Problem(data.path, place.line,
                                    f"anchor '{place.anchor}' is not a heading of chapter {place.chapter}", place.id))
    for item in (*data.areas, *data.places):
        problems += check_citations(item.cite, data.path, keys, item.line or 1)
    return problems


def _check_actors_map(content: CourseContent, keys: set[str]) -> list[Problem]:
    """The actors map's glossary links exist; each relation cites known works."""
    data, problems = content.actors_map, []
    for actor in data.actors:
        if actor.term and actor.term not in content.glossary:
            problems.append(Problem(data.path, actor.line, f"term '{actor.term}' is not in the glossary", actor.id))
    for relation in data.relations:
        problems += check_citations(relation.cite, data.path, keys, relation.line or 1)
    return problems
