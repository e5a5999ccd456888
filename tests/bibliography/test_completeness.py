"""The `course check` rule that every reference carries what a student needs to find it (pages, DOI, editors, ...)."""

from __future__ import annotations

from pathlib import Path

from coursekit.checks.references import check_reference_completeness
from coursekit.content.load import CourseContent, load_content
from coursekit.paths import project_paths
from tests.conftest import ProjectCopy

PLANTED = """
@article{planted2020incomplete,
  author   = {Planted, Paula},
  title    = {An Article Whose Pages and {DOI} Are Missing},
  journal  = {Journal of Planted Entries},
  volume   = {1},
  number   = {2},
  year     = {2020},
{notes}  keywords = {scholarship}
}
"""


def _content_with(project_copy: ProjectCopy, entry: str) -> tuple[CourseContent, Path]:
    root = project_copy()
    bib = root / "bibliography" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + entry, encoding="utf-8")
    return load_content(project_paths(root)), bib


def test_the_course_bibliography_is_complete(content: CourseContent) -> None:
    assert check_reference_completeness(content) == []


def test_an_article_without_pages_or_doi_is_flagged_with_its_line(project_copy: ProjectCopy) -> None:
    content, bib = _content_with(project_copy, PLANTED.replace("{notes}", ""))
    problems = check_reference_completeness(content)
    assert [p.item for p in problems] == ["planted2020incomplete", "planted2020incomplete"]
    line = bib.read_text(encoding="utf-8").splitlines().index("@article{planted2020incomplete,") + 1
    assert {p.line for p in problems} == {line}
    assert "page range" in problems[0].problem and "nopages" in problems[0].problem
    assert "DOI" in problems[1].problem and "nodoi" in problems[1].problem


def test_a_note_that_none_exists_excuses_the_gap(project_copy: ProjectCopy) -> None:
    notes = ("  nodoi    = {the journal assigns no DOIs},\n"
             "  nopages  = {published online only, without pages},\n")
    content, _ = _content_with(project_copy, PLANTED.replace("{notes}", notes))
    assert check_reference_completeness(content) == []


def test_a_note_beside_the_field_it_excuses_is_flagged(project_copy: ProjectCopy) -> None:
    notes = "  doi      = {10.1000/planted},\n  nodoi    = {none},\n  pages    = {1--2},\n"
    content, _ = _content_with(project_copy, PLANTED.replace("{notes}", notes))
    problems = check_reference_completeness(content)
    assert len(problems) == 1 and "remove the note" in problems[0].problem


def test_chapters_official_and_press_items_have_their_own_requirements(project_copy: ProjectCopy) -> None:
    entries = """
@incollection{planted2019chapter,
  author    = {Planted, Paula},
  title     = {A Chapter},
  booktitle = {A Book},
  year      = {2019},
  keywords  = {scholarship}
}

@misc{planted2019act,
  author   = {{European Commission}},
  title    = {An Act},
  url      = {https://example.org/act},
  year     = {2019},
  keywords = {official}
}

@article{planted2019press,
  author   = {Planted, Paula},
  title    = {A News Story},
  journal  = {The Daily Plant},
  year     = {2019},
  keywords = {press}
}
"""
    content, _ = _content_with(project_copy, entries)
    found = {(p.item, p.problem.split(" without ")[1].split(" (")[0]) for p in check_reference_completeness(content)}
    assert found == {
        ("planted2019chapter", "the book's editors"), ("planted2019chapter", "a page range"),
        ("planted2019chapter", "the publisher"),
        ("planted2019act", "an ELI or CELEX link on EUR-Lex"), ("planted2019act", "the Official Journal reference"),
        ("planted2019press", "the full publication date"), ("planted2019press", "the URL"),
    }
