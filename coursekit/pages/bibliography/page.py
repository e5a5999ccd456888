"""The generated Bibliography page: every work, grouped by kind, sorted by author, each with its BibTeX to copy.

Entries carry the anchor `ref-KEY` (attr_list on the reference paragraph, so MkDocs validates links to it);
the page cites nothing through the plugin, so it has no footnotes and no dangling back-links.
"""

from __future__ import annotations

import textwrap

from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.coins import coins_spans
from coursekit.pages.bibliography.entries import FOOTNOTES_PAGE, KINDS, Site, citation_sites, kind_of
from coursekit.pages.bibliography.exports import ALL_NAME, FORMATS, chapter_keys, chapter_name, file_uri
from coursekit.pages.bibliography.formatted import FormattedBibliography, formatted_bibliography
from coursekit.pages.print_wording import web_or_print
from coursekit.registry import Registry

PAGE = "bibliography.md"


def _bibliography_page(content: CourseContent) -> dict[str, str]:
    return {PAGE: render_bibliography(content, formatted_bibliography(content))}


def render_bibliography(content: CourseContent, formatted: FormattedBibliography) -> str:
    """The whole page's Markdown."""
    sites = citation_sites(content)
    count = len(formatted.references)
    lines = [
        "---",
        "title: Bibliography",
        "description: Every work cited in the footnotes of Cassarino's essay, and the essay itself, with a "
        "formatted reference, links and BibTeX to copy.",
        "---",
        "",
        "# Bibliography",
        "",
        f"All {count} works behind the course: the essay it teaches and every work cited in the essay's "
        f"footnotes, in Chicago author-date style, grouped by kind and sorted by author. Under each entry, "
        f"*Cited in* leads to the [essay footnote]({FOOTNOTES_PAGE}) and the chapters that use it"
        + web_or_print(", and *BibTeX* opens a record you can copy into a reference manager.",
                       "; the course website offers every entry as a BibTeX record for reference managers."),
        "",
        "Where the essay's footnote printed incomplete or inaccurate details, the entry gives the corrected "
        "data; the [essay footnotes]({FOOTNOTES_PAGE}) page says where.".replace("{FOOTNOTES_PAGE}", FOOTNOTES_PAGE),
        "",
        "<!-- course:essay-link -->",  # where to read the essay itself (coursekit/pages/essay_link.py)
        "",
        *downloads_markdown(content),
    ]
    spans = coins_spans(content)
    for kind, (anchor, heading) in KINDS.items():
        keys = [key for key in formatted.references if kind_of(content, key) == kind]
        if not keys:
            continue
        lines += [f"## {heading} {{#{anchor}}}", ""]
        for key in keys:
            lines += entry_markdown(content, key, formatted, sites.get(key, []), spans.get(key, ""))
    return "\n".join(lines) + "\n"


def downloads_markdown(content: CourseContent) -> list[str]:
    """The download box: every reference, and each chapter's, as BibTeX, RIS and CSL-JSON."""

    def links(name: str) -> str:
        return " · ".join(f"[{label}]({file_uri(name, ext)})" for ext, label in FORMATS.items())

    chapters = [f"    - Chapter {number}: {links(chapter_name(number))}"
                for number, keys in chapter_keys(content).items() if keys]
    return [
        '!!! note bib-downloads course-web-only "Take the references with you"',
        "",
        f"    All references: {links(ALL_NAME)}. Zotero, Mendeley, EndNote and most other reference managers import "
        "RIS and BibTeX; CSL-JSON suits Pandoc and Zettlr. Zotero's browser connector also finds every entry on "
        "this page (and in each chapter's reference list) with its fields.",
        "",
        "    Just one chapter's references:",
        "",
        *chapters,
        "",
    ]


def entry_markdown(content: CourseContent, key: str, formatted: FormattedBibliography, sites: list[Site],
                   coins: str = "") -> list[str]:
    """One entry: the reference paragraph (anchor ref-KEY, COinS metadata), its links and a collapsible BibTeX
    block."""
    fields = content.bibliography.data.entries[key].fields
    links = []
    if doi := fields.get("doi", "").strip():
        links.append(f"[DOI](https://doi.org/{doi}){{.bib-link}}")
    if url := fields.get("url", "").strip():
        links.append(f"[Online]({url}){{.bib-link}}")
    if key == content.course.essay_key:
        links.append("The essay this course teaches" + web_or_print(": [start at the course home](index.md)", ""))
    elif sites:
        links.append("Cited in " + ", ".join(f"[{site.label}]({site.uri})" for site in sites))
    source = textwrap.indent(f"```bibtex\n{formatted.sources[key]}\n```", "    ")
    lines = [coins + formatted.references[key], f"{{#ref-{key} .bib-entry}}", ""]
    if links:
        lines += [" · ".join(links), "{.bib-meta}", ""]
    lines += ['??? note bib-source "BibTeX"', "", source, ""]
    return lines


def register(registry: Registry) -> None:
    registry.add_page_generator(_bibliography_page)
