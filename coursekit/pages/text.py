"""Data text into generated pages: the one place where what authors wrote as data is made safe for HTML.

Every field of the data files (glossary, timeline, course, concept map, chapter front matter, corrections,
question banks) is plain text that may use Markdown (emphasis, links, citations), never raw HTML. Markdown
passes raw HTML through, so each renderer puts a field into its Markdown with `md_text` (or `md_cell` in a
table, `yaml_string` in generated front matter), and HTML renderers use `html.escape`. MkDocs and Material
treat a page's front-matter `title` and `description` as HTML: the hook escapes them once (`escape_meta`).
tests/safety/test_markup_escaped.py plants markup in every field and checks that none of it runs.
"""

from __future__ import annotations

import html
import json
from typing import Any

from markupsafe import escape as markup_escape

# Front-matter keys MkDocs or the theme insert into HTML as they are.
HTML_META_KEYS = ("title", "description")


def md_text(text: str) -> str:
    """A data field inside generated Markdown: `&`, `<`, `>` become entities, so markup shows as written."""
    return html.escape(str(text), quote=False)


def md_cell(text: str) -> str:
    """A data field inside a Markdown table cell: one line, escaped, `|` kept from splitting the cell."""
    return " ".join(md_text(text).split()).replace("|", "\\|")


def md_literal(text: str) -> str:
    """A data field that must not be read as Markdown either (bank titles in headings): escaped and inert."""
    return "".join(f"\\{c}" if c in "\\`*_[]#|" else c for c in md_text(text))


def yaml_string(text: str) -> str:
    """A value for generated YAML front matter: one double-quoted scalar, whatever quotes it holds."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def escape_meta(meta: dict[str, Any]) -> None:
    """Escape the front-matter fields MkDocs and the theme put into HTML unescaped (nav, header, <title>).

    The escaped value is a `Markup` string: the theme's own `| e` (footer links) then leaves it as it is,
    instead of escaping it a second time.
    """
    for key in HTML_META_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and not hasattr(value, "__html__"):
            meta[key] = markup_escape(value)
