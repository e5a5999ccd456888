"""Corrections, loaded once from docs/_data/corrections.yml: what the essay says and what the record shows.

Written once as data so the chapter, the timeline, the glossary, the critical-reading page and the
`course check` rule for uncorrected claims all say the same thing (issue 12).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coursekit.content.fields import FieldReader
from coursekit.content.ids import read_id
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file

if TYPE_CHECKING:
    from coursekit.content.load import CourseContent

FILENAME = "corrections.yml"
_CITED_KEY = re.compile(r"@([A-Za-z0-9_:-]+)")
CORRECTION_MARKER = re.compile(r"<!--\s*correction:([a-z0-9-]+)\s*-->")


@dataclass(frozen=True)
class Correction:
    """One point where the essay is wrong or loose about an act, a case or a date."""

    id: str
    title: str
    essay_says: str
    essay_locator: str
    record: str
    sources: tuple[str, ...]
    claims: tuple[re.Pattern[str], ...]
    shows: tuple[re.Pattern[str], ...]
    line: int | None

    def states_claim(self, text: str) -> re.Match[str] | None:
        """The first match of a phrase that states the essay's uncorrected claim."""
        return next((m for pattern in self.claims if (m := pattern.search(text))), None)

    def shows_record(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.shows)


@dataclass(frozen=True)
class Corrections:
    path: Path
    items: tuple[Correction, ...]

    def get(self, correction_id: str) -> Correction:
        for item in self.items:
            if item.id == correction_id:
                return item
        raise KeyError(correction_id)

    def __contains__(self, correction_id: object) -> bool:
        return any(item.id == correction_id for item in self.items)


def _patterns(f: FieldReader, key: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for text in f.texts(key, at_least=1):
        try:
            compiled.append(re.compile(text, re.IGNORECASE))
        except re.error as exc:
            f.fail(f"field '{key}': pattern {text!r} is not a valid regular expression ({exc})")
    return tuple(compiled)


def load_corrections(path: Path, bib_keys: set[str] | None = None) -> Corrections:
    """Load and validate; every source key must exist and be cited in the record it supports."""
    data = load_yaml_file(path)
    problems: list[Problem] = []
    if not isinstance(data, list):
        raise_if_any([Problem(path, 1, "the corrections file must be a list of corrections")])
    items: list[Correction] = []
    seen: dict[str, int | None] = {}
    for raw in data:
        f = FieldReader(raw, path, problems, item=str(raw.get("id")) if isinstance(raw, dict) else None)
        correction_id = read_id(f, seen, line_of(raw))
        record = f.text("record")
        sources = tuple(f.texts("sources", at_least=1))
        cited = set(_CITED_KEY.findall(record))
        for key in sources:
            if bib_keys is not None and key not in bib_keys:
                f.fail(f"source '{key}' is not in the bibliography")
            if key not in cited:
                f.fail(f"source '{key}' is not cited in the record ([@{key}])")
        items.append(Correction(
            id=correction_id, title=f.text("title"), essay_says=f.text("essay_says"),
            essay_locator=f.text("essay_locator"), record=record, sources=sources,
            claims=_patterns(f, "claims"), shows=_patterns(f, "shows"), line=line_of(raw),
        ))
    raise_if_any(problems)
    return Corrections(path, tuple(items))


def corrections_of(content: CourseContent) -> Corrections:
    """The corrections, loaded once per content load and validated against the bibliography."""
    return content.corrections


def correction_box(content: CourseContent, correction_id: str) -> str:
    """The rendered box for one id, ready to put between paragraphs (an unknown id is reported by the check)."""
    corrections = corrections_of(content)
    if correction_id not in corrections:
        return ""
    return render_correction(corrections.get(correction_id), content.course.essay_key)


def expand_corrections(markdown: str, content: CourseContent) -> str:
    """Put each `<!-- correction:ID -->` marker's box in the page."""
    return CORRECTION_MARKER.sub(lambda m: correction_box(content, m.group(1)) or m.group(0), markdown)


def render_correction(correction: Correction, essay_key: str, indent: str = "") -> str:
    """The correction as a Markdown admonition: the essay's claim, marked and located, then the record."""
    from coursekit.pages.text import md_text  # pages build on content: import late

    title = md_text(correction.title).replace('"', "&quot;")
    body = [
        f'!!! warning correction "Correction: {title}"',
        "",
        f"    **The essay says** ({md_text(correction.essay_locator)}): {md_text(correction.essay_says)} "
        f"[@{essay_key}, {correction.essay_locator.split(',')[0]}]",
        "",
        f"    **The record shows:** {md_text(correction.record)}",
        "",
    ]
    return "\n".join(f"{indent}{line}" if line else "" for line in body)
