"""The class roster for `course variants`: a CSV file with a header and at least the columns id and name.

Every problem is reported as file:line, like content errors: an empty file, a missing column, an empty or
malformed id, a duplicate id (with the line of its first use).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from coursekit.errors import ContentError, Problem, raise_if_any

REQUIRED = ("id", "name")
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@dataclass(frozen=True)
class Student:
    id: str
    name: str
    line: int


def load_roster(path: Path) -> list[Student]:
    """The students in file order; raises ContentError listing every problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ContentError([Problem(path, None, "roster file not found")]) from None
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(path, None, f"roster is not UTF-8 text ({exc.reason})")]) from None
    if not text.strip():
        raise ContentError([Problem(path, 1, "roster is empty: expected a header line with the columns id,name")])
    rows = list(csv.reader(text.splitlines()))
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ContentError([Problem(path, 1, f"missing column {', '.join(repr(m) for m in missing)} in the header "
                                             f"(found: {', '.join(header) or 'nothing'})")])
    id_at, name_at = header.index("id"), header.index("name")
    problems: list[Problem] = []
    students: list[Student] = []
    first_line: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(id_at, name_at):
            problems.append(Problem(path, line, f"expected {len(header)} columns, found {len(row)}"))
            continue
        student_id, name = row[id_at].strip(), " ".join(row[name_at].split())
        if not student_id:
            problems.append(Problem(path, line, "empty id"))
        elif not STUDENT_ID.match(student_id):
            problems.append(Problem(path, line, f"id {student_id!r} may use only letters, digits and . _ @ - "
                                                f"(at most 64 characters)"))
        elif student_id in first_line:
            first = first_line[student_id]
            problems.append(Problem(path, line, f"duplicate id {student_id!r} (first on line {first})"))
        else:
            first_line[student_id] = line
            students.append(Student(student_id, name, line))
    if not students and not problems:
        problems.append(Problem(path, 1, "roster has a header but no students"))
    raise_if_any(problems)
    return students
