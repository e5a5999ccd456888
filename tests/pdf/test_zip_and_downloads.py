"""The zipped site and the public downloads: what is offered, where, and what never is."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PDF_GROUP
from tests.pdf.conftest import PdfBuild

pytestmark = [pytest.mark.slow, PDF_GROUP]

DOWNLOAD_LINK = re.compile(r'href="([^"]*downloads/[^"]+)"')


def test_zip_holds_the_site_with_search_the_student_pdf_and_epub_only(pdf_build: PdfBuild, built_site: Path) -> None:
    with zipfile.ZipFile(pdf_build.zip) as archive:
        names = set(archive.namelist())
        index = archive.read("course-site/index.html").decode("utf-8")
        chapter = archive.read("course-site/chapters/01-introduction.html").decode("utf-8")
        assert archive.testzip() is None
    site_files = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    assert {f"course-site/{name}" for name in site_files} <= names
    assert {"course-site/index.html", "course-site/search/search_index.js",
            "course-site/assets/javascripts/iframe-worker-shim.js"} <= names
    assert {"course-site/downloads/course-student.pdf", "course-site/downloads/course-student.epub"} <= names
    assert not [n for n in names if n.endswith(".zip") or "instructor.pdf" in n]
    assert DOWNLOAD_LINK.findall(index) == ["downloads/course-student.pdf", "downloads/course-student.epub"]
    assert DOWNLOAD_LINK.findall(chapter) == ["../downloads/course-student.pdf", "../downloads/course-student.epub"]


def test_zip_is_reproducible(pdf_build: PdfBuild, tmp_path: Path) -> None:
    from coursekit.print.zip_site import zip_site

    again = tmp_path / "again.zip"
    zip_site(pdf_build.site, {"course-student.pdf": pdf_build.student, "course-student.epub": pdf_build.epub}, again)
    # Compare digests: a byte-by-byte diff of two large archives takes pytest minutes to print.
    assert hashlib.sha256(again.read_bytes()).hexdigest() == hashlib.sha256(pdf_build.zip.read_bytes()).hexdigest()


def test_public_downloads_are_published_and_linked_from_home_and_chapters(pdf_build: PdfBuild) -> None:
    downloads = pdf_build.site / "downloads"
    assert sorted(p.name for p in downloads.iterdir()) == ["chapters", "course-site.zip", "course-student.epub",
                                                           "course-student.pdf"]
    assert (downloads / "course-student.pdf").read_bytes() == pdf_build.student.read_bytes()
    home = (pdf_build.site / "index.html").read_text(encoding="utf-8")
    assert DOWNLOAD_LINK.findall(home) == ["downloads/course-student.pdf", "downloads/course-student.epub",
                                           "downloads/course-site.zip"]
    for number, chapter in enumerate(sorted((pdf_build.site / "chapters").glob("*.html")), start=1):
        links = DOWNLOAD_LINK.findall(chapter.read_text(encoding="utf-8"))
        assert links == [f"../downloads/chapters/chapter-{number}.pdf", "../downloads/course-student.pdf",
                         "../downloads/course-student.epub", "../downloads/course-site.zip"], chapter.name
        assert (downloads / "chapters" / f"chapter-{number}.pdf").is_file()
        assert "make pdf" not in chapter.read_text(encoding="utf-8")


def test_instructor_pdf_is_never_public(pdf_build: PdfBuild) -> None:
    assert not [p for p in pdf_build.site.rglob("*") if "instructor" in p.name and p.suffix in (".pdf", ".zip")]
    for page in pdf_build.site.rglob("*.html"):
        assert "course-instructor.pdf" not in page.read_text(encoding="utf-8"), page


def test_plain_site_build_names_the_downloads_without_linking_them(built_site: Path) -> None:
    """`make site` alone has no downloads/ folder, so it must not link into it (the link check would fail)."""
    assert not (built_site / "downloads").exists()
    pages = [built_site / "index.html", *sorted((built_site / "chapters").glob("*.html"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Download for offline reading" in text, page.name
        assert "make pdf" in text, page.name
        assert not DOWNLOAD_LINK.findall(text), page.name
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Download for offline reading" not in index, "the box should be left out of the search index"
