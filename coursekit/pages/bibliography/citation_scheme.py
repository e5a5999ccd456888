"""The course's one citation scheme, for the site and (through its HTML) the PDFs: author-date, no numbers.

mkdocs-bibtex writes Chicago author-date text and then a footnote-style superscript number per work, and lists
the works as numbered footnotes: a reader met "(Cassarino 2021, n. 4)¹", two numbering systems side by side.
This filter, run on every page after the plugin, keeps one:

- in the text, "(Author Year, locator)" with the author-date part linked to the work in the page's reference
  list, and no superscripts;
- the essay's own footnotes are always "essay note 4" (or "essay notes 9–10"), linked to that footnote's
  section on the essay footnotes page;
- under "References", an unnumbered list sorted by author (Chicago's reference list), each entry with the id
  `ref-<key>`, without back-links.

The PDFs are made from this HTML (coursekit/print/site_source.py), so they use the same scheme.
"""

from __future__ import annotations

import re

from coursekit.content.load import CourseContent
from coursekit.pages.markers import relative_prefix
from coursekit.registry import Registry

_MARKS = re.compile(
    r'(?:\s*<sup id="fnref\d*:ref-(?P<key>[A-Za-z0-9_-]+)"><a class="footnote-ref" href="#fn:ref-[A-Za-z0-9_-]+">'
    r"\d+</a></sup>)+"
)
_MARK_KEY = re.compile(r'<sup id="fnref\d*:ref-([A-Za-z0-9_-]+)"')
_AUTHOR_DATE = re.compile(r"^(?P<who>.*?(?:\d{4}[a-z]?|n\.d\.))(?P<rest>.*)$", re.DOTALL)
_BARE_YEAR = re.compile(r"^(?:\d{4}[a-z]?|n\.d\.)$")
_ESSAY_NOTE = re.compile(r"\b(?P<plural>n)?n\. (?P<first>\d{1,2})(?:\s*[-–]\s*(?P<last>\d{1,2}))?\b")
_LIST = re.compile(r'<div class="footnote">\s*<hr\s*/?>\s*<ol>(?P<items>.*?)</ol>\s*</div>', re.DOTALL)
_ITEM = re.compile(r'<li id="fn:(?P<id>[^"]+)">\s*(?P<body>.*?)\s*</li>', re.DOTALL)
_BACKREF = re.compile(r'(?:&#160;)?<a class="footnote-backref" href="[^"]*" title="[^"]*">&#8617;</a>')
_TAG = re.compile(r"<[^>]+>")


def essay_notes(text: str, footnotes_page: str) -> str:
    """'sec. 4 and n. 11' -> 'sec. 4 and essay note 11', the note linked to its section on the footnotes page."""

    def link(match: re.Match[str]) -> str:
        first, last = match.group("first"), match.group("last")
        words = f"essay notes {first}–{last}" if last else f"essay note {first}"
        return f'<a class="essay-note" href="{footnotes_page}#fn-{first}">{words}</a>'

    return _ESSAY_NOTE.sub(link, text)


def _parenthetical_start(html: str, end: int) -> int | None:
    """Index of the '(' that opens the citation ending just before `end`, if it holds no markup."""
    if end == 0 or html[end - 1] != ")":
        return None
    depth = 0
    for index in range(end - 1, max(end - 400, -1), -1):
        char = html[index]
        if char in "<>":
            return None
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return index
    return None


def _linked_citation(inner: str, keys: list[str], essay_key: str, footnotes_page: str) -> str | None:
    """'Cassarino 2021, n. 4; Boswell 2003' with each author-date linked; None if the parts don't match the keys."""
    units = [(("; " if index and not number else separator), unit)
             for index, segment in enumerate(inner.split("; "))
             for number, (separator, unit) in enumerate(_same_author_units(segment))]
    if len(units) != len(keys):
        return None
    out = []
    for (separator, unit), key in zip(units, keys, strict=True):
        match = _AUTHOR_DATE.match(unit)
        if match is None:
            return None
        rest = match.group("rest")
        if key == essay_key:
            rest = essay_notes(rest, footnotes_page)
        out.append(f'{separator}<a class="cite" href="#ref-{key}">{match.group("who")}</a>{rest}')
    return "".join(out)


def _same_author_units(segment: str) -> list[tuple[str, str]]:
    """Pandoc writes two works of one author as 'Cassarino 2007, 2018b': one unit per work, with the text
    that separates it from the previous one ('; ' before a segment's first work, ', ' before a bare year)."""
    pieces = segment.split(", ")
    units: list[tuple[str, str]] = []
    for piece in pieces:
        if units and _BARE_YEAR.match(piece):
            units.append((", ", piece))
        elif units:
            units[-1] = (units[-1][0], f"{units[-1][1]}, {piece}")
        else:
            units.append(("", piece))
    return units


def drop_number_marks(html: str, essay_key: str, footnotes_page: str) -> str:
    """Remove the superscript numbers; link each citation's author-date to the page's reference list."""
    out: list[str] = []
    position = 0
    for marks in _MARKS.finditer(html):
        keys = _MARK_KEY.findall(marks.group(0))
        start = _parenthetical_start(html, marks.start())
        if start is not None and start >= position:
            linked = _linked_citation(html[start + 1: marks.start() - 1], keys, essay_key, footnotes_page)
            if linked is not None:
                out.append(html[position:start] + "(" + linked + ")")
                position = marks.end()
                continue
        out.append(html[position:marks.start()])
        position = marks.end()
    out.append(html[position:])
    return "".join(out)


def _entry(item_id: str, body: str, bibliography_page: str) -> str:
    """One reference, without back-links, ending in its 'Bibliography entry' link (added if no filter did)."""
    body = _BACKREF.sub("", body)
    if 'class="bib-goto"' not in body and body.endswith("</p>"):
        body = body[:-4] + f' <a class="bib-goto" href="{bibliography_page}#{item_id}">Bibliography entry</a></p>'
    return f'<li id="{item_id}">{body}</li>'


def reference_list(html: str, bibliography_page: str = "bibliography.html") -> str:
    """The plugin's numbered footnote list -> an unnumbered reference list sorted by author, ids `ref-<key>`."""

    def convert(match: re.Match[str]) -> str:
        items = _ITEM.findall(match.group("items"))
        if not items or not all(item_id.startswith("ref-") for item_id, _ in items):
            return match.group(0)  # ordinary Markdown footnotes: left as they are
        entries = sorted((_TAG.sub("", body).casefold(), _entry(item_id, body, bibliography_page))
                         for item_id, body in items)
        return '<ul class="course-references">' + "".join(entry for _, entry in entries) + "</ul>"

    return _LIST.sub(convert, html)


def author_date_only(html: str, src_uri: str, content: CourseContent) -> str:
    """Apply the scheme to one page (pages without plugin citations are returned unchanged)."""
    if "footnote-ref" not in html and 'id="fn:ref-' not in html:
        return html
    prefix = relative_prefix(src_uri)
    html = drop_number_marks(html, content.course.essay_key, f"{prefix}essay-footnotes.html")
    return reference_list(html, f"{prefix}bibliography.html")


def register(registry: Registry) -> None:
    # After the other HTML filters (lower priority runs later): it rewrites the plugin's footnote markup.
    registry.add_html_filter(author_date_only, priority=-10)
