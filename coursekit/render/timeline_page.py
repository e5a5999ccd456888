"""The timeline page: every dated event of the essay, in order, each linked to its chapter."""

from __future__ import annotations

from coursekit.content.load import CourseContent


def render_timeline(content: CourseContent) -> str:
    lines = [
        "---",
        "title: Timeline",
        "description: Every dated event the essay mentions, in order, each linked to the chapter that discusses it.",
        "---",
        "",
        "# Timeline",
        "",
        "Every dated event the essay mentions, as precisely as the essay dates it, with the chapter that "
        "discusses it. Where the essay gives only a month or a year, so does this list.",
        "",
    ]
    for event in content.timeline.events:
        chapter = content.chapter(event.chapter)
        target = chapter.src_uri + (f"#{event.anchor}" if event.anchor else "")
        actors = f"*Actors:* {', '.join(event.actors)} · " if event.actors else ""
        cite = f" {event.cite}" if event.cite else ""
        lines += [
            f"## {event.when} {{#{event.id}}}",
            "",
            f"{event.event}{cite}",
            "",
            f"{actors}*Discussed in:* [Chapter {chapter.number}: {chapter.title}]({target})",
            "",
        ]
    lines.append("## References {#references}\n\n\\bibliography\n")
    return "\n".join(lines)
