"""Strip what only makes sense in a browser from a page's article before it goes to paper.

Removed: buttons and form controls, search, permalink '#' anchors, footnote back-links ('↩'), quiz widgets,
'Assign this chapter' panels, the download box, scripts. A feature that adds another web-only block marks
it with the class `course-web-only` and it disappears from the PDFs too; its print variant, a hidden span
of class `course-print-only` (coursekit/print_wording.py), is shown instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from coursekit.pages.print_wording import PRINT_ONLY_CLASS
from coursekit.print.htmltree import classes, remove_keeping_tail, walk_with_parent

WEB_ONLY_TAGS = frozenset({"button", "input", "select", "textarea", "form", "script", "noscript", "template",
                           "nav", "dialog"})
WEB_ONLY_CLASSES = frozenset({"headerlink", "footnote-backref", "course-web-only", "course-downloads",
                              "md-search", "md-content__button", "md-source-file", "md-feedback",
                              "md-button", "md-clipboard", "bib-source"})
WEB_ONLY_PREFIXES = ("quiz", "assign", "course-assign", "course-quiz")
BACKLINK_SYMBOLS = ("\u21a9\ufe0e", "\u21a9")


def is_web_only(element: ET.Element) -> bool:
    """A control, a widget or a panel that has no use on paper."""
    if not isinstance(element.tag, str):
        return False
    if element.tag in WEB_ONLY_TAGS or element.get("hidden") is not None:
        return True
    found = classes(element)
    return bool(found & WEB_ONLY_CLASSES) or any(c.startswith(WEB_ONLY_PREFIXES) for c in found)


def strip_web_only(article: ET.Element) -> ET.Element:
    """Remove every web-only element (in place) and any back-link symbol left in the text; show print variants."""
    for element in article.iter():
        if PRINT_ONLY_CLASS in classes(element):
            element.attrib.pop("hidden", None)
    for parent, child in walk_with_parent(article):
        if not isinstance(child.tag, str) or is_web_only(child):  # comments and processing instructions
            remove_keeping_tail(parent, child)
    for element in article.iter():
        for symbol in BACKLINK_SYMBOLS:
            if element.text and symbol in element.text:
                element.text = element.text.replace(symbol, "")
            if element.tail and symbol in element.tail:
                element.tail = element.tail.replace(symbol, "")
    return article
