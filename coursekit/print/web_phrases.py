"""The print-wording gate: sentences that only make sense in a browser must not reach paper or the EPUB.

`course pdf` runs it on every print document before rendering and stops, naming the page and the phrase;
the tests run it on the real documents and on a known-bad sample. A page fixes a hit by writing a print
variant (coursekit/print_wording.py) or by wording the sentence so it works in both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

# (pattern, why it fails on paper); case-insensitive, matched on the text a reader sees.
WEB_ONLY_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bhover(?:s|ing)?\b", "paper cannot be hovered over"),
    (r"\bfocus(?:es|ing)? (?:a|the|on a) (?:linked )?(?:term|link|button)", "paper has no keyboard focus"),
    (r"\b(?:click|double-click)(?:s|ing|ed)?\b", "paper cannot be clicked"),
    (r"\btap(?:s|ping)? (?:on|the|a)\b", "paper cannot be tapped"),
    (r"#fn-\d+", "a raw page anchor means nothing on paper"),
    (r"#[a-z][a-z0-9]*(?:-[a-z0-9]+){1,}\b", "a raw page anchor means nothing on paper"),
    (r"\bopens? a record you can copy", "nothing opens on paper"),
    (r"\bcopy button\b", "paper has no buttons"),
    (r"\bstart at the course home\b", "the course home page is not in this edition"),
    (r"\bsame quiz on the course site\b", "the course site needs its address on paper"),
    (r"\bscroll(?:ing)? (?:down|up)\b", "paper does not scroll"),
    (r"\bShow answer\b", "paper has no answer buttons"),
)
COMPILED = tuple((re.compile(pattern, re.IGNORECASE), why) for pattern, why in WEB_ONLY_PHRASES)
SKIPPED_TAGS = frozenset({"style", "script", "svg", "code", "pre"})


@dataclass(frozen=True)
class WebOnlyPhrase:
    section: str  # the id of the print document's part (the site page's slug)
    phrase: str
    why: str
    context: str


def visible_text(element: ET.Element) -> str:
    """The text a reader sees, without stylesheets, scripts, figures' internals and code."""
    if element.tag in SKIPPED_TAGS:
        return " " + (element.tail or "")
    inner = "".join(visible_text(child) for child in element)
    return f"{element.text or ''}{inner}{element.tail or ''}"


def find_web_only_phrases(text: str, section: str = "") -> list[WebOnlyPhrase]:
    flat = " ".join(text.split())
    found = []
    for pattern, why in COMPILED:
        for match in pattern.finditer(flat):
            context = flat[max(0, match.start() - 60): match.end() + 40]
            found.append(WebOnlyPhrase(section, match.group(0), why, context))
    return found


def check_print_document(body: ET.Element) -> list[WebOnlyPhrase]:
    """Every web-only phrase in the document, by the top-level part it is in."""
    found: list[WebOnlyPhrase] = []
    for section in body:
        found += find_web_only_phrases(visible_text(section), section.get("id", section.tag))
    return found
