"""Every CSV the project writes goes through `csv_text`, so no cell runs as a formula in a spreadsheet.

Spreadsheets (Excel, LibreOffice, Google Sheets) read a cell starting with `=`, `+`, `-` or `@` as a formula,
and a leading tab or carriage return can smuggle one in: a roster name like `=HYPERLINK(...)` would become a
live link in the instructor's key. Such text cells get a leading apostrophe (OWASP's advice), which the
spreadsheet shows as text. Numbers stay numbers. A carriage return inside a cell becomes a line feed: the csv
module quotes a field holding a line feed, but writes a lone CR as it is, which a spreadsheet reads as a new
row (whose first cell could then be a formula).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """The cell as a spreadsheet will show it as text: formula-like text gets a leading apostrophe."""
    if not isinstance(cell, str):
        return cell
    if cell.startswith(FORMULA_STARTS):
        cell = "'" + cell
    return cell.replace("\r\n", "\n").replace("\r", "\n")


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV file (header first, `\\n` line ends), every text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([spreadsheet_safe(c) for c in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(c) for c in row])
    return out.getvalue()
