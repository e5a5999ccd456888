"""The course's citation comes from CITATION.cff: BibTeX built from it, problems reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import parse_string

from coursekit.content.course_citation import load_course_citation, protect_title
from coursekit.errors import ContentError
from coursekit.paths import REPO_ROOT, ProjectPaths
from coursekit.yamlio import load_yaml_file


def test_bibtex_is_derived_from_citation_cff() -> None:
    cff = load_yaml_file(REPO_ROOT / "CITATION.cff")
    work = cff.get("preferred-citation") or cff
    citation = load_course_citation(ProjectPaths(REPO_ROOT))
    entry = parse_string(citation.bibtex, "bibtex").entries[citation.key]
    assert entry.type == "misc"
    assert entry.fields["title"].replace("{", "").replace("}", "") == work["title"]
    assert entry.fields["year"] == str(citation.year) and str(citation.year) in str(cff["date-released"])
    assert entry.fields["version"] == str(cff["version"])
    assert citation.message == cff["message"]


def test_title_protection_keeps_names_and_punctuation_apart() -> None:
    assert protect_title("Reading Cassarino: an EU-Morocco case") == "Reading {Cassarino}: an {EU-Morocco} case"


def test_missing_title_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "CITATION.cff").write_text(
        'cff-version: 1.2.0\nmessage: "Cite me"\nauthors:\n  - name: "Us"\ndate-released: "2026-11-29"\n'
        'version: "1.0.0"\n', encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        load_course_citation(ProjectPaths(tmp_path))
    assert f"{tmp_path / 'CITATION.cff'}:1: missing field 'title'" in str(failure.value)
