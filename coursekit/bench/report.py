"""The benchmark's results as rows with targets, written as JSON and as a Markdown table."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from coursekit.safe_output import output_files


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


def result_files(out: Path) -> list[str]:
    """The names `course bench --out` writes: the JSON file and the Markdown table beside it."""
    return [out.name, out.with_suffix(".md").name]


def write_results(out: Path, root: Path, figures: dict[str, Any], rows: list[Row], notes: list[str]) -> Path:
    """bench/results.json (figures, rows, notes) and bench/results.md next to it; returns the .md path.

    Through `output_files`: each replaces only a file an earlier `course bench` wrote, or git's unchanged copy.
    """
    markdown = out.with_suffix(".md")
    body = "# Benchmark results\n\n" + markdown_table(rows)
    if notes:
        body += "\n" + "\n".join(f"- {note}" for note in notes) + "\n"
    with output_files(out.parent, "bench", root, expected=result_files(out)) as stage:
        (stage / out.name).write_text(json.dumps({"figures": figures, "table": [asdict(r) for r in rows],
                                                  "notes": notes}, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
        (stage / markdown.name).write_text(body, encoding="utf-8")
    return markdown
