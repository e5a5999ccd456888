"""Cut the print document into the EPUB's XHTML content documents: one per part, links between them fixed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from coursekit.print.htmltree import classes

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Paged-media attributes the PDF uses; meaningless (and invalid as plain attributes' values) in a reflowable book.
PRINT_ATTRIBUTES = ("data-running", "data-bookmark")
HEADING = re.compile(r"^h([1-6])$")


@dataclass
class ContentDocument:
    """One XHTML file of the book."""

    name: str  # file name inside the EPUB's text folder, e.g. 'chapters-01-introduction.xhtml'
    title: str
    body: ET.Element  # the part's <section> (or the cover), rewritten
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text) for the nav

    @property
    def has_svg(self) -> bool:
        return any(e.tag == "svg" for e in self.body.iter())


def text_of(element: ET.Element) -> str:
    """The heading text a reader sees (SVG titles of drawn glyphs left out)."""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        if node.tag == "svg":
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())


def document_name(section: ET.Element, index: int) -> str:
    key = section.get("id") or ("cover" if "cover" in classes(section) else f"part-{index}")
    return re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") + ".xhtml"


def split_document(body: ET.Element) -> list[ContentDocument]:
    """One content document per top-level section of the print body; the print contents page is dropped
    (the navigation document replaces it)."""
    documents = []
    for index, section in enumerate(body):
        if section.tag == "nav" and "toc" in classes(section):
            continue
        heading = next((e for e in section.iter() if HEADING.match(str(e.tag))), None)
        title = text_of(heading) if heading is not None else "Cover"
        documents.append(ContentDocument(document_name(section, index), title, section))
    fix_links(documents)
    for document in documents:
        clean(document.body)
        document.headings = [(int(e.tag[1]), e.get("id", ""), text_of(e)) for e in document.body.iter()
                             if HEADING.match(str(e.tag)) and int(e.tag[1]) <= 3]
    return documents


def fix_links(documents: list[ContentDocument]) -> None:
    """'#id' links point into one document in the PDF; in the EPUB they name the file that holds the id."""
    owner = {e.get("id"): d.name for d in documents for e in d.body.iter() if e.get("id")}
    for document in documents:
        for element in document.body.iter():
            href = element.get("href", "")
            if element.tag == "a" and href.startswith("#"):
                target = owner.get(href[1:])
                if target is None:
                    element.attrib.pop("href")
                elif target != document.name:
                    element.set("href", f"{target}{href}")


def clean(root: ET.Element) -> None:
    """Drop the paged-media attributes; give every inline SVG its namespace (XHTML requires it); an empty
    header cell (a comparison table's corner) is a data cell, so screen readers announce no blank header."""
    for element in root.iter():
        if element.tag == "th" and not "".join(element.itertext()).strip() and not len(element):
            element.tag = "td"
        for name in PRINT_ATTRIBUTES:
            element.attrib.pop(name, None)
        if element.tag == "svg":
            element.set("xmlns", SVG_NS)
        if element.tag == "a" and element.get("download") is not None:
            element.attrib.pop("download")
        if element.tag == "style" and element.text:
            element.text = element.text.replace("]]>", "")  # never end a CDATA-like run inside <style>


def to_xhtml(document: ContentDocument, lang: str, stylesheet: str) -> bytes:
    """A complete XHTML 5 content document."""
    html = ET.Element("html", {"xmlns": XHTML_NS, "xmlns:epub": "http://www.idpf.org/2007/ops", "lang": lang,
                               XML_LANG: lang})
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "title").text = document.title
    ET.SubElement(head, "link", {"rel": "stylesheet", "type": "text/css", "href": stylesheet})
    body = ET.SubElement(html, "body")
    body.append(document.body)
    text = ET.tostring(html, encoding="unicode", method="xml")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + text + "\n").encode("utf-8")
