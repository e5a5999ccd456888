"""Glossary tooltips: links to a glossary entry get its short definition as their title (hover and focus)."""

from __future__ import annotations

import html
import re

from coursekit.content.glossary import Glossary
from coursekit.content.load import CourseContent
from coursekit.registry import Registry

# Links that already carry a class (e.g. the concept map's SVG nodes, where `title` is not allowed) are left alone.
_GLOSSARY_ANCHOR = re.compile(r'<a href="((?:\.\./)*glossary\.html#([a-z0-9-]+))"(?![^>]*\b(?:title|class)=)')


def add_glossary_titles(page_html: str, glossary: Glossary) -> str:
    """Add `title` and a class to every link into the glossary, so Material shows the definition."""

    def replace(match: re.Match[str]) -> str:
        href, term_id = match.group(1), match.group(2)
        if term_id not in glossary:
            return match.group(0)
        short = html.escape(glossary.get(term_id).short, quote=True)
        return f'<a class="glossary-term" href="{href}" title="{short}"'

    return _GLOSSARY_ANCHOR.sub(replace, page_html)


def _glossary_titles(page_html: str, src_uri: str, content: CourseContent) -> str:
    return add_glossary_titles(page_html, content.glossary)


def register(registry: Registry) -> None:
    registry.add_html_filter(_glossary_titles, priority=100)
