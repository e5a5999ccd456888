"""The "Download for offline reading" box (marker `downloads`) and the publishing of the downloads into site/.

Only the student PDF and the zipped site are public; the instructor PDF never enters site/. The files exist
only after `make pdf` (`course pdf` builds them from the built site), so a plain `make site` must not link to
them, or its link check would fail. The box is therefore rendered in two states:

- `make site`: the two downloads are named without links, with a note that `make pdf` builds (and the
  published course) offer them here;
- `course pdf`: after copying the files into site/downloads/, it rewrites the box on every built page to
  link them. The box is excluded from the search index (`data-search-exclude`), so the index stays true
  in both states. In the zipped copy only the PDF is linked (the zip does not contain itself).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Collection
from html import escape
from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.markers import relative_prefix
from coursekit.registry import marker

DOWNLOADS_DIR = "downloads"
STUDENT_PDF = "course-student.pdf"
SITE_ZIP = "course-site.zip"
PUBLIC_FILES = (STUDENT_PDF, SITE_ZIP)
BOX = re.compile(r'<div class="admonition info course-downloads".*?<!-- /course-downloads --></div>', re.DOTALL)

DESCRIPTIONS = {
    STUDENT_PDF: ("Course reader (PDF)",
                  "every chapter, the glossary, the timeline, the concept map and the bibliography, with each "
                  "quiz as a worksheet to print."),
    SITE_ZIP: ("The whole course (zip)",
               "unpack it and open <code>index.html</code>: every page, the quizzes and the search work from "
               "your disk, with no connection."),
}
PENDING_NOTE = ("These files are made by <code>make pdf</code> and are not part of this build; the published "
                "course offers them here.")


def downloads_box(prefix: str, available: Collection[str]) -> str:
    """The box as raw HTML; each file is a link only if it is `available` beside the site."""
    rows = []
    for name in PUBLIC_FILES:
        label, description = DESCRIPTIONS[name]
        if name in available:
            item = f'<a href="{escape(prefix)}{DOWNLOADS_DIR}/{name}" download>{label}</a>'
        else:
            item = f'<span class="course-downloads__file">{label}</span>'
        rows.append(f"<li>{item}: {description}</li>")
    note = "" if set(PUBLIC_FILES) <= set(available) else f'<p class="course-downloads__note">{PENDING_NOTE}</p>'
    return ('<div class="admonition info course-downloads" data-search-exclude>'
            '<p class="admonition-title">Download for offline reading</p>'
            f'<ul>{"".join(rows)}</ul>{note}<!-- /course-downloads --></div>')


@marker("downloads")
def _downloads(content: CourseContent, src_uri: str) -> str:
    return "\n\n" + downloads_box(relative_prefix(src_uri), available=()) + "\n\n"


def activate(page_html: str, page: str, available: Collection[str]) -> str:
    """The page with its download box (if any) linking the `available` files; `page` is its path in the site."""
    return BOX.sub(lambda _: downloads_box(relative_prefix(page), available), page_html)


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
    unknown = set(files) - set(PUBLIC_FILES)
    if unknown:
        raise ValueError(f"only {PUBLIC_FILES} may be published, not {sorted(unknown)}")
    target = site / DOWNLOADS_DIR
    target.mkdir(exist_ok=True)
    for name, source in files.items():
        partial = target / f".{name}.partial"
        shutil.copyfile(source, partial)
        partial.replace(target / name)
    return activate_tree(site, set(files))
