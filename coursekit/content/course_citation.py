"""The course's own citation, derived from CITATION.cff (the single source GitHub and Zenodo also read)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursekit.content.fields import FieldReader
from coursekit.errors import Problem, raise_if_any
from coursekit.paths import ProjectPaths
from coursekit.yamlio import line_of, load_yaml_file

CFF_NAME = "CITATION.cff"
_CAPITALISED_WORD = re.compile(r"(?<![\w{])([A-Z][\w'’-]*\w)")


@dataclass(frozen=True)
class CourseCitation:
    """What the "Cite this course" box shows: the CFF message and a BibTeX entry built from the CFF data."""

    path: Path
    message: str
    key: str
    title: str
    authors: tuple[str, ...]
    year: int
    version: str
    medium: str
    licence: str
    url: str

    @property
    def bibtex(self) -> str:
        fields = [
            ("author", " and ".join(self.authors)),
            ("title", protect_title(self.title)),
            ("year", str(self.year)),
            ("version", self.version),
            ("howpublished", self.medium),
            ("url", self.url),
            ("note", f"Licence: {self.licence}" if self.licence else ""),
        ]
        body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields if value)
        return f"@misc{{{self.key},\n{body}\n}}"


def cff_path(paths: ProjectPaths) -> Path:
    return paths.root / CFF_NAME


def protect_title(title: str) -> str:
    """Brace every capitalised word after the first, so styles that lower-case titles keep names intact."""
    first = re.match(r"\s*\S+", title)
    start = first.end() if first else 0
    return title[:start] + _CAPITALISED_WORD.sub(r"{\1}", title[start:])


def _author(raw: Any, path: Path, problems: list[Problem]) -> str:
    """A CFF person or entity as a BibTeX name: 'Family, Given', or an entity name in braces."""
    reader = FieldReader(raw, path, problems, item="authors")
    if isinstance(raw, dict) and raw.get("name"):
        return "{" + reader.text("name") + "}"
    family = reader.text("family-names")
    given = reader.text("given-names", required=False)
    return f"{family}, {given}" if given else family


def _year(cff: dict[str, Any], work: dict[str, Any], path: Path, problems: list[Problem]) -> int:
    for value in (work.get("year"), work.get("date-released"), cff.get("date-released")):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, dt.date):
            return value.year
        if isinstance(value, str) and re.match(r"^\d{4}", value):
            return int(value[:4])
    problems.append(Problem(path, line_of(work) or 1, "no year: give 'date-released' (YYYY-MM-DD) or 'year'"))
    return 0


def load_course_citation(paths: ProjectPaths) -> CourseCitation:
    """Read CITATION.cff; the course is cited as its `preferred-citation` when there is one, else as the file's work.

    Problems (missing title, authors, version or date) name the file and line.
    """
    path = cff_path(paths)
    data = load_yaml_file(path)
    problems: list[Problem] = []
    cff = FieldReader(data, path, problems)
    work_data = cff.data.get("preferred-citation") or cff.data
    work = FieldReader(work_data, path, problems, item="preferred-citation" if work_data is not cff.data else None)
    raw_authors = work.records("authors")
    if not raw_authors:
        work.fail("'authors' must list at least one person or entity")
    authors = tuple(_author(raw, path, problems) for raw in raw_authors)
    title = work.text("title")
    year = _year(cff.data, work.data, path, problems)
    first_word = re.sub(r"[^a-z0-9]", "", (title.split() or [""])[0].lower())
    citation = CourseCitation(
        path=path,
        message=cff.text("message"),
        key=f"course{year}{first_word}",
        title=title,
        authors=authors,
        year=year,
        version=str(work.text("version", required=False) or cff.text("version")),
        medium=work.text("medium", required=False),
        licence=cff.text("license", required=False),
        url=work.text("url", required=False) or cff.text("url", required=False),
    )
    raise_if_any(problems)
    return citation
