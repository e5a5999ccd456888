"""Comparison tables get row headers: the empty top-left cell becomes a <td>, each row's first cell a <th scope=row>.

Authors write comparisons as Markdown tables with an empty corner (`| | A | B |`). Python-Markdown makes that
corner an empty <th>, which screen readers announce as a nameless column header (axe: empty-table-header), and
leaves the row labels as plain cells. Fixing the rendered table keeps the Markdown simple and every such table
right, in the site and in the PDFs built from it.
"""

from __future__ import annotations

import re

from coursekit.content.load import CourseContent
from coursekit.registry import Registry

_TABLE = re.compile(r"<table>\s*<thead>\s*<tr>\s*<th></th>.*?</table>", re.S)
_BODY_ROW_FIRST_CELL = re.compile(r"(<tr>\s*)<td>(.*?)</td>", re.S)


def _fix(table: str) -> str:
    table = table.replace("<th></th>", "<td></td>", 1)
    head, _, body = table.partition("</thead>")
    return head + "</thead>" + _BODY_ROW_FIRST_CELL.sub(r'\1<th scope="row">\2</th>', body)


def add_row_headers(html: str, src_uri: str, content: CourseContent) -> str:
    """Every table whose corner header is empty, with row headers instead."""
    return _TABLE.sub(lambda match: _fix(match.group(0)), html) if "<th></th>" in html else html


def register(registry: Registry) -> None:
    registry.add_html_filter(add_row_headers)
