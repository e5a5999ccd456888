"""The locator map: every area and place of docs/_data/locator-map.yml is in the picture, links go to chapter
sections, and bad map data is reported with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from coursekit.content.load import CourseContent, load_content
from coursekit.content.locator_map import load_locator_map
from coursekit.errors import ContentError
from coursekit.pages.figures.locator_map import render_locator_map, render_svg
from coursekit.paths import project_paths
from tests.figures.conftest import problems_with_changed_data

CHAPTER_URI = "chapters/05-empowerment-and-instrumentalization.md"


def drawn_ids(svg: str, kind: str) -> set[str]:
    return set(re.findall(rf'data-{kind}="([a-z0-9-]+)"', svg))


def test_every_area_and_place_of_the_data_is_drawn(content: CourseContent) -> None:
    svg = render_svg(content, CHAPTER_URI)
    data = content.locator_map
    assert drawn_ids(svg, "area") == {a.id for a in data.areas}
    assert drawn_ids(svg, "place") == {p.id for p in data.places}
    for area in data.areas:
        path = re.search(rf'<path d="([^"]*)" class="[^"]*"(?: fill="[^"]*")? data-area="{area.id}"', svg)
        assert path and len(path.group(1)) > 20, f"{area.id} has no outline"
    for name in [a.name for a in data.areas] + [p.name for p in data.places]:
        assert f">{name}</text>" in svg


def test_the_map_has_a_title_a_description_and_a_text_alternative(content: CourseContent) -> None:
    markdown = render_locator_map(content, CHAPTER_URI)
    assert '<title id="locator-map-title">' in markdown and '<desc id="locator-map-desc">' in markdown
    assert 'aria-labelledby="locator-map-title locator-map-desc"' in markdown
    alternative = markdown.split('??? note "The map in words"', 1)[1]
    for item in [p.name for p in content.locator_map.places] + ["Western Sahara"]:
        assert f"**{item}**" in alternative or f"**[{item}](" in alternative


def test_western_sahara_is_drawn_whole_and_marked_as_the_un_lists_it(content: CourseContent) -> None:
    area = next(a for a in content.locator_map.areas if a.id == "western-sahara")
    assert area.role == "disputed" and len(area.shapes) == 2, "the territory needs both atlas pieces"
    svg = render_svg(content, CHAPTER_URI)
    assert "non-self-governing territory" in svg
    assert "un2024nsgt" in area.cite


def test_a_place_added_to_the_data_appears_in_the_picture(project_copy, content: CourseContent) -> None:
    root = project_copy()
    path = root / "docs" / "_data" / "locator-map.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["places"].append({"id": "tangier", "name": "Tangier", "kind": "city", "at": [-5.8, 35.77],
                           "side": "left", "note": "A port on the Strait."})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    copy = load_content(project_paths(root))
    svg = render_svg(copy, CHAPTER_URI)
    assert "tangier" in drawn_ids(svg, "place") and ">Tangier</text>" in svg


def test_place_links_point_at_chapter_sections_that_exist(built_site: Path, content: CourseContent) -> None:
    page = (built_site / CHAPTER_URI.replace(".md", ".html")).read_text(encoding="utf-8")
    svg = page[page.index('<svg xmlns="http://www.w3.org/2000/svg" class="locator-map__svg"'):]
    svg = svg[:svg.index("</svg>")]
    links = re.findall(r'<a class="course-figure__link" href="([^"]+)"', svg)
    assert links, "the map links its places to the chapter"
    for link in links:
        target, _, anchor = link.partition("#")
        html = (built_site / "chapters" / target).resolve().read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, link


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["places"][0].update(at=[-5.3, 95]), "is not a longitude in -180..180 and a latitude in -90..90"),
    (lambda d: d["places"][0].update(at=[30.0, 35.0]), "lies outside the map's extent"),
    (lambda d: d["places"][0].update(kind="village"), "expected one of city, capital, water"),
    (lambda d: d["areas"][0].update(shapes=[]), "needs at least one shape"),
    (lambda d: d["areas"][1].update(id=d["areas"][0]["id"]), "duplicate id"),
])
def test_bad_map_data_names_the_file_and_line(tmp_path: Path, change, message: str) -> None:
    bad, problems = problems_with_changed_data("locator-map.yml", change, load_locator_map, tmp_path)
    assert any(message in p and p.startswith(f"{bad}:") for p in problems), problems


def test_an_atlas_id_that_does_not_exist_is_a_clear_error(project_copy) -> None:
    root = project_copy()
    path = root / "docs" / "_data" / "locator-map.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('atlas_id: "620"', 'atlas_id: "999"'),
                    encoding="utf-8")
    copy = load_content(project_paths(root))
    with pytest.raises(ContentError, match=r"locator-map\.yml: .*no country with id 999"):
        render_svg(copy, CHAPTER_URI)
