"""The "Download for offline reading" box (marker `downloads`) and the publishing of the downloads into site/.

Only the student PDF, the EPUB, the per-chapter PDFs and the zipped site are public; the instructor PDF never
enters site/. The files exist only after `make pdf` (`course pdf` builds them from the built site), so a plain
`make site` must not link to them, or its link check would fail. The box is therefore rendered in two states:

- `make site`: the downloads are named without links, with a note that `make pdf` builds (and the
  published course) offer them here;
- `course pdf`: after copying the files into site/downloads/, it rewrites the box on every built page to
  link them. The box is excluded from the search index (`data-search-exclude`), so the index stays true
  in both states. In the zipped copy only the PDF and the EPUB are linked (the zip does not contain itself).

On a chapter page the box starts with that chapter alone as a PDF (`downloads/chapters/chapter-N.pdf`, with
its references and its practice worksheet), for printing one reading; the box records the chapter number
in `data-chapter`, so the rewrite needs no other input.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Collection
from html import escape
from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.pages.markers import relative_prefix
from coursekit.registry import Registry

DOWNLOADS_DIR = "downloads"
CHAPTERS_DIR = "chapters"
STUDENT_PDF = "course-student.pdf"
STUDENT_EPUB = "course-student.epub"
SITE_ZIP = "course-site.zip"
PUBLIC_FILES = (STUDENT_PDF, STUDENT_EPUB, SITE_ZIP)
BOX = re.compile(r'<div class="admonition info course-downloads"(?: data-chapter="(\d+)")?.*?'
                 r"<!-- /course-downloads --></div>", re.DOTALL)
CHAPTER_PDF = re.compile(rf"^{CHAPTERS_DIR}/chapter-\d+\.pdf$")

DESCRIPTIONS = {
    STUDENT_PDF: ("Course reader (PDF)",
                  "every chapter, the glossary, the timeline, the concept map and the bibliography, with each "
                  "quiz as a worksheet to print and the practice answer key."),
    STUDENT_EPUB: ("Course reader (EPUB)",
                   "the same reader for e-readers and phones: the text reflows to the screen, with the course "
                   "fonts and a table of contents."),
    SITE_ZIP: ("The whole course (zip)",
               "unpack it and open <code>index.html</code>: every page, the quizzes and the search work from "
               "your disk, with no connection."),
}
PENDING_NOTE = ("These files are made by <code>make pdf</code> and are not part of this build; the published "
                "course offers them here.")


def chapter_pdf_name(number: int) -> str:
    """The chapter's PDF, relative to site/downloads/ and to dist/."""
    return f"{CHAPTERS_DIR}/chapter-{number}.pdf"


def _row(prefix: str, name: str, label: str, description: str, available: Collection[str]) -> str:
    if name in available:
        item = f'<a href="{escape(prefix)}{DOWNLOADS_DIR}/{name}" download>{label}</a>'
    else:
        item = f'<span class="course-downloads__file">{label}</span>'
    return f"<li>{item}: {description}</li>"


def downloads_box(prefix: str, available: Collection[str], chapter: int | None = None) -> str:
    """The box as raw HTML; each file is a link only if it is `available` beside the site."""
    wanted = list(PUBLIC_FILES)
    rows = []
    if chapter is not None:
        name = chapter_pdf_name(chapter)
        wanted.insert(0, name)
        rows.append(_row(prefix, name, "This chapter (PDF)",
                         "chapter " + str(chapter) + " alone, with its references and its practice worksheet, "
                         "to print one reading.", available))
    rows += [_row(prefix, name, *DESCRIPTIONS[name], available) for name in PUBLIC_FILES]
    note = "" if set(wanted) & set(available) else f"<p class=\"course-downloads__note\">{PENDING_NOTE}</p>"
    data = f' data-chapter="{chapter}"' if chapter is not None else ""
    return (f'<div class="admonition info course-downloads"{data} data-search-exclude>'
            '<p class="admonition-title">Download for offline reading</p>'
            f'<ul>{"".join(rows)}</ul>{note}<!-- /course-downloads --></div>')


def _downloads(content: CourseContent, src_uri: str) -> str:
    chapter = next((c.number for c in content.chapters if c.src_uri == src_uri), None)
    return "\n\n" + downloads_box(relative_prefix(src_uri), available=(), chapter=chapter) + "\n\n"


def activate(page_html: str, page: str, available: Collection[str]) -> str:
    """The page with its download box (if any) linking the `available` files; `page` is its path in the site."""
    def box(found: re.Match[str]) -> str:
        chapter = int(found.group(1)) if found.group(1) else None
        return downloads_box(relative_prefix(page), available, chapter)

    return BOX.sub(box, page_html)


def activate_tree(root: Path, available: Collection[str]) -> int:
    """Rewrite the box on every page under `root`; returns how many pages carry one."""
    count = 0
    for path in sorted(root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if BOX.search(text):
            path.write_text(activate(text, path.relative_to(root).as_posix(), available), encoding="utf-8")
            count += 1
    return count


def publish(site: Path, files: dict[str, Path]) -> int:
    """Copy the public files into site/downloads/ and link them from every page's box."""
    unknown = {name for name in files if name not in PUBLIC_FILES and not CHAPTER_PDF.match(name)}
    if unknown:
        raise ValueError(f"only {PUBLIC_FILES} and chapter PDFs may be published, not {sorted(unknown)}")
    target = site / DOWNLOADS_DIR
    for name, source in files.items():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(f".{destination.name}.partial")
        shutil.copyfile(source, partial)
        partial.replace(destination)
    return activate_tree(site, set(files))


def register(registry: Registry) -> None:
    registry.add_marker("downloads", _downloads)
