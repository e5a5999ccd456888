"""The extension points features plug into, held by one `Registry` object.

Each feature module has a `register(registry)` function; `coursekit.features.FEATURES` calls them in one
ordered list (compare Sphinx's `setup(app)`), so nothing registers by the side effect of an import and the
order never depends on how imports are sorted. Filters carry a priority, highest first, like
`mkdocs.plugins.event_priority`; features with the same priority run in registration order.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from coursekit.build_state import BuildState
    from coursekit.content.load import CourseContent
    from coursekit.errors import Problem

# content -> {src_uri: Markdown}: pages MkDocs gets from data (glossary, quizzes, bibliography ...).
PageGenerator = Callable[["CourseContent"], dict[str, str]]

# (content, page src_uri) -> Markdown, put where an author wrote `<!-- course:NAME -->`.
MarkerRenderer = Callable[["CourseContent", str], str]

# content -> problems, run by `course check` and by the build (both through `coursekit.checks.validate`).
Checker = Callable[["CourseContent"], list["Problem"]]

# adds one subcommand (with `func` set) to the `course` parser.
CommandRegistrar = Callable[[argparse._SubParsersAction], None]

# (markdown, page src_uri, state) -> markdown: the page's Markdown before MkDocs renders it.
MarkdownFilter = Callable[[str, str, "BuildState"], str]

# (page metadata, page src_uri, state) -> None: change a page's metadata before it is rendered (its title in the
# navigation and <title>, Material's `search` settings ...).
PageMetaFilter = Callable[[dict, str, "BuildState"], None]

# (html, page src_uri, content) -> html: post-processing of rendered pages.
HtmlFilter = Callable[[str, str, "CourseContent"], str]

# (whole HTML document, its path in the site) -> html: fixes to the theme's own markup, on every page and 404.html.
OutputFilter = Callable[[str, str], str]

# (files, config, state) -> files: add or replace files once the page set is known (e.g. bundle stylesheets).
FilesFilter = Callable[["Files", "MkDocsConfig", "BuildState"], "Files"]

# (config, state) -> None: set-up once the content is valid (configure a plugin ...), or work done once the site
# is written (copy vendored assets ...).
BuildStep = Callable[["MkDocsConfig", "BuildState"], None]

F = TypeVar("F")


@dataclass
class Ordered(Generic[F]):
    """Functions with priorities; iterating yields the highest priority first, ties in registration order."""

    entries: list[tuple[int, int, F]] = field(default_factory=list)

    def add(self, function: F, priority: int = 0) -> None:
        self.entries.append((priority, len(self.entries), function))

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(function for _, _, function in sorted(self.entries, key=lambda e: (-e[0], e[1])))

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class Registry:
    """Everything the features registered: the hook and the CLI read only this."""

    page_generators: list[PageGenerator] = field(default_factory=list)
    markers: dict[str, MarkerRenderer] = field(default_factory=dict)
    checkers: list[Checker] = field(default_factory=list)
    commands: list[CommandRegistrar] = field(default_factory=list)
    markdown_filters: Ordered[MarkdownFilter] = field(default_factory=Ordered)
    page_meta_filters: list[PageMetaFilter] = field(default_factory=list)
    html_filters: Ordered[HtmlFilter] = field(default_factory=Ordered)
    output_filters: Ordered[OutputFilter] = field(default_factory=Ordered)
    files_filters: Ordered[FilesFilter] = field(default_factory=Ordered)
    config_steps: list[BuildStep] = field(default_factory=list)
    post_build_steps: list[BuildStep] = field(default_factory=list)
    _pages: tuple[CourseContent, dict[str, str]] | None = field(default=None, repr=False, compare=False)

    def add_page_generator(self, function: PageGenerator) -> None:
        self.page_generators.append(function)

    def add_marker(self, name: str, function: MarkerRenderer) -> None:
        if name in self.markers:
            raise ValueError(f"marker {name!r} registered twice")
        self.markers[name] = function

    def add_checker(self, function: Checker) -> None:
        self.checkers.append(function)

    def add_command(self, function: CommandRegistrar) -> None:
        self.commands.append(function)

    def add_markdown_filter(self, function: MarkdownFilter, priority: int = 0) -> None:
        self.markdown_filters.add(function, priority)

    def add_page_meta_filter(self, function: PageMetaFilter) -> None:
        self.page_meta_filters.append(function)

    def add_html_filter(self, function: HtmlFilter, priority: int = 0) -> None:
        self.html_filters.add(function, priority)

    def add_output_filter(self, function: OutputFilter, priority: int = 0) -> None:
        self.output_filters.add(function, priority)

    def add_files_filter(self, function: FilesFilter, priority: int = 0) -> None:
        self.files_filters.add(function, priority)

    def add_config_step(self, function: BuildStep) -> None:
        self.config_steps.append(function)

    def add_post_build_step(self, function: BuildStep) -> None:
        self.post_build_steps.append(function)

    def generated_pages(self, content: CourseContent) -> dict[str, str]:
        """All generated pages; two generators claiming one path is a programming error.

        Made once per content object (the build and a checker that reads the pages share one run)."""
        if self._pages is not None and self._pages[0] is content:
            return dict(self._pages[1])
        pages: dict[str, str] = {}
        for make_pages in self.page_generators:
            for uri, markdown in make_pages(content).items():
                if uri in pages:
                    raise ValueError(f"two generators produce {uri}")
                pages[uri] = markdown
        self._pages = (content, pages)
        return dict(pages)
