"""The timeline, loaded once from docs/_data/timeline.yml: every dated event the essay mentions."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.content.ids import read_id
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file

DATE_PATTERN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Event:
    """One dated event."""

    id: str
    date: str
    when: str
    event: str
    actors: tuple[str, ...]
    chapter: int
    anchor: str | None
    cite: str
    line: int | None
    correction: str | None = None  # a docs/_data/corrections.yml id: what the record shows, beside the event
    short: str = ""  # a few words naming the event, for the drawn timeline's labels
    until: str | None = None  # the end of a period ("late 1990s"): the drawn timeline shows date..until as a bar

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(frozen=True)
class Timeline:
    """Events in date order."""

    path: Path
    events: tuple[Event, ...]


def date_problem(date: str) -> str | None:
    """Why `date` is not a real YYYY, YYYY-MM or YYYY-MM-DD date (1999-02-30 is not), or None."""
    if not DATE_PATTERN.match(date):
        return f"date '{date}' must be YYYY, YYYY-MM or YYYY-MM-DD"
    parts = date.split("-")
    try:
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError as exc:
        return f"date '{date}' does not exist ({exc})"
    return None


def load_timeline(path: Path, chapter_count: int | None) -> Timeline:
    """Load and validate the timeline; events must be in date order so the file reads as it renders."""
    data = load_yaml_file(path)
    problems: list[Problem] = []
    if not isinstance(data, list):
        raise_if_any([Problem(path, 1, "the timeline must be a list of events")])
    events: list[Event] = []
    seen: dict[str, int | None] = {}
    for raw in data:
        item = raw.get("id") if isinstance(raw, dict) else None
        f = FieldReader(raw, path, problems, item=str(item) if item else None)
        event_id = read_id(f, seen, line_of(raw))
        date = f.text("date")
        wrong = date_problem(date) if date else None
        if wrong:
            f.fail(wrong)
            date = ""  # an impossible date takes no part in the order check (it would blame the next event)
        until = f.text("until", required=False) or None
        if until:
            wrong_end = date_problem(until)
            if wrong_end:
                f.fail(wrong_end.replace("date '", "until '", 1))
                until = None
            elif date and until < date:
                f.fail(f"until '{until}' is before the date '{date}'")
                until = None
        chapter = f.integer("chapter")
        if chapter and chapter_count is not None and not 1 <= chapter <= chapter_count:
            f.fail(f"chapter {chapter} does not exist (1-{chapter_count})")
        events.append(
            Event(
                id=event_id,
                date=date,
                when=f.text("when"),
                event=f.text("event"),
                actors=tuple(f.texts("actors", required=False)),
                chapter=chapter,
                anchor=f.text("anchor", required=False) or None,
                cite=f.text("cite", required=False),
                line=line_of(raw),
                correction=f.text("correction", required=False) or None,
                short=f.text("short", required=False),
                until=until,
            )
        )
    for before, after in itertools.pairwise(events):
        # A date known only to the year may follow a more precise one in that year ("2021" after "2021-05").
        if before.date and after.date and after.date < before.date and not before.date.startswith(after.date):
            problems.append(Problem(path, after.line, f"out of date order: {after.date} after {before.date}", after.id))
    raise_if_any(problems)
    return Timeline(path, tuple(events))
