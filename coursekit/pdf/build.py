"""`course pdf` end to end: both editions and the zip into a temporary folder, then into place, then published.

Nothing half-written: every output is made in a temporary folder beside the output folder and moved into
place only when all three exist; the public two are copied into site/downloads/ last.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.pdf.assemble import assemble
from coursekit.pdf.downloads import SITE_ZIP, STUDENT_PDF, publish
from coursekit.pdf.editions import EDITIONS, Edition, back_matter, chapter_part, instructor_guide
from coursekit.pdf.parts import Group, Part
from coursekit.pdf.render import render_pdf
from coursekit.pdf.worksheets import exam_group, key_group, worksheet_group
from coursekit.pdf.zip_site import zip_site

Progress = Callable[[str], None]


def edition_items(edition: Edition, site: Path, content: CourseContent, progress: Progress) -> list[Part | Group]:
    """The parts of one edition, in order, read fresh from the site (each edition rewrites its own copy)."""
    items: list[Part | Group] = []
    for chapter in content.chapters:
        progress(f"{edition.name}: chapter {chapter.number}, {chapter.title}")
        items.append(chapter_part(site, chapter))
    progress(f"{edition.name}: reading glossary, timeline, concept map, essay footnotes, bibliography")
    items += back_matter(site)
    progress(f"{edition.name}: generating worksheets")
    items.append(worksheet_group(content))
    if edition.for_instructors:
        progress(f"{edition.name}: reading the instructors' guide")
        items.append(instructor_guide(site))
        progress(f"{edition.name}: generating exam items and answer keys")
        items += [exam_group(content), key_group(content)]
    return items


def build_edition(edition: Edition, site: Path, content: CourseContent, target: Path, progress: Progress) -> int:
    items = edition_items(edition, site, content, progress)
    html = assemble(edition, items, site, content)
    progress(f"{edition.name}: rendering {edition.filename} with WeasyPrint")
    pages = render_pdf(html, site, target)
    progress(f"{edition.name}: {pages} pages")
    return pages


def check_folders(site: Path, out: Path) -> None:
    if not (site / "index.html").is_file():
        raise ContentError([Problem(site, None, "no built site here: run `make site` first")])
    if out.resolve().is_relative_to(site.resolve()):
        raise ContentError([Problem(out, None, "the output folder must not be inside the site (it would be zipped)")])


def build_all(site: Path, out: Path, content: CourseContent, progress: Progress) -> dict[str, Path]:
    """Both PDFs and the zip into `out`, the public two into site/downloads/; returns the outputs."""
    check_folders(site, out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".course-pdf-", dir=out) as tmp:
        staging = Path(tmp)
        for edition in EDITIONS:
            build_edition(edition, site, content, staging / edition.filename, progress)
        progress(f"zip: packing the site into {SITE_ZIP}")
        count = zip_site(site, staging / STUDENT_PDF, staging / SITE_ZIP)
        progress(f"zip: {count} files")
        outputs = {}
        for name in [e.filename for e in EDITIONS] + [SITE_ZIP]:
            (staging / name).replace(out / name)
            outputs[name] = out / name
    pages = publish(site, {STUDENT_PDF: outputs[STUDENT_PDF], SITE_ZIP: outputs[SITE_ZIP]})
    progress(f"published {STUDENT_PDF} and {SITE_ZIP} in {site / 'downloads'} (download box on {pages} pages)")
    return outputs

