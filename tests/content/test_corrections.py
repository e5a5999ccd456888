"""Corrections are data, shown wherever the point appears; `course check` fails on a planted uncorrected claim."""

from __future__ import annotations

import pytest

from coursekit.checks.uncorrected_claims import check_uncorrected_claims, item_problems, paragraph_problems
from coursekit.cli.main import main
from coursekit.content.corrections import load_corrections
from coursekit.content.load import CourseContent
from coursekit.pages.glossary import render_glossary
from coursekit.pages.timeline import render_timeline
from coursekit.paths import ProjectPaths

# Each date of the Morocco chronology with the official record it was checked against (issue 12).
CHRONOLOGY = {
    "eu2012decision497": ("32012D0497", "2012-09-07"),
    "polisario2012action": ("62012TN0512", "2013-02-23"),
    "gc2015polisario": ("62012TJ0512", "2015-12-10"),
    "cj2016polisario": ("62016CJ0104", "2016-12-21"),
    "eu2019decision217": ("32019D0217", "2019-02-06"),
    "polisario2020action": ("62020TN0393", "2020-08-24"),
    "ep2021ceuta": ("52021IP0289", "2021-06-10"),
}


def test_every_correction_cites_official_sources_that_exist(content: CourseContent) -> None:
    corrections = content.corrections
    assert {c.id for c in corrections.items} >= {"fpa-2019-new-agreement", "western-sahara-scope", "general-court",
                                                 "t-393-20-target", "fpa-label"}
    for correction in corrections.items:
        assert correction.sources and correction.claims and correction.shows
        for key in correction.sources:
            assert content.bibliography.data.entries[key].fields["keywords"] == "official", key


@pytest.mark.parametrize(("key", "record"), CHRONOLOGY.items())
def test_official_entries_carry_their_eur_lex_record(content: CourseContent, key: str,
                                                     record: tuple[str, str]) -> None:
    celex, date = record
    fields = content.bibliography.data.entries[key].fields
    assert celex in fields["url"] and fields["date"] == date


def test_the_current_course_states_no_uncorrected_claim(content: CourseContent) -> None:
    assert check_uncorrected_claims(content) == []


def test_a_planted_claim_on_a_page_fails_course_check_with_file_and_line(
    copied_paths: ProjectPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    page = copied_paths.docs / "essay-footnotes.md"
    planted = "After years of litigation, the FPA entered into force in February 2019."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{planted}\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index(planted) + 1

    assert main(["--root", str(copied_paths.root), "check"]) == 1
    errors = capsys.readouterr().err
    assert f"essay-footnotes.md:{line}: states the essay's claim" in errors
    assert "'fpa-2019-new-agreement'" in errors


def test_the_correction_marker_next_to_the_claim_satisfies_the_check(
    copied_paths: ProjectPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    page = copied_paths.docs / "essay-footnotes.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\nThe essay says the FPA entered into force in February 2019.\n\n"
                    "<!-- correction:fpa-2019-new-agreement -->\n", encoding="utf-8")
    assert main(["--root", str(copied_paths.root), "check"]) == 0, capsys.readouterr().err


def test_a_planted_claim_in_a_quiz_item_fails(copied_paths: ProjectPaths, capsys: pytest.CaptureFixture[str]) -> None:
    bank = copied_paths.quizzes / "chapter-5.yml"
    text = bank.read_text(encoding="utf-8")
    first_feedback = text.index("feedback: \"")
    bank.write_text(text[:first_feedback] + 'feedback: "The T-393/20 action challenges the Council\'s decision of '
                    '28 January 2019. ' + text[first_feedback + len('feedback: "'):], encoding="utf-8")
    assert main(["--root", str(copied_paths.root), "check"]) == 1
    assert "'t-393-20-target'" in capsys.readouterr().err


def test_an_unknown_correction_id_is_reported(copied_paths: ProjectPaths, capsys: pytest.CaptureFixture[str]) -> None:
    page = copied_paths.docs / "critical-reading.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- correction:no-such-correction -->\n",
                    encoding="utf-8")
    assert main(["--root", str(copied_paths.root), "check"]) == 1
    assert "unknown correction 'no-such-correction'" in capsys.readouterr().err


def test_claims_and_shows_are_matched_per_paragraph(content: CourseContent) -> None:
    corrections = content.corrections
    path = content.paths.docs / "x.md"
    far = "The FPA entered into force in February 2019.\n\nA.\n\nB.\n\nDecision (EU) 2019/217 was new."
    near = "The FPA entered into force in February 2019.\n\nDecision (EU) 2019/217 was new."
    assert [p.line for p in paragraph_problems(far, corrections, path)] == [1]
    assert paragraph_problems(near, corrections, path) == []
    assert item_problems(["It was not replaced: the FPA was not replaced."], corrections, path, 3, "i")


def test_a_bad_pattern_or_source_is_a_content_error(tmp_path, content: CourseContent) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "corrections.yml"
    path.write_text("- id: x\n  title: t\n  essay_says: s\n  essay_locator: sec. 5\n  record: r [@nokey]\n"
                    "  sources: [nokey, other]\n  claims: ['(']\n  shows: [a]\n", encoding="utf-8")
    with pytest.raises(Exception) as failure:
        load_corrections(path, set(content.bibliography.keys))
    message = str(failure.value)
    assert "not a valid regular expression" in message and "'nokey' is not in the bibliography" in message
    assert "'other' is not cited in the record" in message


def test_timeline_and_glossary_render_the_correction_from_the_data(content: CourseContent) -> None:
    record = content.corrections.get("fpa-2019-new-agreement").record
    timeline, glossary = render_timeline(content), render_glossary(content)
    for page in (timeline, glossary):
        assert "!!! warning correction" in page and record in page
    assert "The essay says" in timeline and "The record shows" in timeline
