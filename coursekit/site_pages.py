"""Every page the hook generates from data, in one place: src_uri -> Markdown."""

from __future__ import annotations

from collections.abc import Callable

from coursekit.content.load import CourseContent
from coursekit.render.concept_map import render_concept_map_page
from coursekit.render.glossary_page import render_glossary
from coursekit.render.timeline_page import render_timeline

PageGenerator = Callable[[CourseContent], dict[str, str]]


def _data_pages(content: CourseContent) -> dict[str, str]:
    return {
        "glossary.md": render_glossary(content),
        "timeline.md": render_timeline(content),
        "concept-map.md": render_concept_map_page(content),
    }


# Each feature adds its generator here (quizzes, bibliography, instructor pages).
GENERATORS: list[PageGenerator] = [_data_pages]


def generated_pages(content: CourseContent) -> dict[str, str]:
    """All generated pages; two generators claiming one path is a programming error."""
    pages: dict[str, str] = {}
    for generator in GENERATORS:
        for uri, markdown in generator(content).items():
            if uri in pages:
                raise ValueError(f"two generators produce {uri}")
            pages[uri] = markdown
    return pages
