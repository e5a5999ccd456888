"""The own-words check: find runs of N consecutive words that a page shares with the essay.

Text inside blockquotes and quotation marks is left out, because short quotations, marked and cited,
are allowed; everything else must be the course's own words. Registered as a checker over the chapters, the
glossary and the banks (when the essay is available: COURSE_ESSAY or ../shared); the tests also run it over every
built page.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from coursekit.content.essay import essay_path
from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.quiz.bank import bank_problems
from coursekit.quiz.model import Item
from coursekit.registry import Registry

RUN_LENGTH = 10
_SKIPPED_TAGS = {"blockquote", "script", "style", "code", "pre", "svg", "q"}
# Reference lists quote the titles of cited works, which the essay's footnotes also give: not prose.
_SKIPPED_CLASSES = ("footnote", "course-references", "csl-entry", "bib-entry", "bibliography-entry")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


# Block elements: the parser marks their edges, so a heading or a table cell never runs into the next sentence.
_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary",
           "div", "section", "article", "tr", "br", "label", "button", "caption"}


class VisibleText(HTMLParser):
    """Collects the text a reader sees, outside quotations, code and reference lists; a blank line (a part of
    its own) marks each block edge. Both own-words checks read pages through it."""

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
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.skip_tag:
            self.depth -= 1
            if not self.depth:
                self.skip_tag = None
        elif self.skip_tag is None and tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skip_tag is None:
            self.parts.append(data.replace("\n", " "))


def visible_text(html: str) -> str:
    """The page's text without blockquotes, code and scripts."""
    parser = VisibleText()
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


def _prose_blocks(markdown: str, first_line: int) -> list[tuple[int, str]]:
    """(line, text) of each paragraph outside blockquotes and code fences."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = first_line
    fenced = False
    for offset, line in enumerate(markdown.splitlines()):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or stripped.startswith(">") or not stripped:
            if current:
                blocks.append((start, " ".join(current)))
                current = []
            continue
        if not current:
            start = first_line + offset
        current.append(stripped)
    if current:
        blocks.append((start, " ".join(current)))
    return blocks


def check_own_words(content: CourseContent) -> list[Problem]:
    """Runs of RUN_LENGTH words shared with the essay in chapters, glossary and banks (skipped without the essay)."""
    path = essay_path(content.paths.root)
    if path is None:
        return []
    essay = shingles(essay_words(path.read_text(encoding="utf-8")))
    problems: list[Problem] = []

    def report(where: Path, line: int | None, text: str, item: str | None = None) -> None:
        runs = shared_runs(text, essay)
        if runs:
            problems.append(Problem(where, line, f"{len(runs)} run(s) of {RUN_LENGTH} words copied from the essay "
                                                 f"outside quotation marks, e.g. \"{runs[0]}\"", item))

    for chapter in content.chapters:
        for line, block in _prose_blocks(chapter.body, chapter.body_line):
            report(chapter.path, line, block)
    for term in content.glossary.terms:
        report(content.glossary.path, term.line, f"{term.short} ¶ {term.definition}", term.id)
    banks, _ = bank_problems(content)
    for bank in banks:
        for entry in bank.items:
            report(bank.path, entry.line, " ¶ ".join(item_texts(entry)), entry.id)
    return problems


def item_texts(entry: Item) -> list[str]:
    """Everything a student reads in an item: stem, options, feedback, pairs, sequence, accepted answers."""
    texts = [entry.stem, entry.feedback, *entry.sequence, *entry.accepted]
    texts += [o.text for o in entry.options] + [o.feedback for o in entry.options]
    return texts + [p.left for p in entry.pairs] + [p.right for p in entry.pairs]


def register(registry: Registry) -> None:
    registry.add_checker(check_own_words)
