"""What every course figure shares: an accessible inline SVG frame (title, description, a group role because
parts are links) inside a <figure> with a caption, followed by a text alternative in Markdown."""

from __future__ import annotations

import textwrap
from html import escape


def svg_open(css_class: str, figure_id: str, width: float, height: float, title: str, description: str) -> str:
    """The opening <svg> with its <title> and <desc>, named by aria-labelledby."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="0 0 {width:g} {height:g}" '
        f'role="group" aria-labelledby="{figure_id}-title {figure_id}-desc">'
        f'<title id="{figure_id}-title">{escape(title)}</title>'
        f'<desc id="{figure_id}-desc">{escape(description)}</desc>'
    )


def figure(css_class: str, svg: str, caption: str) -> str:
    """The SVG in a figure; the caption is HTML (already escaped by the caller)."""
    return f'<figure class="course-figure {css_class}">\n{svg}\n<figcaption>{caption}</figcaption>\n</figure>'


def text(x: float, y: float, label: str, css_class: str, anchor: str = "start") -> str:
    """One escaped text label."""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{css_class}">{escape(label)}</text>')


def page_href(src_uri: str, from_uri: str, anchor: str | None = None, built: bool = True) -> str:
    """A link from one page to another, relative: built (.html) for raw SVG, source (.md) for Markdown, which
    MkDocs checks and rewrites itself."""
    depth = from_uri.count("/")
    target = "../" * depth + (src_uri.removesuffix(".md") + ".html" if built else src_uri)
    return target + (f"#{anchor}" if anchor else "")


def link(href: str, body: str) -> str:
    """An SVG link. It carries a class, which also keeps the glossary-tooltip filter from adding `title` (not
    allowed on SVG links) to the ones that point into the glossary."""
    return f'<a class="course-figure__link" href="{escape(href)}">{body}</a>'


def wrap(text: str, limit: int) -> list[str]:
    """Words into lines of at most `limit` characters (a longer word gets a line of its own): labels in figures."""
    return textwrap.wrap(text, width=limit, break_long_words=False, break_on_hyphens=False)
