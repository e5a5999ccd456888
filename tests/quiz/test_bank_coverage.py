"""Bank coverage is a registered checker: it passes on the real banks and flags each kind of gap it knows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coursekit.checks.bank_coverage import COVERAGE_FILE, check_bank_coverage
from coursekit.content.load import CourseContent
from coursekit.features import build_registry
from coursekit.paths import ProjectPaths


def test_registered_for_course_check_and_the_build() -> None:
    assert check_bank_coverage in build_registry().checkers


def test_the_real_banks_are_covered(real_content: CourseContent) -> None:
    assert check_bank_coverage(real_content) == []


@pytest.fixture
def coverage_copy(real_content: CourseContent, tmp_path: Path) -> tuple[CourseContent, Path]:
    """The real content reading its coverage rules (and banks) from a writable copy."""
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True)
    rules = data / COVERAGE_FILE
    rules.write_text((real_content.paths.data / COVERAGE_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "quizzes").symlink_to(real_content.paths.quizzes, target_is_directory=True)
    return replace(real_content, paths=ProjectPaths(tmp_path)), rules


def _problems(content: CourseContent) -> list[str]:
    return [str(problem) for problem in check_bank_coverage(content)]


def test_a_minimum_the_banks_miss_is_flagged_per_bank(coverage_copy: tuple[CourseContent, Path]) -> None:
    content, rules = coverage_copy
    rules.write_text(rules.read_text(encoding="utf-8").replace("  practice: 10\n  exam: 5\n  types: 4",
                                                              "  practice: 99\n  exam: 5\n  types: 9", 1))
    found = _problems(content)
    for number in range(1, len(content.chapters) + 1):
        bank = f"chapter-{number}.yml"
        assert any(bank in p and "at least 99 needed" in p for p in found), found
        assert any(bank in p and "at least 9 needed" in p for p in found), found


def test_an_untested_or_unknown_concept_is_flagged_at_its_rule(coverage_copy: tuple[CourseContent, Path]) -> None:
    content, rules = coverage_copy
    tested = {item.concept for bank in content.question_banks[0] for item in bank.items}
    untested = next(term.id for term in content.glossary.terms if term.id not in tested)
    rules.write_text(rules.read_text(encoding="utf-8") + f'  - topic: "planted"\n    terms: [{untested}]\n'
                     '  - topic: "planted unknown"\n    terms: [no-such-term]\n', encoding="utf-8")
    found = _problems(content)
    assert any(f"[planted] no hand-written item tests {untested}" in p and COVERAGE_FILE in p for p in found), found
    assert any("[planted unknown] not glossary ids: no-such-term" in p for p in found), found
