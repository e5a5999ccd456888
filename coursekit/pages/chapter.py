"""A chapter page: the front matter rendered around the author's body (header, key points, questions, go further)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from coursekit.content.bibliography import short_label
from coursekit.content.chapters import Chapter
from coursekit.content.glossary import Glossary
from coursekit.content.load import CourseContent
from coursekit.pages.essay_link import essay_url
from coursekit.pages.text import md_text
from coursekit.registry import Registry

if TYPE_CHECKING:
    from coursekit.build_state import BuildState

ESSAY_KEY = "cassarino2021instrumentalization"


def glossary_link(glossary: Glossary, term_id: str, prefix: str = "../") -> str:
    """A Markdown link to a glossary entry; the hook adds its tooltip."""
    return f"[{md_text(glossary.get(term_id).term)}]({prefix}glossary.md#{term_id})"


def essay_part(chapter: Chapter, essay_url: str) -> str:
    """Which part of the essay the chapter covers, linked to the essay at its publisher."""
    if not essay_url:
        return f"**Essay part:** {md_text(chapter.essay_section)}"
    return (f"**Essay part:** {md_text(chapter.essay_section)}, [read it in the essay]({essay_url})"
            "{ .course-essay-link } (open access at IEMed)")


def numbered_title(chapter: Chapter) -> str:
    return f"{chapter.number}. {chapter.title}"


def header(chapter: Chapter, glossary: Glossary, essay_url: str = "") -> str:
    """Title and the 'at a glance' box: what you will learn, how long it takes, which quiz goes with it."""
    objectives = "\n".join(f"    - {md_text(o)}" for o in chapter.objectives)
    terms = ", ".join(glossary_link(glossary, t) for t in chapter.key_terms)
    return (
        f"# {md_text(numbered_title(chapter))}\n\n"
        '<div class="course-progress-line" data-chapter="'
        f'{chapter.number}" data-quiz="chapter-{chapter.number}" hidden></div>\n\n'
        f'!!! abstract "Chapter {chapter.number} at a glance"\n\n'
        f"    {essay_part(chapter, essay_url)}  \n"
        f"    **Reading time:** about {chapter.reading_minutes} minutes "
        f"({chapter.words:,} words) · "
        f"**Quiz:** [Chapter {chapter.number} quiz](../{chapter.quiz_uri})\n\n"
        f"    **What you will learn**\n\n{objectives}\n\n"
        f"    **Key terms:** {terms}\n\n"
    )


def further_item(key: str, labels: Mapping[str, str] | None) -> str:
    """One 'Go further' entry: author, year and title linked to its Bibliography entry (full reference, DOI)."""
    label = labels.get(key) if labels else None
    if label is None:
        return f"    - [@{key}] — [Bibliography entry](../bibliography.md#ref-{key})"
    return f'    - <span class="bib-entry">[{md_text(label)}](../bibliography.md#ref-{key})</span>'


def footer(chapter: Chapter, references: Mapping[str, str] | None = None) -> str:
    """Key points, discussion questions, go further, quiz link and the page's references."""
    points = "\n".join(f"- {md_text(p)}" for p in chapter.key_points)
    questions = "\n".join(f"{i}. {md_text(d.question)}" for i, d in enumerate(chapter.discussion, start=1))
    further = "\n".join(further_item(key, references) for key in chapter.further_reading)
    return (
        f"\n\n## Key points {{#key-points}}\n\n{points}\n\n"
        f"## Discussion questions {{#discussion-questions}}\n\n{questions}\n\n"
        f'!!! tip "Go further"\n\n'
        f"    Works from this part's footnotes worth reading next:\n\n{further}\n\n"
        f'!!! question "Check yourself"\n\n'
        f"    Take the [chapter {chapter.number} quiz](../{chapter.quiz_uri}): practice questions with "
        f"feedback that sends you back to the right section.\n\n"
        f'    <span class="course-read-toggle" data-chapter="{chapter.number}" hidden></span>\n\n'
        "<!-- course:downloads -->\n\n"  # the offline-reading box (coursekit/print/downloads.py)
        f"*For instructors:* the [chapter {chapter.number} guide](../instructors/chapter-{chapter.number}.md) "
        "has discussion guidance, an activity and everything to assign this chapter.\n"
        "{ .course-instructor-link .course-web-only }\n"
    )


def references() -> str:
    """The per-page reference list: mkdocs-bibtex fills it with the page's cited works."""
    return "\n\n## References {#references}\n\n\\bibliography\n"


def render_chapter(
    chapter: Chapter, glossary: Glossary, formatted: Mapping[str, str] | None = None, essay_url: str = ""
) -> str:
    """The whole Markdown of a chapter page, front matter excluded (MkDocs already read it).

    `formatted` maps bib keys to short labels (author, year, title) for the "Go further" box.
    """
    return header(chapter, glossary, essay_url) + chapter.body.strip() + footer(chapter, formatted) + references()


def further_reading_labels(content: CourseContent) -> dict[str, str]:
    """Short labels of every further-reading work, for the chapters' "Go further" boxes."""
    keys = {key for chapter in content.chapters for key in chapter.further_reading}
    return {key: short_label(content.bibliography, key) for key in keys}


def _chapter_markdown(markdown: str, src_uri: str, state: BuildState) -> str:
    """A chapter's page is rendered from its front matter around the author's body."""
    content = state.content
    chapter = content.chapter_by_stem(PurePosixPath(src_uri).stem) if src_uri.startswith("chapters/") else None
    if chapter is None:
        return markdown
    return render_chapter(chapter, content.glossary, further_reading_labels(content), essay_url(content))


def _numbered_title(meta: dict, src_uri: str, state: BuildState) -> None:
    """'1. Beyond externalization ...' in the navigation, the page's <title> and the PDFs' headings."""
    chapter = state.content.chapter_by_stem(PurePosixPath(src_uri).stem) if src_uri.startswith("chapters/") else None
    if chapter is not None:
        meta["title"] = numbered_title(chapter)


def register(registry: Registry) -> None:
    # First, so markers and citations in the rendered front matter are processed too.
    registry.add_markdown_filter(_chapter_markdown, priority=100)
    registry.add_page_meta_filter(_numbered_title)
