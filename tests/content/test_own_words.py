"""Own words: no page of the built site shares a run of 10 words with the essay outside quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.checks.own_words import check_own_words, essay_words, shared_runs, shingles, visible_text, words
from coursekit.content.load import load_content
from coursekit.features import build_registry
from coursekit.paths import project_paths
from tests.conftest import ProjectCopy


@pytest.fixture(scope="module")
def essay(essay_text: str) -> set[tuple[str, ...]]:
    return shingles(essay_words(essay_text))


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
    # the site's author-date reference list (coursekit/pages/bibliography/citation_scheme.py)
    references = footnotes.replace('<div class="footnote"><ol>', '<ul class="course-references">').replace(
        "</ol></div>", "</ul>")
    assert visible_text(references).strip() == "Own words."


def test_the_registered_checker_flags_a_copied_sentence(project_copy: ProjectCopy, essay_text: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`course check` (and the build) report a chapter paragraph copied from the essay, with file and line."""
    root = project_copy()
    essay = root / "essay.txt"
    essay.write_text(essay_text, encoding="utf-8")
    monkeypatch.setenv("COURSE_ESSAY", str(essay))
    chapter = sorted((root / "docs" / "chapters").glob("02-*.md"))[0]
    text = chapter.read_text(encoding="utf-8")
    copied = ("The paper aimed to show that unprecedented patterns of interdependence were emerging, "
              "with implications for future cooperation.")
    chapter.write_text(text.rstrip("\n") + "\n\n" + copied + "\n", encoding="utf-8")
    line = chapter.read_text(encoding="utf-8").count("\n")
    content = load_content(project_paths(root))
    assert check_own_words in build_registry().checkers
    found = [str(problem) for problem in check_own_words(content)]
    assert len(found) == 1 and found[0].startswith(f"{chapter}:{line}: ")
    assert f"words copied from the essay outside quotation marks, e.g. \"{' '.join(words(copied)[:10])}\"" in found[0]
