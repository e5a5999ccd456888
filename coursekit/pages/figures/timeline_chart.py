"""The drawn timeline: every event of docs/_data/timeline.yml on one vertical axis, periods as ranges.

A vertical axis reads the same on a phone and a laptop: years run down the left, each event is a dot (a bar for a
period such as "late 1990s") in its chapter's colour, and its label sits in a column on the right, pushed down when
events crowd together and joined to its date by a thin leader line. Each label links to the section that discusses
the event; an event whose account in the essay differs from the record is marked and the mark explained below the
figure. The list on the timeline page stays as the text alternative.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from coursekit.pages.figures.svg import figure, link, page_href, svg_open, text, wrap
from coursekit.pages.print_wording import web_or_print

if TYPE_CHECKING:
    from coursekit.content.load import CourseContent
    from coursekit.content.timeline import Event

WIDTH = 400
AXIS_X, LABEL_X = 58, 92
TOP, PX_PER_YEAR = 46, 34
LINE_H, LABEL_GAP = 15, 9
LABEL_CHARS = 36  # characters per label line at 13 px in the ~300 units right of the axis
CORRECTION_MARK = "†"  # in the embedded print fonts (they have no "≠"), so the PDF needs no system font


def decimal_year(date: str, end: bool = False) -> float:
    """'2012-03-08' -> 2012.18...; a year or month alone spans its whole length, so `end` gives its last moment."""
    parts = [int(p) for p in date.split("-")]
    year, month, day = [*parts, 0, 0][:3]
    if month == 0:
        return year + (1.0 if end else 0.0)
    if day == 0:
        return year + (month - (0 if end else 1)) / 12
    return year + (month - 1) / 12 + (day - 1) / 365



def label_text(event: Event) -> str:
    return event.short or event.event


def when_text(event: Event) -> str:
    when = f"{event.when} · Ch. {event.chapter}"
    return when + (f" {CORRECTION_MARK} essay differs" if event.correction else "")


def label_lines(event: Event) -> tuple[list[str], list[str]]:
    """The label's bold date lines and its title lines, wrapped to the label column."""
    return wrap(when_text(event), LABEL_CHARS + 4), wrap(label_text(event), LABEL_CHARS)


def layout(events: tuple[Event, ...]) -> tuple[int, int, dict[str, tuple[float, float, float, float]]]:
    """First and last year on the axis, and per event: y of its start, y of its end, y of its label, label height."""
    first = min(int(decimal_year(e.date)) for e in events) - 1
    last = max(int(decimal_year(e.until or e.date, end=True)) for e in events) + 1

    def y_of(value: float) -> float:
        return TOP + (value - first) * PX_PER_YEAR

    placed: dict[str, tuple[float, float, float, float]] = {}
    next_free = TOP - LINE_H
    for event in events:
        start = y_of(decimal_year(event.date))
        end = y_of(decimal_year(event.until, end=True)) if event.until else start
        height = LINE_H * sum(len(part) for part in label_lines(event))
        label_y = max((start + end) / 2 - LINE_H / 2, next_free)
        placed[event.id] = (start, end, label_y, height)
        next_free = label_y + height + LABEL_GAP
    return first, last, placed


def render_svg(content: CourseContent, from_uri: str) -> str:
    events = content.timeline.events
    first, last, placed = layout(events)
    axis_end = TOP + (last - first) * PX_PER_YEAR
    height = max(axis_end, max(y + h for _, _, y, h in placed.values())) + 20
    chapters = sorted({e.chapter for e in events})
    title = "The timeline drawn: events of the essay and the record, " + f"{first + 1}–{last - 1}"
    description = (f"{len(events)} events on a vertical time axis, coloured and labelled by chapter; periods are "
                   "drawn as bars; each label links to the section that discusses the event. The list below the "
                   "figure gives every event in words.")
    parts = [svg_open("timeline-chart__svg", "timeline-chart", WIDTH, height, title, description),
             f'<line x1="{AXIS_X}" y1="{TOP}" x2="{AXIS_X}" y2="{axis_end:.1f}" class="timeline-chart__axis"/>']
    legend_x = 8
    for number in chapters:
        parts.append(f'<circle cx="{legend_x + 6}" cy="14" r="6" class="timeline-chart__ch{number}"/>'
                     + text(legend_x + 15, 19, f"Ch. {number}", "timeline-chart__legend"))
        legend_x += 64
    for year in range(first, last + 1):
        y = TOP + (year - first) * PX_PER_YEAR
        parts.append(f'<line x1="{AXIS_X - 5}" y1="{y:.1f}" x2="{AXIS_X}" y2="{y:.1f}" class="timeline-chart__tick"/>')
        if year % 2 == 0 or year == first:
            parts.append(text(AXIS_X - 9, y + 4, str(year), "timeline-chart__year", "end"))
    for event in events:
        start, end, label_y, _ = placed[event.id]
        chapter = content.chapter(event.chapter)
        colour = f"timeline-chart__ch{event.chapter}"
        mark = (f'<rect x="{AXIS_X - 5}" y="{start:.1f}" width="10" height="{max(end - start, 6):.1f}" rx="4" '
                f'class="timeline-chart__period {colour}"/>' if event.until else
                f'<circle cx="{AXIS_X}" cy="{start:.1f}" r="5" class="timeline-chart__dot {colour}"/>')
        anchor_y = (start + end) / 2
        leader = (f'<polyline points="{AXIS_X + 6},{anchor_y:.1f} {LABEL_X - 10},{label_y + LINE_H / 2:.1f} '
                  f'{LABEL_X - 4},{label_y + LINE_H / 2:.1f}" class="timeline-chart__leader"/>')
        when_lines, title_lines = label_lines(event)
        lines = [text(LABEL_X, label_y + 11 + LINE_H * i, line, "timeline-chart__when")
                 for i, line in enumerate(when_lines)]
        lines += [text(LABEL_X, label_y + 11 + LINE_H * (len(when_lines) + i), line, "timeline-chart__label")
                  for i, line in enumerate(title_lines)]
        href = page_href(chapter.src_uri, from_uri, event.anchor)
        parts.append(f'<g class="timeline-chart__event" data-event="{escape(event.id)}">{mark}{leader}'
                     f'{link(href, "".join(lines))}</g>')
    parts.append("</svg>")
    return "".join(parts)


def render_timeline_chart(content: CourseContent, from_uri: str) -> str:
    """The figure for the timeline page, with a caption that explains the marks."""
    caption = escape(f"Each dot is an event, each bar a period; colours and “Ch.” name the chapter. "
                     f"{CORRECTION_MARK} marks an event where the essay's account differs from the record: the list "
                     "below says how. Each label links to the section that discusses the event.")
    return figure("timeline-chart", render_svg(content, from_uri),
                  caption + web_or_print(" On a phone, scroll the page to follow the axis.", ""))
