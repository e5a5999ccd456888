"""The actors map: every actor and relation of docs/_data/actors.yml is drawn and described, each relation cited;
bad data is reported with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from coursekit.content.actors import load_actors_map
from coursekit.content.load import CourseContent, load_content
from coursekit.pages.figures.actors_map import render_actors_map, render_svg, sentence
from coursekit.paths import project_paths
from tests.figures.conftest import problems_with_changed_data

CHAPTER_URI = "chapters/05-empowerment-and-instrumentalization.md"
REQUIRED_ACTORS = {"morocco", "spain", "france", "council", "commission", "eeas", "parliament", "polisario",
                   "general-court", "court-of-justice"}


def drawn_relations(svg: str) -> list[tuple[str, str, str]]:
    return re.findall(r'data-from="([a-z-]+)" data-to="([a-z-]+)" data-kind="([a-z]+)"', svg)


def test_the_issue_s_actors_are_all_in_the_data(content: CourseContent) -> None:
    assert {a.id for a in content.actors_map.actors} >= REQUIRED_ACTORS


def test_every_actor_and_relation_of_the_data_is_drawn(content: CourseContent) -> None:
    data = content.actors_map
    svg = render_svg(content, CHAPTER_URI)
    assert set(re.findall(r'data-actor="([a-z-]+)"', svg)) == {a.id for a in data.actors}
    assert drawn_relations(svg) == [(r.source, r.target, r.kind) for r in data.relations]
    for number in range(1, len(data.relations) + 1):
        assert f">{number}</text>" in svg, f"relation {number} has no number on its arrow"
        assert f"<title>{number}. " in svg


def test_the_text_alternative_lists_every_relation_with_its_citation(content: CourseContent) -> None:
    data = content.actors_map
    markdown = render_actors_map(content, CHAPTER_URI)
    alternative = markdown.split('??? note "The relations in words, with their sources"', 1)[1]
    for number, relation in enumerate(data.relations, start=1):
        line = next(li for li in alternative.splitlines() if li.strip().startswith(f"{number}. "))
        assert sentence(data, relation) in line and relation.cite in line and "[@" in relation.cite


def test_kinds_differ_by_more_than_colour(built_site: Path) -> None:
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    dashed = set(re.findall(r"\.actors-map__edge--([a-z]+)\s*\{[^}]*stroke-dasharray", css))
    assert {"challenged", "ruled", "hosted"} <= dashed


def test_a_relation_added_to_the_data_is_drawn(project_copy) -> None:
    root = project_copy()
    path = root / "docs" / "_data" / "actors.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["relations"].append({"from": "france", "to": "morocco", "kind": "backed", "label": "a planted relation",
                              "when": "2020", "basis": "essay", "cite": "[@cassarino2021instrumentalization, sec. 5]"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    svg = render_svg(load_content(project_paths(root)), CHAPTER_URI)
    assert ("france", "morocco", "backed") in drawn_relations(svg)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["relations"][0].update(to="luxembourg"), "'luxembourg' is not an actor of this map"),
    (lambda d: d["relations"][0].update(kind="praised"), "expected one of backed, agreed"),
    (lambda d: d["relations"][0].update(basis="rumour"), "expected one of essay, record"),
    (lambda d: d["relations"][0].update(to=d["relations"][0]["from"]), "needs two different actors"),
    (lambda d: d["actors"][0].update(at=[900, 10]), "puts the box outside the drawing"),
    (lambda d: d["actors"][0].update(at=[340, 500]), "puts the box outside the drawing"),
    (lambda d: d["relations"][0].pop("cite"), "missing field 'cite'"),
])
def test_bad_actor_data_names_the_file_and_line(tmp_path: Path, change, message: str) -> None:
    bad, problems = problems_with_changed_data("actors.yml", change, load_actors_map, tmp_path)
    assert any(message in p and re.match(rf"{re.escape(str(bad))}:\d+: ", p) for p in problems), problems
