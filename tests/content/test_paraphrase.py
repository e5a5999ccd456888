"""Own words, sentence level: no page tracks an essay sentence with words swapped (coursekit/checks/paraphrase.py).

The essay is not ours to republish, so it is read from ../shared (or $COURSE_ESSAY); without it these tests skip.
The planted paraphrases below are the course's own earlier sentences that issue 12 listed as close paraphrase,
and one synonym-swapped sentence made here for the test: none of them is essay text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursekit.checks.paraphrase import EssayIndex, check_paraphrase, load_essay_index, page_text, tracked_sentences
from coursekit.content.essay import essay_path
from coursekit.content.load import load_content
from coursekit.paths import REPO_ROOT, ProjectPaths

ESSAY = essay_path(REPO_ROOT)

# Sentences the course published before issue 12 (chapters 3, 4 and 5), flagged by the reviewer.
BEFORE = [
    "In our words: southern Mediterranean countries did more than open channels of communication with their "
    "European counterparts; they also put forward their own vision of migration governance, making use of their "
    "empowered position.",
    "Cassarino notes that, at the bilateral level, some Mediterranean Member States (he gives France, Greece, Italy "
    "and Spain as examples) already excelled at flexible dealings with non-EU countries, as a way of responding to "
    "those countries' empowered agency and demands.",
    "Morocco was accused of blackmailing Spain, which had agreed to let the Polisario Front's leader, Brahim Ghali, "
    "be treated in hospital on Spanish soil.",
    "There is a sense of déjà-vu in Morocco's diplomatic pressure on Spain; what changed is that the pressure was "
    "more explicit than ever.",
]
# A synonym swap made for this test: the essay's sentence on third countries' proactive involvement.
SWAPPED = ("Various third countries in the southern Mediterranean were actively engaged in such informal "
           "consultations, demonstrating their willingness, if not readiness, to open informal discussions on "
           "migration governance.")
OWN = ("The southern governments did not wait to be invited: they came to the informal meetings keen to talk, "
       "which the essay reads as a sign of willingness rather than of agreement.")


@pytest.fixture(scope="module")
def essay() -> EssayIndex:
    if ESSAY is None:
        pytest.skip("the essay's text is not available (set COURSE_ESSAY): the own-words check needs it")
    return load_essay_index(ESSAY)


@pytest.mark.parametrize("sentence", [*BEFORE, SWAPPED])
def test_a_tracking_sentence_is_flagged(essay: EssayIndex, sentence: str) -> None:
    found = tracked_sentences(f"<p>{sentence}</p>", essay) or tracked_sentences(sentence, essay)
    assert found, sentence
    assert "tracks the essay" in str(found[0])


def test_a_sentence_of_our_own_on_the_same_point_passes(essay: EssayIndex) -> None:
    assert tracked_sentences(OWN, essay) == []


def test_quotations_reference_lists_and_code_are_left_out(essay: EssayIndex) -> None:
    html = (f"<p>He writes: “{SWAPPED}”</p><blockquote>{SWAPPED}</blockquote>"
            f'<div class="csl-entry">{SWAPPED}</div><pre>{SWAPPED}</pre><p>{OWN}</p>')
    assert tracked_sentences(page_text(html), essay) == []


def test_blocks_never_join_into_one_sentence() -> None:
    assert page_text("<h2>Heading</h2><p>Body text.</p><td>cell</td>").split() == ["Heading", "Body", "text.", "cell"]
    assert "\n\n" in page_text("<h2>Heading</h2><p>Body text.</p>")


@pytest.mark.slow
def test_no_page_of_the_built_site_tracks_the_essay(built_site: Path, essay: EssayIndex) -> None:
    """Every page, quizzes included (generated items, answer lines and glossary definitions are text too)."""
    offenders = {}
    for page in sorted(built_site.rglob("*.html")):
        relative = page.relative_to(built_site).as_posix()
        found = tracked_sentences(page_text(page.read_text(encoding="utf-8")), essay)
        if found:
            offenders[relative] = [str(f) for f in found[:2]]
    assert offenders == {}, offenders


@pytest.mark.slow
def test_no_part_of_either_pdf_edition_tracks_the_essay(built_site: Path, essay: EssayIndex, tmp_path: Path) -> None:
    """The print document `course pdf` renders, assembled from a copy of the site (worksheets and keys are banks)."""
    from coursekit.paths import project_paths
    from coursekit.print.assemble import assemble
    from coursekit.print.editions import EDITIONS, back_matter, chapter_part, instructor_guide

    content = load_content(project_paths(REPO_ROOT))
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    for edition in EDITIONS:
        items = [chapter_part(site, chapter) for chapter in content.chapters] + back_matter(site)
        if edition.for_instructors:
            items.append(instructor_guide(site))
        found = tracked_sentences(page_text(assemble(edition, items, site, content)), essay)
        assert found == [], (edition.name, [str(f) for f in found[:3]])


def test_course_check_reports_a_planted_paraphrase_in_a_chapter(
    essay: EssayIndex, copied_paths: ProjectPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Registered as a checker: an error with file and line, in the course's prose as in a bank item."""
    monkeypatch.setenv("COURSE_ESSAY", str(ESSAY))
    chapter = copied_paths.chapters / "02-preparedness-to-talk.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + f"\n{SWAPPED}\n", encoding="utf-8")
    line = chapter.read_text(encoding="utf-8").splitlines().index(SWAPPED) + 1
    content = load_content(copied_paths)
    errors = check_paraphrase(content)
    assert [(p.path.name, p.line) for p in errors] == [(chapter.name, line)]
    assert "tracks the essay" in errors[0].problem
