"""The plain-Material baseline: the same pages, the same theme and Markdown extensions, only the search plugin.

Chapters and generated pages are materialised as the Markdown the course build produces (see capture.py), the
static assets are copied, and the config drops hooks, mkdocs-bibtex, the offline plugin and the theme override.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from coursekit.bench.timing import QUIET_ENV, CommandFailed

PLAIN_CONFIG = "mkdocs.plain.yml"


def _absolute_snippets(extensions: list[Any], root: Path) -> list[Any]:
    """pymdownx.snippets resolves base_path from the working directory; pin it to the project's."""
    fixed: list[Any] = []
    for entry in extensions:
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = dict(entry["pymdownx.snippets"] or {})
            options["base_path"] = [str((root / path).resolve()) for path in options.get("base_path", ["."])]
            entry = {"pymdownx.snippets": options}
        fixed.append(entry)
    return fixed


def _copy_generated_files(site: Path, docs: Path) -> None:
    """Files the course's features generate into the site (e.g. reference downloads), so the pages' links resolve."""
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if (path.is_file() and path.suffix != ".html" and relative.parts[0] not in {"assets", "search"}
                and not (docs / relative).exists()):
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, docs / relative)


def make_plain_project(root: Path, target: Path) -> Path:
    """Materialise the baseline project under `target`; returns its config file."""
    docs = target / "docs"
    shutil.copytree(root / "docs", docs, ignore=shutil.ignore_patterns("*.md", "_data", "_snippets"))
    result = subprocess.run(
        [sys.executable, "-m", "coursekit.bench.capture", str(root / "mkdocs.yml"), str(docs), str(target / "site")],
        cwd=root, capture_output=True, text=True, env={**os.environ, **QUIET_ENV},
    )
    if result.returncode != 0:
        raise CommandFailed(f"capturing the final Markdown failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    _copy_generated_files(target / "site", docs)
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plain = {key: value for key, value in config.items()
             if key not in {"hooks", "plugins", "theme", "markdown_extensions", "docs_dir", "site_dir", "extra"}}
    plain.update({
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": _absolute_snippets(config.get("markdown_extensions", []), root),
    })
    path = target / PLAIN_CONFIG
    path.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
