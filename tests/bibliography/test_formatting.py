"""pandoc citeproc formatting: clean inline HTML for Markdown, one run per distinct input, cached on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.content.bibliography import write_csl
from coursekit.content.load import CourseContent
from coursekit.pages.bibliography import formatting
from coursekit.pages.bibliography.formatting import format_references, markdown_safe


def test_case_protection_spans_are_dropped_and_markup_kept() -> None:
    html = ('<span>“<span>‘<span class="nocase">Let’s</span> Argue!’</span>.”</span> <em>IO</em> '
            '<a href="https://doi.org/10.1/x_y">https://doi.org/10.1/x_y</a>')
    assert markdown_safe(html) == ('“‘Let’s Argue!’.” <em>IO</em> '
                                   '<a href="https://doi.org/10.1/x_y">https://doi.org/10.1/x\\_y</a>')


def test_markdown_characters_in_text_are_escaped() -> None:
    assert markdown_safe("A *b* [c] {d} `e` \\f &amp; g &lt;h&gt;") == (
        "A \\*b\\* \\[c\\] \\{d\\} \\`e\\` \\\\f &amp; g &lt;h&gt;")


def test_every_entry_is_formatted_without_pandoc_markup(content: CourseContent, tmp_path: Path) -> None:
    bib = content.bibliography.path
    references = format_references(bib.read_text(encoding="utf-8"), write_csl(tmp_path), tmp_path, bib)
    assert set(references) == set(content.bibliography.keys)
    assert references["risse2000argue"].startswith("Risse, Thomas. 2000. “‘Let’s Argue!’")
    assert not any("{" in text.replace("\\{", "") or "nocase" in text for text in references.values())
    # Two works by one author in one year are told apart over the whole bibliography.
    assert "2018a." in references["cassarino2018beyond"] and "2018b." in references["cassarino2018informalizing"]


def test_second_format_reads_the_cache_instead_of_running_pandoc(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bibtex = "@book{doe2020title, author = {Doe, Jane}, title = {A Title}, publisher = {P}, year = {2020}}\n"
    csl = write_csl(tmp_path / "csl")
    first = format_references(bibtex, csl, tmp_path, tmp_path / "x.bib")
    assert first == {"doe2020title": "Doe, Jane. 2020. <em>A Title</em>. P."}
    assert len(list((tmp_path / formatting.CACHE_FOLDER).glob("*.json"))) == 1

    def no_pandoc(*args: object) -> dict[str, str]:
        raise AssertionError("pandoc ran although the result was cached")

    monkeypatch.setattr(formatting, "_memo", {})
    monkeypatch.setattr(formatting, "_run_pandoc", no_pandoc)
    assert format_references(bibtex, csl, tmp_path, tmp_path / "x.bib") == first
    with pytest.raises(AssertionError, match="pandoc ran"):
        format_references(bibtex.replace("2020}", "2021}"), csl, tmp_path, tmp_path / "x.bib")
