"""The concept map's data: glossary concepts, where each is taught, and the links the essay draws between them.

The map is the essay's argument as a loop (issue 12): `loop` nodes are read top to bottom and back to the top;
`beside` nodes feed a loop node or leave one. Every edge is drawn and listed in the text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file

PLACES = ("loop", "beside")


@dataclass(frozen=True)
class Node:
    id: str
    section: str  # chapter stem#heading id
    place: str
    row: float | None
    label: str | None
    note: str | None
    line: int | None

    @property
    def chapter_stem(self) -> str:
        return self.section.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.section.split("#", 1)[1] if "#" in self.section else ""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    text: str
    cite: str
    line: int | None


@dataclass(frozen=True)
class ConceptMap:
    path: Path
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    @property
    def loop(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if n.place == "loop")

    @property
    def beside(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if n.place == "beside")

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)


def load_concept_map(path: Path) -> ConceptMap:
    """Load the map; edges must join its own nodes, and a side node needs a row."""
    problems: list[Problem] = []
    f = FieldReader(load_yaml_file(path), path, problems)
    nodes: list[Node] = []
    for raw in f.records("nodes"):
        n = FieldReader(raw, path, problems, item=str(raw.get("id")) if isinstance(raw, dict) else "node")
        place = n.text("place")
        if place and place not in PLACES:
            n.fail(f"place '{place}' must be one of: {', '.join(PLACES)}")
        row = raw.get("row") if isinstance(raw, dict) else None
        if place == "beside" and not isinstance(row, int | float):
            n.fail("a node placed 'beside' the loop needs a number 'row'")
        section = n.text("section")
        if section and "#" not in section:
            n.fail(f"section '{section}' must name a chapter and a heading: 'NN-chapter#heading-id'")
        nodes.append(Node(n.text("id"), section, place, float(row) if isinstance(row, int | float) else None,
                          n.text("label", required=False) or None, n.text("note", required=False) or None,
                          line_of(raw)))
    ids = {node.id for node in nodes}
    edges = []
    for raw in f.records("edges"):
        e = FieldReader(raw, path, problems, item="edge")
        edge = Edge(e.text("from"), e.text("to"), e.text("label"), e.text("text"), e.text("cite"), line_of(raw))
        for end in (edge.source, edge.target):
            if end and end not in ids:
                e.fail(f"edge names '{end}', which is not a node of the map")
        edges.append(edge)
    if len([n for n in nodes if n.place == "loop"]) < 2:
        problems.append(Problem(path, 1, "the loop needs at least two nodes"))
    raise_if_any(problems)
    return ConceptMap(path, tuple(nodes), tuple(edges))
