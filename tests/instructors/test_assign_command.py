"""`course assign`: the same handout as HTML, Markdown and PDF, identical bytes for identical input, and clear
errors (exit 2, nothing written) for bad arguments."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from coursekit.cli.main import main
from coursekit.content.load import CourseContent

FILES = ("assignment.html", "assignment.md", "assignment.pdf")
ARGS = ["assign", "--chapters", "4,2", "--quiz", "--due", "2026-12-10", "--title", "Week 5 <b>informal</b> deals",
        "--site-url", "https://example.org/course"]


def run_assign(out: Path, *extra: str) -> int:
    return main([*ARGS, *extra, "--out", str(out)])


def words(text: str) -> str:
    return " ".join(text.split())


def html_text(page: str) -> str:
    body = page.split("<main>", 1)[1].split("</main>", 1)[0]
    return words(html.unescape(re.sub(r"<[^>]+>", " ", body)))


def markdown_text(page: str) -> str:
    text = re.sub(r"\]\(<[^>]*>\)", " ", page)  # link targets
    text = re.sub(r"^#+ |^- |\\(.)", r"\1", text, flags=re.MULTILINE)
    return words(text.replace("[", " "))


@pytest.mark.slow
def test_the_same_input_gives_identical_files(tmp_path: Path) -> None:
    assert run_assign(tmp_path / "one") == 0
    assert run_assign(tmp_path / "two") == 0
    for name in FILES:
        first, second = (tmp_path / "one" / name).read_bytes(), (tmp_path / "two" / name).read_bytes()
        assert first == second, f"{name} differs between two runs"


@pytest.mark.slow
def test_html_markdown_and_pdf_carry_the_same_assignment(tmp_path: Path, course: CourseContent) -> None:
    assert run_assign(tmp_path) == 0
    page = (tmp_path / "assignment.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "assignment.md").read_text(encoding="utf-8")
    assert "<b>informal</b>" not in page and "&lt;b&gt;informal&lt;/b&gt;" in page
    text = html_text(page)
    assert text == markdown_text(markdown).replace("( ", "").replace(" )", ""), "HTML and Markdown differ"
    assert "Due: Thursday 10 December 2026" in text
    for number in (2, 4):
        chapter = course.chapter(number)
        assert f"Chapter {number}: {chapter.title}" in text
        assert all(words(o) in text for o in chapter.objectives)
    assert text.index("Chapter 2:") < text.index("Chapter 4:")
    assert 'href="https://example.org/course/quizzes/chapter-4.html"' in page
    pdf = (tmp_path / "assignment.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize(("extra", "message"), [
    (["--chapters", "2,9"], "unknown chapter '9'"),
    (["--chapters", "two"], "unknown chapter 'two'"),
    (["--chapters", ","], "names no chapter"),
    (["--due", "2026-02-30"], "no such day"),
    (["--due", "10/12/2026"], "YYYY-MM-DD"),
    (["--due", "9999-01-01"], "between 2000 and 2100"),
    (["--title", "x" * 500], "keep it to 120"),
])
def test_bad_arguments_exit_2_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                extra: list[str], message: str) -> None:
    out = tmp_path / "handout"
    args = ["assign", "--chapters", "2", "--out", str(out), *extra]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [], "a staging folder was left behind"
