"""Arrows, which no embedded font has, drawn instead of being left to a system font.

Source Serif 4 and Source Sans 3 (Latin subsets) have no arrows: the concept map's text alternative and the
answer keys use '→', the guide's page links '←'. WeasyPrint would silently pick any installed font that has
them, so each becomes a tiny inline SVG labelled for screen readers, and the PDF depends on no font but its own.
The worksheets' answer marks ('☐', '☒', '○', '◉') are text, in a cut of Noto Sans Symbols 2 (fonts.py): there are
hundreds of them, and an inline drawing costs the layout far more than a character.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

STROKE = {"fill": "none", "stroke": "#1a1a1a", "stroke-linecap": "round", "stroke-linejoin": "round"}


def _svg(css_class: str, view_box: str, label: str, paths: list[dict[str, str]]) -> ET.Element:
    """An inline figure; its <title> is the figure's alternative text in the tagged PDF (PDF/UA /Alt)."""
    svg = ET.Element("svg", {"class": css_class, "viewBox": view_box, "role": "img", "aria-label": label})
    ET.SubElement(svg, "title").text = label
    for attributes in paths:
        ET.SubElement(svg, "path", attributes)
    return svg


def arrow() -> ET.Element:
    return _svg("glyph-arrow", "0 0 12 8", "leads to",
                [{"d": "M0.5 4H10.5M7.5 1L10.8 4 7.5 7", "stroke-width": "1.1", **STROKE}])


def left_arrow() -> ET.Element:
    return _svg("glyph-arrow", "0 0 12 8", "back to",
                [{"d": "M11.5 4H1.5M4.5 1L1.2 4 4.5 7", "stroke-width": "1.1", **STROKE}])


DRAWINGS: dict[str, Callable[[], ET.Element]] = {"\u2192": arrow, "\u2190": left_arrow}


def _pieces(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Text before the first drawn character, then (character, text after it) for each one."""
    head, found, current = "", [], None
    buffer: list[str] = []
    for character in text:
        if character in DRAWINGS:
            if current is None:
                head = "".join(buffer)
            else:
                found.append((current, "".join(buffer)))
            current, buffer = character, []
        else:
            buffer.append(character)
    if current is None:
        return "".join(buffer), []
    found.append((current, "".join(buffer)))
    return head, found


def _drawings(pieces: list[tuple[str, str]]) -> list[ET.Element]:
    drawn = []
    for character, tail in pieces:
        element = DRAWINGS[character]()
        element.tail = tail
        drawn.append(element)
    return drawn


def draw_missing_glyphs(root: ET.Element) -> None:
    """Replace every arrow in text (outside SVG figures) by an inline drawing."""
    inside_svg = {id(e) for svg in root.iter("svg") for e in svg.iter()}
    for element in [e for e in root.iter() if id(e) not in inside_svg and isinstance(e.tag, str)]:
        if element.text:
            element.text, pieces = _pieces(element.text)
            for offset, drawing in enumerate(_drawings(pieces)):
                element.insert(offset, drawing)
        for child in list(element):
            if child.tail:
                child.tail, pieces = _pieces(child.tail)
                position = list(element).index(child) + 1
                for offset, drawing in enumerate(_drawings(pieces)):
                    element.insert(position + offset, drawing)
