"""One rule for a chapter number a user types, in every command and in the browser's assignment builder.

One or two ASCII digits ("2", "02"), nothing else: no fullwidth "２", no "+2", no "2.0". The assignment builder
and page (docs/assets/js/assign.js) apply the same pattern, `/^[0-9]{1,2}$/`; whether the chapter exists is
checked against the course's own chapters.
"""

from __future__ import annotations

import argparse
import re

CHAPTER_NUMBER = re.compile(r"[0-9]{1,2}")  # [0-9], not \d: \d also matches fullwidth and other scripts' digits


def chapter_number(text: str) -> int | None:
    """The chapter number `text` names, or None when it is not one or two ASCII digits."""
    return int(text) if CHAPTER_NUMBER.fullmatch(text) else None


def quiz_name(value: str) -> str:
    """A command-line quiz argument: 'final', or a chapter number -> 'chapter-N'; anything else is a usage error."""
    if value == "final":
        return value
    number = chapter_number(value)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(f"expected a chapter number or 'final', got {value!r} "
                                         "(a chapter number is one or two ASCII digits, e.g. 2)")
    return f"chapter-{number}"
