"""The actors map's data (docs/_data/actors.yml): the Morocco case's actors and what each did to another.

Relations are data, each with its basis (the essay, or the official record the course adds) and its citation, so
the drawing, its text alternative and the tests all read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.content.ids import read_id
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file

RELATION_KINDS = ("backed", "agreed", "challenged", "ruled", "hosted", "retaliated")
BASES = ("essay", "record")
DRAWING_WIDTH, DRAWING_HEIGHT = 400, 540
BOX_W, BOX_H = 124, 44  # every actor's box: the whole box must lie inside the drawing


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    term: str | None
    community: bool
    at: tuple[float, float]
    line: int | None


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    kind: str
    label: str
    when: str
    basis: str
    cite: str
    bend: float
    line: int | None


@dataclass(frozen=True)
class ActorsMap:
    path: Path
    title: str
    description: str
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)


def _point(f: FieldReader) -> tuple[float, float]:
    value = f.data.get("at")
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        f.fail("field 'at' must be [x, y]")
        return (0.0, 0.0)
    x, y = float(value[0]), float(value[1])
    if not (BOX_W / 2 <= x <= DRAWING_WIDTH - BOX_W / 2 and BOX_H / 2 <= y <= DRAWING_HEIGHT - BOX_H / 2):
        f.fail(f"field 'at' [{x:g}, {y:g}] puts the box outside the drawing: x must be {BOX_W // 2}-"
               f"{DRAWING_WIDTH - BOX_W // 2} and y {BOX_H // 2}-{DRAWING_HEIGHT - BOX_H // 2}")
    return (x, y)


def _number(f: FieldReader, key: str) -> float:
    value = f.data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        f.fail(f"field '{key}' must be a number")
        return 0.0
    return float(value)



def load_actors_map(path: Path) -> ActorsMap:
    """Load and validate the actors and relations; relations must name known actors."""
    problems: list[Problem] = []
    f = FieldReader(load_yaml_file(path), path, problems)
    actors: list[Actor] = []
    seen: dict[str, int | None] = {}
    for raw in f.records("actors"):
        a = FieldReader(raw, path, problems, item=str(raw.get("id")) if isinstance(raw, dict) else None)
        actor_id = read_id(a, seen, line_of(raw))
        community = a.data.get("community", False)
        if not isinstance(community, bool):
            a.fail("field 'community' must be true or false")
            community = False
        actors.append(Actor(actor_id, a.text("name"), a.text("term", required=False) or None, community, _point(a),
                            line_of(raw)))
    known = {a.id for a in actors}
    relations: list[Relation] = []
    for raw in f.records("relations"):
        r = FieldReader(raw, path, problems, item="relation")
        source, target = r.text("from"), r.text("to")
        for end in (source, target):
            if end and end not in known:
                r.fail(f"'{end}' is not an actor of this map")
        if source and source == target:
            r.fail("a relation needs two different actors")
        relations.append(Relation(source, target, r.choice("kind", RELATION_KINDS), r.text("label"), r.text("when"),
                                  r.choice("basis", BASES), r.text("cite"), _number(r, "bend"), line_of(raw)))
    raise_if_any(problems)
    return ActorsMap(path, f.text("title"), f.text("description"), tuple(actors), tuple(relations))
