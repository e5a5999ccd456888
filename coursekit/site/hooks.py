"""The course's one MkDocs hooks module: validate content, then hand every event to the registered features.

Everything is validated in on_config, before MkDocs writes a single file, so bad content stops the build with
every problem listed (file:line) and nothing half-written. What each event does is registered by the features
(`coursekit.features`); this module only holds the one `BuildState` of the current build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from coursekit.build_state import BuildState
from coursekit.checks import validate
from coursekit.errors import ContentError, Problem
from coursekit.features import build_registry
from coursekit.pages.text import escape_meta
from coursekit.paths import paths_from_config

_build: BuildState | None = None


def _state() -> BuildState:
    if _build is None:
        raise PluginError("coursekit hooks: on_config has not run")
    return _build


def _fail(problems: list[Problem]) -> None:
    raise PluginError("Course content has problems:\n" + "\n".join(f"  {p}" for p in problems))


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate all content, create this build's state and run the features' set-up steps."""
    global _build
    registry = build_registry()
    try:
        content = validate(paths_from_config(config), registry)
    except ContentError as exc:
        _fail(exc.problems)
    state = BuildState(registry=registry, content=content, site_url=config.site_url)
    state.pages = registry.generated_pages(content)
    for step in registry.config_steps:
        step(config, state)
    _build = state
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages generated from data (glossary, timeline, concept map, quizzes, ...), then the files filters."""
    state = _state()
    for uri, markdown in state.pages.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=markdown))
    for files_filter in state.registry.files_filters:
        files = files_filter(files, config, state)
    return files


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The features' page-metadata filters (numbered chapter titles, search settings), then their Markdown
    filters (chapter header and footer, markers, acronym tooltips).

    Runs before mkdocs-bibtex (priority 100) so citations in rendered front matter are processed too. The page's
    front-matter title and description are plain text, which MkDocs and the theme insert as HTML: escaped here.
    """
    state = _state()
    for meta_filter in state.registry.page_meta_filters:
        meta_filter(page.meta, page.file.src_uri, state)
    escape_meta(page.meta)  # after the metadata filters, so a numbered title is escaped too
    for markdown_filter in state.registry.markdown_filters:
        markdown = markdown_filter(markdown, page.file.src_uri, state)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The features' HTML filters (glossary tooltips, footnote links, ...)."""
    state = _state()
    for html_filter in state.registry.html_filters:
        html = html_filter(html, page.file.src_uri, state.content)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Features fix the theme's own markup in the finished page (Registry.add_output_filter)."""
    for fix in _state().registry.output_filters:
        output = fix(output, page.file.dest_uri)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same fixes for pages rendered from a bare theme template (404.html)."""
    if template_name.endswith(".html"):
        for fix in _state().registry.output_filters:
            output_content = fix(output_content, template_name)
    return output_content


def on_post_build(config: MkDocsConfig) -> None:
    """The features' post-build steps (copy the offline search shim, ...)."""
    state = _state()
    for step in state.registry.post_build_steps:
        step(config, state)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when data, bibliography or question banks change, not only docs/."""
    paths = _state().content.paths
    for path in (paths.bibliography.parent, paths.quizzes):
        if Path(path).exists():
            server.watch(str(path))
    return server
