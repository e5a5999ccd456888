"""The glossary, loaded once from docs/_data/glossary.yml: the single source of definitions and tooltips."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.content.ids import read_id
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file

SHORT_LIMIT = 160


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    term: str
    short: str
    definition: str
    chapter: int
    related: tuple[str, ...]
    abbr: str | None
    line: int | None
    correction: str | None = None  # a docs/_data/corrections.yml id shown with the entry


@dataclass(frozen=True)
class Glossary:
    """All terms, in the order authors wrote them."""

    path: Path
    terms: tuple[Term, ...]

    def __contains__(self, term_id: object) -> bool:
        return any(t.id == term_id for t in self.terms)

    def get(self, term_id: str) -> Term:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(term_id)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.terms]


def load_glossary(path: Path, chapter_count: int | None) -> Glossary:
    """Load and validate the glossary; every problem is reported at once."""
    data = load_yaml_file(path)
    problems: list[Problem] = []
    if not isinstance(data, list):
        raise_if_any([Problem(path, 1, "the glossary must be a list of terms")])
    terms: list[Term] = []
    seen: dict[str, int | None] = {}
    for raw in data:
        item = raw.get("id") if isinstance(raw, dict) else None
        f = FieldReader(raw, path, problems, item=str(item) if item else None)
        term_id = read_id(f, seen, line_of(raw))
        short = f.text("short")
        if len(short) > SHORT_LIMIT:
            f.fail(f"'short' has {len(short)} characters, at most {SHORT_LIMIT}")
        chapter = f.integer("chapter")
        if chapter and chapter_count is not None and not 1 <= chapter <= chapter_count:
            f.fail(f"chapter {chapter} does not exist (1-{chapter_count})")
        abbr = f.text("abbr", required=False) or None
        terms.append(
            Term(
                id=term_id,
                term=f.text("term"),
                short=short,
                definition=f.text("definition"),
                chapter=chapter,
                related=tuple(f.texts("related", required=False)),
                abbr=abbr,
                line=line_of(raw),
                correction=f.text("correction", required=False) or None,
            )
        )
    ids = {t.id for t in terms}
    for term in terms:
        for rel in term.related:
            if rel not in ids:
                problems.append(Problem(path, term.line, f"related term '{rel}' is not in the glossary", term.id))
    raise_if_any(problems)
    return Glossary(path, tuple(terms))
