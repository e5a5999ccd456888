"""Parse built pages into ElementTree and serialise them back, without namespace prefixes.

tinyhtml5 (WeasyPrint's own HTML parser) gives standard `xml.etree` elements; inline SVG arrives in the
SVG namespace, which ElementTree would print as `ns0:svg`. HTML parsers put `<svg>` back in its namespace
by themselves, so the namespace is simply dropped.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import lru_cache

import tinyhtml5


@lru_cache(maxsize=512)
def _parsed(html: str) -> ET.Element:
    return _parse(html)


def parse_document(html: str) -> ET.Element:
    """The whole page as an `<html>` element, every tag without namespace: a fresh tree the caller may change.

    Both editions read the same pages and worksheets; parsing (pure Python) is the slowest step before
    layout, so each distinct text is parsed once and every caller gets its own deep copy."""
    return copy.deepcopy(_parsed(html))


def _parse(html: str) -> ET.Element:
    """The whole page as an `<html>` element, every tag without namespace."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
        for name in [n for n in element.attrib if n.startswith("{")]:
            element.attrib[name.split("}", 1)[1]] = element.attrib.pop(name)
    return root


def parse_fragment(html: str) -> ET.Element:
    """A fragment, wrapped in one `<div>` so it can be moved as a single element."""
    body = parse_document(f"<!DOCTYPE html><html><body><div>{html}</div></body></html>").find("body")
    assert body is not None
    return body[0]


def to_html(element: ET.Element) -> str:
    """HTML serialisation (void elements without end tags, raw text in `<style>`)."""
    return ET.tostring(element, encoding="unicode", method="html")


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def walk_with_parent(root: ET.Element) -> Iterator[tuple[ET.Element, ET.Element]]:
    """(parent, child) pairs, depth first; a snapshot, so callers may remove children as they go."""
    for parent in list(root.iter()):
        for child in list(parent):
            yield parent, child


def remove_keeping_tail(parent: ET.Element, child: ET.Element) -> None:
    """Remove `child`; the text that followed it stays in place."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def unwrap(parent: ET.Element, child: ET.Element) -> None:
    """Replace `child` by its content (text and children), e.g. a link whose target is not in the PDF."""
    index = list(parent).index(child)
    text, tail, children = child.text or "", child.tail or "", list(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(child)
    for offset, grandchild in enumerate(children):
        parent.insert(index + offset, grandchild)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
