"""Each reference in a page's footnote list links on to its Bibliography entry (BibTeX, DOI, where else cited).

This completes the student's path: essay footnote -> section on the footnotes page -> citation -> the page's
reference list -> the Bibliography entry. Links end in .html because the site uses use_directory_urls: false
(it must work from file://).
"""

from __future__ import annotations

import re

from coursekit.content.load import CourseContent
from coursekit.pages.markers import relative_prefix
from coursekit.registry import Registry

_FOOTNOTE_ITEM = re.compile(
    r'(<li id="fn:ref-(?P<key>[A-Za-z0-9_-]+)">\s*<p>.*?)(?P<end>&#160;<a class="footnote-backref"|</p>)', re.DOTALL
)


def link_footnotes_to_bibliography(html: str, src_uri: str, content: CourseContent) -> str:
    """Insert 'Bibliography entry' after each plugin-made reference, before its back-links."""
    if 'id="fn:ref-' not in html:
        return html
    keys = set(content.bibliography.keys)
    target = f"{relative_prefix(src_uri)}bibliography.html"

    def add_link(match: re.Match[str]) -> str:
        key = match.group("key")
        if key not in keys:
            return match.group(0)
        link = f' <a class="bib-goto" href="{target}#ref-{key}">Bibliography entry</a>'
        return match.group(1) + link + match.group("end")

    return _FOOTNOTE_ITEM.sub(add_link, html)


_BACKREF = re.compile(r'(?:&#160;)?<a class="footnote-backref" href="#fnref\d*:[^"]*" title="[^"]*">&#8617;</a>')
_ITEM = re.compile(r'<li id="fn:[^"]*">.*?</li>', re.DOTALL)


def keep_first_backref(html: str, src_uri: str, content: CourseContent) -> str:
    """A work cited thirty times gets thirty back-links; keep the first, as the page shows only that one.

    The stylesheet hid the others already; dropping them from the HTML saves page weight on every chapter.
    """
    if 'class="footnote-backref"' not in html:
        return html

    def dedupe(item: re.Match[str]) -> str:
        seen = False

        def keep(backref: re.Match[str]) -> str:
            nonlocal seen
            if seen:
                return ""
            seen = True
            return backref.group(0)

        return _BACKREF.sub(keep, item.group(0))

    return _ITEM.sub(dedupe, html)


def register(registry: Registry) -> None:
    registry.add_html_filter(link_footnotes_to_bibliography)
    registry.add_html_filter(keep_first_backref)
