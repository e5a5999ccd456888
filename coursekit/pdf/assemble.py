"""Assemble one edition's print document: cover, contents, then every part, as a single HTML file.

Each part keeps the HTML the site rendered; only ids and links are rewritten (see links.py) so that the table
of contents, cross-references, glossary links and footnotes jump inside the PDF.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html import escape
from importlib.resources import files
from pathlib import Path

import markdown

from coursekit.content.load import CourseContent
from coursekit.pdf.editions import Edition
from coursekit.pdf.fonts import font_face_css
from coursekit.pdf.glyphs import draw_missing_glyphs
from coursekit.pdf.htmltree import remove_keeping_tail, to_html, walk_with_parent
from coursekit.pdf.links import anchor, prefix_ids, rewrite_links
from coursekit.pdf.parts import Group, Part
from coursekit.pdf.site_source import site_metadata

HEADING = re.compile(r"^h([1-6])$")
INSTRUCTOR_EXTRAS = ", with the instructors' guide, exam items and answer keys"


def stylesheet(name: str) -> str:
    """A stylesheet shipped in this package (package data)."""
    return files("coursekit.pdf").joinpath(name).read_text(encoding="utf-8")


def shift_headings(root: ET.Element, by: int) -> None:
    """Demote headings (h1 -> h2 ...) for a page printed inside a group; h6 stays h6."""
    if not by:
        return
    for element in root.iter():
        found = HEADING.match(str(element.tag))
        if found:
            element.tag = f"h{min(6, int(found.group(1)) + by)}"


def style_svgs(root: ET.Element, svg_css: str) -> None:
    """Inline SVG ignores the document's CSS in WeasyPrint, so each figure gets the print rules inside it."""
    for svg in root.iter("svg"):
        style = ET.Element("style")
        style.text = svg_css
        svg.insert(0, style)


def essay_reference(parts: Iterable[Part], key: str) -> ET.Element | None:
    """The essay's full reference as the site formats it: its bibliography entry, else a chapter's footnote."""
    found: dict[str, ET.Element] = {}
    for part in parts:
        for element in part.body.iter():
            if element.get("id") in (f"ref-{key}", f"fn:ref-{key}"):
                found.setdefault(element.get("id", ""), element)
    element = found.get(f"ref-{key}", found.get(f"fn:ref-{key}"))
    if element is None:
        return None
    reference = copy.deepcopy(element.find("p") if element.tag == "li" else element)
    assert reference is not None
    reference.attrib.clear()
    reference.tag = "p"
    for parent, child in walk_with_parent(reference):
        if child.tag == "a" and not child.get("href", "").startswith("http"):
            remove_keeping_tail(parent, child)
    return reference


def prepare(part: Part, in_document: set[str], svg_css: str, in_group: bool = False) -> str:
    """The part as a <section>: ids prefixed, links rewritten, headings set for the outline."""
    body = part.body
    shift_headings(body, part.heading_shift)
    prefix_ids(body, part.key)
    rewrite_links(body, part.key, in_document)
    style_svgs(body, svg_css)
    draw_missing_glyphs(body)
    heading = next((e for e in body.iter() if HEADING.match(str(e.tag))), None)
    if heading is not None and (part.number or in_group):
        heading.set("data-bookmark", f"{part.number}. {part.title}" if part.number else part.title)
    body.tag = "section"
    body.attrib.clear()
    body.set("class", f"part {part.kind}")
    body.set("id", anchor(part.key))
    if heading is not None:  # WeasyPrint ignores string-set on a section nested in a group: set it on the heading
        heading.set("data-running", part.running)
    if part.label:
        label = ET.Element("p", {"class": "chapter-label"})
        label.text = part.label
        body.insert(0, label)
    return to_html(body)


def group_section(group: Group, in_document: set[str], svg_css: str) -> str:
    inner = "\n".join(prepare(part, in_document, svg_css, in_group=True) for part in group.parts)
    return (f'<section class="group {group.kind}" id="{anchor(group.key)}">\n'
            f'<h1 data-running="{escape(group.title)}">{escape(group.title)}</h1>\n'
            f'<p class="group-intro">{escape(group.intro)}</p>\n{inner}\n</section>')


def typographic(text: str) -> str:
    """Curly quotes and dashes, as the site's `smarty` extension prints them; the text is escaped."""
    return markdown.markdown(escape(text, quote=False), extensions=["smarty"]).removeprefix("<p>").removesuffix("</p>")


def cover(content: CourseContent, edition: Edition, reference: ET.Element | None, author: str) -> str:
    course = content.course
    warning = ('<p class="cover-warning">Contains exam items and answer keys. For instructors only: do not '
               "share this edition with students.</p>") if edition.for_instructors else ""
    essay = to_html(reference) if reference is not None else ""
    return (
        '<section class="cover">\n'
        '<p class="cover-kicker">Course reader</p>\n'
        f"<h1>{escape(course.title)}</h1>\n"
        f'<p class="cover-subtitle">{typographic(course.subtitle)}</p>\n'
        f'<p class="cover-edition">{escape(edition.label)} · {len(content.chapters)} chapters, glossary, timeline, '
        f"concept map, bibliography and worksheets{INSTRUCTOR_EXTRAS if edition.for_instructors else ''}</p>\n"
        f"{warning}\n"
        '<div class="cover-bottom">\n'
        f'<div class="cover-essay"><p class="cover-essay-label">The essay this course teaches</p>{essay}</div>\n'
        f'<p class="cover-licence">{escape(author)}. Course content {escape(course.licence_content)}, code '
        f"{escape(course.licence_code)}. The essay and the works it cites belong to their authors and "
        "publishers.</p>\n"
        "</div>\n</section>"
    )


def toc_entry(part: Part) -> str:
    number = f'<span class="toc-number">{escape(part.number)}</span>' if part.number else ""
    return f'<li><a href="#{anchor(part.key)}">{number}{escape(part.title)}</a></li>'


def table_of_contents(items: list[Part | Group]) -> str:
    entries = []
    for item in items:
        if isinstance(item, Group):
            children = "\n".join(toc_entry(p) for p in item.parts)
            entries.append(f'<li><a href="#{anchor(item.key)}">{escape(item.title)}</a>\n<ol>{children}</ol></li>')
        else:
            entries.append(toc_entry(item))
    return ('<nav class="toc" id="contents">\n<h1 data-running="Contents">Contents</h1>\n<ol>\n'
            + "\n".join(entries) + "\n</ol>\n</nav>")


def all_keys(items: list[Part | Group]) -> set[str]:
    keys: set[str] = set()
    for item in items:
        keys.add(item.key)
        if isinstance(item, Group):
            keys.update(p.key for p in item.parts)
    return keys


def assemble(edition: Edition, items: list[Part | Group], site: Path, content: CourseContent) -> str:
    """The whole print document of one edition, ready for WeasyPrint."""
    meta = site_metadata(site)
    flat = [p for item in items for p in (item.parts if isinstance(item, Group) else [item])]
    reference = essay_reference(flat, content.course.essay_key)
    in_document = all_keys(items)
    svg_css = stylesheet("print-svg.css")
    sections = [
        group_section(item, in_document, svg_css) if isinstance(item, Group)
        else prepare(item, in_document, svg_css)
        for item in items
    ]
    title = f"{content.course.title} ({edition.label})"
    head = (
        '<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="author" content="{escape(meta["author"])}">\n'
        f'<meta name="description" content="{escape(content.course.subtitle)}">\n'
        f'<meta name="keywords" content="course reader, {escape(edition.label.lower())}, migration, '
        'Euro-Mediterranean, European Union">\n'
        '<meta name="generator" content="coursekit (course pdf) with WeasyPrint">\n'
        f"<style>\n{font_face_css(content.paths.node_modules)}\n</style>\n"
        f"<style>\n{stylesheet('print.css')}\n"
        f'@page {{ @top-right {{ content: "{edition.label}"; }} }}\n</style>'
    )
    body = "\n".join([cover(content, edition, reference, meta["author"]), table_of_contents(items),
                      *sections])
    return (f'<!DOCTYPE html>\n<html lang="{escape(meta["lang"])}">\n<head>\n{head}\n</head>\n'
            f'<body class="edition-{edition.name}">\n{body}\n</body>\n</html>\n')

