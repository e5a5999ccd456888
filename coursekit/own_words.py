"""The own-words check: find runs of N consecutive words that a page shares with the essay.

Text inside blockquotes and quotation marks is left out, because short quotations, marked and cited,
are allowed; everything else must be the course's own words.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

RUN_LENGTH = 10
_SKIPPED_TAGS = {"blockquote", "script", "style", "code", "pre", "svg", "q"}
# Reference lists quote the titles of cited works, which the essay's footnotes also give: not prose.
_SKIPPED_CLASSES = ("footnote", "csl-entry", "bib-entry", "bibliography-entry")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


class _VisibleText(HTMLParser):
    """Collects the text a reader sees, outside quotations, code and reference lists."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_tag: str | None = None
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            self.depth += tag == self.skip_tag
            return
        classes = dict(attrs).get("class") or ""
        if tag in _SKIPPED_TAGS or any(name in classes for name in _SKIPPED_CLASSES):
            self.skip_tag, self.depth = tag, 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self.skip_tag:
            self.depth -= 1
            if not self.depth:
                self.skip_tag = None

    def handle_data(self, data: str) -> None:
        if self.skip_tag is None:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's text without blockquotes, code and scripts."""
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def words(text: str) -> list[str]:
    """Lower-case words without accents; hyphens split words, as in both the essay and the pages."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", text)


def essay_words(article: str) -> list[str]:
    """The essay's words, joining words the layout hyphenated across lines ("ana-\\nlytical")."""
    return words(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", article))


def shingles(tokens: list[str], n: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def shared_runs(page_text: str, essay: set[tuple[str, ...]], n: int = RUN_LENGTH) -> list[str]:
    """Runs of n words outside quotation marks that also occur in the essay."""
    unquoted = _QUOTED.sub(" ¶ ", page_text)
    found = []
    for segment in unquoted.split("¶"):
        tokens = words(segment)
        for i in range(len(tokens) - n + 1):
            run = tuple(tokens[i:i + n])
            if run in essay:
                found.append(" ".join(run))
    return found
