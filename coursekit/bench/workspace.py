"""A throw-away copy of the project to measure on: same content and code, empty caches, own site folder."""

from __future__ import annotations

import shutil
from pathlib import Path

# Left out of the copy: environments, outputs and caches (node_modules is linked, it is large and read-only here).
SKIPPED = {".git", ".venv", "node_modules", "site", "dist", ".cache", "bench", ".pytest_cache", ".ruff_cache",
           "__pycache__", "test-results"}


def copy_project(root: Path, target: Path) -> Path:
    """Copy what a build reads into `target` and link node_modules; returns the copy's root."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        if entry.name in SKIPPED or entry.name.endswith(".egg-info"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, target / entry.name)
    modules = root / "node_modules"
    if modules.is_dir():
        (target / "node_modules").symlink_to(modules, target_is_directory=True)
    return target
