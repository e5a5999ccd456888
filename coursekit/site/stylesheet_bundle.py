"""One stylesheet request for the course's own CSS, however many feature files `extra_css` lists.

Every feature keeps its own file under docs/assets/css/ (quiz.css, instructors.css, ...), which is how the team
works; readers, though, would pay one request per file on every page. At build time the local files of
`extra_css` that sit in docs/assets/css/ are concatenated, in their listed order, into one generated file in that
same folder (so relative url()s keep working), minified, and `extra_css` points at it instead. The source files
are still copied, so nothing that links to one directly breaks.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from coursekit.registry import Registry

_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SPACE = re.compile(r"\s+")
_AROUND_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")
CSS_FOLDER = "assets/css"
BUNDLE_URI = f"{CSS_FOLDER}/course.bundle.css"


def minify(css: str) -> str:
    """Drop comments and layout whitespace outside strings; spaces that are combinators (`a :is(b)`) are kept."""
    pieces = _STRING.split(_COMMENT.sub("", css))  # odd indexes are quoted strings, kept as written
    for index in range(0, len(pieces), 2):
        pieces[index] = _AROUND_PUNCTUATION.sub(r"\1", _SPACE.sub(" ", pieces[index]))
    return "".join(pieces).strip()


def _bundled_entries(extra_css: list[str], files: Files) -> list[str]:
    """The extra_css entries that can be bundled: files of the site in assets/css/, not URLs."""
    return [entry for entry in extra_css
            if posixpath.dirname(entry) == CSS_FOLDER and files.get_file_from_path(entry) is not None]


def bundle_stylesheets(files: Files, config: MkDocsConfig, state: object = None) -> Files:
    """Concatenate the course's stylesheets into assets/css/course.bundle.css and link only that."""
    extra_css = [str(entry) for entry in config.extra_css]
    entries = _bundled_entries(extra_css, files)
    if len(entries) < 2:
        return files
    parts = []
    for entry in entries:
        css = files.get_file_from_path(entry).content_string  # type: ignore[union-attr]
        if "@import" in css or "@charset" in css:
            raise PluginError(f"docs/{entry}: @import and @charset cannot be bundled; write the rules in the file")
        parts.append(f"/* {entry} */\n{minify(css)}\n")
    files.append(File.generated(config, BUNDLE_URI, content="".join(parts)))
    first = extra_css.index(entries[0])
    config.extra_css = [entry for entry in extra_css[:first] if entry not in entries] + [BUNDLE_URI] + [
        entry for entry in extra_css[first:] if entry not in entries]
    return files


def register(registry: Registry) -> None:
    registry.add_files_filter(bundle_stylesheets)
