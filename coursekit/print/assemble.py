"""Assemble one edition's print document: cover, contents, then every part, as a single HTML file.

Each part keeps the HTML the site rendered; only ids and links are rewritten (see links.py) so that the table
of contents, cross-references, glossary links and footnotes jump inside the PDF.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path

import markdown

from coursekit.content.load import CourseContent
from coursekit.print.editions import Edition
from coursekit.print.fonts import font_face_css
from coursekit.print.glyphs import draw_missing_glyphs
from coursekit.print.htmltree import remove_keeping_tail, to_html, walk_with_parent
from coursekit.print.links import anchor, prefix_ids, rewrite_links
from coursekit.print.parts import Group, Part
from coursekit.print.site_source import site_metadata

HEADING = re.compile(r"^h([1-6])$")
INSTRUCTOR_EXTRAS = ", with the instructors' guide, exam items and answer keys"


def stylesheet(name: str) -> str:
    """A stylesheet shipped in this package (package data)."""
    return files("coursekit.print").joinpath(name).read_text(encoding="utf-8")


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


def cover(content: CourseContent, edition: Edition, reference: ET.Element | None, author: str,
          site_url: str = "") -> str:
    course = content.course
    address = (f'<p class="cover-address">Online, with quizzes that give feedback: '
               f'<a href="{escape(site_url)}">{escape(site_url)}</a></p>\n') if site_url else ""
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
        f"{warning}\n{address}"
        '<div class="cover-bottom">\n'
        f'<div class="cover-essay"><p class="cover-essay-label">The essay this course teaches</p>{essay}</div>\n'
        f'<p class="cover-licence">{escape(author)}. Course content {escape(course.licence_content)}, code '
        f"{escape(course.licence_code)}. The essay and the works it cites belong to their authors and "
        "publishers.</p>\n"
        "</div>\n</section>"
    )


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents: the section id it points to, its number and title, and its children."""

    target: str
    number: str
    title: str
    children: tuple[TocEntry, ...] = ()


def toc_entries(items: list[Part | Group]) -> tuple[TocEntry, ...]:
    def entry(part: Part) -> TocEntry:
        return TocEntry(anchor(part.key), part.number, part.title)

    return tuple(TocEntry(anchor(i.key), "", i.title, tuple(entry(p) for p in i.parts)) if isinstance(i, Group)
                 else entry(i) for i in items)


def toc_line(entry: TocEntry, pages: Mapping[str, int] | None) -> str:
    number = f'<span class="toc-number">{escape(entry.number)}</span>' if entry.number else ""
    page = f' data-page="{pages.get(entry.target, "")}"' if pages is not None else ""
    children = "".join(toc_line(c, pages) for c in entry.children)
    nested = f"\n<ol>{children}</ol>" if children else ""
    return f'<li><a href="#{entry.target}"{page}>{number}{escape(entry.title)}</a>{nested}</li>'


def toc_html(entries: tuple[TocEntry, ...], pages: Mapping[str, int] | None = None) -> str:
    """The contents page; with `pages` (section id -> page number) the numbers are printed as given, else the
    print CSS looks them up (target-counter)."""
    return ('<nav class="toc" id="contents">\n<h1 data-running="Contents">Contents</h1>\n<ol>\n'
            + "\n".join(toc_line(e, pages) for e in entries) + "\n</ol>\n</nav>")


def table_of_contents(items: list[Part | Group]) -> str:
    return toc_html(toc_entries(items))


def all_keys(items: list[Part | Group]) -> set[str]:
    keys: set[str] = set()
    for item in items:
        keys.add(item.key)
        if isinstance(item, Group):
            keys.update(p.key for p in item.parts)
    return keys


@dataclass(frozen=True)
class PrintDocument:
    """An edition's print document in pieces: the cover, the contents (as data, so the page numbers can be
    filled in after layout) and one HTML section per part, in order."""

    lang: str
    head: str
    body_class: str
    cover: str
    toc: tuple[TocEntry, ...]
    sections: tuple[str, ...]

    def page(self, sections: list[str], first_page: int | None = None) -> str:
        """A complete HTML document holding `sections`; its first page is numbered `first_page`."""
        numbering = (f"<style>@page :first {{ counter-reset: page {first_page}; }}</style>\n"
                     if first_page is not None else "")
        return (f'<!DOCTYPE html>\n<html lang="{escape(self.lang)}">\n<head>\n{self.head}\n{numbering}</head>\n'
                f'<body class="{self.body_class}">\n' + "\n".join(sections) + "\n</body>\n</html>\n")

    def html(self) -> str:
        """The whole document in one piece (the EPUB, the web-only-phrase gate, and readers of the source)."""
        return self.page([self.cover, toc_html(self.toc), *self.sections])


def print_document(edition: Edition, items: list[Part | Group], site: Path, content: CourseContent,
                   site_url: str = "") -> PrintDocument:
    """The print document of one edition (the parts are rewritten in place: call once per `items`)."""
    meta = site_metadata(site)
    flat = [p for item in items for p in (item.parts if isinstance(item, Group) else [item])]
    reference = essay_reference(flat, content.course.essay_key)
    in_document = all_keys(items)
    svg_css = stylesheet("print-svg.css")
    sections = tuple(
        group_section(item, in_document, svg_css) if isinstance(item, Group)
        else prepare(item, in_document, svg_css)
        for item in items
    )
    title = f"{content.course.title} ({edition.label})"
    head = (
        '<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="author" content="{escape(meta["author"])}">\n'
        f'<meta name="description" content="{escape(content.course.subtitle)}">\n'
        f'<meta name="keywords" content="course reader, {escape(edition.label.lower())}, migration, '
        'Euro-Mediterranean, European Union">\n'
        '<meta name="generator" content="coursekit (course pdf) with WeasyPrint">\n'
        f"<style>\n{font_face_css(content.paths.node_modules, content.paths.cache / 'fonts')}\n</style>\n"
        f"<style>\n{stylesheet('print.css')}\n"
        f'@page {{ @top-right {{ content: "{edition.label}"; }} }}\n</style>'
    )
    return PrintDocument(meta["lang"], head, f"edition-{edition.name}",
                         cover(content, edition, reference, meta["author"], site_url), toc_entries(items), sections)


def assemble(edition: Edition, items: list[Part | Group], site: Path, content: CourseContent,
             site_url: str = "") -> str:
    """The whole print document of one edition as one HTML string."""
    return print_document(edition, items, site, content, site_url).html()
