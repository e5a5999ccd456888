"""Issue 15: the EPUB (EPUBCheck, Ace or axe), the per-chapter PDFs, print wording, keys and grids, PDF/UA.

Everything reads the one `course pdf` run of the session (`pdf_build`); the checkers run once per file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.paths import REPO_ROOT
from coursekit.print.assemble import assemble
from coursekit.print.build import edition_items
from coursekit.print.editions import EDITIONS
from coursekit.print.htmltree import parse_document
from coursekit.print.web_phrases import check_print_document, find_web_only_phrases
from coursekit.quiz.model import Item
from tests.conftest import PDF_GROUP
from tests.pdf.conftest import COURSE, SITE_URL, PdfBuild
from tests.pdf.pdftools import pdf_info, pdf_text, squeeze

pytestmark = [pytest.mark.slow, PDF_GROUP]

CHROMIUM = Path("/usr/bin/chromium")
ACE = REPO_ROOT / "node_modules" / ".bin" / "ace-puppeteer"  # the Electron runner needs a downloaded browser


# ---------------------------------------------------------------- EPUB

def test_epub_passes_epubcheck_with_no_error_and_no_warning(pdf_build: PdfBuild) -> None:
    if shutil.which("java") is None:
        pytest.fail("java not found: EPUBCheck needs a Java runtime (apt-get install default-jre-headless)")
    jar = Path(__import__("epubcheck").__file__).parent / "epubcheck.jar"
    result = subprocess.run(["java", "-jar", str(jar), "--json", "-", str(pdf_build.epub)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    messages = [f"{m['severity']} {m['ID']}: {m['message']} at {m['locations'][:1]}" for m in report["messages"]
                if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    print(f"EPUBCheck {report['checker']['checkerVersion']}: {len(messages)} errors and warnings")
    assert not messages, "\n".join(messages)


def test_epub_layout_metadata_and_fonts(pdf_build: PdfBuild, content: CourseContent) -> None:
    with zipfile.ZipFile(pdf_build.epub) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        opf = book.read("OEBPS/content.opf").decode("utf-8")
        nav = book.read("OEBPS/nav.xhtml").decode("utf-8")
        names = book.namelist()
        text = " ".join(book.read(n).decode("utf-8") for n in names if n.endswith(".xhtml"))
    for needed in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                   "schema:accessibilityHazard", "schema:accessibilitySummary",
                   "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"):
        assert needed in opf, needed
    fonts = [n for n in names if n.endswith(".woff2")]
    assert len(fonts) == 21 and "OEBPS/fonts/ballot-marks.woff2" in fonts  # 20 Source faces, the answer marks
    for chapter in content.chapters:
        assert chapter.title in nav
    for part in ("Glossary", "Timeline", "Concept map", "Essay footnotes", "Bibliography", "Worksheets",
                 "Appendix: answer key"):
        assert part in nav, part
    assert 'role="img"' in text and "concept-map" in text
    assert "course-web-only" not in text


def test_epub_passes_ace_by_daisy(pdf_build: PdfBuild, tmp_path: Path) -> None:
    """Ace by DAISY (pinned in package.json), on Debian's Chromium: no violation."""
    if not ACE.exists() or not CHROMIUM.exists():
        pytest.fail("Ace or Chromium missing: run `make setup` and install Debian's chromium")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    result = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(tmp_path / "ace"),
                             str(pdf_build.epub)], capture_output=True, text=True, timeout=600, env=env,
                            cwd=tmp_path)
    report_file = tmp_path / "ace" / "report.json"
    assert report_file.is_file(), f"Ace wrote no report (exit {result.returncode}):\n{result.stderr}"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    violations = [f"{check['earl:test']['dct:title']} ({check['earl:test']['earl:impact']}) in "
                  f"{document['earl:testSubject']['url']}: {check['earl:result'].get('html', '')[:120]}"
                  for document in report.get("assertions", []) for check in document.get("assertions", [])
                  if check["earl:result"]["earl:outcome"] == "fail"]
    print(f"Ace: {len(violations)} violations")
    assert not violations, "\n".join(violations)


# ---------------------------------------------------------------- per-chapter PDFs

def test_each_chapter_has_its_own_pdf_with_its_worksheet_and_key(
    pdf_build: PdfBuild, content: CourseContent, quiz_items: dict[str, list[Item]]
) -> None:
    student_pages = int(pdf_info(pdf_build.student)["Pages"])
    for chapter in content.chapters:
        path = pdf_build.dist / "chapters" / f"chapter-{chapter.number}.pdf"
        info = pdf_info(path)
        assert info["Title"].startswith(f"Chapter {chapter.number}: {chapter.title}")
        assert info["Tagged"] == "yes" and 3 <= int(info["Pages"]) < student_pages / 3
        text = squeeze(pdf_text(path))
        assert squeeze(chapter.title) in text and squeeze("References") in text
        own = [i for i in quiz_items["practice"] if i.quiz == f"chapter-{chapter.number}"]
        own_stems = {squeeze(i.stem) for i in own}  # a generated item may ask the same in two quizzes
        others = [i for i in quiz_items["practice"]
                  if i.quiz != f"chapter-{chapter.number}" and squeeze(i.stem) not in own_stems]
        assert own and all(squeeze(i.stem) in text for i in own), path.name
        assert not [i.id for i in others if squeeze(i.stem) in text], path.name
        assert not [i.id for i in quiz_items["exam"] if squeeze(i.stem) in text], path.name


# ---------------------------------------------------------------- print wording

def test_the_print_documents_have_no_web_only_phrase(built_site: Path, content: CourseContent) -> None:
    for edition in EDITIONS:
        html = assemble(edition, edition_items(edition, built_site, content, lambda _: None, SITE_URL),
                        built_site, content, SITE_URL)
        body = parse_document(html).find("body")
        assert body is not None
        hits = check_print_document(body)
        assert not hits, [f"{h.section}: {h.phrase} ({h.context})" for h in hits]


@pytest.mark.parametrize("sentence", [
    "In the chapters, hovering over or focusing a linked term shows its short definition.",
    "For footnote 7, go to the section #fn-7.",
    "BibTeX opens a record you can copy into a reference manager.",
    "The essay this course teaches: start at the course home.",
    "Then take the same quiz on the course site for feedback.",
    "Check yourself against section #limits-of-externalization.",
])
def test_the_web_only_phrase_gate_flags_known_bad_sentences(sentence: str) -> None:
    assert find_web_only_phrases(sentence)


def test_the_web_only_phrase_gate_passes_print_wording() -> None:
    assert not find_web_only_phrases("In the chapters, a term defined here is underlined with dots and leads to "
                                     "its entry. The same quizzes are on the course website, https://example.org/.")


def test_cover_prints_the_course_address_and_the_instructor_cover_fits_one_page(
    student_text: str, instructor_text: str
) -> None:
    for text in (student_text, instructor_text):
        cover, contents = text.split("\f")[:2]
        assert SITE_URL in cover
        assert contents.lstrip().startswith("Contents"), contents[:200]


def test_a_failing_gate_stops_course_pdf_naming_the_page(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("downloads"))
    glossary = site / "glossary.html"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "<h1", "<p>Click here to expand.</p><h1", 1), encoding="utf-8")
    result = subprocess.run([str(COURSE), "pdf", "--quiet", "--site", str(site), "--out", str(tmp_path / "dist")],
                            cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "glossary.html" in result.stderr and "Click" in result.stderr
    assert "course pdf [" not in result.stderr, "--quiet still printed progress"
    assert not (tmp_path / "dist" / "course-student.pdf").exists()


# ---------------------------------------------------------------- PDF/UA

@pytest.mark.parametrize("name", ["course-student.pdf", "course-instructor.pdf", "chapters/chapter-1.pdf"])
def test_pdfs_pass_the_machine_checkable_pdf_ua_rules(name: str, pdf_build: PdfBuild) -> None:
    """pdfua (pikepdf) checks the machine-checkable subset of PDF/UA-1: no error. Warnings are printed in the
    test report (-rA) for a person to judge; the rules it does not cover still need a human check."""
    from pdfua import Severity, validate

    report = validate(str(pdf_build.dist / name))
    errors = [f"{f.rule_id} {f.message}" for f in report.findings if f.severity == Severity.ERROR]
    warnings = sorted({f"{f.rule_id} {f.message.split('.')[0]}" for f in report.findings
                       if f.severity == Severity.WARNING})
    print(f"PDF/UA (pdfua {__import__('pdfua').__version__}) {name}: {len(errors)} errors, "
          f"{len(warnings)} kinds of warning: {warnings}")
    assert not errors, "\n".join(errors[:20])
