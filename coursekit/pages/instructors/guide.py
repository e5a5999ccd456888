"""The per-chapter instructors' guide pages, generated from each chapter's front matter.

These pages are public: they carry teaching material (objectives, discussion guidance, activity, essay
rubric) but never exam items or answer keys, which exist only under dist/instructor/.
"""

from __future__ import annotations

from coursekit.content.chapters import Chapter, cited_keys
from coursekit.content.load import CourseContent
from coursekit.pages.instructors.assign_panel import assign_panel
from coursekit.pages.markers import relative_prefix
from coursekit.pages.text import md_cell, md_text, yaml_string
from coursekit.registry import Registry


def guide_uri(number: int) -> str:
    return f"instructors/chapter-{number}.md"


def rubric_table(chapter: Chapter) -> str:
    rows = ["| Criterion | Excellent | Adequate | Weak |", "| --- | --- | --- | --- |"]
    for r in chapter.rubric:
        rows.append(f"| **{md_cell(r.criterion)}** | {md_cell(r.excellent)} | {md_cell(r.adequate)} | "
                    f"{md_cell(r.weak)} |")
    return "\n".join(rows)


def render_guide(chapter: Chapter, content: CourseContent) -> str:
    """The Markdown of one chapter's guide page."""
    n = chapter.number
    glossary = content.glossary
    objectives = "\n".join(f"{i}. {md_text(o)}" for i, o in enumerate(chapter.objectives, start=1))
    terms = ", ".join(f"[{md_text(glossary.get(t).term)}](../glossary.md#{t})" for t in chapter.key_terms)
    questions = []
    for i, d in enumerate(chapter.discussion, start=1):
        questions.append(f"### Question {i} {{#question-{i}}}\n\n{md_text(d.question)}\n\n"
                         f'!!! note "A good answer touches on"\n\n    {md_text(d.touches_on)}\n')
    texts = [chapter.activity, chapter.essay_prompt, *(d.question + d.touches_on for d in chapter.discussion)]
    cites = any(cited_keys(t) for t in texts)
    lines = [
        "---",
        f"title: {yaml_string(f'Chapter {n} guide: {chapter.title}')}",
        f'description: "Instructors\' guide to chapter {n}: reading time, objectives, discussion questions with '
        f'what a good answer touches on, an in-class activity and an essay prompt with its rubric."',
        "---",
        "",
        f"# Chapter {n} guide: {md_text(chapter.title)}",
        "",
        f"**Essay part:** {md_text(chapter.essay_section)} · **Reading time:** about {chapter.reading_minutes} minutes "
        f"({chapter.words:,} words) · [Read the chapter](../{chapter.src_uri}) · "
        f"[Chapter {n} quiz](../{chapter.quiz_uri}) · [Assign it](assign.md?chapter={n})",
        "",
        "## Objectives {#objectives}",
        "",
        "Students who have read the chapter should be able to:",
        "",
        objectives,
        "",
        f"**Key terms taught here:** {terms}",
        "",
        "## Discussion questions {#discussion}",
        "",
        "Students see these questions at the end of the chapter; the notes on what a good answer touches on "
        "are for you.",
        "",
        *questions,
        "## In-class activity {#activity}",
        "",
        md_text(chapter.activity),
        "",
        "## Essay prompt {#essay-prompt}",
        "",
        f"> {md_text(chapter.essay_prompt)}",
        "",
        "### Marking rubric {#rubric}",
        "",
        rubric_table(chapter),
        "",
        "## Assign this chapter {#assign}",
        "",
        assign_panel(chapter, content),
    ]
    if cites:
        lines.append("## References {#references}\n\n\\bibliography\n")
    return "\n".join(lines)


def _guide_pages(content: CourseContent) -> dict[str, str]:
    return {guide_uri(c.number): render_guide(c, content) for c in content.chapters}


def _chapter_table(content: CourseContent, src_uri: str) -> str:
    """The guide's overview: each chapter with its reading time, guide page and quiz."""
    prefix = relative_prefix(src_uri)
    rows = ["| Chapter | Reading time | Instructors' guide | Quiz |", "| --- | --- | --- | --- |"]
    for c in content.chapters:
        rows.append(f"| [{c.number}. {md_cell(c.title)}]({prefix}{c.src_uri}) | about {c.reading_minutes} min | "
                    f"[Chapter {c.number} guide]({prefix}{guide_uri(c.number)}) | "
                    f"[Quiz {c.number}]({prefix}{c.quiz_uri}) |")
    total = sum(c.reading_minutes for c in content.chapters)
    rows.append(f"\nAll {len(content.chapters)} chapters together take about {total} minutes to read.")
    return "\n".join(rows)


def register(registry: Registry) -> None:
    registry.add_page_generator(_guide_pages)
    registry.add_marker("instructor-chapters", _chapter_table)
