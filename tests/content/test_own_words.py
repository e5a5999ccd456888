"""Own words: no page of the built site shares a run of 10 words with the essay outside quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.own_words import essay_words, shared_runs, shingles, visible_text
from coursekit.paths import REPO_ROOT

ARTICLE = REPO_ROOT.parent / "shared" / "source" / "article.txt"


@pytest.fixture(scope="module")
def essay() -> set[tuple[str, ...]]:
    assert ARTICLE.is_file(), f"the essay's text is expected at {ARTICLE}"
    return shingles(essay_words(ARTICLE.read_text(encoding="utf-8")))


def test_a_copied_sentence_is_caught(essay: set[tuple[str, ...]]) -> None:
    copied = ("<p>The paper aimed to show that unprecedented patterns of interdependence were "
              "emerging, with implications for future cooperation.</p>")
    assert shared_runs(visible_text(copied), essay)


def test_quoted_and_blockquoted_text_is_allowed(essay: set[tuple[str, ...]]) -> None:
    quoted = ("<p>He writes of “unprecedented patterns of interdependence were emerging, with implications "
              "for future cooperation”.</p><blockquote>unprecedented patterns of interdependence were "
              "emerging, with implications for future cooperation</blockquote>")
    assert shared_runs(visible_text(quoted), essay) == []


@pytest.mark.slow
def test_no_page_copies_the_essay(built_site: Path, essay: set[tuple[str, ...]]) -> None:
    offenders = {}
    for page in sorted(built_site.rglob("*.html")):
        runs = shared_runs(visible_text(page.read_text(encoding="utf-8")), essay)
        if runs:
            offenders[str(page.relative_to(built_site))] = runs[:3]
    assert offenders == {}, f"runs of 10+ words copied from the essay: {offenders}"


def test_reference_lists_are_not_prose(essay: set[tuple[str, ...]]) -> None:
    footnotes = ('<div class="footnote"><ol><li>Carrera, Sergio. Implementation of EU Readmission Agreements: '
                 "Identity Determination Dilemmas and the Blurring of Rights.</li></ol></div><p>Own words.</p>")
    assert visible_text(footnotes).strip() == "Own words."
