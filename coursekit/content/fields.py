"""Small helpers that read typed fields from loaded YAML and record a Problem when one is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coursekit.errors import Problem
from coursekit.yamlio import line_of


class FieldReader:
    """Reads fields of one mapping, collecting problems instead of stopping at the first."""

    def __init__(self, data: Any, path: Path, problems: list[Problem], item: str | None = None):
        self.data = data if isinstance(data, dict) else {}
        self.path = path
        self.problems = problems
        self.item = item
        self.line = line_of(data)
        if not isinstance(data, dict):
            self.fail("expected a mapping of fields")

    def fail(self, problem: str) -> None:
        self.problems.append(Problem(self.path, self.line, problem, self.item))

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing field '{key}'")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(f"field '{key}' must be text")
            return default
        text = str(value).strip()
        if required and not text:
            self.fail(f"field '{key}' is empty")
        return text

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        """A required text that must be one of `allowed` (a role, a kind, a side)."""
        value = self.text(key)
        if value and value not in allowed:
            self.fail(f"field '{key}' is '{value}'; expected one of {', '.join(allowed)}")
        return value

    def integer(self, key: str, required: bool = True, default: int = 0) -> int:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing field '{key}'")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"field '{key}' must be a whole number")
            return default
        return value

    def texts(self, key: str, required: bool = True, at_least: int = 0, at_most: int | None = None) -> list[str]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing field '{key}'")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
            self.fail(f"field '{key}' must be a list of texts")
            return []
        result = [str(v).strip() for v in value]
        if len(result) < at_least or (at_most is not None and len(result) > at_most):
            bound = f"{at_least}-{at_most}" if at_most is not None else f"at least {at_least}"
            self.fail(f"field '{key}' has {len(result)} entries, expected {bound}")
        return result

    def mapping(self, key: str, required: bool = True) -> dict[str, Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing field '{key}'")
            return {}
        if not isinstance(value, dict):
            self.fail(f"field '{key}' must be a mapping")
            return {}
        return value

    def records(self, key: str, required: bool = True) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing field '{key}'")
            return []
        if not isinstance(value, list):
            self.fail(f"field '{key}' must be a list")
            return []
        return value
