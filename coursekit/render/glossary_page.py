"""The glossary page and the abbreviation lines derived from the glossary data."""

from __future__ import annotations

from coursekit.content.load import CourseContent


def render_glossary(content: CourseContent) -> str:
    """Every term with its definition, the chapter that teaches it and related terms, A to Z."""
    glossary = content.glossary
    lines = [
        "---",
        "title: Glossary",
        "description: Every concept the course uses, defined in plain words, with the chapter that teaches it.",
        "---",
        "",
        "# Glossary",
        "",
        "Every concept the course uses, in plain words. Each entry names the chapter where it is taught; "
        "in the chapters, hovering over or focusing a linked term shows its short definition.",
        "",
    ]
    for term in sorted(glossary.terms, key=lambda t: t.term.casefold()):
        chapter = content.chapter(term.chapter)
        abbr = f" ({term.abbr})" if term.abbr else ""
        related = ", ".join(f"[{glossary.get(r).term}](#{r})" for r in term.related)
        lines += [
            f"## {term.term}{abbr} {{#{term.id}}}",
            "",
            term.definition,
            "",
            f"*Taught in:* [Chapter {chapter.number}: {chapter.title}]({chapter.src_uri})"
            + (f" · *Related:* {related}" if related else ""),
            "",
        ]
    lines.append("## References {#references}\n\n\\bibliography\n")
    return "\n".join(lines)


def abbreviations(content: CourseContent) -> str:
    """`*[ENP]: ...` lines for the abbr extension, appended to every page so acronyms get tooltips."""
    return "\n".join(
        f"*[{t.abbr}]: {t.term.split(' (')[0]}" for t in content.glossary.terms if t.abbr
    )
