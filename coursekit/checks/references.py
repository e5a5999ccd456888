"""`course check`: every reference carries what a student needs to find it and a reference manager needs to file it.

- journal articles: page range and DOI;
- book chapters: editors, page range and publisher;
- official documents: an ELI or CELEX link on EUR-Lex and the Official Journal reference;
- press items: full date (YYYY-MM-DD) and URL.

Where the thing does not exist (a journal that assigns no DOIs, a Commission communication never published in the
Official Journal, an official document that is not an EU act), the entry says so in a note field, `nodoi = {why}`,
`nopages`, `noeditor`, `nooj` or `noeurlex`: the
reason is then on record above and in the entry, and the check passes. A note next to the field it excuses is
flagged too, so notes do not outlive the gap they explain. The notes never reach readers
(pages/bibliography/entries.py strips them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.pages.bibliography.entries import entry_line, kind_of
from coursekit.registry import Registry

_EUR_LEX = re.compile(r"^https://eur-lex\.europa\.eu/(?:eli/|legal-content/[A-Z]{2}/(?:TXT|ALL)/(?:HTML/)?\?"
                      r"(?:.*&)?uri=(?:CELEX:|celex:))")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Requirement:
    """A field an entry of some kind must have, and the note field that may explain its absence (or None)."""

    name: str
    present: Callable[[dict[str, str], bool], bool]  # (fields, has editors) -> satisfied
    waiver: str | None
    what: str


def _has(field: str) -> Callable[[dict[str, str], bool], bool]:
    return lambda fields, _: bool(fields.get(field, "").strip())


PAGES = Requirement("pages", _has("pages"), "nopages", "a page range (pages = {first--last})")
DOI = Requirement("doi", _has("doi"), "nodoi", "a DOI (doi = {10....})")
EDITORS = Requirement("editor", lambda _, editors: editors, "noeditor", "the book's editors (editor = {...})")
PUBLISHER = Requirement("publisher", _has("publisher"), None, "the publisher (publisher = {...})")
OJ = Requirement("oj", lambda f, _: "Official Journal" in f.get("howpublished", "") + f.get("journal", ""), "nooj",
                 "the Official Journal reference (howpublished = {Official Journal of the European Union, ...})")
EUR_LEX = Requirement("url", lambda f, _: bool(_EUR_LEX.match(f.get("url", "").strip())), "noeurlex",
                      "an ELI or CELEX link on EUR-Lex (url = {https://eur-lex.europa.eu/...CELEX:...})")
PRESS_DATE = Requirement("date", lambda f, _: bool(_FULL_DATE.match(f.get("date", "").strip())), None,
                         "the full publication date (date = {YYYY-MM-DD})")
PRESS_URL = Requirement("url", _has("url"), None, "the URL (url = {https://...})")


def requirements(content: CourseContent, key: str) -> list[Requirement]:
    """What this entry must carry, from its group (keywords) and BibTeX type."""
    entry = content.bibliography.data.entries[key]
    kind, entry_type = kind_of(content, key), entry.type.lower()
    if kind == "press":
        return [PRESS_DATE, PRESS_URL]
    if kind == "official":
        return [EUR_LEX, OJ]
    if entry_type == "article":
        return [PAGES, DOI]
    if entry_type == "incollection":
        return [EDITORS, PAGES, PUBLISHER]
    return []


def entry_problems(content: CourseContent, key: str) -> list[str]:
    """The problems of one entry, as messages."""
    entry = content.bibliography.data.entries[key]
    fields = {name.lower(): value for name, value in entry.fields.items()}
    has_editors = bool(entry.persons.get("editor"))
    messages = []
    for requirement in requirements(content, key):
        present = requirement.present(fields, has_editors)
        note = fields.get(requirement.waiver or "", "").strip()
        if present and note:
            messages.append(f"has {requirement.name} and also the note '{requirement.waiver}' saying it does not "
                            "exist: remove the note")
        elif not present and not note:
            excuse = (f", or a note '{requirement.waiver} = {{...}}' saying why it does not exist"
                      if requirement.waiver else "")
            messages.append(f"{entry.type} without {requirement.what}{excuse}")
    return messages


def check_reference_completeness(content: CourseContent) -> list[Problem]:
    path = content.bibliography.path
    text = path.read_text(encoding="utf-8")
    return [Problem(path, entry_line(text, key), message, key)
            for key in content.bibliography.keys for message in entry_problems(content, key)]


def register(registry: Registry) -> None:
    registry.add_checker(check_reference_completeness)
