"""The benchmark's results as rows with targets, written as JSON and as a Markdown table."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Row:
    """One figure: what, its value as shown, the target as shown, and whether it is met (None: no target)."""

    measure: str
    value: str
    target: str = ""
    met: bool | None = None


def verdict(met: bool | None) -> str:
    return {True: "met", False: "NOT MET", None: ""}[met]


def markdown_table(rows: list[Row]) -> str:
    lines = ["| Measure | Value | Target | Result |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.measure} | {r.value} | {r.target} | {verdict(r.met)} |" for r in rows]
    return "\n".join(lines) + "\n"


def plain_table(rows: list[Row]) -> str:
    """The same table for a terminal: aligned columns."""
    table = [("Measure", "Value", "Target", "Result")] + [(r.measure, r.value, r.target, verdict(r.met)) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
                     for row in table) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_results(out: Path, figures: dict[str, Any], rows: list[Row], notes: list[str]) -> Path:
    """bench/results.json (figures, rows, notes) and bench/results.md next to it; returns the .md path."""
    _write_atomically(out, json.dumps({"figures": figures, "table": [asdict(r) for r in rows], "notes": notes},
                                      indent=2, ensure_ascii=False) + "\n")
    markdown = out.with_suffix(".md")
    body = "# Benchmark results\n\n" + markdown_table(rows)
    if notes:
        body += "\n" + "\n".join(f"- {note}" for note in notes) + "\n"
    _write_atomically(markdown, body)
    return markdown
