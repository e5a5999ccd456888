"""The PDF builder's parts on small inputs: link rewriting, cleaning, glyphs, the download box, bad input."""

from __future__ import annotations

import io
from pathlib import Path

from coursekit.paths import REPO_ROOT, project_paths
from coursekit.print.clean import strip_web_only
from coursekit.print.downloads import SITE_ZIP, STUDENT_PDF, activate, downloads_box
from coursekit.print.fonts import BALLOT, ballot_font, font_face_css
from coursekit.print.glyphs import draw_missing_glyphs
from coursekit.print.htmltree import parse_fragment, to_html
from coursekit.print.links import anchor, prefix_ids, resolve, rewrite_links
from coursekit.print.quiz_worksheet import answer_grid_html, answer_letters, render_worksheet_html
from coursekit.print.render import with_page_numbers
from coursekit.quiz.model import Bank, Item, Option
from tests.course_cli import course


def test_resolve_relative_links_against_the_page() -> None:
    page = "chapters/02-x.html"
    assert resolve(page, "#sec") == (page, "sec")
    assert resolve(page, "../glossary.html#term") == ("glossary.html", "term")
    assert resolve(page, "01-y.html") == ("chapters/01-y.html", "")
    assert resolve(page, "../quizzes/chapter-2.md") == ("quizzes/chapter-2.html", "")
    assert resolve(page, "https://doi.org/10.1/x") is None
    assert resolve(page, "mailto:a@b.c") is None


def test_ids_and_links_are_rewritten_inside_the_document() -> None:
    root = parse_fragment(
        '<h2 id="sec">S</h2><sup id="fnref:k"><a href="#fn:k">1</a></sup>'
        '<a href="../glossary.html#term">term</a> <a href="../quizzes/chapter-9.html">quiz</a> after'
        '<a href="https://doi.org/10.1/x">doi</a><svg aria-labelledby="t"><title id="t">T</title>'
        '<line marker-end="url(#arrow)"/></svg>'
    )
    page = "chapters/02-x.html"
    prefix_ids(root, page)
    rewrite_links(root, page, {page, "glossary.html"})
    html = to_html(root)
    assert f'id="{anchor(page, "sec")}"' in html
    assert f'href="#{anchor(page, "fn:k")}"' in html
    assert f'href="#{anchor("glossary.html", "term")}"' in html
    assert "quiz after" in html and "chapter-9" not in html  # not in the PDF: text kept, link dropped
    assert 'href="https://doi.org/10.1/x"' in html
    assert f'aria-labelledby="{anchor(page, "t")}"' in html
    assert f'url(#{anchor(page, "arrow")})' in html


def test_web_only_controls_are_stripped_and_text_kept() -> None:
    root = parse_fragment(
        '<h2 id="a">Title<a class="headerlink" href="#a">#</a></h2>'
        '<p>Text<a class="footnote-backref" href="#x">\u21a9</a> tail \u21a9\ufe0e</p>'
        '<details class="info course-assign"><summary>Assign this chapter</summary>x</details>'
        '<button>Check</button><form><input></form><div class="quiz-widget">q</div><p>kept</p>'
    )
    html = to_html(strip_web_only(root))
    assert html == '<div><h2 id="a">Title</h2><p>Text tail </p><p>kept</p></div>'


def test_arrows_the_fonts_lack_are_drawn_and_answer_marks_stay_text() -> None:
    root = parse_fragment("<p>A \u2192 B \u2190 no <em>x</em> \u2610 \u25cb yes</p><svg><text>\u2192</text></svg>")
    draw_missing_glyphs(root)
    html = to_html(root)
    assert "\u2192</text>" in html  # inside SVG figures text is left alone
    text_outside_svg = html.split("<svg><text>")[0]
    assert "\u2192" not in text_outside_svg and "\u2190" not in text_outside_svg
    assert html.count('class="glyph-arrow"') == 2
    assert "<title>leads to</title>" in html and "<title>back to</title>" in html, \
        "a drawn glyph needs a title: its /Alt text in the tagged PDF"
    assert "\u2610 \u25cb yes" in html, "answer marks are typeset from the ballot font (fonts.py), not drawn"
    assert "A " in html and " B " in html


def test_the_ballot_font_has_exactly_the_answer_marks(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    node_modules = project_paths(None).node_modules
    data = ballot_font(node_modules, cache=tmp_path)
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    assert {chr(c) for c in cmap} == set(BALLOT)
    assert [p.name[:13] for p in tmp_path.iterdir()] == ["ballot-marks-"], "the cut is cached"
    assert ballot_font(node_modules, cache=tmp_path) == data, "the cached cut is the same font"


def test_download_box_links_only_the_files_that_exist() -> None:
    pending = downloads_box("../", available=())
    assert "href" not in pending and "make pdf" in pending and "data-search-exclude" in pending
    both = activate(f"<p>before</p>{pending}<p>after</p>", "chapters/01-x.html", {STUDENT_PDF, SITE_ZIP})
    assert 'href="../downloads/course-student.pdf"' in both and 'href="../downloads/course-site.zip"' in both
    assert "make pdf" not in both and both.startswith("<p>before</p>") and both.endswith("<p>after</p>")
    pdf_only = activate(pending, "index.html", {STUDENT_PDF})
    assert 'href="downloads/course-student.pdf"' in pdf_only and "course-site.zip" not in pdf_only.split("href")[-1]
    chapter = activate(downloads_box("../", available=(), chapter=3), "chapters/03-x.html",
                       {STUDENT_PDF, SITE_ZIP, "chapters/chapter-3.pdf"})
    assert 'href="../downloads/chapters/chapter-3.pdf"' in chapter and "This chapter (PDF)" in chapter


def test_fonts_come_from_the_npm_packages() -> None:
    css = font_face_css(project_paths().node_modules)
    assert css.count("@font-face") == 21  # 20 Source faces (10 styles, Latin and Latin Extended), the answer marks
    assert "Source Serif 4" in css and "Source Sans 3" in css and "unicode-range" in css
    assert css.count('font-family: "Noto Sans Symbols 2"') == 1
    assert "url(./files/" not in css


def test_missing_site_fails_with_the_path_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    result = course("--root", str(REPO_ROOT), "pdf", "--site", str(tmp_path / "nosite"), "--out", str(out))
    assert result.returncode != 0
    assert f"{tmp_path / 'nosite'}" in result.stderr and "make site" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_output_inside_the_site_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    result = course("--root", str(REPO_ROOT), "pdf", "--site", str(site), "--out", str(site / "dist"))
    assert result.returncode != 0 and "must not be inside the site" in result.stderr
    assert not (site / "dist").exists()


def _option_item(kind: str, right: tuple[int, ...]) -> Item:
    options = tuple(Option(f"option {i}", i in right, f"why {i}") for i in range(4))
    return Item(id=f"t-{kind}", type=kind, use="practice", quiz="chapter-2", stem="Which?", concept=None,
                anchor="02-preparedness-to-talk#three-preconditions", options=options)


def test_one_answer_gets_circles_several_get_squares_and_options_carry_letters() -> None:
    single, multiple = _option_item("single", (1,)), _option_item("multiple", (0, 2))
    bank = Bank(quiz="chapter-2", title="Quiz", path=Path("chapter-2.yml"))
    sheet = render_worksheet_html(bank, [single, multiple], False, {})
    first, second = sheet.split('id="ws-t-multiple"')
    assert first.count("\u25cb") == 4 and "\u2610" not in first and "Fill in one circle." in first
    assert second.count("\u2610") == 4 and "\u25cb" not in second and "Tick every square" in second
    assert all(f'<span class="cq-ws-letter">{letter}.</span>' in first for letter in "ABCD")
    key = render_worksheet_html(bank, [single, multiple], True, {})
    assert key.count("\u25c9") == 1 and key.count("\u2612") == 2 and "Right: why 1" in key and "Wrong: why 0" in key
    assert [answer_letters(single), answer_letters(multiple)] == ["B", "A-C"]


def test_sections_are_named_by_title_on_worksheets_but_never_on_exam_sheets() -> None:
    item = _option_item("single", (0,))
    bank = Bank(quiz="chapter-2", title="Quiz", path=Path("chapter-2.yml"))
    titles = {"02-preparedness-to-talk#three-preconditions": "Risse's three preconditions"}
    worksheet = render_worksheet_html(bank, [item], False, titles, "../")
    assert "Section: <a class=\"cq-ws-section-link\" href=\"../chapters/02-preparedness-to-talk.html" in worksheet
    assert "Chapter 2, “Risse&#x27;s three preconditions”" in worksheet and "#three-preconditions</" not in worksheet
    assert "cq-ws-section" not in render_worksheet_html(bank, [item], False)  # an exam sheet: no pointer
    grid = answer_grid_html([item], titles, None, "Chapter 2 quiz")
    assert "<caption>Chapter 2 quiz</caption>" in grid and ">A</td>" in grid and "Risse&#x27;s" in grid


def test_page_numbers_are_written_after_each_section_link() -> None:
    section = '<p>Section: <a class="cq-ws-section-link" href="#chapters-02-x--three">Chapter 2, “T”</a></p>'
    assert with_page_numbers(section, {"chapters-02-x--three": 14}).endswith("“T”</a>, page 14</p>")
    assert with_page_numbers(section, {}) == section
