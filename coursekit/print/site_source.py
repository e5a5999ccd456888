"""Read the built site: each page's rendered <article> and the site's metadata.

The PDFs are made from the site MkDocs built, not from the Markdown again, so citations, footnotes,
glossary tooltips and generated pages are exactly what the site shows.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from coursekit.errors import ContentError, Problem
from coursekit.print.clean import strip_web_only
from coursekit.print.htmltree import parse_document


@dataclass(frozen=True)
class SitePage:
    """One built page: its path in the site, its H1 and its cleaned article."""

    path: str
    title: str
    article: ET.Element


def missing_page(site: Path, page: str) -> ContentError:
    return ContentError([Problem(site / page, None, "page missing from the built site: run `make site` first")])


def read_document(site: Path, page: str) -> ET.Element:
    file = site / page
    if not file.is_file():
        raise missing_page(site, page)
    return parse_document(file.read_text(encoding="utf-8"))


def read_page(site: Path, page: str) -> SitePage:
    """The page's article, without web-only controls; its H1 is the title."""
    document = read_document(site, page)
    article = document.find(".//article")
    if article is None:
        raise ContentError([Problem(site / page, None, "no <article> in the page: not a page of this site")])
    article.attrib.clear()
    strip_web_only(article)
    h1 = article.find(".//h1")
    title = " ".join("".join(h1.itertext()).split()) if h1 is not None else page
    return SitePage(page, title, article)


def site_metadata(site: Path) -> dict[str, str]:
    """Site name, author, description and language, as the home page declares them."""
    document = read_document(site, "index.html")
    head = document.find("head")
    assert head is not None
    found = {m.get("name", ""): m.get("content", "") for m in head.iter("meta") if m.get("name")}
    title = head.find("title")
    return {
        "site_name": title.text.split(" - ")[-1].strip() if title is not None and title.text else "",
        "author": found.get("author", ""),
        "description": found.get("description", ""),
        "lang": document.get("lang") or "en",
    }
