"""`course pdf` end to end: both editions, the per-chapter PDFs, the EPUB and the zip, then published.

Speed: each edition is assembled, checked, laid out and written in a worker process of its own (the
student's worker also cuts the EPUB from its print document, the instructor's re-seals the instructor pack),
the chapter PDFs are pages of the student edition's layout (no second layout), and the fonts are
decompressed once into .cache/fonts/.

Nothing half-written: every output is made in a temporary folder beside the output folder and moved into
place only when all exist and the print documents passed the web-only-phrase gate; the public ones are
copied into site/downloads/ last.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.exam.store import exam_status, locked_message
from coursekit.print.assemble import PrintDocument, print_document
from coursekit.print.downloads import CHAPTERS_DIR, SITE_ZIP, STUDENT_EPUB, STUDENT_PDF, chapter_pdf_name, publish
from coursekit.print.editions import EDITIONS, INSTRUCTOR, STUDENT, Edition, back_matter, chapter_part, instructor_guide
from coursekit.print.epub.package import BookMetadata, write_epub
from coursekit.print.epub.split import split_document
from coursekit.print.fonts import fill_font_cache
from coursekit.print.htmltree import parse_document
from coursekit.print.links import anchor
from coursekit.print.parts import Group, Part
from coursekit.print.render import Excerpt, RenderJob, RenderResult, render_job
from coursekit.print.site_source import site_metadata
from coursekit.print.web_phrases import find_web_only_phrases, visible_text
from coursekit.print.worksheets import exam_group, key_group, worksheet_group
from coursekit.print.zip_site import zip_site
from coursekit.safe_output import check_output_files, output_files
from coursekit.site.instructor_pack import sealed_pack_data, write_pack_text

Progress = Callable[[str], None]
OUTPUTS = [e.filename for e in EDITIONS] + [STUDENT_EPUB, SITE_ZIP]


def edition_items(edition: Edition, site: Path, content: CourseContent, progress: Progress,
                  site_url: str = "") -> list[Part | Group]:
    """The parts of one edition, in order, read fresh from the site (each edition rewrites its own copy)."""
    items: list[Part | Group] = [chapter_part(site, chapter) for chapter in content.chapters]
    items += back_matter(site)
    items.append(worksheet_group(content, site_url))
    if edition.for_instructors:
        items.append(instructor_guide(site))
        items += [exam_group(content), key_group(content)]
    else:
        items.append(key_group(content, uses=("practice",)))
    progress(describe_edition(edition, content))
    return items


def describe_edition(edition: Edition, content: CourseContent) -> str:
    return (f"{edition.name}: {len(content.chapters)} chapters, back matter, worksheets"
            + (", guide, exam items and keys" if edition.for_instructors else " and the practice key"))


def flat_parts(items: list[Part | Group]) -> list[Part]:
    return [p for item in items for p in (item.parts if isinstance(item, Group) else [item])]


def chapter_excerpts(items: list[Part | Group], content: CourseContent, staging: Path) -> tuple[Excerpt, ...]:
    """Each chapter with its references (in the chapter), its practice worksheet and that worksheet's key."""
    keys = {p.key for p in flat_parts(items)}
    excerpts = []
    for chapter in content.chapters:
        page = chapter.src_uri.removesuffix(".md") + ".html"
        quiz = f"quizzes/chapter-{chapter.number}"
        wanted = [page, f"{quiz}.html", f"{quiz}-practice-key.html"]
        excerpts.append(Excerpt(f"Chapter {chapter.number}: {chapter.title} ({content.course.title})",
                                tuple(anchor(k) for k in wanted if k in keys),
                                staging / Path(chapter_pdf_name(chapter.number)).name))
    return tuple(excerpts)


def build_edition(edition: Edition, site: Path, content: CourseContent, target: Path, progress: Progress,
                  site_url: str = "") -> int:
    """One edition, in this process (tests and tools; `build_all` renders in parallel)."""
    items = edition_items(edition, site, content, progress, site_url)
    document = print_document(edition, items, site, content, site_url)
    return render_job(RenderJob(edition.name, document, site, target)).pages


def outputs_at_top(content: CourseContent) -> list[str]:
    return [*OUTPUTS]


def chapter_outputs(content: CourseContent) -> list[str]:
    """The chapter PDFs' names inside `out/chapters/` (a folder of its own: output_files moves plain files)."""
    return [Path(chapter_pdf_name(c.number)).name for c in content.chapters]


def check_folders(site: Path, out: Path, root: Path) -> None:
    if not (site / "index.html").is_file():
        raise ContentError([Problem(site, None, "no built site here: run `make site` first")])
    if out.resolve().is_relative_to(site.resolve()):
        raise ContentError([Problem(out, None, "the output folder must not be inside the site (it would be zipped)")])
    check_output_files(out, "pdf", root, OUTPUTS)




def gate_web_only_phrases(site: Path, edition: Edition, items: list[Part | Group],
                          document: PrintDocument) -> list[Problem]:
    """Problems for every web-only phrase in an edition's print document, named by the site page it came from.

    It reads the parts as the print document holds them (rewritten in place by `print_document`), the groups'
    introductions and the cover, so nothing is parsed twice."""
    hits = [*find_web_only_phrases(html.unescape(re.sub(r"<[^>]+>", " ", document.cover)), "cover")]
    for item in items:
        if isinstance(item, Group):
            hits += find_web_only_phrases(item.intro, anchor(item.key))
    hits += [hit for part in flat_parts(items) for hit in find_web_only_phrases(visible_text(part.body),
                                                                               anchor(part.key))]
    pages = {anchor(p.key): p.key for p in flat_parts(items)} | {anchor(i.key): i.key for i in items}
    return [Problem(site / pages.get(hit.section, hit.section), None,
                    f"web-only phrase in the {edition.name} print document: “{hit.phrase}” ({hit.why}); "
                    f"write a print variant: …{hit.context}…") for hit in hits]


@dataclass(frozen=True)
class EditionJob:
    """One edition, made end to end in a worker process: its print document, the web-only-phrase gate, the
    layout and the PDF; the student edition also its chapter PDFs and the EPUB, the instructor edition the
    sealed pack."""

    edition: Edition
    site: Path
    content: CourseContent
    target: Path
    site_url: str
    chapter_dir: Path | None = None  # the chapter PDFs' staging folder (student edition)
    epub: Path | None = None  # the EPUB, cut from this edition's print document (student edition)
    seal_pack: bool = False  # the site's instructor pack, re-sealed with this PDF (instructor edition)


@dataclass
class EditionResult:
    render: RenderResult | None  # None when the gate found problems (nothing was laid out)
    problems: list[Problem]
    pack_data: str | None = None  # instructors/pack-data.js with this PDF in it, for the caller to write
    epub_documents: int = 0  # content documents in the EPUB, when this job wrote one


def make_edition(job: EditionJob) -> EditionResult:
    """What each worker runs: the editions are prepared and laid out in parallel, and the slow re-sealing of
    the instructor pack happens beside the student edition's chapter PDFs rather than after them."""
    items = edition_items(job.edition, job.site, job.content, lambda _: None, job.site_url)
    document = print_document(job.edition, items, job.site, job.content, job.site_url)
    problems = gate_web_only_phrases(job.site, job.edition, items, document)
    if problems:
        return EditionResult(None, problems)
    epub_documents = build_epub(job.site, job.content, document, job.epub) if job.epub is not None else 0
    excerpts = chapter_excerpts(items, job.content, job.chapter_dir) if job.chapter_dir is not None else ()
    part_ids = tuple(anchor(part.key) for part in flat_parts(items))
    result = render_job(RenderJob(job.edition.name, document, job.site, job.target, part_ids, excerpts))
    pack = sealed_pack_data(job.site, job.content, job.target, job.site_url) if job.seal_pack else None
    return EditionResult(result, [], pack, epub_documents)


def worker_count() -> int:
    """One process per edition, no more than the machine has cores (COURSE_PDF_WORKERS overrides)."""
    wanted = os.environ.get("COURSE_PDF_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return max(1, min(len(EDITIONS), os.cpu_count() or 1))


def build_epub(site: Path, content: CourseContent, document: PrintDocument, target: Path) -> int:
    """The EPUB, cut from the student edition's print document."""
    meta = site_metadata(site)
    body = parse_document(document.html()).find("body")
    assert body is not None
    documents = split_document(body)
    book = BookMetadata(title=content.course.title, subtitle=content.course.subtitle, author=meta["author"],
                        lang=meta["lang"], description=content.course.subtitle,
                        rights=f"Course content {content.course.licence_content}, code {content.course.licence_code}. "
                               "The essay and the works it cites belong to their authors and publishers.")
    return write_epub(target, book, documents, content.paths.node_modules, content.paths.cache / "fonts")


def build_all(site: Path, out: Path, content: CourseContent, progress: Progress,
              site_url: str = "") -> dict[str, Path]:
    """Both PDFs, the chapter PDFs, the EPUB and the zip into `out`; the public ones into site/downloads/."""
    root = content.paths.root
    check_folders(site, out, root)
    chapter_dir = out / CHAPTERS_DIR
    locked = exam_status(content.paths.quizzes).is_locked
    editions = [e for e in EDITIONS if not (locked and e.for_instructors)]
    if locked:  # the students' editions still build; say what is left out and how to get it
        progress("skipping the instructor edition: " + locked_message(content.paths.quizzes, "it"))
    with output_files(out, "pdf", root, expected=outputs_at_top(content)) as staging, \
            output_files(chapter_dir, "pdf", root, expected=chapter_outputs(content)) as chapter_staging:
        jobs = [EditionJob(edition, site, content, staging / edition.filename, site_url,
                           chapter_dir=chapter_staging if edition == STUDENT else None,
                           epub=staging / STUDENT_EPUB if edition == STUDENT else None,
                           seal_pack=edition.for_instructors)
                for edition in editions]
        fill_font_cache(content.paths.node_modules, content.paths.cache / "fonts")
        workers = worker_count()
        for edition in editions:
            progress(describe_edition(edition, content))
        progress(f"rendering {', '.join(j.target.name for j in jobs)} and {len(content.chapters)} chapter PDFs "
                 f"with WeasyPrint ({workers} process{'es' if workers > 1 else ''})")
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: list[Future[EditionResult]] = [pool.submit(make_edition, job) for job in jobs]
            results = [future.result() for future in futures]
        problems = [problem for result in results for problem in result.problems]
        if problems:
            raise ContentError(problems)
        for result in results:
            assert result.render is not None
            done = result.render
            chapters = f", {len(done.excerpt_pages)} chapter PDFs" if done.excerpt_pages else ""
            progress(f"{done.name}: {done.pages} pages{chapters} (rendered in {done.seconds:.1f}s)")
            if result.epub_documents:
                progress(f"epub: {STUDENT_EPUB}, {result.epub_documents} content documents")
        # The site's instructor pack takes the instructor PDF before the site is zipped, so the zip holds the
        # pack the site serves (re-sealing after zipping left the zip with a stale pack).
        for result in results:
            if result.pack_data is not None:
                write_pack_text(site, result.pack_data)
                progress(f"instructor pack: re-sealed with {INSTRUCTOR.filename} in {site / 'instructors'}")
        progress(f"zip: packing the site into {SITE_ZIP}")
        count = zip_site(site, {STUDENT_PDF: staging / STUDENT_PDF, STUDENT_EPUB: staging / STUDENT_EPUB},
                         staging / SITE_ZIP)
        progress(f"zip: {count} files")
    outputs = {name: out / name for name in outputs_at_top(content) if not (locked and name == INSTRUCTOR.filename)}
    outputs |= {chapter_pdf_name(c.number): out / chapter_pdf_name(c.number) for c in content.chapters}
    public = {name: path for name, path in outputs.items() if name != INSTRUCTOR.filename}
    pages = publish(site, public)
    progress(f"published {len(public)} files in {site / 'downloads'} (download box on {pages} pages)")
    return outputs


def timed_progress(quiet: bool) -> Progress:
    """One line per step on stderr with the elapsed time, or nothing (`--quiet`)."""
    started = time.monotonic()

    def progress(message: str) -> None:
        if not quiet:
            print(f"course pdf [{time.monotonic() - started:5.1f}s] {message}", file=sys.stderr, flush=True)

    return progress

