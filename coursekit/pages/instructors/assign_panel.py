"""The "Assign this chapter" panel on each chapter's instructors' guide page (a collapsed admonition).

Instructors find everything for an LMS announcement in one place; student pages only link the guide. With no
`site_url` configured the links are site-relative and assign.js replaces them with this page's own
absolute address when the page is read.
"""

from __future__ import annotations

from collections.abc import Callable

from coursekit.content.chapters import Chapter
from coursekit.content.load import CourseContent
from coursekit.pages.instructors.announcement import announcement_text
from coursekit.pages.instructors.catalogue import catalogue
from coursekit.pages.text import md_text


def site_url_for(site_url: str | None) -> Callable[[str], str]:
    """Turns a site-relative URL into the one to publish: absolute when the site URL is known."""
    base = (site_url or "").rstrip("/")
    return (lambda url: f"{base}/{url}") if base else (lambda url: url)


# assign.js is needed on a chapter page only once an instructor opens the panel: loading it then keeps it out of
# every student's page weight (the builder and assignment pages load it directly).
LAZY_LOADER = (
    '<script>document.querySelectorAll("details.course-assign").forEach(function (d) {'
    ' d.addEventListener("toggle", function () { if (!d.open || window.courseAssignLoading) { return; }'
    ' window.courseAssignLoading = true; var s = document.createElement("script");'
    ' s.src = "../assets/js/assign.js"; document.head.appendChild(s); }); });</script>'
)


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.splitlines())


def assign_panel(chapter: Chapter, content: CourseContent, site_url: str | None = None) -> str:
    """The panel's Markdown, placed on instructors/chapter-N.md (links are relative to that folder)."""
    item = catalogue(content).chapter(chapter.number)
    url_for = site_url_for(site_url)
    text = announcement_text([item], url_for, quizzes=[item.number])
    objectives = "\n".join(f"    - {md_text(o)}" for o in item.objectives)
    page_name = f"../{chapter.src_uri}"
    return (
        f'??? info course-assign "Assign this chapter"\n\n'
        f"    For instructors: everything needed to set this chapter as reading.\n\n"
        f"    **Permalink:** [{url_for(item.url)}]({page_name}){{ .course-permalink }}  \n"
        f"    **Reading time:** about {item.minutes} minutes ({item.words:,} words) · "
        f"**Quiz:** [Chapter {item.number} quiz](../{chapter.quiz_uri}) · "
        f"**Guide:** [chapter {item.number} instructors' guide](../instructors/chapter-{item.number}.md)\n\n"
        f"    **Objectives**\n\n{objectives}\n\n"
        f"    **Announcement to paste into your learning platform** (use the copy button):\n\n"
        f"    ```text\n{indent(text)}\n    ```\n\n"
        f"    To set several chapters with a title and a due date, use the "
        f"[assignment builder](../instructors/assign.md).\n\n"
        f"{LAZY_LOADER}\n\n"
    )
