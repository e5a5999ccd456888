"""The concept map draws the essay's argument as a loop, every link it lists, and links each box to its section."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from coursekit.cli.main import main
from coursekit.content.load import CourseContent
from coursekit.pages.concept_map import render_concept_map_page, render_svg
from coursekit.paths import ProjectPaths


def test_every_listed_link_is_drawn_and_every_box_links_to_its_section(content: CourseContent) -> None:
    cmap = content.concept_map
    svg = render_svg(content)
    page = render_concept_map_page(content)
    assert len(re.findall(r'class="concept-map__edge"', svg)) == len(cmap.edges)
    listed = re.findall(r"^\d+\. ", page, flags=re.MULTILINE)
    assert len(listed) == len(cmap.edges)
    hrefs = re.findall(r'<a class="concept-map__node[^"]*" href="([^"]+)"', svg)
    assert len(hrefs) == len(cmap.nodes)
    for node, href in zip(cmap.nodes, hrefs, strict=True):
        assert href == f"chapters/{node.chapter_stem}.html#{node.anchor}"
        chapter = next(c for c in content.chapters if c.stem == node.chapter_stem)
        assert node.anchor in chapter.heading_ids


def test_the_map_is_a_loop_not_a_chain(content: CourseContent) -> None:
    cmap = content.concept_map
    loop = [n.id for n in cmap.loop]
    pairs = {(e.source, e.target) for e in cmap.edges}
    assert all((a, b) in pairs for a, b in itertools.pairwise(loop))
    assert (loop[-1], loop[0]) in pairs, "the last concept leads back to the first"
    assert ("instrumentalization", "reverse-diffusion") not in pairs
    page = render_concept_map_page(content)
    assert "old practice" in page and "perhaps as old as" in page and "each prepared by the one before" not in page


def test_a_section_that_does_not_exist_is_reported(copied_paths: ProjectPaths,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = copied_paths.data / "concept-map.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("03-empowerment-and-representation#empowerment",
                                                             "03-empowerment-and-representation#nowhere"),
                    encoding="utf-8")
    assert main(["--root", str(copied_paths.root), "check"]) == 1
    assert "chapter 3 has no heading 'nowhere'" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.browser
def test_labels_fit_their_boxes_and_are_readable_on_a_phone(built_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from coursekit.bench.server import serve_site

    with serve_site(built_site) as base:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(f"{base}/concept-map.html")
        heights = page.evaluate("() => [...document.querySelectorAll('.concept-map svg text')]"
                                ".map(t => t.getBoundingClientRect().height)")
        overflowing = page.evaluate("""() => [...document.querySelectorAll('.concept-map__node')].flatMap(a => {
            const box = a.querySelector('rect').getBoundingClientRect();
            return [...a.querySelectorAll('text')].filter(t => {
                const r = t.getBoundingClientRect();
                return r.left < box.left - 0.5 || r.right > box.right + 0.5;
            }).map(t => t.textContent);
        })""")
        context.close()
    assert min(heights) >= 13, f"smallest text is {min(heights):.1f}px high at 390px"
    assert overflowing == []
