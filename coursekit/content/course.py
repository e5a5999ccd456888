"""Course-level data (title, outcomes, reading path) from docs/_data/course.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import load_yaml_file


@dataclass(frozen=True)
class ReadingStep:
    chapter: int
    note: str


@dataclass(frozen=True)
class Course:
    title: str
    subtitle: str
    essay_key: str
    audience: str
    outcomes: tuple[str, ...]
    reading_path: tuple[ReadingStep, ...]
    licence_content: str
    licence_code: str


def load_course(path: Path) -> Course:
    """Load and validate the course data."""
    problems: list[Problem] = []
    f = FieldReader(load_yaml_file(path), path, problems)
    steps = []
    for raw in f.records("reading_path"):
        s = FieldReader(raw, path, problems, item="reading_path")
        steps.append(ReadingStep(s.integer("chapter"), s.text("note")))
    course = Course(
        title=f.text("title"),
        subtitle=f.text("subtitle"),
        essay_key=f.text("essay_key"),
        audience=f.text("audience"),
        outcomes=tuple(f.texts("outcomes", at_least=3)),
        reading_path=tuple(steps),
        licence_content=f.text("licence_content"),
        licence_code=f.text("licence_code"),
    )
    raise_if_any(problems)
    return course
