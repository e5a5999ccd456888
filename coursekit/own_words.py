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
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


class _VisibleText(HTMLParser):
    """Collects the text a reader sees, outside skipped elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
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
