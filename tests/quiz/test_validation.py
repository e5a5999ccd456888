"""Every kind of bad bank gives a problem naming the file, the line, the item id and what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coursekit.checks.quiz import check_quizzes
from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.quiz.bank import bank_problems, load_banks
from tests.quiz.banks import bank, line_of, single
from tests.quiz.conftest import content_at

Plant = Callable[[str, str], Path]
Check = Callable[[], list[Problem]]


@pytest.fixture
def quiz_root(banks_root: Path) -> Path:
    return banks_root


@pytest.fixture
def check(real_content: CourseContent, banks_root: Path) -> Check:
    """Run the bank checker on the planted banks, against the real (already loaded) content."""
    return lambda: check_quizzes(content_at(real_content, banks_root))


def only_problem(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_real_banks_are_valid(real_content: CourseContent) -> None:
    banks, problems = bank_problems(real_content)
    assert not problems, "\n".join(map(str, problems))
    assert [b.quiz for b in banks] == [*(f"chapter-{n}" for n in range(1, 7)), "final"]


def test_a_valid_planted_bank_has_no_problem(quiz_root: Path, plant: Plant, check: Check) -> None:
    plant("chapter-2.yml", bank(single("t2-other")))
    assert check() == []


def test_yaml_syntax_error(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-broken", stem='"Unclosed quote'))
    path = plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert problem.path == path
    assert "YAML syntax error" in problem.problem
    assert problem.line is not None and problem.line >= line_of(text, "Unclosed quote")


def test_unknown_type(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-essay", type="essay"))
    path = plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.path, problem.line, problem.item) == (path, line_of(text, "t2-essay"), "t2-essay")
    assert problem.problem.startswith("unknown type 'essay' (expected one of: single, multiple, true_false")


def test_duplicate_id_across_banks(quiz_root: Path, plant: Plant, check: Check) -> None:
    first = plant("chapter-1.yml", bank(quiz="chapter-1").replace("t2-good", "shared-id").replace(
        "02-preparedness-to-talk#three-preconditions", "01-introduction#why-talk"))
    text = bank(single("shared-id"))
    path = plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.path, problem.line, problem.item) == (path, line_of(text, "shared-id"), "shared-id")
    assert problem.problem == f"duplicate id 'shared-id' (first used in {first.name}, line 4)"


def test_correct_answer_not_among_the_options(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-no-answer").replace("correct: true", "correct: false"))
    path = plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.path, problem.line, problem.item) == (path, line_of(text, "t2-no-answer"), "t2-no-answer")
    assert "no option is marked 'correct: true'" in problem.problem


def test_single_item_with_two_correct_options(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-two-right").replace("correct: false", "correct: true"))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.line, problem.item) == (line_of(text, "t2-two-right"), "t2-two-right")
    assert "3 options are marked 'correct: true'; a single item needs exactly one" in problem.problem


def test_anchor_to_a_missing_heading(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-bad-heading", anchor="02-preparedness-to-talk#no-such-heading"))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.line, problem.item) == (line_of(text, "t2-bad-heading"), "t2-bad-heading")
    assert problem.problem == ("anchor '02-preparedness-to-talk#no-such-heading': chapter 2 has no heading with id "
                               "'no-such-heading'")


def test_anchor_to_a_missing_chapter_file(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-bad-file", anchor="07-epilogue#start"))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert problem.item == "t2-bad-file"
    assert problem.problem.startswith("anchor '07-epilogue#start': no chapter file '07-epilogue.md'")


def test_anchor_into_another_chapter(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-elsewhere", anchor="01-introduction#why-talk"))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert problem.item == "t2-elsewhere"
    assert "points into chapter 1, but this is the chapter 2 bank" in problem.problem


def test_unknown_glossary_concept(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-concept", concept="soft-power"))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.line, problem.item) == (line_of(text, "t2-concept"), "t2-concept")
    assert problem.problem.startswith("concept 'soft-power' is not a glossary id")


def test_missing_field(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-no-stem", stem=""))
    path = plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.path, problem.line, problem.item) == (path, line_of(text, "t2-no-stem"), "t2-no-stem")
    assert problem.problem == "missing field 'stem'"


def test_missing_option_feedback_points_at_the_option(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-no-feedback").replace('        feedback: "No: the verdict is negative."\n', ""))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.line, problem.item) == (line_of(text, '"All of them."'), "t2-no-feedback")
    assert problem.problem == "missing field 'feedback' in options[2]"


def test_field_of_another_type(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-mixed", answer="true"))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert problem.item == "t2-mixed"
    assert problem.problem == "field 'answer' does not belong to a single item (it uses: options)"


def test_unknown_field(quiz_root: Path, plant: Plant, check: Check) -> None:
    text = bank(single("t2-typo", hint='"a hint"'))
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert problem.item == "t2-typo"
    assert problem.problem.startswith("unknown field 'hint' (allowed: id, type, use")


def test_bad_id_pattern(quiz_root: Path, plant: Plant, check: Check) -> None:
    plant("chapter-2.yml", bank(single("T2_Bad")))
    problem = only_problem(check())
    assert problem.item == "T2_Bad"
    assert problem.problem.startswith("id 'T2_Bad' must be lower-case words joined by hyphens")


def test_quiz_name_must_match_the_file(quiz_root: Path, plant: Plant, check: Check) -> None:
    plant("chapter-2.yml", bank(quiz="chapter-3"))
    problem = only_problem(check())
    assert (problem.line, problem.problem) == (1, "quiz 'chapter-3' does not match the file name 'chapter-2.yml'")


def test_missing_bank_file(quiz_root: Path, check: Check) -> None:
    (quiz_root / "quizzes" / "chapter-4.yml").unlink()
    problem = only_problem(check())
    assert problem.path.name == "chapter-4.yml" and problem.problem.startswith("missing question bank")


def test_generate_request_the_data_cannot_meet(quiz_root: Path, plant: Plant, check: Check) -> None:
    # Chapter 2 has no timeline events, so no timeline question can be generated for it.
    text = bank(generate="  - generator: timeline-order\n    use: practice\n    count: 1\n")
    plant("chapter-2.yml", text)
    problem = only_problem(check())
    assert (problem.line, problem.item) == (line_of(text, "timeline-order"), "generate 1")
    assert problem.problem == ("generator 'timeline-order' asked for 1 item(s) but the data of chapter 2 allows "
                               "only 0 more")


def test_unknown_generator(quiz_root: Path, plant: Plant, check: Check) -> None:
    plant("chapter-2.yml", bank(generate="  - generator: fill-the-gap\n    use: practice\n    count: 1\n"))
    problem = only_problem(check())
    assert problem.item == "generate 1"
    assert problem.problem.startswith("unknown value for 'generator' 'fill-the-gap' (expected one of: term-definition")


def test_load_banks_raises_with_every_problem(quiz_root: Path, plant: Plant, real_content: CourseContent) -> None:
    plant("chapter-2.yml", bank(single("t2-essay", type="essay"), single("t2-concept", concept="soft-power")))
    with pytest.raises(ContentError) as raised:
        load_banks(content_at(real_content, quiz_root))
    assert [p.item for p in raised.value.problems] == ["t2-essay", "t2-concept"]


def test_true_false_feedback_keys_are_read_as_words(quiz_root: Path, plant: Plant,
                                                      real_content: CourseContent) -> None:
    item = (
        "  - id: t2-tf\n    type: true_false\n    use: practice\n    level: understand\n"
        "    concept: reasoned-consensus\n"
        "    anchor: 02-preparedness-to-talk#none-met\n    stem: \"None of the preconditions was met.\"\n"
        "    answer: true\n    feedback:\n      true: \"Right.\"\n      false: \"No.\"\n"
    )
    plant("chapter-2.yml", bank(item))
    banks = load_banks(content_at(real_content, quiz_root))
    tf = next(i for b in banks for i in b.items if i.id == "t2-tf")
    assert tf.answer is True
    assert [(o.text, o.correct, o.feedback) for o in tf.options] == [("True", True, "Right."), ("False", False, "No.")]
