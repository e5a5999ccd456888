"""One citation scheme on the site and in the PDFs: author-date linked to an unnumbered reference list, essay
notes written "essay note N" and linked to the footnotes page, no superscript numbers (issue 14, point 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.pages.bibliography.citation_scheme import drop_number_marks, essay_notes, reference_list

ESSAY = "cassarino2021instrumentalization"
NOTES = "../essay-footnotes.html"


def mark(key: str, number: int, repeat: str = "") -> str:
    return (f'<sup id="fnref{repeat}:ref-{key}"><a class="footnote-ref" href="#fn:ref-{key}">{number}</a></sup>')


# What mkdocs-bibtex writes: the bad sample the scheme exists to fix ("(Cassarino 2021, n. 4)¹").
PLUGIN_TEXT = (f"<p>Talks (Cassarino 2021, sec. 4 and n. 11; European Commission 2006, 9){mark(ESSAY, 1, '13')} "
               f"{mark('ec2006global', 11)}. Two works (Cassarino 2007, 2018b){mark('c2007', 2)}"
               f"{mark('c2018', 3)}.</p>")
PLUGIN_LIST = ('<div class="footnote">\n<hr />\n<ol>\n'
               f'<li id="fn:ref-{ESSAY}">\n<p>Cassarino, Jean-Pierre. 2021. Essay.&#160;<a class="footnote-backref" '
               f'href="#fnref:ref-{ESSAY}" title="Jump back to footnote 1 in the text">&#8617;</a></p>\n</li>\n'
               '<li id="fn:ref-boswell2003external">\n<p>Boswell, Christina. 2003. Article.</p>\n</li>\n'
               "</ol>\n</div>")


def test_superscripts_go_and_each_author_date_links_its_reference() -> None:
    html = drop_number_marks(PLUGIN_TEXT, ESSAY, NOTES)
    assert "<sup" not in html and "footnote-ref" not in html
    assert f'(<a class="cite" href="#ref-{ESSAY}">Cassarino 2021</a>, sec. 4 and ' in html
    assert f'<a class="essay-note" href="{NOTES}#fn-11">essay note 11</a>; ' in html
    assert '<a class="cite" href="#ref-ec2006global">European Commission 2006</a>, 9)' in html
    # two works of one author, as pandoc collapses them
    assert ('(<a class="cite" href="#ref-c2007">Cassarino 2007</a>, <a class="cite" href="#ref-c2018">2018b</a>)'
            in html)


def test_a_citation_the_scheme_cannot_parse_keeps_its_text_and_loses_only_the_numbers() -> None:
    odd = f"<p>See <em>(Boswell 2003)</em>{mark('boswell2003external', 4)} and (one; two){mark('x', 5)}.</p>"
    assert drop_number_marks(odd, ESSAY, NOTES) == "<p>See <em>(Boswell 2003)</em> and (one; two).</p>"


def test_essay_notes_are_words_with_a_link_never_n_dot() -> None:
    assert essay_notes("n. 4", NOTES) == f'<a class="essay-note" href="{NOTES}#fn-4">essay note 4</a>'
    assert essay_notes("sec. 4 and nn. 9-10", NOTES) == (
        f'sec. 4 and <a class="essay-note" href="{NOTES}#fn-9">essay notes 9–10</a>')
    assert essay_notes("sec. 5", NOTES) == "sec. 5"


def test_the_reference_list_is_unnumbered_sorted_and_without_back_links() -> None:
    html = reference_list(PLUGIN_LIST, "../bibliography.html")
    assert html.startswith('<ul class="course-references"><li id="ref-boswell2003external">')
    assert html.index("Boswell") < html.index("Cassarino")
    assert "footnote-backref" not in html and "<ol>" not in html
    assert html.count('class="bib-goto"') == 2 and f'href="../bibliography.html#ref-{ESSAY}"' in html


def test_ordinary_markdown_footnotes_are_left_alone() -> None:
    markdown_notes = '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:1">\n<p>A note.</p>\n</li>\n</ol>\n</div>'
    assert reference_list(markdown_notes) == markdown_notes


@pytest.mark.slow
def test_no_page_of_the_site_shows_a_citation_number(built_site: Path) -> None:
    """Every cite link lands on its page's reference list; no superscript number or n. locator is left."""
    checked = 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "footnote-ref" not in html and 'id="fn:ref-' not in html, page.name
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for target in re.findall(r'class="cite" href="#([^"]+)"', html):
            assert target in ids, (page.name, target)
            checked += 1
        for citation in re.findall(r'class="cite"[^>]*>[^<]*</a>([^)]*)\)', html):
            assert not re.search(r"\bnn?\. \d", citation), (page.name, citation)
    assert checked > 100
