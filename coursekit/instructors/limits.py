"""What an export format could not carry, recorded per item so the report can list it instead of hiding it."""

from __future__ import annotations

from dataclasses import dataclass

LEFT_OUT = "left out"
CHANGED = "exported with a change"


@dataclass(frozen=True)
class Limitation:
    """One item one format could not carry in full."""

    format: str
    quiz: str
    item: str
    type: str
    action: str
    reason: str
