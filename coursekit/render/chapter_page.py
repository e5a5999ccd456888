"""A chapter page: the front matter rendered around the author's body (header, key points, questions, go further)."""

from __future__ import annotations

from collections.abc import Mapping

from coursekit.content.chapters import Chapter
from coursekit.content.glossary import Glossary

ESSAY_KEY = "cassarino2021instrumentalization"


def glossary_link(glossary: Glossary, term_id: str, prefix: str = "../") -> str:
    """A Markdown link to a glossary entry; the hook adds its tooltip."""
    return f"[{glossary.get(term_id).term}]({prefix}glossary.md#{term_id})"


def header(chapter: Chapter, glossary: Glossary) -> str:
    """Title and the 'at a glance' box: what you will learn, how long it takes, which quiz goes with it."""
    objectives = "\n".join(f"    - {o}" for o in chapter.objectives)
    terms = ", ".join(glossary_link(glossary, t) for t in chapter.key_terms)
    return (
        f"# {chapter.title}\n\n"
        f'!!! abstract "Chapter {chapter.number} at a glance"\n\n'
        f"    **Essay part:** {chapter.essay_section} · "
        f"**Reading time:** about {chapter.reading_minutes} minutes "
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
    return f'    - <span class="bib-entry">[{label}](../bibliography.md#ref-{key})</span>'


def footer(chapter: Chapter, references: Mapping[str, str] | None = None) -> str:
    """Key points, discussion questions, go further, quiz link and the page's references."""
    points = "\n".join(f"- {p}" for p in chapter.key_points)
    questions = "\n".join(f"{i}. {d.question}" for i, d in enumerate(chapter.discussion, start=1))
    further = "\n".join(further_item(key, references) for key in chapter.further_reading)
    return (
        f"\n\n## Key points {{#key-points}}\n\n{points}\n\n"
        f"## Discussion questions {{#discussion-questions}}\n\n{questions}\n\n"
        f'!!! tip "Go further"\n\n'
        f"    Works from this part's footnotes worth reading next:\n\n{further}\n\n"
        f'!!! question "Check yourself"\n\n'
        f"    Take the [chapter {chapter.number} quiz](../{chapter.quiz_uri}): practice questions with "
        f"feedback that sends you back to the right section.\n\n"
        "<!-- course:downloads -->\n\n"  # the offline-reading box (coursekit/pdf/downloads.py)
    )


def references() -> str:
    """The per-page reference list: mkdocs-bibtex fills it with the page's cited works."""
    return "\n\n## References {#references}\n\n\\bibliography\n"


def render_chapter(
    chapter: Chapter, glossary: Glossary, extra_panels: str = "", formatted: Mapping[str, str] | None = None
) -> str:
    """The whole Markdown of a chapter page, front matter excluded (MkDocs already read it).

    `formatted` maps bib keys to short labels (author, year, title) for the "Go further" box.
    """
    return header(chapter, glossary) + chapter.body.strip() + footer(chapter, formatted) + extra_panels + references()
