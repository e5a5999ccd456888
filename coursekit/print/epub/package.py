"""Write the EPUB: container, package document with accessibility metadata, navigation, CSS, fonts, content.

The zip follows the OCF rules by hand because they are short and exact: `mimetype` first, stored and without
extra fields, then everything else deflated; fixed timestamps and sorted entries make the same input give
the same file. The fonts are the fontsource WOFF2 files the PDF embeds (Latin and Latin Extended subsets,
OFL), referenced by @font-face with their unicode-range.
"""

from __future__ import annotations

import os
import re
import time
import uuid
import zipfile
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path

from coursekit.print.epub.split import ContentDocument, to_xhtml
from coursekit.print.fonts import BALLOT_FILE, FAMILIES, FAMILY_NAMES, SUBSETS, ballot_face, ballot_font

FIXED_TIME = (2021, 1, 1, 0, 0, 0)
TEXT_DIR = "text"
FONT_DIR = "fonts"
STYLESHEET = "styles/book.css"
ACCESSIBILITY_SUMMARY = (
    "A reflowable text edition with a navigation document that follows the chapter structure, headings for "
    "every section, and links from citations to the references. The concept map, an image, is followed by a "
    "full text alternative that lists every link it draws. Practice worksheets and their answer key are text. "
    "No hazards: no flashing, no sound, no motion simulation."
)
CERTIFIED_BY = "The course module's contributors (self-assessed with EPUBCheck and Ace by DAISY)"
FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "alternativeText", "longDescription",
            "displayTransformability")


@dataclass(frozen=True)
class BookMetadata:
    title: str
    subtitle: str
    author: str
    lang: str
    description: str
    rights: str
    publisher: str = ""


def modified_timestamp() -> str:
    """dcterms:modified: SOURCE_DATE_EPOCH when set (reproducible builds), else today at midnight UTC, so two
    builds of one day are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else int(time.time()) // 86400 * 86400
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def identifier(meta: BookMetadata) -> str:
    """A stable UUID (same title and author, same book)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'coursekit-epub:' + meta.title + ':' + meta.author)}"


def font_files(node_modules: Path) -> list[tuple[str, str, str, Path]]:
    """(family, weight, style, woff2 path) for every face the print edition uses."""
    found = []
    for package, styles in FAMILIES.items():
        for style in styles:
            weight, _, italic = style.partition("-")
            for subset in SUBSETS:
                path = node_modules / "@fontsource" / package / "files" / (
                    f"{package}-{subset}-{weight}-{'italic' if italic else 'normal'}.woff2")
                found.append((FAMILY_NAMES[package], weight, "italic" if italic else "normal", path))
    return found


UNICODE_RANGE = re.compile(r"/\* (?P<name>[a-z0-9-]+) \*/\s*@font-face \{[^}]*unicode-range: (?P<range>[^;]+);")


def unicode_ranges(node_modules: Path) -> dict[str, str]:
    """woff2 file name -> unicode-range, read from the fontsource CSS (so subsets never overlap wrongly)."""
    ranges = {}
    for package, styles in FAMILIES.items():
        for style in styles:
            css = (node_modules / "@fontsource" / package / f"{style}.css").read_text(encoding="utf-8")
            for match in UNICODE_RANGE.finditer(css):
                weight, _, italic = style.partition("-")
                subset = match.group("name").removeprefix(f"{package}-").rsplit("-", 2)[0]
                name = f"{package}-{subset}-{weight}-{'italic' if italic else 'normal'}.woff2"
                ranges[name] = match.group("range").strip()
    return ranges


def font_css(node_modules: Path) -> str:
    ranges = unicode_ranges(node_modules)
    rules = []
    for family, weight, style, path in font_files(node_modules):
        rules.append(f'@font-face {{ font-family: "{family}"; font-style: {style}; font-weight: {weight}; '
                     f'src: url("../{FONT_DIR}/{path.name}") format("woff2"); '
                     f"unicode-range: {ranges[path.name]}; }}")
    rules.append(ballot_face(f'url("../{FONT_DIR}/{BALLOT_FILE}") format("woff2")'))
    return "\n".join(rules)


def package_document(meta: BookMetadata, documents: list[ContentDocument], fonts: list[str]) -> str:
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             f'<item id="css" href="{STYLESHEET}" media-type="text/css"/>']
    for index, name in enumerate(fonts):
        items.append(f'<item id="font-{index}" href="{FONT_DIR}/{name}" media-type="font/woff2"/>')
    spine = []
    for index, document in enumerate(documents):
        props = ' properties="svg"' if document.has_svg else ""
        items.append(f'<item id="doc-{index}" href="{TEXT_DIR}/{document.name}" '
                     f'media-type="application/xhtml+xml"{props}/>')
        spine.append(f'<itemref idref="doc-{index}"/>')
        if index == 0:  # the contents page follows the cover, as in the PDF
            spine.append('<itemref idref="nav"/>')
    features = "\n    ".join(f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in FEATURES)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{meta.lang}"
         prefix="schema: http://schema.org/ a11y: http://www.idpf.org/epub/vocab/package/a11y/#">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">{identifier(meta)}</dc:identifier>
    <dc:title id="title">{escape(meta.title)}</dc:title>
    <meta refines="#title" property="title-type">main</meta>
    <dc:title id="subtitle">{escape(meta.subtitle)}</dc:title>
    <meta refines="#subtitle" property="title-type">subtitle</meta>
    <dc:creator>{escape(meta.author)}</dc:creator>
    <dc:language>{meta.lang}</dc:language>
    <dc:description>{escape(meta.description)}</dc:description>
    <dc:rights>{escape(meta.rights)}</dc:rights>
    <meta property="dcterms:modified">{modified_timestamp()}</meta>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    {features}
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">{escape(ACCESSIBILITY_SUMMARY)}</meta>
    <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
    <meta property="a11y:certifiedBy">{escape(CERTIFIED_BY)}</meta>
  </metadata>
  <manifest>
    {chr(10).join('    ' + i for i in items).strip()}
  </manifest>
  <spine>
    {chr(10).join('    ' + s for s in spine).strip()}
  </spine>
</package>
"""


def nav_document(meta: BookMetadata, documents: list[ContentDocument]) -> str:
    """The table of contents (parts, then their sections down to level 3) and landmarks."""
    entries = []
    for document in documents:
        href = f"{TEXT_DIR}/{document.name}"
        heads = document.headings
        top = heads[0] if heads else None
        children = [h for h in heads[1:] if h[0] in (2, 3) and h[1]] if top else []
        label = escape(document.title)
        if top and top[0] == 1 and top[1]:
            link = f'<a href="{href}#{escape(top[1])}">{label}</a>'
        else:
            link = f'<a href="{href}">{label}</a>'
        nested = ""
        if children:
            minimum = min(level for level, _, _ in children)
            items = "".join(f'<li><a href="{href}#{escape(i)}">{escape(t)}</a></li>'
                            for level, i, t in children if level == minimum and t)
            nested = f"<ol>{items}</ol>" if items else ""
        entries.append(f"<li>{link}{nested}</li>")
    first_chapter = next((d for d in documents if d.name.startswith("chapters-")), documents[0])
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"
      lang="{meta.lang}" xml:lang="{meta.lang}">
<head><meta charset="utf-8"/><title>Contents</title><link rel="stylesheet" type="text/css" href="{STYLESHEET}"/></head>
<body>
<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">Contents</h1>
<ol>{"".join(entries)}</ol></nav>
<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">
<h2 id="landmarks-title">Landmarks</h2>
<ol><li><a epub:type="toc" href="nav.xhtml#toc">Contents</a></li>
<li><a epub:type="bodymatter" href="{TEXT_DIR}/{first_chapter.name}">{escape(first_chapter.title)}</a></li></ol></nav>
</body>
</html>
"""


CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def _entry(name: str, stored: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_epub(target: Path, meta: BookMetadata, documents: list[ContentDocument], node_modules: Path,
               font_cache: Path | None = None) -> int:
    """Write `target`; returns the number of content documents."""
    fonts = {path.name: path.read_bytes() for _, _, _, path in font_files(node_modules)}
    fonts[BALLOT_FILE] = ballot_font(node_modules, flavor="woff2", cache=font_cache)
    css = font_css(node_modules) + "\n" + files("coursekit.print.epub").joinpath("book.css").read_text(encoding="utf-8")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr(_entry("mimetype", stored=True), "application/epub+zip")
        book.writestr(_entry("META-INF/container.xml"), CONTAINER)
        book.writestr(_entry("OEBPS/content.opf"), package_document(meta, documents, list(fonts)))
        book.writestr(_entry("OEBPS/nav.xhtml"), nav_document(meta, documents))
        book.writestr(_entry(f"OEBPS/{STYLESHEET}"), css)
        for name in sorted(fonts):
            book.writestr(_entry(f"OEBPS/{FONT_DIR}/{name}"), fonts[name])
        for document in documents:
            book.writestr(_entry(f"OEBPS/{TEXT_DIR}/{document.name}"),
                          to_xhtml(document, meta.lang, f"../{STYLESHEET}"))
    return len(documents)
