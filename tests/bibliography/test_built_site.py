"""The built site: citations resolved everywhere, the footnote-to-reference path, the Bibliography page."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.entries import KINDS, footnote_citations

pytestmark = pytest.mark.slow

LOCATED_CITATION = re.compile(r"\[@([A-Za-z0-9_-]+), p\. (\d+)\]")


def _html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _footnote_items(html: str) -> dict[str, str]:
    """Key -> the entry of the page's reference list (author-date scheme: `<ul class="course-references">`)."""
    lists = "".join(re.findall(r'<ul class="course-references">(.*?)</ul>', html, re.DOTALL))
    return {m.group(1): m.group(2) for m in re.finditer(r'<li id="ref-([^"]+)">(.*?)</li>', lists, re.DOTALL)}


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_no_citation_or_footnote_syntax_is_left_raw(built_site: Path) -> None:
    leftovers = {}
    for page in sorted(built_site.rglob("*.html")):
        text = unescape(re.sub(r"<(pre|code)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.DOTALL))
        found = re.findall(r"\[@[^\]]*\]|\[\^ref-[^\]]*\]|\{\.nocase\}|\\bibliography", text)
        if found:
            leftovers[page.relative_to(built_site).as_posix()] = found[:3]
    assert not leftovers, leftovers


def test_citation_with_a_locator_shows_its_page(built_site: Path, content: CourseContent) -> None:
    """`[@key, p. N]` in a chapter renders as '(Author Year, N)' and the work is in the page's reference list."""
    checked = 0
    for chapter in content.chapters:
        html = _html(built_site, f"chapters/{chapter.stem}.html")
        for key, page in LOCATED_CITATION.findall(chapter.body):
            entry = content.bibliography.data.entries[key]
            family = " ".join(entry.persons["author"][0].last_names).strip("{}")
            year = entry.fields["year"]
            assert re.search(rf"\({re.escape(family)} {year}[a-z]?, {page}\)", _text(html)), (chapter.stem, key)
            assert key in _footnote_items(html)
            checked += 1
    assert checked, "no chapter cites a page locator: the test would prove nothing"


def test_every_chapter_ends_with_its_references(built_site: Path, content: CourseContent) -> None:
    for chapter in content.chapters:
        html = _html(built_site, f"chapters/{chapter.stem}.html")
        tail = html[html.index('<h2 id="references">'):]
        items = _footnote_items(tail)
        assert items and set(items) <= set(content.bibliography.keys), chapter.stem
        assert all(f'bibliography.html#ref-{key}"' in item for key, item in items.items())


def test_all_19_footnotes_lead_to_their_full_references(built_site: Path, content: CourseContent) -> None:
    html = _html(built_site, "essay-footnotes.html")
    bibliography = _html(built_site, "bibliography.html")
    items = _footnote_items(html)
    sections = re.split(r'<h2 id="(fn-\d+)"', html)
    found = {sections[i]: sections[i + 1] for i in range(1, len(sections) - 1, 2)}
    assert sorted(found, key=lambda anchor: int(anchor[3:])) == [f"fn-{n}" for n in range(1, 20)]
    for number, keys in footnote_citations(content.paths.docs).items():
        section = found[f"fn-{number}"]
        for key in keys:
            assert f'class="cite" href="#ref-{key}"' in section, (number, key)  # citation -> the reference list
            assert f'href="bibliography.html#ref-{key}"' in items[key]  # reference -> the Bibliography entry
            assert f'id="ref-{key}"' in bibliography


def test_footnote_back_links_all_land_on_the_page(built_site: Path) -> None:
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        dangling = [t for t in re.findall(r'class="footnote-backref" href="#([^"]+)"', html) if t not in ids]
        assert not dangling, (page.name, dangling[:3])


def _sort_name(entry_fields_author: str) -> str:
    text = unicodedata.normalize("NFKD", entry_fields_author.replace("{", "").replace("}", ""))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def test_bibliography_lists_every_work_grouped_and_sorted(built_site: Path, content: CourseContent) -> None:
    html = _html(built_site, "bibliography.html")
    assert "fnref" not in html and 'class="footnote"' not in html  # no plugin footnotes, so no back-links
    groups = re.split(r'<h2 id="([a-z-]+)"', html)
    anchors = [anchor for anchor, _ in KINDS.values()]
    assert groups[1::2] == anchors
    listed: list[str] = []
    for (kind, _), body in zip(KINDS.items(), groups[2::2], strict=True):
        keys = re.findall(r'<p class="bib-entry" id="ref-([^"]+)"', body)
        assert keys and all(content.bibliography.data.entries[k].fields["keywords"] == kind for k in keys)
        order = [(_sort_name(str(content.bibliography.data.entries[k].persons["author"][0])),
                  content.bibliography.data.entries[k].fields["year"]) for k in keys]
        assert order == sorted(order), kind
        listed += keys
    assert sorted(listed) == sorted(content.bibliography.keys)


def test_bibliography_entries_offer_bibtex_and_links(built_site: Path, content: CourseContent) -> None:
    html = _html(built_site, "bibliography.html")
    entries = re.split(r'(?=<p class="bib-entry" id="ref-)', html)[1:]
    assert len(entries) == len(content.bibliography.keys)
    for block in entries:
        key = re.match(r'<p class="bib-entry" id="ref-([^"]+)"', block).group(1)
        fields = content.bibliography.data.entries[key].fields
        code = re.sub(r"<[^>]+>", "", block[block.index("<summary>BibTeX</summary>"):])
        assert re.search(rf"@\w+\{{{key},", unescape(code)), key
        if "doi" in fields:
            assert f'href="https://doi.org/{fields["doi"]}">DOI</a>' in block, key
        if "url" in fields:
            assert f'href="{fields["url"]}">Online</a>' in unescape(block), key


def test_citation_boxes_on_home_and_footnotes_pages(built_site: Path, content: CourseContent) -> None:
    home = unescape(_html(built_site, "index.html"))
    footnotes = unescape(_html(built_site, "essay-footnotes.html"))
    for title in ("Cite this course", "Cite the essay"):
        assert f'<p class="admonition-title">{title}</p>' in home
    assert '<p class="admonition-title">Cite the essay</p>' in footnotes
    essay = content.course.essay_key
    for page in (home, footnotes):
        assert re.search(rf"@incollection\{{{essay},", re.sub(r"<[^>]+>", "", page))
        assert 'class="cite-reference">Cassarino, Jean-Pierre. 2021.' in page
    assert re.search(r"@misc\{course\d{4}\w+,", re.sub(r"<[^>]+>", "", home))
