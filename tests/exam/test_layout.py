"""Exam items live only in quizzes/exam/: bank loading flags one in a public bank (and a practice item there)."""

from __future__ import annotations

from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.exam.store import plain_path
from coursekit.quiz.bank import bank_problems
from tests.quiz.banks import bank, line_of, single
from tests.quiz.conftest import content_at


def problems_for(real_content: CourseContent, root: Path) -> list[str]:
    content = content_at(real_content, root)
    return [str(p) for p in bank_problems(content)[1]]


def test_an_exam_item_in_a_public_bank_is_flagged(real_content: CourseContent, banks_root: Path) -> None:
    text = bank(single("t2-leaked", use="exam"))
    public = banks_root / "quizzes" / "chapter-2.yml"
    public.write_text(text, encoding="utf-8")
    found = problems_for(real_content, banks_root)
    assert (f"{public}:{line_of(text, 't2-leaked')}: [t2-leaked] an exam item belongs in the exam bank "
            "quizzes/exam/chapter-2.yml (sealed, see CONTRIBUTING.md, 'Exam banks'), not here") in found


def test_a_practice_item_in_an_exam_bank_is_flagged_and_exam_items_join_their_quiz(
        real_content: CourseContent, banks_root: Path) -> None:
    exam = plain_path(banks_root / "quizzes", "chapter-2")
    exam.parent.mkdir(exist_ok=True)
    text = bank(single("t2-exam-one", use="exam")).replace("t2-good", "t2-exam-good")
    exam.write_text(text, encoding="utf-8")
    found = problems_for(real_content, banks_root)
    assert any(p.startswith(f"{exam}:{line_of(text, 't2-exam-good')}: [t2-exam-good] a practice item belongs in "
                            "the public bank quizzes/chapter-2.yml") for p in found), found
    exam.write_text(text.replace("use: practice", "use: exam"), encoding="utf-8")
    content = content_at(real_content, banks_root)
    banks, problems = bank_problems(content)
    assert not [p for p in problems if "chapter-2" in str(p.path)], problems
    chapter_2 = next(b for b in banks if b.quiz == "chapter-2")
    assert [i.id for i in chapter_2.items if i.use == "exam"][-2:] == ["t2-exam-good", "t2-exam-one"]
    assert {i.path for i in chapter_2.items if i.use == "exam"} >= {exam}
