"""The concept map's data (nodes are glossary terms, edges say how one leads to the next)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    line: int | None


@dataclass(frozen=True)
class ConceptMap:
    path: Path
    spine: tuple[str, ...]
    edges: tuple[Edge, ...]


def load_concept_map(path: Path) -> ConceptMap:
    """Load the map: a spine of glossary ids, left to right, plus labelled edges."""
    problems: list[Problem] = []
    f = FieldReader(load_yaml_file(path), path, problems)
    spine = tuple(f.texts("spine", at_least=2))
    edges = []
    for raw in f.records("edges"):
        e = FieldReader(raw, path, problems, item="edge")
        edges.append(Edge(e.text("from"), e.text("to"), e.text("label"), line_of(raw)))
    raise_if_any(problems)
    return ConceptMap(path, spine, tuple(edges))
