"""Item-writing checks: each one flags a planted bad item, and the real banks meet issue 13's targets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coursekit.checks.item_writing import (
    CONFIG_NAME,
    Thresholds,
    check_banks,
    check_item_writing,
    checked_items,
    item_problems,
    load_thresholds,
)
from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.paths import REPO_ROOT
from coursekit.quiz.bank import bank_problems
from coursekit.quiz.model import Bank, Item, Option, Pair
from tests.exam_banks import requires_exam_banks
from tests.quiz.banks import bank, line_of, single
from tests.quiz.conftest import content_at

PATH = Path("quizzes/chapter-2.yml")
BANK = Bank(quiz="chapter-2", title="T", path=PATH)


@pytest.fixture(scope="module")
def thresholds() -> Thresholds:
    return load_thresholds(REPO_ROOT / "quizzes")


def choice(item_id: str, *options: tuple[str, bool], use: str = "practice", level: str = "understand",
           stem: str = "Which reading fits the case?", kind: str = "single") -> Item:
    return Item(id=item_id, type=kind, use=use, quiz="chapter-2", stem=stem, concept="reasoned-consensus",
                anchor="02-preparedness-to-talk#none-met", level=level, path=PATH, line=10,
                options=tuple(Option(text, right, "Because.") for text, right in options))


BALANCED = (("Partners treat one another as equals.", True), ("Partners meet at least once each year.", False),
            ("Partners sign a binding treaty at the end.", False), ("One side sets the rules for the others.", False))


def messages(problems: list[Problem], warning: bool | None = None) -> list[str]:
    return [p.problem for p in problems if warning is None or p.warning is warning]


def test_a_well_written_item_passes(thresholds: Thresholds) -> None:
    assert item_problems(choice("ok", *BALANCED), BANK, thresholds) == []


def test_too_few_options_is_an_error(thresholds: Thresholds) -> None:
    problems = item_problems(choice("two", BALANCED[0], BALANCED[1]), BANK, thresholds)
    assert messages(problems, warning=False) == ["a single-answer item needs at least 3 options (it has 2)"]
    assert problems[0].path == PATH and problems[0].line == 10 and problems[0].item == "two"


def test_a_single_wrong_option_in_a_multiple_item_is_an_error(thresholds: Thresholds) -> None:
    item = choice("odd-one-out", *(o for o in BALANCED[:3]), kind="multiple")
    item = replace(item, options=(item.options[0], replace(item.options[1], correct=True), item.options[2]))
    assert any("at least 2 wrong options (it has 1)" in m
               for m in messages(item_problems(item, BANK, thresholds), warning=False))


def test_quotation_marks_on_the_key_only_is_an_error(thresholds: Thresholds) -> None:
    item = choice("quoted", ("The “joint management” label, held at a distance.", True),
                  *BALANCED[1:])
    assert any("quotation marks" in m for m in messages(item_problems(item, BANK, thresholds), warning=False))
    marked_alike = replace(item, options=(*item.options[:1], Option("The “consensus” reading.", False, "No.")))
    assert not any("quotation marks" in m for m in messages(item_problems(marked_alike, BANK, thresholds)))


def test_matching_that_is_not_one_to_one_is_an_error(thresholds: Thresholds) -> None:
    item = Item(id="match", type="matching", use="practice", quiz="chapter-2", stem="Match.", concept="empowerment",
                anchor="02-preparedness-to-talk#none-met", level="understand", path=PATH, line=3,
                pairs=(Pair("Morocco links talks to territory.", "Instrumentalization"),
                       Pair("Open pressure at Ceuta.", "Instrumentalization"), Pair("Talk without trust.", "Limits")),
                feedback="Because.")
    assert messages(item_problems(item, BANK, thresholds), warning=False) == [
        "two right-hand entries read the same, so the matching is not one-to-one"]


def test_long_keys_and_longest_keys_are_warnings(thresholds: Thresholds) -> None:
    long_key = choice("long", ("A key that hedges, qualifies and explains everything at great length.", True),
                      ("Short one.", False), ("Short two.", False), ("Short three.", False))
    problems = item_problems(long_key, BANK, thresholds)
    assert [p.warning for p in problems] == [True]
    assert "as long as the wrong ones" in problems[0].problem
    longest = choice("longest", ("Partners recognise each other as true equals.", True), *BALANCED[1:])
    assert messages(item_problems(longest, BANK, thresholds), warning=True) == ["the key is the longest option"]


def test_absolute_words_only_in_distractors_are_a_warning(thresholds: Thresholds) -> None:
    item = choice("absolute", ("Some partners gained leverage.", True), ("All partners refused to talk.", False),
                  ("The EU never asked for help.", False), ("Trust grew over the years.", False))
    assert any("absolute words" in m for m in messages(item_problems(item, BANK, thresholds), warning=True))
    tf = Item(id="tf", type="true_false", use="practice", quiz="chapter-2", stem="All partners refused to talk.",
              concept="empowerment", anchor="02-preparedness-to-talk#none-met", level="understand", answer=False,
              options=(Option("True", False, "No."), Option("False", True, "Yes.")), path=PATH, line=4)
    assert any("cues 'False'" in m for m in messages(item_problems(tf, BANK, thresholds), warning=True))


def test_an_exam_item_restating_a_glossary_definition_is_an_error(real_content: CourseContent,
                                                                  thresholds: Thresholds) -> None:
    short = real_content.glossary.get("norm-diffusion").short
    leaking = choice("leak", (short, True), ("Aid that depends on readmission.", False),
                     ("Flexible deals that can be adjusted.", False), ("A court ruling on a treaty.", False),
                     use="exam", stem="Which idea is this?")
    practice = choice("p", *BALANCED)
    problems, _ = check_banks([BANK], {"chapter-2": [practice, leaking]}, real_content, thresholds)
    leaks = [p for p in problems if "content words" in p.problem]
    assert [(p.item, p.warning) for p in leaks] == [("leak", False)]
    assert "glossary's short definition of 'Norm diffusion'" in leaks[0].problem


def test_an_exam_stem_restating_a_practice_item_is_an_error(real_content: CourseContent,
                                                             thresholds: Thresholds) -> None:
    stem = "Why did southern Mediterranean states distrust the eastern enlargement of the European Union?"
    practice = choice("p", *BALANCED, stem=stem)
    exam = choice("e", *BALANCED, use="exam", stem=stem.replace("Why did", "For what reason did"))
    problems, figures = check_banks([BANK], {"chapter-2": [practice, exam]}, real_content, thresholds)
    assert [p.item for p in problems if "practice item p" in p.problem] == ["e"]
    assert figures[0].leaking_exam_items == 1


def test_bank_rates_long_key_count_and_levels_are_errors(real_content: CourseContent,
                                                         thresholds: Thresholds) -> None:
    def errors(items: list[Item]) -> list[str]:
        return messages(check_banks([BANK], {"chapter-2": items}, real_content, thresholds)[0], warning=False)

    longest = [choice(f"l{n}", ("Partners recognise each other as true equals.", True), *BALANCED[1:])
               for n in range(3)]
    assert errors(longest) == ["the key is the longest option in 3 of 3 single-answer items (100%; at most 35%)"]
    shortest = [choice(f"s{n}", ("Equals.", True), *BALANCED[1:]) for n in range(3)]
    assert errors(shortest)[0].startswith("the key is the shortest option in 3 of 3")
    long_keys = [choice(f"k{n}", ("A key that hedges, qualifies and explains at very great length.", True),
                        ("Short one.", False), ("Short two.", False), ("Short three.", False)) for n in range(6)]
    assert any(m.startswith("6 items have keys averaging 1.3×") for m in errors([*long_keys, *shortest * 4]))
    recall = [choice(f"r{n}", *BALANCED, use="exam", level="remember") for n in range(3)]
    assert "only 0% of the exam items are at level understand or above (at least 75%)" in errors(recall)
    assert not any("exam items" in m for m in errors([*recall[:1], *(replace(i, level="apply") for i in recall)]))


def test_a_missing_config_is_reported(real_content: CourseContent, banks_root: Path) -> None:
    (banks_root / "quizzes" / CONFIG_NAME).unlink()
    problems = check_item_writing(content_at(real_content, banks_root))
    assert len(problems) == 1 and CONFIG_NAME in str(problems[0]) and "missing" in problems[0].problem


def test_a_planted_bad_bank_item_is_reported_with_file_and_line(real_content: CourseContent, banks_root: Path,
                                                               plant) -> None:
    bad = single("t2-two-options").replace('      - text: "Two of the three."\n        correct: false\n'
                                           '        feedback: "No: none was met."\n', "")
    text = bank(bad)
    path = plant("chapter-2.yml", text)
    problems = [p for p in check_item_writing(content_at(real_content, banks_root))
                if p.item == "t2-two-options" and not p.warning]
    assert [(p.path, p.line) for p in problems] == [(path, line_of(text, "t2-two-options"))]
    assert "at least 3 options" in problems[0].problem


def test_generated_items_are_checked_too(real_content: CourseContent) -> None:
    items = checked_items(real_content)
    generated = [i for quiz in items.values() for i in quiz if i.generator]
    assert generated and all(i.path is not None and i.line and i.level == "remember" for i in generated)


@requires_exam_banks
def test_the_real_banks_meet_the_targets(real_content: CourseContent, thresholds: Thresholds) -> None:
    banks, problems = bank_problems(real_content)
    assert not problems
    found, figures = check_banks(banks, checked_items(real_content), real_content, thresholds)
    assert not [p for p in found if not p.warning], "\n".join(map(str, found))
    for fig in figures:
        assert fig.key_longest_rate <= 0.35 and fig.leaking_exam_items == 0 and fig.matching_not_one_to_one == 0
        assert (fig.exam_understand_share or 1) >= 0.75 and (fig.practice_understand_share or 1) >= 0.5
    assert sum(f.long_key_items for f in figures) <= 5


def test_item_report_prints_the_figures_per_bank(capsys: pytest.CaptureFixture[str]) -> None:
    from coursekit.cli.main import main

    assert main(["--root", str(REPO_ROOT), "item-report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| bank | key longest (single) |")
    assert all(f"| {quiz} |" in out for quiz in ("chapter-1", "chapter-6", "final", "all"))


def test_with_sealed_exams_the_practice_level_share_is_still_judged(real_content: CourseContent,
                                                                     thresholds: Thresholds) -> None:
    recall = [choice(f"r{n}", *BALANCED, level="remember") for n in range(3)]
    problems, _ = check_banks([BANK], {"chapter-2": recall}, real_content, thresholds, whole_banks=False)
    assert messages(problems, warning=False) == [
        "only 0% of the practice items are at level understand or above (at least 50%)"]
