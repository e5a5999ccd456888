"""Round trips of the reference downloads: BibTeX, RIS and CSL-JSON each read back and agree with the .bib.

The expected values are read from bibliography/references.bib with pybtex, field by field; the exports are read
back with their own maintained parsers (pybtex, rispy, json + the CSL-JSON schema from the pinned `csl-data`
package) and, for CSL-JSON, rendered by pandoc with the site's CSL style.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import unicodedata
from importlib.metadata import distribution
from pathlib import Path
from typing import Any

import pypandoc
import pytest
import rispy
from jsonschema import Draft3Validator
from pybtex.database import parse_string

from coursekit.content.bibliography import write_csl
from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.entries import EDITORIAL_FIELDS
from coursekit.pages.bibliography.exports import (
    UNTYPED_CSL,
    chapter_keys,
    csl_json,
    download_files,
    published_bibtex,
    ris_text,
)
from coursekit.pages.bibliography.formatted import formatted_bibliography
from coursekit.pages.bibliography.formatting import markdown_safe
from coursekit.pages.bibliography.records import Record, plain, record

RIS_TYPES = {"article": "JOUR", "incollection": "CHAP", "book": "BOOK", "techreport": "RPRT", "misc": "GEN"}
CSL_TYPES = {"article": "article-journal", "incollection": "chapter", "book": "book", "techreport": "report",
             "misc": UNTYPED_CSL}


def expected(content: CourseContent) -> dict[str, Record]:
    """What each entry says, read straight from the course's .bib file."""
    return {key: record(key, content.bibliography.data.entries[key]) for key in content.bibliography.keys}


def same_text(left: str, right: str) -> bool:
    """Equal up to case, quote style, dash style and markup: pandoc sentence-cases titles and curls quotes."""
    def norm(text: str) -> str:
        text = re.sub(r"<[^>]+>", "", html.unescape(text))
        for quotes, plain_quote in (("“”„\"", '"'), ("‘’'`", "'"), ("–—", "-")):
            for char in quotes:
                text = text.replace(char, plain_quote)
        return unicodedata.normalize("NFC", " ".join(text.split())).casefold()
    return norm(left) == norm(right)


def csl_schema_validator() -> Draft3Validator:
    """The CSL-JSON schema (csl-data.json, JSON Schema draft 3) shipped by the pinned csl-data package."""
    schema_file = distribution("csl-data").locate_file("csl_data/csl-data.json")
    return Draft3Validator(json.loads(Path(str(schema_file)).read_text(encoding="utf-8")))


# --- BibTeX -------------------------------------------------------------------------------------------------------

def test_bibtex_export_parses_back_to_the_same_entries(content: CourseContent) -> None:
    parsed = parse_string(published_bibtex(content), "bibtex")
    assert list(parsed.entries) == content.bibliography.keys
    for key, entry in parsed.entries.items():
        original = content.bibliography.data.entries[key]
        assert entry.type == original.type
        assert entry.fields == {k: v for k, v in original.fields.items() if k.lower() not in EDITORIAL_FIELDS}
        assert {role: [str(p) for p in people] for role, people in entry.persons.items()} == \
            {role: [str(p) for p in people] for role, people in original.persons.items()}


# --- RIS ----------------------------------------------------------------------------------------------------------

def test_ris_parses_back_with_rispy_and_agrees_with_the_bib(content: CourseContent) -> None:
    parsed = rispy.loads(ris_text(content))
    wanted = expected(content)
    assert [item["id"] for item in parsed] == content.bibliography.keys
    for item in parsed:
        bib = wanted[item["id"]]
        news = bib.entry_type == "article" and bib.subtype == "newspaper"
        assert item["type_of_reference"] == ("NEWS" if news else RIS_TYPES[bib.entry_type]), bib.key
        assert item["title"] == bib.title
        assert item.get("authors", []) == [name.display for name in bib.authors]
        assert item.get("secondary_authors", []) == [name.display for name in bib.editors]
        assert item["year"] == bib.year
        assert item.get("secondary_title", "") == bib.container
        assert item.get("volume", "") == bib.volume
        assert item.get("number", "") == (bib.issue or bib.report_number)
        pages = "–".join(filter(None, [item.get("start_page", ""), item.get("end_page", "")]))
        assert pages == bib.pages, bib.key
        assert item.get("doi", "") == bib.doi
        assert item.get("urls", []) == ([bib.url] if bib.url else [])
        assert item.get("publisher", "") == bib.publisher
        assert item.get("place_published", "") == bib.place


def test_ris_records_start_with_their_type_line(content: CourseContent) -> None:
    """Each record opens with TY (no numbering line before it), as RIS importers expect."""
    blocks = [block for block in ris_text(content).split("ER  -") if block.strip()]
    assert len(blocks) == len(content.bibliography.keys)
    assert all(block.strip().startswith("TY  - ") for block in blocks)


# --- CSL-JSON -----------------------------------------------------------------------------------------------------

def test_csl_json_validates_against_the_csl_data_schema(content: CourseContent) -> None:
    validator = csl_schema_validator()
    for text in [csl_json(content), *(csl_json(content, keys) for keys in chapter_keys(content).values() if keys)]:
        errors = sorted(validator.iter_errors(json.loads(text)), key=str)
        assert not errors, [error.message for error in errors[:5]]


def test_the_schema_rejects_a_known_bad_item(content: CourseContent) -> None:
    """The validator is a real check: an item without a valid type or with a malformed date fails it."""
    items: list[dict[str, Any]] = json.loads(csl_json(content, [content.bibliography.keys[0]]))
    untyped = [{**items[0], "type": ""}]
    bad_date = [{**items[0], "issued": {"date-parts": "2021"}}]
    validator = csl_schema_validator()
    assert list(validator.iter_errors(untyped)) and list(validator.iter_errors(bad_date))


def test_csl_json_agrees_with_the_bib_field_by_field(content: CourseContent) -> None:
    items = json.loads(csl_json(content))
    wanted = expected(content)
    assert [item["id"] for item in items] == content.bibliography.keys
    for item in items:
        bib = wanted[item["id"]]
        news = bib.entry_type == "article" and bib.subtype == "newspaper"
        assert item["type"] == ("article-newspaper" if news else CSL_TYPES[bib.entry_type]), bib.key
        assert same_text(item["title"], bib.title), (item["title"], bib.title)
        names = [name.get("literal") or (name["family"], name.get("given", "")) for name in item.get("author", [])]
        assert names == [n.literal or (n.family, n.given) for n in bib.authors], bib.key
        assert [(e["family"], e.get("given", "")) for e in item.get("editor", [])] == \
            [(e.family, e.given) for e in bib.editors]
        assert tuple(item["issued"]["date-parts"][0]) == bib.date_parts, bib.key
        assert same_text(item.get("container-title", ""), bib.container), bib.key
        assert item.get("volume", "") == bib.volume
        assert item.get("issue", "") == bib.issue
        assert same_text(item.get("page", ""), bib.pages), bib.key
        assert item.get("DOI", "") == bib.doi
        assert item.get("URL", "") == bib.url
        assert same_text(item.get("publisher", ""), bib.publisher), bib.key
        assert item.get("publisher-place", "") == bib.place


def _render_with_pandoc(bibliography: Path, csl: Path) -> dict[str, str]:
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "--from", "markdown", "--to", "html", "--wrap=none", "--citeproc",
         "--bibliography", str(bibliography), "--csl", str(csl)],
        input='---\nnocite: "@*"\n---\n', capture_output=True, text=True, check=True)
    entries = re.finditer(r'<div id="ref-(?P<key>[^"]+)" class="csl-entry"[^>]*>\s*(?P<body>.*?)\s*</div>',
                          result.stdout, re.DOTALL)
    return {m.group("key"): markdown_safe(m.group("body")) for m in entries}


def test_csl_json_renders_to_the_references_the_site_shows(content: CourseContent, tmp_path: Path) -> None:
    """pandoc + the site's Chicago author-date CSL, fed the CSL-JSON download, writes the Bibliography's strings."""
    exported = tmp_path / "references.json"
    exported.write_text(csl_json(content), encoding="utf-8")
    rendered = _render_with_pandoc(exported, write_csl(content.paths.cache))
    shown = formatted_bibliography(content).references
    assert rendered == shown
    assert len(shown) == len(content.bibliography.keys)


# --- the set of files ---------------------------------------------------------------------------------------------

def test_every_chapter_gets_its_own_files_with_just_its_references(content: CourseContent) -> None:
    files = download_files(content)
    for number, keys in chapter_keys(content).items():
        assert keys, f"chapter {number} cites nothing"
        bib = parse_string(files[f"references/chapter-{number}.bib"], "bibtex")
        ris = rispy.loads(files[f"references/chapter-{number}.ris"])
        csl = json.loads(files[f"references/chapter-{number}.json"])
        assert list(bib.entries) == [i["id"] for i in ris] == [i["id"] for i in csl] == keys
    assert {"references/references.bib", "references/references.ris", "references/references.json"} <= set(files)


@pytest.mark.parametrize("tex, shown", [("North--South", "North–South"), ("``Let's''", "“Let's”"),
                                        ("{EU} Rules", "EU Rules"), ("A\\&B", "A&B")])
def test_plain_text_is_what_a_reader_sees(tex: str, shown: str) -> None:
    assert plain(tex) == shown
