"""`course check` reports every planted bank error in one run, and `course quiz` prints a quiz."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from coursekit.paths import REPO_ROOT
from coursekit.yamlio import load_yaml_file
from tests.course_cli import course
from tests.quiz.banks import bank, line_of, single

ROOT = ("--root", str(REPO_ROOT))


def first_item_id(bank_file: Path) -> str:
    """An id the real chapter-1 bank already uses (whatever its authors wrote)."""
    return load_yaml_file(bank_file)["items"][0]["id"]


def test_check_reports_every_planted_error_at_once(quiz_root: Path, plant: Callable[[str, str], Path]) -> None:
    taken = first_item_id(quiz_root / "quizzes" / "chapter-1.yml")
    chapter_2 = bank(
        single("t2-essay", type="essay"),
        single("t2-concept", concept="soft-power"),
        single("t2-heading", anchor="02-preparedness-to-talk#nowhere"),
        single("t2-no-answer").replace("correct: true", "correct: false"),
        single("t2-no-stem", stem=""),
        single(taken),  # already used in chapter-1.yml
    )
    plant("chapter-2.yml", chapter_2)
    plant("chapter-5.yml", 'quiz: chapter-5\ntitle: "Broken"\nitems:\n  - id: x\n   type: single\n')
    result = course("--root", str(quiz_root), "check")
    assert result.returncode == 1
    path2 = quiz_root / "quizzes" / "chapter-2.yml"
    expected = [
        f"{path2}:{line_of(chapter_2, 't2-essay')}: [t2-essay] unknown type 'essay'",
        f"{path2}:{line_of(chapter_2, 't2-concept')}: [t2-concept] concept 'soft-power' is not a glossary id",
        f"{path2}:{line_of(chapter_2, 't2-heading')}: [t2-heading] anchor '02-preparedness-to-talk#nowhere': "
        "chapter 2 has no heading with id 'nowhere'",
        f"{path2}:{line_of(chapter_2, 't2-no-answer')}: [t2-no-answer] no option is marked 'correct: true'",
        f"{path2}:{line_of(chapter_2, 't2-no-stem')}: [t2-no-stem] missing field 'stem'",
        f"{path2}:{line_of(chapter_2, f'id: {taken}')}: [{taken}] duplicate id '{taken}' (first used in chapter-1.yml",
        f"{quiz_root / 'quizzes' / 'chapter-5.yml'}:5: YAML syntax error",
    ]
    missing = [line for line in expected if line not in result.stderr]
    assert not missing, f"not reported: {missing}\n--- stderr ---\n{result.stderr}"
    bank_lines = [line for line in result.stderr.splitlines() if line.startswith(str(quiz_root / "quizzes"))]
    assert len(bank_lines) == len(expected), "\n".join(bank_lines)


def test_check_passes_on_the_real_content() -> None:
    result = course(*ROOT, "check")
    assert result.returncode == 0, result.stderr
    assert "course check: OK" in result.stdout


def test_quiz_command_prints_json_with_answers_and_is_deterministic() -> None:
    first = course(*ROOT, "quiz", "2", "--format", "json", "--seed", "5")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert data["quiz"] == "chapter-2" and data["seed"] == 5
    assert any(item["generator"] for item in data["items"]) and all(item["answer_text"] for item in data["items"])
    assert course(*ROOT, "quiz", "2", "--format", "json", "--seed", "5").stdout == first.stdout


def test_quiz_command_markdown_hides_answers_unless_asked() -> None:
    plain = course(*ROOT, "quiz", "1", "--use", "practice")
    keyed = course(*ROOT, "quiz", "1", "--use", "practice", "--answers")
    assert plain.returncode == keyed.returncode == 0
    assert "**Answer:**" not in plain.stdout and "**Answer:**" in keyed.stdout
    assert "(exam," not in plain.stdout


def test_quiz_command_html_is_a_worksheet() -> None:
    result = course(*ROOT, "quiz", "final", "--format", "html")
    assert result.returncode == 0
    assert result.stdout.startswith('<section class="cq-worksheet" data-quiz="final">')


def test_quiz_command_rejects_an_unknown_chapter() -> None:
    result = course(*ROOT, "quiz", "9")
    assert result.returncode == 2
    assert "no quiz 'chapter-9': the course has 6 chapters (1-6) and a final quiz" in result.stderr
    assert "expected a chapter number or 'final', got 'x'" in course(*ROOT, "quiz", "x").stderr
