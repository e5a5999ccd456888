"""The two PDFs as a reader gets them: text, outline, metadata, fonts; what each edition may and may not contain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.print.quiz_worksheet import section_title
from coursekit.print.worksheets import section_titles
from coursekit.quiz.model import Item
from tests.conftest import PDF_GROUP
from tests.exam_banks import exam_banks_locked
from tests.pdf.conftest import PdfBuild
from tests.pdf.pdftools import pdf_fonts, pdf_info, pdf_outline, squeeze

pytestmark = [pytest.mark.slow, PDF_GROUP]

BIB_ENTRY = re.compile(r'<p class="bib-entry" id="ref-[^"]+">(.*?)</p>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def missing(texts: list[str], haystack: str) -> list[str]:
    squeezed = squeeze(haystack)
    return [t for t in texts if squeeze(t) not in squeezed]


def present(texts: list[str], haystack: str) -> list[str]:
    squeezed = squeeze(haystack)
    return [t for t in texts if squeeze(t) in squeezed]


def bibliography_entries(site: Path) -> list[str]:
    """Each entry of the site's bibliography page as plain text (the PDF must print them all)."""
    import html

    page = (site / "bibliography.html").read_text(encoding="utf-8")
    entries = [html.unescape(TAG.sub("", e)) for e in BIB_ENTRY.findall(page)]
    assert len(entries) > 20, "the bibliography page has fewer entries than the .bib file"
    return entries


def key_texts(items: list[Item]) -> list[str]:
    """What only an answer key prints: the feedback of each right option, or the written answer."""
    texts = []
    for item in items:
        if item.options:
            texts += [f"Right: {o.feedback}" for o in item.correct_options]
        else:
            texts.append(f"Answer: {item.answer_text()}")
    return texts


def test_progress_lines_carry_the_elapsed_time(pdf_build: PdfBuild) -> None:
    lines = pdf_build.stderr.splitlines()
    assert all(re.match(r"course pdf \[ *\d+\.\d+s\] ", line) for line in lines), pdf_build.stderr
    both = not exam_banks_locked()  # sealed exam banks: the student edition only, and a line saying why
    rendering = "rendering course-student.pdf, course-instructor.pdf" if both else "skipping the instructor edition"
    for stage in (rendering, "epub:", "student: ", "instructor: " if both else "course exam unlock", "zip:",
                  "published"):
        assert any(stage in line for line in lines), f"no progress line for {stage!r}:\n{pdf_build.stderr}"


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_every_chapter_glossary_term_and_reference_is_printed(
    edition: str, pdf_build: PdfBuild, content: CourseContent, student_text: str, instructor_text: str
) -> None:
    text = student_text if edition == "student" else instructor_text
    assert not missing([c.title for c in content.chapters], text)
    assert not missing([t.term for t in content.glossary.terms], text)
    assert not missing(["Glossary", "Timeline", "Concept map", "Bibliography", "Worksheets"], text)
    assert not missing(bibliography_entries(pdf_build.site), text)
    assert not missing([content.course.title], text)


def test_student_edition_has_worksheets_and_the_practice_key_but_no_exam_items(
    student_text: str, quiz_items: dict[str, list[Item]]
) -> None:
    assert quiz_items["exam"], "no exam items in the banks: this test would prove nothing"
    assert not missing([i.stem for i in quiz_items["practice"]], student_text)
    assert not missing(key_texts(quiz_items["practice"]), student_text)
    assert not missing(["Appendix: answer key", "Answer grids"], student_text)
    assert not present([i.stem for i in quiz_items["exam"]], student_text)
    assert not present(key_texts(quiz_items["exam"]), student_text)
    assert "exam items" not in student_text.casefold() and "Exam key" not in student_text


def test_every_practice_question_names_its_section_by_title_and_page(
    student_text: str, quiz_items: dict[str, list[Item]], content: CourseContent
) -> None:
    titles = section_titles(content)
    for item in quiz_items["practice"]:
        line = f"Section: {section_title(item, titles)}, page "
        assert squeeze(line) in squeeze(student_text), line
    assert not re.search(r"#[a-z]+-[a-z-]+", student_text), "a raw anchor is printed"


def test_instructor_edition_has_guide_exam_items_and_every_key(
    instructor_text: str, quiz_items: dict[str, list[Item]]
) -> None:
    everything = quiz_items["practice"] + quiz_items["exam"]
    assert not missing([i.stem for i in everything], instructor_text)
    assert not missing(key_texts(everything), instructor_text)
    assert not missing(["Instructors’ guide", "Guide for instructors", "Exam items", "Appendix: answer keys",
                        "Answer grids"], instructor_text)
    assert not re.search(r"#[a-z]+-[a-z-]+", instructor_text), "a raw anchor is printed"
    # exam stems appear twice: on the exam sheet and in the key
    squeezed = squeeze(instructor_text)
    assert all(squeezed.count(squeeze(i.stem)) >= 2 for i in quiz_items["exam"])


def test_no_web_only_controls_or_back_link_symbols(student_text: str, instructor_text: str) -> None:
    for text in (student_text, instructor_text):
        assert "\u21a9" not in text  # ↩ footnote back-links
        for web_only in ("Download for offline reading", "Link to this section", "Type to start searching",
                         "Announcement to paste into your learning platform", "Tick the chapters"):
            assert web_only not in text, web_only
        assert not re.search(r"^#$", text, re.MULTILINE), "a permalink '#' survived"
    assert "Assign this chapter" not in student_text  # the guide may name the panel; the student edition never


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_metadata_tagging_and_page_count(edition: str, pdf_build: PdfBuild, content: CourseContent) -> None:
    info = pdf_info(pdf_build.dist / f"course-{edition}.pdf")
    assert info["Title"] == f"{content.course.title} ({edition.capitalize()} edition)"
    assert info["Author"]
    assert info["Subject"].startswith("A course module on Jean-Pierre Cassarino")
    assert info["Tagged"] == "yes"
    assert 40 <= int(info["Pages"]) <= 400


def test_instructor_edition_is_the_student_edition_plus_more(pdf_build: PdfBuild) -> None:
    assert int(pdf_info(pdf_build.instructor)["Pages"]) > int(pdf_info(pdf_build.student)["Pages"]) + 10


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_fonts_are_the_course_fonts_and_embedded(edition: str, pdf_build: PdfBuild) -> None:
    fonts = pdf_fonts(pdf_build.dist / f"course-{edition}.pdf")
    assert fonts
    assert all(embedded == "yes" for _, embedded in fonts), fonts
    foreign = [name for name, _ in fonts if not re.search(r"Source-(Serif-4|Sans-3)|Noto-Sans-Symbols-2", name)]
    assert not foreign, f"a system font was used (a glyph the course fonts lack?): {foreign}"


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_outline_lists_every_chapter_and_its_sections(edition: str, pdf_build: PdfBuild,
                                                      content: CourseContent) -> None:
    outline = pdf_outline(pdf_build.dist / f"course-{edition}.pdf")
    top = [title for depth, title in outline if depth == 1]
    for chapter in content.chapters:
        assert f"{chapter.number}. {chapter.title}" in top
    assert {"Glossary", "Timeline", "Concept map", "Bibliography", "Worksheets"} <= set(top)
    sections = [title for depth, title in outline if depth == 2]
    assert "Key points" in sections and "Discussion questions" in sections
    if edition == "instructor":
        assert {"Instructors’ guide", "Exam items", "Appendix: answer keys"} <= set(top)


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_no_blank_pages(edition: str, student_text: str, instructor_text: str) -> None:
    pages = (student_text if edition == "student" else instructor_text).split("\f")[:-1]
    blank = [n for n, page in enumerate(pages, start=1) if len(re.sub(r"[\s\d]", "", page)) < 20]
    assert not blank, f"pages with nothing but a page number: {blank}"


def test_the_instructor_pack_gets_the_instructor_pdf(pdf_build: PdfBuild, tmp_path: Path) -> None:
    """`course pdf` re-seals a site's instructor pack with the instructor edition in it (when the site has one)."""
    import base64
    import io
    import re
    import zipfile

    from coursekit.exam.sealing import decrypt_file
    from tests.browser.test_instructor_pack import project_passphrase

    data = pdf_build.site / "instructors" / "pack-data.js"
    if not data.is_file():
        pytest.skip("this build has no instructor pack (no exam passphrase)")
    passphrase = project_passphrase()
    assert passphrase
    sealed = tmp_path / "pack.age"
    sealed.write_bytes(base64.b64decode(re.search(r'"([A-Za-z0-9+/=]+)"', data.read_text()).group(1)))
    names = zipfile.ZipFile(io.BytesIO(decrypt_file(sealed, passphrase))).namelist()
    assert "instructor-pack/course-instructor.pdf" in names and "instructor-pack/course.imscc" in names
