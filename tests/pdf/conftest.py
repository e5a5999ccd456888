"""Fixtures for the PDF tests: `course pdf` run once per session on a copy of the shared built site.

The copy matters: `course pdf` writes site/downloads/ and links the download box, and the other suites must
keep seeing the site exactly as `make site` leaves it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.paths import REPO_ROOT
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Item
from coursekit.quiz.select import SITE_SEED, bank_items
from tests.exam_banks import exam_banks_locked, locked_reason
from tests.pdf.pdftools import pdf_text

COURSE = Path(sys.executable).parent / "course"
SITE_URL = "https://example.org/euromed-course/"  # the published address the print editions must name


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """While the exam banks are sealed `course pdf` makes the student edition only: skip what needs the other."""
    if not exam_banks_locked():
        return
    for item in items:
        name = item.nodeid.split("tests/pdf/", 1)[-1]
        if name != item.nodeid and ("instructor" in name or "exam" in name):
            item.add_marker(pytest.mark.skip(reason=locked_reason()))


@dataclass(frozen=True)
class PdfBuild:
    site: Path
    dist: Path
    stderr: str

    @property
    def student(self) -> Path:
        return self.dist / "course-student.pdf"

    @property
    def instructor(self) -> Path:
        return self.dist / "course-instructor.pdf"

    @property
    def zip(self) -> Path:
        return self.dist / "course-site.zip"

    @property
    def epub(self) -> Path:
        return self.dist / "course-student.epub"


def run_course_pdf(site: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """The real command, as `make pdf` runs it."""
    return subprocess.run([str(COURSE), "pdf", "--site", str(site), "--out", str(out), "--site-url", SITE_URL],
                          cwd=REPO_ROOT,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def content(real_content: CourseContent) -> CourseContent:
    return real_content


@pytest.fixture(scope="session")
def pdf_build(built_site: Path, tmp_path_factory: pytest.TempPathFactory,
              quiz_items: dict[str, list[Item]]) -> PdfBuild:
    """Runs after the expected quiz items are read, so both see the same banks."""
    work = tmp_path_factory.mktemp("pdf")
    site = work / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("downloads"))
    result = run_course_pdf(site, work / "dist")
    if result.returncode != 0:
        pytest.fail(f"course pdf failed (exit {result.returncode}):\n{result.stderr}", pytrace=False)
    return PdfBuild(site, work / "dist", result.stderr)


@pytest.fixture(scope="session")
def student_text(pdf_build: PdfBuild) -> str:
    return pdf_text(pdf_build.student)


@pytest.fixture(scope="session")
def instructor_text(pdf_build: PdfBuild) -> str:
    """Empty while the exam banks are sealed (no instructor edition; its own tests are skipped with the reason)."""
    return "" if exam_banks_locked() else pdf_text(pdf_build.instructor)


@pytest.fixture(scope="session")
def quiz_items(content: CourseContent) -> dict[str, list[Item]]:
    """Every item the PDFs print, by use, as the site's seed arranges them."""
    items: dict[str, list[Item]] = {"practice": [], "exam": []}
    for bank in load_banks(content):
        for use, found in items.items():
            found += bank_items(bank, content, SITE_SEED, use=use)
    return items
