"""The offline search shim, copied from the npm package after the build, so no page asks a CDN for it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from coursekit.registry import Registry

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from coursekit.build_state import BuildState

SHIM_SOURCE = Path("iframe-worker") / "shim" / "index.js"
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"


def copy_search_shim(config: MkDocsConfig, state: BuildState) -> None:
    """Copy iframe-worker's shim into the site (node_modules is pinned by package-lock.json)."""
    source = state.content.paths.node_modules / SHIM_SOURCE
    if not source.is_file():
        raise PluginError(f"{source} is missing: run `make setup` (npm ci) first")
    target = Path(config.site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def register(registry: Registry) -> None:
    registry.add_post_build_step(copy_search_shim)
