"""Each .bib entry as plain data (no TeX): the one reading that the RIS export and the COinS spans share.

pybtex parses the BibTeX; this module only turns its fields into text a reader sees (braces dropped, `--` as an
en dash, TeX quotes as typographic ones) and names the parts of a reference (container, pages, date ...), so the
exports and the pages' embedded metadata cannot disagree about what an entry says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.database import BibliographyData, Entry
from pybtex.database import Person as PybtexPerson

MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_TEX = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("\\&", "&"), ("{", ""), ("}", ""))
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# BibTeX language names (babel / biblatex langid) -> the ISO 639-1 code RIS and COinS carry.
LANGUAGES = {"english": "en", "french": "fr", "spanish": "es", "german": "de", "italian": "it"}


@dataclass(frozen=True)
class Name:
    """A person ('Family', 'Given') or an organisation (`literal`), as reference managers store names."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def display(self) -> str:
        """'Family, Given', or the organisation's name: the form RIS and COinS `rft.au` use."""
        if self.literal:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class Record:
    """One reference, field by field, in reader's text."""

    key: str
    entry_type: str          # the BibTeX type, lower-case: article, incollection, book, techreport, misc ...
    subtype: str             # `entrysubtype` (e.g. newspaper)
    title: str
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    year: str
    month: int | None
    day: int | None
    container: str           # journal, newspaper or book title
    volume: str
    issue: str
    pages: str               # '619–638' (en dash) or an article number such as 'e2329'
    doi: str
    url: str
    publisher: str           # publisher, institution, or where an official document was published (howpublished)
    place: str
    series: str
    report_number: str
    report_type: str
    language: str            # ISO 639-1, '' when the entry does not say

    @property
    def first_page(self) -> str:
        return self.pages.split("–")[0].strip()

    @property
    def last_page(self) -> str:
        parts = self.pages.split("–")
        return parts[1].strip() if len(parts) > 1 else ""

    @property
    def date_parts(self) -> tuple[int, ...]:
        parts = [int(self.year)] if self.year.isdigit() else []
        if parts and self.month:
            parts.append(self.month)
            if self.day:
                parts.append(self.day)
        return tuple(parts)


def plain(tex: str) -> str:
    """Field text as a reader sees it."""
    for old, new in _TEX:
        tex = tex.replace(old, new)
    return " ".join(tex.split())


def _name(person: PybtexPerson) -> Name:
    family = plain(" ".join(person.prelast_names + person.last_names + person.lineage_names))
    given = plain(" ".join(person.first_names + person.middle_names))
    whole = str(person).strip()
    if not given and whole.startswith("{") and whole.endswith("}") and " " in whole:
        return Name(literal=family)  # {European Commission}: an organisation, not a family name
    return Name(family=family, given=given)


def _date(fields: dict[str, str]) -> tuple[str, int | None, int | None]:
    found = _ISO_DATE.match(fields.get("date", "").strip())
    if found:
        year, month, day = found.groups()
        return year, int(month) if month else None, int(day) if day else None
    month_text = fields.get("month", "").strip().lower()[:3]
    return fields.get("year", "").strip(), MONTHS.get(month_text), None


def record(key: str, entry: Entry) -> Record:
    """The reader's view of one pybtex entry."""
    fields = {name.lower(): value for name, value in entry.fields.items()}
    text = {name: plain(value) for name, value in fields.items()}
    year, month, day = _date(fields)
    entry_type = entry.type.lower()
    container = text.get("journal") or text.get("booktitle", "")
    return Record(
        key=key,
        entry_type=entry_type,
        subtype=text.get("entrysubtype", "").lower(),
        title=text.get("title", ""),
        authors=tuple(_name(p) for p in entry.persons.get("author", [])),
        editors=tuple(_name(p) for p in entry.persons.get("editor", [])),
        year=year,
        month=month,
        day=day,
        container=container,
        volume=text.get("volume", ""),
        issue=text.get("number", "") if entry_type in {"article", "periodical"} else "",
        pages=text.get("pages", ""),
        doi=text.get("doi", ""),
        url=text.get("url", ""),
        publisher=text.get("publisher") or text.get("institution") or text.get("howpublished", ""),
        place=text.get("address", ""),
        series=text.get("series", ""),
        report_number=text.get("number", "") if entry_type == "techreport" else "",
        report_type=text.get("type", "") if entry_type == "techreport" else "",
        language=LANGUAGES.get(text.get("langid", text.get("language", "")).lower(), ""),
    )


def records(data: BibliographyData, keys: list[str] | None = None) -> list[Record]:
    """Records in the file's order (or in the order of `keys`)."""
    chosen = list(data.entries) if keys is None else keys
    return [record(key, data.entries[key]) for key in chosen]
