"""COinS: an empty `<span class="Z3988" title="...">` per reference, the OpenURL metadata Zotero and other reference
managers detect on a page ("save to Zotero" then offers every reference with its fields).

The Bibliography page puts one after each entry (page.py); every reference list mkdocs-bibtex makes (chapters, the
essay-footnotes page) gets one per item here. The fields come from records.py, like the RIS export's.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.exports import published_records
from coursekit.pages.bibliography.records import Record
from coursekit.registry import Registry

CONTEXT_VERSION = "Z39.88-2004"
JOURNAL_FORMAT = "info:ofi/fmt:kev:mtx:journal"
BOOK_FORMAT = "info:ofi/fmt:kev:mtx:book"
# BibTeX type -> (OpenURL format, rft.genre); Zotero's OpenURL reader turns these genres into its item types.
GENRES = {
    "article": (JOURNAL_FORMAT, "article"),
    "incollection": (BOOK_FORMAT, "bookitem"),
    "inbook": (BOOK_FORMAT, "bookitem"),
    "book": (BOOK_FORMAT, "book"),
    "techreport": (BOOK_FORMAT, "report"),
    "inproceedings": (BOOK_FORMAT, "proceeding"),
}
DEFAULT_GENRE = (BOOK_FORMAT, "document")


def openurl_pairs(item: Record) -> list[tuple[str, str]]:
    """The ContextObject as (key, value) pairs, in a fixed order; empty values are left out."""
    fmt, genre = GENRES.get(item.entry_type, DEFAULT_GENRE)
    in_journal = fmt == JOURNAL_FORMAT
    pairs = [("ctx_ver", CONTEXT_VERSION), ("rft_val_fmt", fmt), ("rft.genre", genre)]
    if in_journal:
        pairs += [("rft.atitle", item.title), ("rft.jtitle", item.container)]
    elif genre == "bookitem":
        pairs += [("rft.atitle", item.title), ("rft.btitle", item.container)]
    else:
        pairs += [("rft.btitle", item.title), ("rft.series", item.series)]
    people = [name for name in item.authors if not name.literal]
    if people:
        pairs += [("rft.aulast", people[0].family), ("rft.aufirst", people[0].given)]
    pairs += [("rft.aucorp", name.literal) for name in item.authors if name.literal]
    pairs += [("rft.au", name.display) for name in people[1:]]  # the first is aulast/aufirst, as COinS has it
    date = "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(item.date_parts))
    pairs += [("rft.date", date or item.year), ("rft.volume", item.volume), ("rft.issue", item.issue),
              ("rft.pages", item.pages), ("rft.spage", item.first_page), ("rft.epage", item.last_page),
              ("rft.pub", item.publisher), ("rft.place", item.place), ("rft.language", item.language)]
    if item.doi:
        pairs.append(("rft_id", f"info:doi/{item.doi}"))
    if item.url:
        pairs.append(("rft_id", item.url))
    return [(key, value) for key, value in pairs if value]


def coins_span(item: Record) -> str:
    """The span itself: invisible, no text, its metadata in the title attribute."""
    title = html.escape(urlencode(openurl_pairs(item)), quote=True)
    return f'<span class="Z3988" title="{title}"></span>'


def coins_spans(content: CourseContent) -> dict[str, str]:
    """Key -> span, for every entry (from the published BibTeX, as the downloads)."""
    return {item.key: coins_span(item) for item in published_records(content)}


_REFERENCE_ITEM = re.compile(r'(<li id="fn:ref-(?P<key>[A-Za-z0-9_-]+)">\s*<p>)')


def add_coins_to_reference_lists(html_text: str, src_uri: str, content: CourseContent) -> str:
    """One span at the start of each plugin-made reference, so Zotero finds every work the page lists."""
    if 'id="fn:ref-' not in html_text:
        return html_text
    spans = coins_spans(content)

    def add(match: re.Match[str]) -> str:
        span = spans.get(match.group("key"))
        return match.group(1) + span if span else match.group(0)

    return _REFERENCE_ITEM.sub(add, html_text)



def register(registry: Registry) -> None:
    registry.add_html_filter(add_coins_to_reference_lists)
