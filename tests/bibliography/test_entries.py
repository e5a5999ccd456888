"""BibTeX sources, kinds and the places that cite each work, as the Bibliography page shows them."""

from __future__ import annotations

from pybtex.database import parse_string

from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.entries import (
    EDITORIAL_FIELDS,
    KINDS,
    citation_sites,
    entry_line,
    entry_sources,
    footnote_citations,
    kind_problems,
)


def test_each_source_is_the_entry_itself_and_parses_alone(content: CourseContent) -> None:
    sources = entry_sources(content.bibliography.path.read_text(encoding="utf-8"))
    assert set(sources) == set(content.bibliography.keys)
    for key, source in sources.items():
        parsed = parse_string(source, "bibtex")
        assert list(parsed.entries) == [key]
        assert parsed.entries[key].fields == {name: value for name, value in
                                              content.bibliography.data.entries[key].fields.items()
                                              if name.lower() not in EDITORIAL_FIELDS}
        assert not any(f"{field} " in source or f"{field}=" in source for field in EDITORIAL_FIELDS)
        assert "%" not in source


def test_every_entry_has_a_known_kind(content: CourseContent) -> None:
    assert kind_problems(content) == []
    kinds = {content.bibliography.data.entries[k].fields["keywords"] for k in content.bibliography.keys}
    assert kinds == set(KINDS)


def test_entry_line_points_at_the_entry_header(content: CourseContent) -> None:
    lines = content.bibliography.path.read_text(encoding="utf-8").splitlines()
    line = entry_line("\n".join(lines), "risse2000argue")
    assert line is not None and lines[line - 1].startswith("@article{risse2000argue,")


def test_all_19_footnotes_cite_works_and_lead_to_them(content: CourseContent) -> None:
    footnotes = footnote_citations(content.paths.docs)
    assert sorted(footnotes) == list(range(1, 20))
    essay = content.course.essay_key
    assert all(set(keys) - {essay} for keys in footnotes.values()), "a footnote section cites no work of its own"
    sites = citation_sites(content)
    assert sites["risse2000argue"][0].uri == "essay-footnotes.md#fn-4"
