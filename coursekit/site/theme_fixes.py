"""Fixes to markup the stock Material theme writes outside any overridable block, applied to every finished page.

Material hard-codes these in base.html and its partials; copying those templates here would fork the theme, so
the finished HTML is corrected instead (the gates in tests/gates/ check the result):

- `autocomplete="off"` on the drawer and search checkbox toggles is invalid HTML (the attribute is for text-like
  inputs); browsers ignore it on checkboxes anyway.
- `tabindex=""` on section labels in the navigation is invalid; an absent tabindex means the same.
- the search `role="dialog"` has no accessible name.
- the table of contents' title is a `<label for="__toc">`, but on a section index page (navigation.indexes) the
  navigation renders no `__toc` checkbox, so the label points at nothing (invalid).
"""

from __future__ import annotations

import re

from coursekit.registry import Registry

_INPUT = re.compile(r"<input\b[^>]*>")
_CHECKBOX = re.compile(r"""\btype=["']?checkbox\b""")
_AUTOCOMPLETE = re.compile(r"""\s+autocomplete=(?:"[^"]*"|'[^']*'|[^\s>]+)""")
_EMPTY_TABINDEX = re.compile(r"""\s+tabindex=(?:""|'')""")
_SEARCH_DIALOG = re.compile(r"""(<div\b[^>]*\bdata-md-component="search"[^>]*\brole="dialog")(?![^>]*aria-label)""")
_TOC_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')
SEARCH_DIALOG_NAME = "Search this course"


def _drop_checkbox_autocomplete(tag: re.Match[str]) -> str:
    text = tag.group(0)
    return _AUTOCOMPLETE.sub("", text) if _CHECKBOX.search(text) else text


def fix_stock_markup(html: str, dest_uri: str) -> str:
    """Valid, named markup for the theme's toggles, navigation labels and search dialog."""
    html = _INPUT.sub(_drop_checkbox_autocomplete, html)
    html = _EMPTY_TABINDEX.sub("", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL_FOR.sub(r"\1", html)
    return _SEARCH_DIALOG.sub(rf'\1 aria-label="{SEARCH_DIALOG_NAME}"', html)


def register(registry: Registry) -> None:
    registry.add_output_filter(fix_stock_markup)
