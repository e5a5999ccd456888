"""Issue 13: instructor keys and every LMS export show each item's cognitive level; variants shuffle per student."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from coursekit.content.load import CourseContent, load_content
from coursekit.instructors.gift import gift_text
from coursekit.instructors.keys import key_csv, letters, worksheet_page
from coursekit.instructors.moodle import moodle_xml
from coursekit.instructors.qti import qti_package, text2qti_source
from coursekit.instructors.quiz_sets import QuizSet, quiz_sets
from coursekit.instructors.roster import Student
from coursekit.paths import REPO_ROOT, project_paths
from tests.exam_banks import requires_exam_banks


@pytest.fixture(scope="module")
def content() -> CourseContent:
    return load_content(project_paths(REPO_ROOT))


@pytest.fixture(scope="module")
def exam_set(content: CourseContent) -> QuizSet:
    return next(s for s in quiz_sets(content) if s.bank.quiz == "chapter-4" and s.use == "exam")


@requires_exam_banks
def test_the_csv_key_has_a_level_column(exam_set: QuizSet) -> None:
    rows = list(csv.DictReader(io.StringIO(key_csv(exam_set))))
    assert rows and [r["level"] for r in rows] == [i.level for i in exam_set.items]
    assert {r["level"] for r in rows} <= {"remember", "understand", "apply", "analyse"}


def test_the_printed_key_names_each_level(exam_set: QuizSet) -> None:
    page = worksheet_page(exam_set, with_answers=True)
    assert page.count("· level: ") == len(exam_set.items)
    assert "· level: " not in worksheet_page(exam_set, with_answers=False)


@requires_exam_banks
def test_moodle_gift_and_qti_carry_the_level(exam_set: QuizSet) -> None:
    xml, _ = moodle_xml(exam_set, "Course")
    tags = [t.text for t in ET.fromstring(xml).iter("text") if t.text and t.text.startswith("level:")]
    assert tags == [f"level:{i.level}" for i in exam_set.items]
    gift, _ = gift_text(exam_set)
    assert sum(f"[tag:level:{i.level}]" in gift for i in exam_set.items) >= 1
    assert gift.count("[tag:level:") == sum(1 for line in gift.splitlines() if line.startswith("::"))
    source, _ = text2qti_source(exam_set)
    assert source.count("Title: ") == sum(1 for i in exam_set.items if i.type not in ("matching", "ordering"))
    package = qti_package(source, "chapter-4-exam.txt")
    assert package[:2] == b"PK"
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        settings = [archive.read(n).decode() for n in archive.namelist() if n.endswith("assessment_meta.xml")]
    assert settings and "<shuffle_answers>true</shuffle_answers>" in settings[0]


def test_each_student_gets_a_seeded_option_order(content: CourseContent) -> None:
    """Position never cues the key: the right letter differs between students, and a seed is reproducible."""
    from coursekit.cli.variants import make_variants
    from coursekit.quiz.bank import load_banks
    from coursekit.quiz.select import bank_items

    bank = next(b for b in load_banks(content) if b.quiz == "final")
    items = bank_items(bank, content, "s1", use="exam")
    students = [Student(f"s{n:02d}", f"Student {n}", n + 2) for n in range(24)]
    variants = make_variants(bank, items, students, "seed-1")
    assert variants == make_variants(bank, items, students, "seed-1")
    for item_id in (i.id for i in items if i.type == "single"):
        keys = Counter(letters(next(i for i in v.items if i.id == item_id)) for v in variants)
        assert len(keys) >= 3, (item_id, keys)
