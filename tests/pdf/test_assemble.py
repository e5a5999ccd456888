"""The print documents before rendering: every internal link lands, web-only controls are gone, metadata is set."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.print.assemble import assemble
from coursekit.print.build import edition_items
from coursekit.print.editions import EDITIONS, Edition
from coursekit.print.fonts import font_face_css
from coursekit.print.htmltree import parse_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=EDITIONS, ids=lambda e: e.name)
def document(request: pytest.FixtureRequest, built_site: Path, content: CourseContent) -> str:
    edition: Edition = request.param
    return assemble(edition, edition_items(edition, built_site, content, lambda _: None), built_site, content)


def test_every_internal_link_has_a_target(document: str) -> None:
    root = parse_document(document)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    targets = [e.get("href", "")[1:] for e in root.iter("a") if e.get("href", "").startswith("#")]
    assert len(targets) > 500, "the cross-references were not rewritten to in-document links"
    dangling = sorted({t for t in targets if t not in ids})
    assert not dangling, f"links to nowhere: {dangling[:20]}"


def test_ids_are_unique(document: str) -> None:
    root = parse_document(document)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates[:20]


def test_links_leave_the_document_only_for_the_web(document: str) -> None:
    root = parse_document(document)
    hrefs = [e.get("href", "") for e in root.iter("a") if e.get("href")]
    assert not [h for h in hrefs if not h.startswith(("#", "https://", "http://"))]
    assert any(h.startswith("https://doi.org/") for h in hrefs), "DOI links should stay live"


def test_no_web_only_controls(document: str) -> None:
    root = parse_document(document)
    tags = {e.tag for e in root.iter()}
    assert not tags & {"button", "input", "form", "script", "textarea", "select"}
    classes = " ".join(e.get("class", "") for e in root.iter())
    for web_only in ("headerlink", "footnote-backref", "course-assign", "course-downloads", "bib-source"):
        assert web_only not in classes
    assert "\u21a9" not in document


def test_metadata_and_fonts_in_the_head(document: str, content: CourseContent) -> None:
    root = parse_document(document)
    assert root.get("lang") == "en"
    head = root.find("head")
    assert head is not None
    names = {m.get("name"): m.get("content") for m in head.iter("meta") if m.get("name")}
    assert names["author"] and names["description"] == content.course.subtitle
    title = head.find("title")
    assert title is not None and title.text and title.text.startswith(content.course.title)
    fonts = re.findall(r"url\((file://[^)]+\.(?:woff2|ttf))\)", document)
    assert fonts and all(Path(f.removeprefix("file://").replace("%40", "@")).is_file() for f in fonts)


def test_every_character_has_a_glyph_in_the_course_fonts(document: str, content: CourseContent) -> None:
    """A character the embedded fonts lack would be taken from a system font (or drawn as a box)."""
    from fontTools.ttLib import TTFont

    faces = font_face_css(content.paths.node_modules)
    files = sorted(set(re.findall(r"url\((file://[^)]+\.woff2)\)", faces)))
    inline = re.findall(r"url\(data:font/ttf;base64,([^)]+)\)", faces)  # the answer marks (fonts.py)
    assert files and inline
    covered = set().union(*(TTFont(f.removeprefix("file://").replace("%40", "@")).getBestCmap() for f in files),
                          *(TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap() for data in inline))
    root = parse_document(document)
    body = root.find("body")
    assert body is not None
    inside_svg = {id(e) for svg in body.iter("svg") for e in svg.iter()}
    used = {c for e in body.iter() if id(e) not in inside_svg for t in (e.text, e.tail) if t for c in t}
    lacking = sorted(f"{c!r} U+{ord(c):04X}" for c in used if ord(c) not in covered and c not in "\n\r\t")
    assert not lacking, f"characters without a glyph in the course fonts: {lacking}"
