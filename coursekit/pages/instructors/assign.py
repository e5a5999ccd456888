"""Markers for the assignment builder (instructors/assign.md) and the student assignment page (assignment.md).

Both pages get the chapter catalogue as JSON embedded at build time; assign.js reads it and accepts only
chapter numbers it lists. The builder is also a plain GET form, so without JavaScript "Open the assignment
page" still works: the query string it produces is exactly the link format the assignment page reads.
"""

from __future__ import annotations

from html import escape

from coursekit.build_state import BuildState
from coursekit.content.load import CourseContent
from coursekit.pages.instructors.catalogue import catalogue, catalogue_json
from coursekit.pages.markers import relative_prefix
from coursekit.registry import Registry

ASSIGNMENT_URI = "assignment.html"
# The builder form carries the published address (mkdocs.yml's site_url), filled in by `_site_url_filter`, so
# shareable links point at the course site even when the builder is opened from a copy on disk.
SITE_URL_ATTRIBUTE = 'data-published-page=""'
TITLE_MAX = 120


def data_script(content: CourseContent, src_uri: str) -> str:
    prefix = relative_prefix(src_uri)
    return (f'<script type="application/json" id="course-catalogue">'
            f"{catalogue_json(catalogue(content), prefix)}</script>"
            f'\n<script id="course-assign-script" src="{prefix}assets/js/assign.js" defer></script>')


def _checkbox(name: str, value: str, label: str, note: str) -> str:
    ident = f"assign-{name}-{value}"
    return (f'<li><input type="checkbox" id="{ident}" name="{name}" value="{escape(value)}">'
            f' <label for="{ident}">{escape(label)} <span class="course-assign-note">{escape(note)}</span>'
            f"</label></li>")


def _builder(content: CourseContent, src_uri: str) -> str:
    cat = catalogue(content)
    prefix = relative_prefix(src_uri)
    chapters = "".join(_checkbox("chapter", str(c.number), f"Chapter {c.number}: {c.title}",
                                 f"about {c.minutes} min") for c in cat.chapters)
    quizzes = "".join(_checkbox("quiz", str(c.number), f"Chapter {c.number} quiz", "practice") for c in cat.chapters)
    quizzes += _checkbox("quiz", "final", "Final quiz", "all chapters")
    action = f"{prefix}{ASSIGNMENT_URI}"
    return "\n".join([
        f'<form id="course-assign-builder" class="course-assign-builder" method="get" action="{action}" '
        f'{SITE_URL_ATTRIBUTE}>',
        f'<fieldset><legend>Chapters to read</legend><ul class="course-assign-choices">{chapters}</ul></fieldset>',
        f'<fieldset><legend>Quizzes to take</legend><ul class="course-assign-choices">{quizzes}</ul></fieldset>',
        '<fieldset class="course-assign-details"><legend>Details</legend>',
        '<p><label for="assign-title">Title</label> <input type="text" id="assign-title" name="title" '
        f'maxlength="{TITLE_MAX}" placeholder="e.g. Week 5: informal deals"></p>',
        '<p><label for="assign-due">Due date</label> <input type="date" id="assign-due" name="due" '
        'min="2000-01-01" max="2100-12-31"></p>',
        "</fieldset>",
        '<p><button type="submit" id="assign-open" class="md-button md-button--primary">Open the assignment page'
        '</button></p>',
        '<p id="course-assign-status" class="course-assign-status" role="status" aria-live="polite"></p>',
        '<div id="course-assign-result" class="course-assign-result" hidden>',
        '<p><label for="assign-link">Shareable link</label> <input type="text" id="assign-link" readonly> '
        '<button type="button" id="assign-copy-link" class="md-button">Copy link</button> '
        '<span id="assign-copied" class="course-assign-note" aria-live="polite"></span></p>',
        '<p><label for="assign-announcement">Announcement for your learning platform</label><br>'
        '<textarea id="assign-announcement" rows="14" readonly></textarea><br>'
        '<button type="button" id="assign-copy-text" class="md-button">Copy announcement</button></p>',
        "</div>",
        "</form>",
        "",
        data_script(content, src_uri),
        "",
    ])


def _view(content: CourseContent, src_uri: str) -> str:
    prefix = relative_prefix(src_uri)
    return f"""<div id="course-assignment" class="course-assignment" data-home="{prefix}index.html"
data-builder="{prefix}instructors/assign.html">
<noscript><p>This page shows the chapters your instructor chose, read from the link you followed;
it needs JavaScript. Without it, open the <a href="{prefix}index.html">course home</a> and find the
chapters there.</p></noscript>
</div>
{data_script(content, src_uri)}
"""


def _site_url_filter(markdown: str, src_uri: str, state: BuildState) -> str:
    """Puts site_url into the builder form (after the markers are expanded); '' leaves links relative to the page."""
    if not state.site_url or SITE_URL_ATTRIBUTE not in markdown:
        return markdown
    base = state.site_url if state.site_url.endswith("/") else state.site_url + "/"
    page = base + src_uri.removesuffix(".md") + ".html"  # this page's published address (no directory URLs)
    return markdown.replace(SITE_URL_ATTRIBUTE, f'data-published-page="{escape(page, quote=True)}"', 1)


def register(registry: Registry) -> None:
    registry.add_markdown_filter(_site_url_filter, priority=40)
    registry.add_marker("assign-builder", _builder)
    registry.add_marker("assignment-view", _view)
