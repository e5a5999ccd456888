"""The built site: quiz pages for every bank with practice items only; a bad bank stops the build cold."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import quiz_ids
from coursekit.quiz.select import SITE_SEED, bank_items
from tests.conftest import ProjectCopy
from tests.exam_banks import requires_exam_banks
from tests.quiz.banks import bank, line_of, single

pytestmark = pytest.mark.slow


def site_text(site: Path) -> str:
    """Every text file of the site (pages, search index, scripts) in one string."""
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".js", ".json", ".xml", ".txt"))


def test_quiz_pages_hold_every_practice_item(built_site: Path, real_content: CourseContent) -> None:
    for quiz_bank in load_banks(real_content):
        page = (built_site / quiz_bank.page_uri).with_suffix(".html").read_text(encoding="utf-8")
        practice = bank_items(quiz_bank, real_content, SITE_SEED, use="practice")
        shown = re.findall(r'<li class="cq-item" id="q-([a-z0-9-]+)"', page)
        assert shown == [item.id for item in practice], quiz_bank.quiz
        assert '<script src="../assets/js/quiz.js" defer></script>' in page
        if quiz_bank.chapter:
            stem = real_content.chapter(quiz_bank.chapter).stem
            assert f'href="../chapters/{stem}.html"' in page


@requires_exam_banks
def test_no_exam_item_reaches_the_site(built_site: Path, real_content: CourseContent) -> None:
    everything = site_text(built_site)
    exam = [item for b in load_banks(real_content) for item in bank_items(b, real_content, SITE_SEED, use="exam")]
    assert exam, "the sample banks should include exam items for this test to mean something"
    for item in exam:
        assert item.id not in everything, f"exam item {item.id} is in the site"
        if not item.is_generated:
            assert item.stem not in everything and item.stem[:40] not in everything, item.id


def test_chapters_link_to_their_quiz(built_site: Path) -> None:
    for number in range(1, 7):
        chapter = next((built_site / "chapters").glob(f"0{number}-*.html")).read_text(encoding="utf-8")
        assert f'href="../quizzes/chapter-{number}.html"' in chapter


def test_quiz_index_lists_every_quiz(built_site: Path, real_content: CourseContent) -> None:
    index = (built_site / "quizzes" / "index.html").read_text(encoding="utf-8")
    for name in quiz_ids(len(real_content.chapters)):
        assert f'href="{name}.html"' in index


# ------------------------------------------------------------------------------ builds of a planted copy


def build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                           "-d", str(site)], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_a_bad_bank_fails_the_build_and_writes_nothing(tmp_path: Path, project_copy: ProjectCopy) -> None:
    root = project_copy()
    text = bank(single("t2-essay", type="essay"), single("t2-concept", concept="soft-power"))
    (root / "quizzes" / "chapter-2.yml").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(root, site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    path = root / "quizzes" / "chapter-2.yml"
    assert f"{path}:{line_of(text, 't2-essay')}: [t2-essay] unknown type 'essay'" in output
    assert f"{path}:{line_of(text, 't2-concept')}: [t2-concept] concept 'soft-power' is not a glossary id" in output
    assert not site.exists(), "a failed build must not write the site"


def test_a_script_in_a_bank_shows_as_text_in_the_built_page(tmp_path: Path, project_copy: ProjectCopy) -> None:
    root = project_copy()
    (root / "docs" / "_data" / "quiz-coverage.yml").unlink()  # a one-item bank: coverage rules do not apply
    stem = '"Is <script>alert(1)</script> shown as text?"'
    (root / "quizzes" / "chapter-2.yml").write_text(bank(single("t2-script", stem=stem)), encoding="utf-8")
    site = tmp_path / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stderr
    page = (site / "quizzes" / "chapter-2.html").read_text(encoding="utf-8")
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; shown as text?" in page
    assert "<script>alert(1)" not in page
