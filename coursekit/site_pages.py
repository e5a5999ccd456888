"""Every page the hook generates from data, in one place: src_uri -> Markdown."""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.registry import GENERATORS, generator
from coursekit.render.concept_map import render_concept_map_page
from coursekit.render.glossary_page import render_glossary
from coursekit.render.timeline_page import render_timeline


@generator
def _data_pages(content: CourseContent) -> dict[str, str]:
    return {
        "glossary.md": render_glossary(content),
        "timeline.md": render_timeline(content),
        "concept-map.md": render_concept_map_page(content),
    }


def generated_pages(content: CourseContent) -> dict[str, str]:
    """All generated pages; two generators claiming one path is a programming error."""
    pages: dict[str, str] = {}
    for make_pages in GENERATORS:
        for uri, markdown in make_pages(content).items():
            if uri in pages:
                raise ValueError(f"two generators produce {uri}")
            pages[uri] = markdown
    return pages
