"""The state of one MkDocs build, held in one object created in `on_config` (not in module globals).

Compare how Material's plugins keep their managers on the plugin instance: the hooks module keeps exactly one
`BuildState`, replaced on every `on_config`, so `mkdocs serve` rebuilds never see a previous build's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coursekit.content.load import CourseContent
from coursekit.registry import Registry


@dataclass
class BuildState:
    """Validated content, the registry of features, and what the build derives once from them."""

    registry: Registry
    content: CourseContent
    site_url: str | None = None
    # src_uri -> Markdown of every page generated from data (filled in on_config, added in on_files).
    pages: dict[str, str] = field(default_factory=dict)
