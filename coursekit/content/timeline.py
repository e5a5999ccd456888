"""The timeline, loaded once from docs/_data/timeline.yml: every dated event the essay mentions."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.content.glossary import ID_PATTERN
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

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(frozen=True)
class Timeline:
    """Events in date order."""

    path: Path
    events: tuple[Event, ...]


def load_timeline(path: Path, chapter_count: int = 6) -> Timeline:
    """Load and validate the timeline; events must be in date order so the file reads as it renders."""
    data = load_yaml_file(path)
    problems: list[Problem] = []
    if not isinstance(data, list):
        raise_if_any([Problem(path, 1, "the timeline must be a list of events")])
    events: list[Event] = []
    seen: set[str] = set()
    for raw in data:
        item = raw.get("id") if isinstance(raw, dict) else None
        f = FieldReader(raw, path, problems, item=str(item) if item else None)
        event_id = f.text("id")
        if event_id and not ID_PATTERN.match(event_id):
            f.fail(f"id '{event_id}' must be lower-case words joined by hyphens")
        if event_id in seen:
            f.fail(f"duplicate id '{event_id}'")
        seen.add(event_id)
        date = f.text("date")
        if date and not DATE_PATTERN.match(date):
            f.fail(f"date '{date}' must be YYYY, YYYY-MM or YYYY-MM-DD")
        chapter = f.integer("chapter")
        if chapter and not 1 <= chapter <= chapter_count:
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
            )
        )
    for before, after in itertools.pairwise(events):
        # A date known only to the year may follow a more precise one in that year ("2021" after "2021-05").
        if before.date and after.date and after.date < before.date and not before.date.startswith(after.date):
            problems.append(Problem(path, after.line, f"out of date order: {after.date} after {before.date}", after.id))
    raise_if_any(problems)
    return Timeline(path, tuple(events))
