"""Building twice gives the same PDF: same text (and, with WeasyPrint, the same bytes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.print.build import build_edition
from coursekit.print.editions import STUDENT
from tests.pdf.conftest import SITE_URL, PdfBuild
from tests.pdf.pdftools import pdf_text

pytestmark = pytest.mark.slow


def test_second_build_gives_the_same_student_pdf(built_site: Path, pdf_build: PdfBuild, content: CourseContent,
                                                 student_text: str, tmp_path: Path) -> None:
    again = tmp_path / STUDENT.filename
    build_edition(STUDENT, built_site, content, again, progress=lambda _: None, site_url=SITE_URL)
    assert pdf_text(again) == student_text
    assert again.read_bytes() == pdf_build.student.read_bytes()
