"""The pages made from the content data alone: glossary, timeline, concept map (src_uri -> Markdown)."""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.pages.concept_map import render_concept_map_page
from coursekit.pages.glossary import render_glossary
from coursekit.pages.timeline import render_timeline
from coursekit.registry import Registry


def _data_pages(content: CourseContent) -> dict[str, str]:
    return {
        "glossary.md": render_glossary(content),
        "timeline.md": render_timeline(content),
        "concept-map.md": render_concept_map_page(content),
    }


def register(registry: Registry) -> None:
    registry.add_page_generator(_data_pages)
