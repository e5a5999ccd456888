"""The course's one MkDocs hooks module: load and check content, generate pages, enrich chapters.

Everything is validated in on_config, before MkDocs writes a single file, so bad content stops the
build with every problem listed (file:line) and nothing half-written.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import coursekit.features  # noqa: F401  (registers every feature's pages, markers and filters)
from coursekit.bibliography.plugin_cache import prime_bibtex_plugin
from coursekit.citations import short_label, write_csl
from coursekit.content.load import CourseContent, load_content
from coursekit.errors import ContentError, Problem
from coursekit.instructors.assign_panel import assign_panel
from coursekit.markers import expand_markers
from coursekit.paths import project_paths
from coursekit.registry import CHECKERS, FILES_FILTERS, HTML_FILTERS, OUTPUT_FILTERS
from coursekit.render.chapter_page import render_chapter
from coursekit.render.glossary_page import abbreviations
from coursekit.render.tooltips import add_glossary_titles
from coursekit.site_pages import generated_pages

SHIM_SOURCE = Path("iframe-worker") / "shim" / "index.js"
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"

_state: dict[str, Any] = {}


def _content() -> CourseContent:
    return _state["content"]


def _fail(problems: list[Problem]) -> None:
    raise PluginError("Course content has problems:\n" + "\n".join(f"  {p}" for p in problems))


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate all content; point mkdocs-bibtex at the CSL style written out here."""
    paths = project_paths(Path(config.config_file_path).parent)
    try:
        content = load_content(paths)
    except ContentError as exc:
        _fail(exc.problems)
    problems: list[Problem] = []
    for checker in CHECKERS:
        try:
            problems += checker(content)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        _fail(problems)
    _state["content"] = content
    _state["pages"] = generated_pages(content)
    bibtex = config.plugins.get("bibtex")
    if bibtex is not None:
        bibtex.config.csl_file = str(write_csl(paths.cache))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages generated from data (glossary, timeline, concept map, quizzes, ...)."""
    for uri, markdown in _state["pages"].items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=markdown))
    pages = [file.content_string for file in files.documentation_pages()]
    prime_bibtex_plugin(config.plugins.get("bibtex"), _content(), pages)
    for files_filter in FILES_FILTERS:
        files = files_filter(files, config)
    return files


def further_reading_labels(content: CourseContent) -> dict[str, str]:
    """Short labels of every further-reading work, for the chapters' "Go further" boxes."""
    keys = {key for chapter in content.chapters for key in chapter.further_reading}
    return {key: short_label(content.bibliography, key) for key in keys}


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Chapters get their header and footer from front matter; every page gets acronym tooltips.

    Runs before mkdocs-bibtex (priority 100) so citations in rendered front matter are processed too.
    """
    content = _content()
    chapter = content.chapter_by_stem(Path(page.file.src_uri).stem) if page.file.src_uri.startswith(
        "chapters/") else None
    if chapter is not None:
        markdown = render_chapter(chapter, content.glossary, assign_panel(chapter, content, config.site_url),
                                  further_reading_labels(content))
    markdown = expand_markers(markdown, content, page.file.src_uri)
    return markdown + "\n\n" + abbreviations(content) + "\n"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Glossary links carry the term's short definition as a tooltip; features may post-process too."""
    content = _content()
    html = add_glossary_titles(html, content.glossary)
    for html_filter in HTML_FILTERS:
        html = html_filter(html, page.file.src_uri, content)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Features fix the theme's own markup in the finished page (registry.output_filter)."""
    for fix in OUTPUT_FILTERS:
        output = fix(output, page.file.dest_uri)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same fixes for pages rendered from a bare theme template (404.html)."""
    if template_name.endswith(".html"):
        for fix in OUTPUT_FILTERS:
            output_content = fix(output_content, template_name)
    return output_content


def on_post_build(config: MkDocsConfig) -> None:
    """Copy the offline search shim from the npm package, so no page asks a CDN for it."""
    source = _content().paths.node_modules / SHIM_SOURCE
    if not source.is_file():
        raise PluginError(f"{source} is missing: run `make setup` (npm ci) first")
    target = Path(config.site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when data, bibliography or question banks change, not only docs/."""
    paths = _content().paths
    for path in (paths.bibliography.parent, paths.quizzes):
        if path.exists():
            server.watch(str(path))
    return server
