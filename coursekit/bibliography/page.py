"""The generated Bibliography page: every work, grouped by kind, sorted by author, each with its BibTeX to copy.

Entries carry the anchor `ref-KEY` (attr_list on the reference paragraph, so MkDocs validates links to it);
the page cites nothing through the plugin, so it has no footnotes and no dangling back-links.
"""

from __future__ import annotations

import textwrap

from coursekit.bibliography.entries import FOOTNOTES_PAGE, KINDS, Site, citation_sites, kind_of
from coursekit.bibliography.formatted import FormattedBibliography, formatted_bibliography
from coursekit.content.load import CourseContent
from coursekit.registry import generator

PAGE = "bibliography.md"


@generator
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
        f"*Cited in* leads to the [essay footnote]({FOOTNOTES_PAGE}) and the chapters that use it, and "
        f"*BibTeX* opens a record you can copy into a reference manager.",
        "",
        "Where the essay's footnote printed incomplete or inaccurate details, the entry gives the corrected "
        "data; the [essay footnotes]({FOOTNOTES_PAGE}) page says where.".replace("{FOOTNOTES_PAGE}", FOOTNOTES_PAGE),
        "",
    ]
    for kind, (anchor, heading) in KINDS.items():
        keys = [key for key in formatted.references if kind_of(content, key) == kind]
        if not keys:
            continue
        lines += [f"## {heading} {{#{anchor}}}", ""]
        for key in keys:
            lines += entry_markdown(content, key, formatted, sites.get(key, []))
    return "\n".join(lines) + "\n"


def entry_markdown(content: CourseContent, key: str, formatted: FormattedBibliography, sites: list[Site]) -> list[str]:
    """One entry: the reference paragraph (anchor ref-KEY), its links and a collapsible BibTeX block."""
    fields = content.bibliography.data.entries[key].fields
    links = []
    if doi := fields.get("doi", "").strip():
        links.append(f"[DOI](https://doi.org/{doi}){{.bib-link}}")
    if url := fields.get("url", "").strip():
        links.append(f"[Online]({url}){{.bib-link}}")
    if key == content.course.essay_key:
        links.append("The essay this course teaches: [start at the course home](index.md)")
    elif sites:
        links.append("Cited in " + ", ".join(f"[{site.label}]({site.uri})" for site in sites))
    source = textwrap.indent(f"```bibtex\n{formatted.sources[key]}\n```", "    ")
    lines = [formatted.references[key], f"{{#ref-{key} .bib-entry}}", ""]
    if links:
        lines += [" · ".join(links), "{.bib-meta}", ""]
    lines += ['??? note bib-source "BibTeX"', "", source, ""]
    return lines
