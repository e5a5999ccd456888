"""What the Bibliography page needs to know about each .bib entry: its BibTeX source, kind and where it is cited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coursekit.content.chapters import cited_keys
from coursekit.content.load import CourseContent
from coursekit.errors import Problem

# keywords value -> group heading (id, title), in page order.
KINDS: dict[str, tuple[str, str]] = {
    "scholarship": ("scholarship", "Scholarship"),
    "official": ("eu-and-court-documents", "EU and court documents"),
    "press": ("press", "Press"),
}
FOOTNOTES_PAGE = "essay-footnotes.md"
_ENTRY_START = re.compile(r"^[ \t]*@(\w+)[ \t]*\{[ \t]*([^,\s]+)[ \t]*,", re.MULTILINE)
# Fields for the course's editors, not for readers: the page's grouping and the completeness check's notes
# that a DOI, page range, editor or Official Journal reference does not exist (see completeness.py).
EDITORIAL_FIELDS = ("keywords", "nodoi", "nopages", "noeditor", "nooj", "noeurlex")
_EDITORIAL_LINE = re.compile(rf"^[ \t]*(?:{'|'.join(EDITORIAL_FIELDS)})[ \t]*=[ \t]*\{{[^{{}}]*\}},?[ \t]*\n",
                             re.MULTILINE | re.IGNORECASE)
_TRAILING_COMMA = re.compile(r",(\s*\}\s*)$")  # left behind when the stripped field was the last one
_FOOTNOTE_HEADING = re.compile(r"^##\s+.*\{#fn-(\d+)\}\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Site:
    """A place in the course that cites a work: a link label and its target (relative to the docs root)."""

    label: str
    uri: str


def entry_sources(bib_text: str) -> dict[str, str]:
    """Each entry's BibTeX as written in the file, without the editorial fields (the page's grouping and the
    completeness notes: not data a reader wants in a reference manager) and without the comments between entries."""
    sources: dict[str, str] = {}
    for match in _ENTRY_START.finditer(bib_text):
        if match.group(1).lower() in {"comment", "preamble", "string"}:
            continue
        end = _closing_brace(bib_text, bib_text.index("{", match.start()))
        if end is not None:
            source = _EDITORIAL_LINE.sub("", bib_text[match.start():end + 1]).strip()
            sources[match.group(2)] = _TRAILING_COMMA.sub(r"\1", source)
    return sources


def _closing_brace(text: str, opening: int) -> int | None:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return None


def entry_line(bib_text: str, key: str) -> int | None:
    """The line an entry starts on, for error messages."""
    for match in _ENTRY_START.finditer(bib_text):
        if match.group(2) == key:
            return bib_text.count("\n", 0, match.start()) + 1
    return None


def kind_of(content: CourseContent, key: str) -> str:
    """The entry's `keywords` value (scholarship | official | press), lower-cased."""
    return content.bibliography.data.entries[key].fields.get("keywords", "").strip().lower()


def kind_problems(content: CourseContent) -> list[Problem]:
    """Entries whose `keywords` field cannot place them in a group of the Bibliography page."""
    path = content.bibliography.path
    text = path.read_text(encoding="utf-8")
    problems = []
    for key in content.bibliography.keys:
        kind = kind_of(content, key)
        if kind not in KINDS:
            found = f"'{kind}'" if kind else "nothing"
            problems.append(Problem(path, entry_line(text, key), f"keywords must be one of {', '.join(KINDS)}, "
                                    f"found {found}", key))
    return problems


def footnote_citations(docs: Path) -> dict[int, list[str]]:
    """Footnote number -> keys cited in its section of the essay-footnotes page (empty if the page is absent)."""
    page = docs / FOOTNOTES_PAGE
    if not page.is_file():
        return {}
    text = page.read_text(encoding="utf-8")
    headings = list(_FOOTNOTE_HEADING.finditer(text))
    found: dict[int, list[str]] = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        keys = [key for key, _ in cited_keys(text[heading.end():end])]
        found[int(heading.group(1))] = list(dict.fromkeys(keys))
    return found


def citation_sites(content: CourseContent) -> dict[str, list[Site]]:
    """Key -> the essay footnotes and chapters that cite it, footnotes first (the student's path from the essay)."""
    sites: dict[str, list[Site]] = {}
    for number, keys in sorted(footnote_citations(content.paths.docs).items()):
        for key in keys:
            sites.setdefault(key, []).append(Site(f"n. {number}", f"{FOOTNOTES_PAGE}#fn-{number}"))
    for chapter in content.chapters:
        texts = [chapter.body, *chapter.key_points]
        keys = {key for text in texts for key, _ in cited_keys(text)} | set(chapter.further_reading)
        for key in sorted(keys):
            sites.setdefault(key, []).append(Site(f"chapter {chapter.number}", chapter.src_uri))
    return sites
