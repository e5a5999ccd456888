"""Render an edition to PDF with WeasyPrint: tagged PDF/UA-1, fonts embedded, nothing fetched online.

Why three layouts joined, not one: WeasyPrint lays a page out again whenever a `target-counter()` on it
changes, and every worksheet and key question prints the page of the section it tests; in one document those
references made the worksheets and keys be laid out three times (the build's slowest step). Here each page is
laid out once: the body (chapters and reference pages) first, which gives the page of every section; then
the tail (worksheets, guide, exam items, keys) with those page numbers written in as text; then the cover
and contents with every part's page. The three documents' pages are joined into one PDF (links, outline
and tags span them), numbered continuously through `@page :first { counter-reset }`.

`render_job` is what each worker process runs; the chapter PDFs are pages of the same layout
(`Document.copy`), so a chapter costs a write, not a second layout, and keeps the reader's page numbers.
"""

from __future__ import annotations

import copy
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from coursekit.print.assemble import PrintDocument, toc_html

PDF_VARIANT = "pdf/ua-1"  # tagged structure, document title shown, language set: read by screen readers
LOCAL_PROTOCOLS = {"file", "data"}
SECTION_LINK = re.compile(r'(<a class="cq-ws-section-link" href="#([^"]+)">.*?</a>)', re.DOTALL)
TAIL_MARK = 'class="cq-ws-section-link"'
MAX_ROUNDS = 3  # the contents' length settles in one round unless a page number adds a line


def offline_fetcher() -> URLFetcher:
    """Files and data URLs only, and a missing one stops the build: no network, no silent font fallback."""
    return URLFetcher(allowed_protocols=LOCAL_PROTOCOLS, fail_on_errors=True)


def layout(html: str, base: Path, fonts: FontConfiguration | None = None) -> Document:
    """The laid-out document; relative URLs resolve against `base` (the built site). Documents of one edition
    share `fonts`, so each face is loaded into Fontconfig once, not once per document."""
    return HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=offline_fetcher()).render(
        font_config=fonts)


def anchor_pages(document: Document, first_page: int) -> dict[str, int]:
    """Printed page number of every id in `document`, whose first page is numbered `first_page`."""
    found: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            found.setdefault(name, first_page + index)
    return found


def with_page_numbers(section: str, pages: dict[str, int]) -> str:
    """Each section link followed by the page of the section it names."""
    return SECTION_LINK.sub(lambda m: f"{m.group(1)}, page {pages[m.group(2)]}" if m.group(2) in pages
                            else m.group(1), section)


def split_body_and_tail(document: PrintDocument) -> tuple[list[str], list[str]]:
    """The tail starts at the first part that prints page references (the worksheets)."""
    sections = list(document.sections)
    start = next((i for i, s in enumerate(sections) if TAIL_MARK in s), len(sections))
    return sections[:start], sections[start:]


def lay_out_edition(document: PrintDocument, base: Path) -> Document:
    """The edition laid out once per page (see the module docstring), as one document."""
    body_sections, tail_sections = split_body_and_tail(document)
    fonts = FontConfiguration()
    front_pages = len(layout(document.page([document.cover, toc_html(document.toc, {})]), base, fonts).pages)
    for _ in range(MAX_ROUNDS):
        body = layout(document.page(body_sections, front_pages + 1), base, fonts)
        pages = anchor_pages(body, front_pages + 1)
        tail_first = front_pages + len(body.pages) + 1
        tail = layout(document.page([with_page_numbers(s, pages) for s in tail_sections], tail_first), base,
                      fonts)
        pages |= anchor_pages(tail, tail_first)
        front = layout(document.page([document.cover, toc_html(document.toc, pages)]), base, fonts)
        if len(front.pages) == front_pages:
            return front.copy([*front.pages, *body.pages, *tail.pages])
        front_pages = len(front.pages)
    raise RuntimeError("the contents pages did not settle: their length changes with the page numbers")


def render_pdf(document: PrintDocument, base: Path, target: Path) -> int:
    """Write `target`. Returns the page count."""
    laid_out = lay_out_edition(document, base)
    laid_out.write_pdf(target, pdf_variant=PDF_VARIANT)
    return len(laid_out.pages)


@dataclass(frozen=True)
class Excerpt:
    """Some parts of an edition as a PDF of their own (a chapter with its worksheet and key)."""

    title: str
    part_ids: tuple[str, ...]  # ids of the parts' sections, in the order they appear in the edition
    target: Path


@dataclass(frozen=True)
class RenderJob:
    name: str
    document: PrintDocument
    base: Path
    target: Path
    part_ids: tuple[str, ...] = ()  # every part's section id: where one part ends and the next begins
    excerpts: tuple[Excerpt, ...] = ()


@dataclass
class RenderResult:
    name: str
    pages: int
    seconds: float
    excerpt_pages: dict[str, int] = field(default_factory=dict)


def part_pages(document: Document, part_ids: tuple[str, ...]) -> dict[str, range]:
    """The pages (0-based) each part occupies: from its first page to the page before the next part starts."""
    starts: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            if name in part_ids and name not in starts:
                starts[name] = index
    boundaries = [*sorted(set(starts.values())), len(document.pages)]
    return {name: range(start, next(b for b in boundaries if b > start)) for name, start in starts.items()}


def render_job(job: RenderJob) -> RenderResult:
    """Lay out and write one edition and its excerpts (run in a worker process)."""
    started = time.monotonic()
    document = lay_out_edition(job.document, job.base)
    document.write_pdf(job.target, pdf_variant=PDF_VARIANT)
    result = RenderResult(job.name, len(document.pages), 0.0)
    ranges = part_pages(document, job.part_ids) if job.excerpts else {}
    for excerpt in job.excerpts:
        missing = [i for i in excerpt.part_ids if i not in ranges]
        if missing:
            raise ValueError(f"{excerpt.target.name}: parts not found in {job.name}: {missing}")
        pages = [document.pages[i] for part in excerpt.part_ids for i in ranges[part]]
        extract = document.copy(pages)
        extract.metadata = copy.copy(document.metadata)
        extract.metadata.title = excerpt.title
        excerpt.target.parent.mkdir(parents=True, exist_ok=True)
        extract.write_pdf(excerpt.target, pdf_variant=PDF_VARIANT)
        result.excerpt_pages[excerpt.target.name] = len(pages)
    result.seconds = time.monotonic() - started
    return result
