"""The extension points features plug into: generated pages, page markers, `course check` checkers, CLI commands.

A feature module registers itself at import; `coursekit.features` imports every feature module, and both the
MkDocs hook and the CLI import `coursekit.features`, so the site and the command line always see the same set.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from coursekit.content.load import CourseContent
    from coursekit.errors import Problem

# content -> {src_uri: Markdown}: pages MkDocs gets from data (glossary, quizzes, bibliography ...).
PageGenerator = Callable[["CourseContent"], dict[str, str]]
GENERATORS: list[PageGenerator] = []

# (content, page src_uri) -> Markdown, put where an author wrote `<!-- course:NAME -->`.
MarkerRenderer = Callable[["CourseContent", str], str]
MARKERS: dict[str, MarkerRenderer] = {}

# content -> problems, run by `course check` and by the build.
Checker = Callable[["CourseContent"], list["Problem"]]
CHECKERS: list[Checker] = []

# adds one subcommand (with `func` set) to the `course` parser.
CommandRegistrar = Callable[[argparse._SubParsersAction], None]
COMMANDS: list[CommandRegistrar] = []

# (html, page src_uri, content) -> html: post-processing of rendered pages.
HtmlFilter = Callable[[str, str, "CourseContent"], str]
HTML_FILTERS: list[HtmlFilter] = []

# (whole HTML document, its path in the site) -> html: fixes to the theme's own markup, on every page and 404.html.
OutputFilter = Callable[[str, str], str]
OUTPUT_FILTERS: list[OutputFilter] = []

# (files, config) -> files: add or replace static files once the page set is known (e.g. bundle stylesheets).
FilesFilter = Callable[["Files", "MkDocsConfig"], "Files"]
FILES_FILTERS: list[FilesFilter] = []


def generator(function: PageGenerator) -> PageGenerator:
    GENERATORS.append(function)
    return function


def marker(name: str) -> Callable[[MarkerRenderer], MarkerRenderer]:
    def register(function: MarkerRenderer) -> MarkerRenderer:
        if name in MARKERS:
            raise ValueError(f"marker {name!r} registered twice")
        MARKERS[name] = function
        return function

    return register


def checker(function: Checker) -> Checker:
    CHECKERS.append(function)
    return function


def command(function: CommandRegistrar) -> CommandRegistrar:
    COMMANDS.append(function)
    return function


def html_filter(function: HtmlFilter) -> HtmlFilter:
    HTML_FILTERS.append(function)
    return function


def output_filter(function: OutputFilter) -> OutputFilter:
    OUTPUT_FILTERS.append(function)
    return function


def files_filter(function: FilesFilter) -> FilesFilter:
    FILES_FILTERS.append(function)
    return function
