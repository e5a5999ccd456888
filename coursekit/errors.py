"""One error type for bad content, so every report names the file, the line, the item and the problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """A single problem found in a content file."""

    path: Path
    line: int | None
    problem: str
    item: str | None = None
    # A warning is listed but does not fail `course check` or the build (e.g. one item whose key is longest).
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        what = f"[{self.item}] " if self.item else ""
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{what}{self.problem}"


class ContentError(Exception):
    """Raised with every problem found, so an author fixes them all in one pass."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise a ContentError when the list is not empty."""
    found = list(problems)
    if found:
        raise ContentError(found)
