"""The real question banks as an instructor receives them: exam items that are not practice items in disguise,
feedback on every option, ids that name their bank, and the whole course valid.

Coverage (minimums, required concepts) and own words are registered checkers (coursekit/checks/bank_coverage.py,
own_words.py): `course check` reports them, and the last test here runs it in-process."""

from __future__ import annotations

import re

import pytest

from coursekit.cli.main import main as course_main
from coursekit.content.load import CourseContent
from coursekit.paths import REPO_ROOT
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank, Item
from tests.exam_banks import requires_exam_banks


@pytest.fixture(scope="module")
def banks(real_content: CourseContent) -> dict[str, Bank]:
    return {bank.quiz: bank for bank in load_banks(real_content)}


@pytest.fixture(scope="module")
def items(banks: dict[str, Bank]) -> list[Item]:
    """Every hand-written item of every bank (generated items never count towards the minimums)."""
    return [item for bank in banks.values() for item in bank.items]


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if len(w) > 3}


def question_text(item: Item) -> str:
    """What a student reads to answer: the stem and everything offered (not the feedback)."""
    offered = [o.text for o in item.options] if item.type in ("single", "multiple") else []
    offered += [f"{p.left} {p.right}" for p in item.pairs] + list(item.sequence) + list(item.accepted)
    return " ".join([item.stem, *offered])


@requires_exam_banks
def test_exam_items_are_not_practice_items_reworded(items: list[Item]) -> None:
    practice = [i for i in items if i.use == "practice"]
    exam = [i for i in items if i.use == "exam"]
    practice_stems = {" ".join(content_words(i.stem)) for i in practice}
    repeated = [i.id for i in exam if " ".join(content_words(i.stem)) in practice_stems]
    assert not repeated, f"exam stems that repeat a practice stem: {repeated}"
    close = []
    for e in exam:
        for p in practice:
            a, b = content_words(question_text(e)), content_words(question_text(p))
            if len(a & b) / len(a | b) >= 0.5:
                close.append((e.id, p.id))
    assert not close, f"exam items too close to practice items: {close}"
    answers = {p.answer_text().casefold() for p in practice if p.type != "true_false"}
    same_answer = [e.id for e in exam if e.type != "true_false" and e.answer_text().casefold() in answers]
    assert not same_answer, f"exam items whose answer is a practice answer: {same_answer}"


def test_choice_feedback_explains_every_option(items: list[Item]) -> None:
    thin = [(i.id, o.text) for i in items for o in i.options if len(o.feedback.split()) < 4]
    general = [i.id for i in items
               if i.type in ("ordering", "matching", "short_answer") and len(i.feedback.split()) < 8]
    assert not thin and not general, (thin, general)


def test_ids_name_their_bank(banks: dict[str, Bank]) -> None:
    for quiz, bank in banks.items():
        prefix = "final-" if quiz == "final" else f"c{quiz.removeprefix('chapter-')}-"
        assert all(item.id.startswith(prefix) for item in bank.items), quiz


def test_course_check_passes_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    status = course_main(["--root", str(REPO_ROOT), "check"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "OK" in out
