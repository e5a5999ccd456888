"""Bad citations and a broken .bib file stop the strict build with the key, or the file and line, named.

Each test breaks a temporary copy of the project and runs the hook's on_config in-process: content checks run
there, before MkDocs writes a page (tests/quiz/test_site_build.py shows a failed build writes nothing).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import on_config_error


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old` and return the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, text.index(old)) + 1


def _first_citation(path: Path) -> str:
    """The first single-key citation block of a page, such as `[@risse2000argue, p. 10]`."""
    match = re.search(r"\[@[A-Za-z0-9_-]+[^\[\];@]*\]", path.read_text(encoding="utf-8"))
    assert match, f"{path} cites nothing"
    return match.group(0)


def test_unknown_key_in_a_chapter_fails_the_build_naming_key_file_and_line(project_root: Path) -> None:
    chapter = project_root / "docs" / "chapters" / "02-preparedness-to-talk.md"
    citation = _first_citation(chapter)
    line = _replace(chapter, citation, "[@nosuchwork2020, p. 10]")
    error = on_config_error(project_root)
    assert error is not None and f"{chapter}:{line}: unknown citation key '@nosuchwork2020'" in error, error


def test_key_the_plugin_cannot_parse_fails_the_build(project_root: Path) -> None:
    page = project_root / "docs" / "essay-footnotes.md"
    line = _replace(page, _first_citation(page), "[@weldes:1996]")
    error = on_config_error(project_root)
    assert error is not None
    assert f"{page}:{line}: citation key '@weldes:1996' has characters the plugin cannot parse" in error


def test_key_with_bad_characters_in_the_bib_file_fails_the_build(project_root: Path) -> None:
    bib = project_root / "bibliography" / "references.bib"
    line = _replace(bib, "@article{weldes1996constructing,", "@article{weldes:1996,")
    error = on_config_error(project_root)
    assert error is not None
    assert f"{bib}:{line}: citation key 'weldes:1996' has characters mkdocs-bibtex cannot parse" in error


@pytest.mark.parametrize(("old", "new"), [
    ("  volume   = {54},\n", "  volume   = {54}\n"),  # missing comma between fields
    ("title    = {Constructing National Interests},", "title    = {Constructing National {Interests},"),  # brace
], ids=["missing-comma", "unbalanced-brace"])
def test_malformed_bib_fails_the_build_with_file_line_and_entry(project_root: Path, old: str, new: str) -> None:
    bib = project_root / "bibliography" / "references.bib"
    line = _replace(bib, old, new)
    error = on_config_error(project_root)
    assert error is not None
    reported = [row.strip() for row in error.splitlines() if f"{bib}:" in row]
    assert reported, error
    where, message = reported[0].split(": ", 1)
    assert int(where.rsplit(":", 1)[1]) >= line  # pybtex notices the error at or after the broken line
    assert message.startswith("malformed BibTeX in the entry '@article{") and "expected" in message


def test_duplicate_key_names_both_lines(project_root: Path) -> None:
    bib = project_root / "bibliography" / "references.bib"
    first = _replace(bib, "@article{risse2000argue,", "@article{risse2000argue,")
    second = _replace(bib, "@article{weldes1996constructing,", "@article{risse2000argue,")
    error = on_config_error(project_root)
    assert error is not None
    assert f"{bib}:{second}: citation key 'risse2000argue' is used twice (first on line {first})" in error
