"""The timeline page: every dated event of the essay, in order, each linked to its chapter."""

from __future__ import annotations

from coursekit.content.corrections import correction_box
from coursekit.content.load import CourseContent
from coursekit.pages.figures.timeline_chart import render_timeline_chart
from coursekit.pages.text import md_text


def render_timeline(content: CourseContent) -> str:
    lines = [
        "---",
        "title: Timeline",
        "description: Every dated event the essay mentions, in order, dated from the official record, each linked to "
        "the chapter that discusses it.",
        "---",
        "",
        "# Timeline",
        "",
        "Every dated event the essay mentions, with the chapter that discusses it. Legal acts and judgments "
        "carry the date of the official record (EUR-Lex, CURIA), which is often more precise than the essay; "
        "where the essay's account differs from the record, a correction box says what the essay says and what "
        "the record shows. Two judgments the essay leaves out (2015 and 2016) are included because the later "
        "events depend on them. Other events are dated as precisely as the essay dates them.",
        "",
        render_timeline_chart(content, "timeline.md"),
        "",
        "## The events in words {#events-in-words}",
        "",
        "The same events as a list, in order: the drawn timeline's text alternative, with sources.",
        "",
    ]
    for event in content.timeline.events:
        chapter = content.chapter(event.chapter)
        target = chapter.src_uri + (f"#{event.anchor}" if event.anchor else "")
        actors = f"*Actors:* {', '.join(md_text(a) for a in event.actors)} · " if event.actors else ""
        cite = f" {event.cite}" if event.cite else ""
        lines += [
            f"## {md_text(event.when)} {{#{event.id}}}",
            "",
            f"{md_text(event.event)}{cite}",
            "",
            f"{actors}*Discussed in:* [Chapter {chapter.number}: {md_text(chapter.title)}]({target})",
            "",
        ]
        if event.correction:
            lines += [correction_box(content, event.correction), ""]
    lines.append("## References {#references}\n\n\\bibliography\n")
    return "\n".join(lines)
