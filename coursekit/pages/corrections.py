"""Correction boxes in pages: `<!-- correction:ID -->` in any page, and `<!-- course:corrections -->` for all of them.

The text comes from docs/_data/corrections.yml (content/corrections.py), so the chapter, the timeline, the
glossary and the critical-reading page all say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursekit.content.corrections import corrections_of, expand_corrections, render_correction
from coursekit.content.load import CourseContent
from coursekit.pages.text import md_text
from coursekit.registry import Registry

if TYPE_CHECKING:
    from coursekit.build_state import BuildState


def _expand(markdown: str, src_uri: str, state: BuildState) -> str:
    return expand_corrections(markdown, state.content)


def all_corrections(content: CourseContent, src_uri: str) -> str:
    """Every correction, in file order, each under its own heading (for the critical-reading page)."""
    parts = []
    for correction in corrections_of(content).items:
        parts += [f"### {md_text(correction.title)} {{#correction-{correction.id}}}", "",
                  render_correction(correction, content.course.essay_key), ""]
    return "\n".join(parts)


def register(registry: Registry) -> None:
    # After the chapter's front matter is rendered (100), before markers (50) and mkdocs-bibtex read citations.
    registry.add_markdown_filter(_expand, priority=60)
    registry.add_marker("corrections", all_corrections)
