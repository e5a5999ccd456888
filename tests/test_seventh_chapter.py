"""The course's shape comes from its content: a seventh chapter needs only content, and every output follows.

A copy of the project gets a chapter file, its question bank (and its exam bank, when the exam banks are
unlocked), its nav entries and its reading-path note, and nothing else; then `course check`, the strict site
build, `course export` and `course pdf` all include it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.exam.passphrase import passphrase_from_env
from coursekit.exam.store import exam_status
from coursekit.paths import REPO_ROOT
from tests.conftest import ProjectCopy
from tests.course_cli import course
from tests.pdf.pdftools import pdf_text

pytestmark = [pytest.mark.slow, pytest.mark.pdf]

NEW_STEM = "07-an-afterword"
NEW_TITLE = "An afterword on leverage"


def add_seventh_chapter(root: Path) -> None:
    """Only content: chapter 6's file and bank copied as chapter 7, plus nav and reading-path entries."""
    chapters = root / "docs" / "chapters"
    text = (chapters / "06-deja-vu.md").read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f'title: "{NEW_TITLE}"', text, count=1, flags=re.M)
    text = re.sub(r"^chapter: 6$", "chapter: 7", text, count=1, flags=re.M)
    (chapters / f"{NEW_STEM}.md").write_text(text, encoding="utf-8")

    # The bank, and its exam items when the exam banks are unlocked (a chapter's exam bank is content too; the
    # test seals it like an author would). Unlocked but with no passphrase to seal, the copy is made a locked one.
    exam = root / "quizzes" / "exam"
    if (exam / "chapter-6.yml").is_file() and passphrase_from_env() is None:
        for plain in exam.glob("*.yml"):
            plain.unlink()
    for folder in (root / "quizzes", exam):
        source = folder / "chapter-6.yml"
        if not source.is_file():
            continue
        bank = source.read_text(encoding="utf-8")
        bank = bank.replace("quiz: chapter-6", "quiz: chapter-7").replace("06-deja-vu#", f"{NEW_STEM}#")
        bank = re.sub(r"^(\s*- id: )", r"\1c7x-", bank, flags=re.M)
        # Generated items come from the glossary terms a chapter teaches; the copy teaches none of its own.
        bank = bank.split("\ngenerate:", 1)[0] + "\n"
        (folder / "chapter-7.yml").write_text(bank, encoding="utf-8")

    config = root / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8")
    for after, new in (("chapters/06-deja-vu.md", f"chapters/{NEW_STEM}.md"),
                       ("quizzes/chapter-6.md", "quizzes/chapter-7.md"),
                       ("instructors/chapter-6.md", "instructors/chapter-7.md")):
        line = next(line for line in nav.splitlines() if line.strip() == f"- {after}")
        nav = nav.replace(line + "\n", f"{line}\n{line.replace(after, new)}\n", 1)
    config.write_text(nav, encoding="utf-8")

    course_yml = root / "docs" / "_data" / "course.yml"
    data = course_yml.read_text(encoding="utf-8")
    note = '  - chapter: 7\n    note: "A seventh part, added to test the course\'s shape."\n'
    data = data.replace("licence_content:", note + "licence_content:", 1)
    course_yml.write_text(data, encoding="utf-8")


def test_a_seventh_chapter_needs_only_content(project_copy: ProjectCopy) -> None:
    root = project_copy()
    add_seventh_chapter(root)
    if (root / "quizzes" / "exam" / "chapter-7.yml").is_file():
        sealed = course("--root", str(root), "exam", "seal")
        assert sealed.returncode == 0, sealed.stderr

    checked = course("--root", str(root), "check")
    assert checked.returncode == 0, checked.stderr
    assert "course check: OK" in checked.stdout and "(7 chapters," in checked.stdout

    site = root / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                            "-d", str(site)], cwd=root, capture_output=True, text=True,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stdout + build.stderr
    chapter = (site / "chapters" / f"{NEW_STEM}.html").read_text(encoding="utf-8")
    assert NEW_TITLE in chapter and "Chapter 7 at a glance" in chapter
    quiz = (site / "quizzes" / "chapter-7.html").read_text(encoding="utf-8")
    assert "c7x-" in quiz
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"{NEW_TITLE}" in home and "The seven chapters take about" in home
    final = (site / "quizzes" / "final.html").read_text(encoding="utf-8")
    assert "all seven chapters" in final
    assert (site / "instructors" / "chapter-7.html").is_file()

    if not exam_status(root / "quizzes").is_locked:  # the export needs the exam items (sealed without a passphrase)
        exported = course("--root", str(root), "export", "--out", str(root / "dist" / "instructor"))
        assert exported.returncode == 0, exported.stderr
        names = {p.name for p in (root / "dist" / "instructor").rglob("*")}
        assert any("chapter-7" in name for name in names), sorted(names)

    # The copy's exam banks are sealed by now (chapter 7's too); locking them leaves `course pdf` the students'
    # files, the ones this test reads (the instructor edition has its own tests on the real course, tests/pdf/).
    for plain in (root / "quizzes" / "exam").glob("*.yml"):
        plain.unlink()
    printed = course("--root", str(root), "pdf", "--site", str(site), "--out", str(root / "dist"))
    assert printed.returncode == 0, printed.stderr
    student = pdf_text(root / "dist" / "course-student.pdf")
    assert NEW_TITLE in student and student.index(NEW_TITLE) > student.index("An unsettling sense of")


def test_the_real_course_is_not_a_seventh_chapter_course() -> None:
    """The planted chapter exists only in the copy (the test cannot pass by accident on the real tree)."""
    assert not (REPO_ROOT / "docs" / "chapters" / f"{NEW_STEM}.md").exists()
