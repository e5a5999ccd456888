"""The course site builds strictly from the real mkdocs.yml, and the build contains what the navigation promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from coursekit.paths import REPO_ROOT


def _nav_files(entries: list) -> list[str]:
    """Every Markdown file named in an mkdocs.yml `nav`, in order."""
    found: list[str] = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


@pytest.mark.slow
def test_every_nav_page_is_built(built_site: Path) -> None:
    config = yaml_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    expected = [name.removesuffix(".md") + ".html" for name in _nav_files(config["nav"])]
    assert expected, "mkdocs.yml has no nav"
    missing = [name for name in expected if not (built_site / name).is_file()]
    assert not missing, f"nav pages missing from the strict build: {missing}"


@pytest.mark.slow
def test_build_is_self_contained(built_site: Path) -> None:
    """The offline search shim and the search index ship with the site (file:// search depends on them)."""
    assert (built_site / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    assert (built_site / "search" / "search_index.js").is_file()
