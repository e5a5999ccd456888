"""The pieces a print edition is made of: parts (a page of the site or a worksheet) and groups of parts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field


@dataclass
class Part:
    """One section of the PDF, starting on a new page.

    `key` is the page's path in the site (or, for worksheets and keys, a path beside the quiz page): links
    inside `body` are relative to it, and other pages' links to it land on this part.
    """

    key: str
    title: str
    body: ET.Element
    kind: str
    running: str
    label: str = ""
    number: str = ""
    heading_shift: int = 0  # how far to demote the part's headings (a site page inside a group: 1)


@dataclass
class Group:
    """Parts under one heading (worksheets, exam items, answer keys, the instructors' guide)."""

    key: str
    title: str
    intro: str
    parts: list[Part] = field(default_factory=list)
    kind: str = "group"
