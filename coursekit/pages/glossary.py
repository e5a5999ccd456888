"""The glossary page and the abbreviation lines derived from the glossary data."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from coursekit.content.corrections import correction_box
from coursekit.content.load import CourseContent
from coursekit.pages.figures.actors_map import render_actors_map
from coursekit.pages.print_wording import web_or_print
from coursekit.pages.text import md_text
from coursekit.registry import Registry

if TYPE_CHECKING:
    from coursekit.build_state import BuildState


def initial(text: str) -> str:
    """The letter a term is filed under: 'Émigration' under E; digits and symbols under '#'."""
    first = unicodedata.normalize("NFKD", text.strip()[:1]).encode("ascii", "ignore").decode().upper()
    return first if first.isalpha() else "#"


def jump_list(terms: list) -> str:
    """'Jump to: A · B · E ...': each letter links to its first term (a long page on a phone)."""
    firsts: dict[str, str] = {}
    for term in terms:
        firsts.setdefault(initial(term.term), term.id)
    links = " · ".join(f"[{letter}](#{term_id}){{ aria-label='Terms starting with {letter}' }}"
                       for letter, term_id in firsts.items())
    return f"**Jump to:** {links}\n{{ .course-jump-list }}"


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
        + web_or_print("in the chapters, tapping or clicking a linked term opens its short definition.",
                       "in the chapters, a term defined here is underlined with dots and leads to its entry."),
        "",
    ]
    ordered = sorted(glossary.terms, key=lambda t: t.term.casefold())
    in_actors_map = {actor.term for actor in content.actors_map.actors if actor.term}
    lines += [jump_list(ordered), ""]
    for term in ordered:
        chapter = content.chapter(term.chapter)
        abbr = f" ({md_text(term.abbr)})" if term.abbr else ""
        related = ", ".join(f"[{md_text(glossary.get(r).term)}](#{r})" for r in term.related)
        lines += [
            f"## {md_text(term.term)}{abbr} {{#{term.id}}}",
            "",
            md_text(term.definition),
            "",
            f"*Taught in:* [Chapter {chapter.number}: {md_text(chapter.title)}]({chapter.src_uri})"
            + (f" · *Related:* {related}" if related else "")
            + (" · *See:* [who did what in the Morocco case](#actors-map)" if term.id in in_actors_map else ""),
            "",
        ]
        if term.correction:
            lines += [correction_box(content, term.correction), ""]
    lines += ["## Who did what in the Morocco case {#actors-map}", "",
              "The actors of chapter 5 that have an entry above, with the others the case involves.", "",
              render_actors_map(content, "glossary.md"), ""]
    lines.append("## References {#references}\n\n\\bibliography\n")
    return "\n".join(lines)


def abbreviations(content: CourseContent) -> str:
    """`*[ENP]: ...` lines for the abbr extension, appended to every page so acronyms get tooltips."""
    return "\n".join(
        f"*[{t.abbr}]: {t.term.split(' (')[0]}" for t in content.glossary.terms if t.abbr
    )


def _append_abbreviations(markdown: str, src_uri: str, state: BuildState) -> str:
    return markdown + "\n\n" + abbreviations(state.content) + "\n"


def register(registry: Registry) -> None:
    registry.add_markdown_filter(_append_abbreviations, priority=0)
