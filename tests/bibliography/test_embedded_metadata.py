"""What a reference manager finds on the built pages: COinS per reference, parsed back and compared with the .bib;
and the downloads, linked from the Bibliography page and each chapter, and inside the offline zip."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.exports import FORMATS, chapter_keys
from coursekit.pages.bibliography.records import Record, record
from coursekit.print.downloads import STUDENT_PDF
from coursekit.print.zip_site import ROOT_FOLDER, zip_site

pytestmark = pytest.mark.slow
FOOTNOTES_PAGE = "essay-footnotes.html"


class _CoinsParser(HTMLParser):
    """Every `<span class="Z3988" title="...">`, as Zotero's COinS translator finds them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "span" and "Z3988" in (attributes.get("class") or "").split():
            self.found.append(parse_qs(attributes.get("title") or "", strict_parsing=True))


def coins_records(page: Path) -> list[dict[str, list[str]]]:
    parser = _CoinsParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def _key_of(coins: dict[str, list[str]], wanted: dict[str, Record]) -> str:
    """The entry a span describes, found by its own data (title and date), not by its position on the page."""
    title = (coins.get("rft.atitle") or coins.get("rft.btitle"))[0]
    matches = [key for key, bib in wanted.items() if bib.title == title and coins["rft.date"][0].startswith(bib.year)]
    assert len(matches) == 1, (title, matches)
    return matches[0]


def _assert_agrees(coins: dict[str, list[str]], bib: Record) -> None:
    """Title, authors, year and container as in the .bib."""
    people = [name for name in bib.authors if not name.literal]
    first = [", ".join(coins["rft.aulast"] + coins.get("rft.aufirst", []))] if "rft.aulast" in coins else []
    assert first + coins.get("rft.au", []) == [name.display for name in people], bib.key
    assert coins.get("rft.aucorp", []) == [name.literal for name in bib.authors if name.literal], bib.key
    assert coins["rft.date"][0][:4] == bib.year
    if "rft.jtitle" in coins:
        assert coins["rft.jtitle"] == [bib.container] and coins["rft.atitle"] == [bib.title]
    elif coins["rft.genre"] == ["bookitem"]:
        assert coins["rft.btitle"] == [bib.container] and coins["rft.atitle"] == [bib.title]
    else:
        assert coins["rft.btitle"] == [bib.title] and coins["rft.pub"] == [bib.publisher]
    if bib.doi:
        assert f"info:doi/{bib.doi}" in coins["rft_id"]


@pytest.fixture(scope="module")
def bib_records(content: CourseContent) -> dict[str, Record]:
    return {key: record(key, content.bibliography.data.entries[key]) for key in content.bibliography.keys}


def test_bibliography_page_yields_one_record_per_entry(built_site: Path, bib_records: dict[str, Record]) -> None:
    found = coins_records(built_site / "bibliography.html")
    keys = [_key_of(coins, bib_records) for coins in found]
    assert sorted(keys) == sorted(bib_records)
    for key, coins in zip(keys, found, strict=True):
        _assert_agrees(coins, bib_records[key])


@pytest.mark.parametrize("page", [FOOTNOTES_PAGE, "chapters/*.html"])
def test_reference_lists_carry_one_record_per_listed_work(built_site: Path, bib_records: dict[str, Record],
                                                          page: str) -> None:
    for path in sorted(built_site.glob(page)):
        text = path.read_text(encoding="utf-8")
        listed = re.findall(r'<li id="(?:fn:)?ref-([A-Za-z0-9_-]+)">', text)  # author-date list: ref-<key>
        assert listed, path
        found = coins_records(path)
        assert [_key_of(coins, bib_records) for coins in found] == listed, path
        for key, coins in zip(listed, found, strict=True):
            _assert_agrees(coins, bib_records[key])


def test_downloads_are_linked_and_built(built_site: Path, content: CourseContent) -> None:
    page = (built_site / "bibliography.html").read_text(encoding="utf-8")
    for ext in FORMATS:
        assert f'href="references/references.{ext}"' in page
        assert (built_site / "references" / f"references.{ext}").stat().st_size > 0
    for chapter in content.chapters:
        html = (built_site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
        tail = html[html.index('<h2 id="references"'):]
        for ext in FORMATS:
            target = f"references/chapter-{chapter.number}.{ext}"
            assert f'href="../{target}"' in tail and f'href="{target}"' in page, (chapter.stem, ext)
            assert (built_site / target).is_file()
    assert all(chapter_keys(content).values())


def test_downloads_are_in_the_offline_zip(built_site: Path, tmp_path: Path, content: CourseContent) -> None:
    pdf = tmp_path / "student.pdf"
    pdf.write_bytes(b"%PDF-1.7 stand-in: the zip only copies it")
    target = tmp_path / "site.zip"
    zip_site(built_site, {STUDENT_PDF: pdf}, target)  # name in downloads/ -> file
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        ris = archive.read(f"{ROOT_FOLDER}/references/references.ris")
    wanted = {f"{ROOT_FOLDER}/references/{name}.{ext}" for ext in FORMATS
              for name in ["references", *(f"chapter-{c.number}" for c in content.chapters)]}
    assert wanted <= names
    assert ris == (built_site / "references" / "references.ris").read_bytes()
