"""Where a project's content lives: found like `mkdocs` and `git` find theirs, and read from its mkdocs.yml.

The project is the folder holding `mkdocs.yml`, searched for from the working directory upwards (so `course check`
in an instructor's fork checks that fork, not the checkout the package was installed from); `--root` or
`COURSE_ROOT` override the search. `docs_dir` and mkdocs-bibtex's `bib_file` come from mkdocs.yml itself, so
the build and the command line cannot disagree about them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coursekit.errors import ContentError, Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The checkout this package sits in: only tests use it, to find the real content.
REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_NAME = "mkdocs.yml"
DEFAULT_DOCS_DIR = "docs"
DEFAULT_BIB_FILE = "bibliography/references.bib"


@dataclass(frozen=True)
class ProjectPaths:
    """The content folders of one checkout (tests point this at a temporary copy)."""

    root: Path
    docs_dir: str = DEFAULT_DOCS_DIR
    bib_file: str = DEFAULT_BIB_FILE

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @property
    def data(self) -> Path:
        return self.docs / "_data"

    @property
    def chapters(self) -> Path:
        return self.docs / "chapters"

    @property
    def bibliography(self) -> Path:
        return self.root / self.bib_file

    @property
    def quizzes(self) -> Path:
        return self.root / "quizzes"

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"


def find_root(start: Path) -> Path:
    """The nearest folder from `start` upwards that holds mkdocs.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ContentError([Problem(start, None, f"no {CONFIG_NAME} here or in any parent folder: run `course` inside "
                                             "a course project, or pass --root / set COURSE_ROOT")])


def _bib_file(plugins: Any) -> str | None:
    """mkdocs-bibtex's bib_file from the `plugins:` list (entries are names or one-key mappings)."""
    for entry in plugins or []:
        if isinstance(entry, dict) and isinstance(entry.get("bibtex"), dict):
            value = entry["bibtex"].get("bib_file")
            return str(value) if value else None
    return None


def read_config(root: Path) -> ProjectPaths:
    """ProjectPaths for `root`, with docs_dir and the bibliography taken from its mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own loader: it knows the !ENV and !relative tags

    config_file = root / CONFIG_NAME
    if not config_file.is_file():
        return ProjectPaths(root)
    try:
        config = yaml_load(config_file.read_text(encoding="utf-8")) or {}
    except Exception as exc:  # yaml errors come in several types; all mean the same to the user
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ContentError([Problem(config_file, line, f"cannot read {CONFIG_NAME}: {exc}")]) from exc
    if not isinstance(config, dict):
        raise ContentError([Problem(config_file, None, f"{CONFIG_NAME} is not a mapping")])
    return ProjectPaths(root, docs_dir=str(config.get("docs_dir") or DEFAULT_DOCS_DIR),
                        bib_file=_bib_file(config.get("plugins")) or DEFAULT_BIB_FILE)


def project_paths(root: Path | str | None = None) -> ProjectPaths:
    """The project's paths: `root` (--root), else `COURSE_ROOT`, else the nearest mkdocs.yml from the cwd up."""
    if root is None:
        root = os.environ.get("COURSE_ROOT") or None
    folder = Path(root).resolve() if root is not None else find_root(Path.cwd())
    return read_config(folder)


def paths_from_config(config: MkDocsConfig) -> ProjectPaths:
    """The build's paths from the loaded MkDocs config (docs_dir is already absolute there)."""
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    docs_dir = os.path.relpath(docs, root)
    bibtex = config.plugins.get("bibtex")
    bib = getattr(getattr(bibtex, "config", None), "bib_file", None)
    bib_file = os.path.relpath(Path(root, bib).resolve(), root) if bib else DEFAULT_BIB_FILE
    return ProjectPaths(root, docs_dir=docs_dir, bib_file=bib_file)
