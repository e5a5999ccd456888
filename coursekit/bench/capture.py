"""Write every page's final Markdown (after the course hook and mkdocs-bibtex) as plain files.

The plain-Material baseline builds these files with the course's plugins and hooks off, so it renders exactly
the same pages; the difference in build time is what the course's tooling costs.
Run as `python -m coursekit.bench.capture CONFIG DOCS_OUT SITE_OUT` (a build of its own, in its own process).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page


class CapturePlugin(BasePlugin):
    """Records each page's Markdown once every other plugin and hook has changed it."""

    def __init__(self, target: Path) -> None:
        super().__init__()
        self.target = target

    @event_priority(-1000)
    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        meta = {key: _plain(value) for key, value in page.meta.items()
                if isinstance(value, str | int | float | bool | list)}
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
        path = self.target / page.file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + markdown, encoding="utf-8")
        return markdown


def _plain(value: Any) -> Any:
    """Front-matter values as plain YAML types (a title may be a str subclass such as markupsafe.Markup)."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, str) else value


def capture(config_file: Path, docs_out: Path, site_out: Path) -> None:
    config = load_config(str(config_file), site_dir=str(site_out))
    config.plugins["bench-capture"] = CapturePlugin(docs_out)
    build(config)


if __name__ == "__main__":
    capture(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
