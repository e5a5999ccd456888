"""Turn the site's page-to-page links into links inside one PDF.

Every page becomes a section whose ids are prefixed with the page's slug (ids repeat across pages: every
chapter has `#references` and `#fn:ref-...`), and every link is rewritten to match: a link to a page in the
PDF goes to that section or anchor, a link to a page left out keeps its text but loses the link, and
external links (DOIs) stay live.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

from coursekit.print.htmltree import unwrap, walk_with_parent

ID_LIST_ATTRIBUTES = ("aria-labelledby", "aria-describedby", "aria-controls", "for", "headers")
URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def page_slug(page: str) -> str:
    """'chapters/02-x.html' -> 'chapters-02-x': the section id of a page and the prefix of its ids."""
    stem = page[: -len(".html")] if page.endswith(".html") else page
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")


def anchor(page: str, fragment: str = "") -> str:
    """The id in the PDF of a page (no fragment) or of an anchor on it."""
    return f"{page_slug(page)}--{fragment}" if fragment else page_slug(page)


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(target page, fragment) of a relative link on `page`; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if target.endswith(".md"):
        target = target[: -len(".md")] + ".html"
    if target.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html")
    return target, fragment


def prefix_ids(root: ET.Element, page: str) -> None:
    """Prefix every id on the page, and every attribute that refers to one."""
    for element in root.iter():
        if element.get("id"):
            element.set("id", anchor(page, element.get("id", "")))
        for name in ID_LIST_ATTRIBUTES:
            if element.get(name):
                element.set(name, " ".join(anchor(page, i) for i in element.get(name, "").split()))
        for name, value in element.attrib.items():
            if "url(#" in value:
                element.set(name, URL_REFERENCE.sub(lambda m: f"url(#{anchor(page, m.group(1))})", value))


def rewrite_links(root: ET.Element, page: str, in_document: set[str]) -> None:
    """Point links at sections of the PDF; unlink what the PDF does not contain."""
    for parent, child in walk_with_parent(root):
        if child.tag != "a" or child.get("href") is None:
            continue
        href = child.get("href", "")
        target = resolve(page, href)
        if target is None:
            continue
        target_page, fragment = target
        if target_page in in_document:
            child.set("href", "#" + anchor(target_page, fragment))
        else:
            unwrap(parent, child)
