"""The one shape of every id authors write (glossary terms, timeline events, question-bank items): kebab-case."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursekit.content.fields import FieldReader

# Also the JSON Schema `pattern` of bank ids and concepts (quiz/schema.py), hence a string.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
VALID_ID = re.compile(ID_PATTERN)


def read_id(f: FieldReader, seen: dict[str, int | None], line: int | None) -> str:
    """A record's `id`: kebab-case, and not used before in the same file (`seen`: id -> the line it was first on)."""
    value = f.text("id")
    if value and not VALID_ID.match(value):
        f.fail(f"id '{value}' must be lower-case words joined by hyphens")
    if value in seen:
        f.fail(f"duplicate id '{value}' (first on line {seen[value]})")
    seen.setdefault(value, line)
    return value
