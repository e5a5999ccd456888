"""The drawn timeline: every event of docs/_data/timeline.yml is on the axis in date order, periods are bars,
events whose account in the essay differs from the record are marked, and each label links to its section."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from coursekit.content.load import CourseContent, load_content
from coursekit.content.timeline import load_timeline
from coursekit.errors import ContentError
from coursekit.pages.figures.timeline_chart import CORRECTION_MARK, decimal_year, layout, render_svg
from coursekit.paths import project_paths


def events_in(svg: str) -> list[str]:
    return re.findall(r'data-event="([a-z0-9-]+)"', svg)


def test_every_event_is_drawn_in_order(content: CourseContent) -> None:
    svg = render_svg(content, "timeline.md")
    assert events_in(svg) == [e.id for e in content.timeline.events]


def test_periods_are_bars_and_dates_are_dots(content: CourseContent) -> None:
    svg = render_svg(content, "timeline.md")
    for event in content.timeline.events:
        group = svg.split(f'data-event="{event.id}">', 1)[1].split("</g>", 1)[0]
        assert ("timeline-chart__period" in group) == bool(event.until), event.id
    periods = [e for e in content.timeline.events if e.until]
    assert {e.when for e in periods} >= {"late 1990s", "mid-2000s"}


def test_a_period_overlaps_what_happened_within_it(content: CourseContent) -> None:
    """The essay says the constructed obligation and the Treaty of Amsterdam coincided: the bar must reach 1999."""
    _, _, placed = layout(content.timeline.events)
    late_1990s = next(e for e in content.timeline.events if e.when == "late 1990s")
    amsterdam = next(e for e in content.timeline.events if e.id == "treaty-of-amsterdam")
    start, end, _, _ = placed[late_1990s.id]
    assert start <= placed[amsterdam.id][0] <= end


def test_labels_never_overlap_and_stay_in_order(content: CourseContent) -> None:
    _, _, placed = layout(content.timeline.events)
    spans = [placed[e.id][2:] for e in content.timeline.events]
    for (top, height), (next_top, _) in itertools.pairwise(spans):
        assert next_top >= top + height


def test_events_the_essay_gets_wrong_are_marked(content: CourseContent) -> None:
    svg = render_svg(content, "timeline.md")
    corrected = [e for e in content.timeline.events if e.correction]
    assert corrected, "the timeline has corrections to show"
    for event in content.timeline.events:
        group = svg.split(f'data-event="{event.id}">', 1)[1].split("</g>", 1)[0]
        assert (CORRECTION_MARK in group) == bool(event.correction), event.id


def test_labels_link_to_the_section_that_discusses_the_event(built_site: Path, content: CourseContent) -> None:
    page = (built_site / "timeline.html").read_text(encoding="utf-8")
    svg = page[page.index('class="timeline-chart__svg"'):]
    svg = svg[:svg.index("</svg>")]
    links = re.findall(r'<a class="course-figure__link" href="([^"]+)"', svg)
    assert len(links) == len(content.timeline.events)
    for link in links:
        target, _, anchor = link.partition("#")
        assert f'id="{anchor}"' in (built_site / target).read_text(encoding="utf-8"), link


def test_an_event_added_to_the_data_is_drawn(project_copy) -> None:
    root = project_copy()
    path = root / "docs" / "_data" / "timeline.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.append({"id": "planted-event", "date": "2021-12", "when": "December 2021", "short": "A planted event",
                 "event": "Planted.", "chapter": 6, "cite": "[@cassarino2021instrumentalization, sec. 6]"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    svg = render_svg(load_content(project_paths(root)), "timeline.md")
    assert events_in(svg)[-1] == "planted-event" and ">A planted event</text>" in svg


def test_decimal_years() -> None:
    assert decimal_year("1999") == 1999 and decimal_year("1999", end=True) == 2000
    assert decimal_year("2012-03") == pytest.approx(2012 + 2 / 12)
    assert decimal_year("2012-03", end=True) == pytest.approx(2012 + 3 / 12)
    assert 2019 < decimal_year("2019-01-28") < decimal_year("2019-02-13") < 2019.2


@pytest.mark.parametrize(("until", "message"), [
    ("1995", "until '1995' is before the date '1997'"),
    ("1999-02-30", "until '1999-02-30' does not exist"),
    ("late 90s", "until 'late 90s' must be YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_a_bad_period_end_names_the_file_and_line(tmp_path: Path, until: str, message: str) -> None:
    source = Path(__file__).resolve().parents[2] / "docs" / "_data" / "timeline.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data[0]["until"] = until
    bad = tmp_path / "timeline.yml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_timeline(bad, None)
    problems = [str(p) for p in caught.value.problems]
    assert any(message in p and re.match(rf"{re.escape(str(bad))}:\d+: ", p) for p in problems), problems
